"""Read the rule and dictionary files in ``kg/data`` (lazily, once).

Code holds no tables: every list of words, codes or patterns is a file here,
and these helpers are the only way modules read them.
"""
from __future__ import annotations

import csv
import hashlib
import re
import sys
from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
# ontology/ and queries/ stand beside the package in a checkout (and an
# editable install); a wheel installs them as data files under
# <prefix>/share/policy-kg (setup.cfg, [options.data_files]).
INSTALLED_SHARE = Path(sys.prefix) / "share" / "policy-kg"


def _project_dir(name: str) -> Path:
    beside = PACKAGE_DIR.parent / name
    return beside if beside.is_dir() else INSTALLED_SHARE / name


ONTOLOGY_DIR = _project_dir("ontology")
SAVED_QUERIES_DIR = _project_dir("queries")
# The YASGUI editor, installed from the npm registry by `make` into the
# checkout's web/node_modules (never committed); kg serve falls back to a
# plain editor where it is missing.
YASGUI_DIR = PACKAGE_DIR.parent / "web" / "node_modules" / "@zazuko" / "yasgui" / "build"


class DataFileError(ValueError):
    """A data file is malformed; the message names the file and the row."""


@lru_cache(maxsize=None)
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated data file with a header line, as dicts."""
    path = DATA_DIR / name
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = []
        for lineno, row in enumerate(reader, start=2):
            if None in row or any(v is None for v in row.values()):
                raise DataFileError(f"{path}: line {lineno}: wrong number of columns")
            rows.append(dict(row))
    return tuple(rows)


@lru_cache(maxsize=None)
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text data file."""
    path = DATA_DIR / name
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.rstrip("\n")
        if line.strip() and not line.lstrip().startswith("#"):
            lines.append(line.strip())
    return tuple(lines)


def level_words(use: str) -> dict[str, tuple[str, ...]]:
    """Words that name a level (``level_words.tsv``), for one use (prefix,
    own, collective): each word and the levels it may name, in the file's order."""
    return {r["word"]: split_list(r["levels"]) for r in read_tsv("level_words.tsv") if r["use"] == use}


def name_endings(kind: str) -> tuple[str, ...]:
    """The endings of names of one kind (``name_endings.tsv``: organ, collective, area, order_organ)."""
    return tuple(r["ending"] for r in read_tsv("name_endings.tsv") if r["kind"] == kind)


def split_list(cell: str) -> tuple[str, ...]:
    """A '|'-separated cell as a tuple of its non-empty parts."""
    return tuple(part for part in cell.split("|") if part)


@lru_cache(maxsize=None)
def rules_version() -> str:
    """A digest of every data file: changes whenever a rule or dictionary does."""
    digest = hashlib.sha256()
    for path in sorted(DATA_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(DATA_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=None)
def phrase_pattern(name: str) -> re.Pattern:
    """A named pattern of ``phrase_patterns.tsv`` (a phrase of the language of
    government documents, with an example that the tests check)."""
    for row in read_tsv("phrase_patterns.tsv"):
        if row["name"] == name:
            return re.compile(row["pattern"], re.M)
    raise DataFileError(f"{DATA_DIR / 'phrase_patterns.tsv'}: no pattern named {name}")
