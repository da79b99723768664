"""Read corpus files into ``SourceDocument``s.

Plain text is decoded and its line ends normalised, nothing else, so that
offsets into ``SourceDocument.text`` are offsets into the file's own text
(graph contract, Evidence). HTML pages give their visible text and Word
files (.docx) their paragraphs and table rows; offsets then refer to that
text. Anything else is skipped with a one-line reason.
"""
from __future__ import annotations


import codecs
import os
import re
import stat
from functools import lru_cache
from pathlib import Path
from typing import Optional

from kg.datafiles import phrase_pattern, read_lines
from kg.read.html_text import looks_like_html, visible_text
from kg.models import SkippedFile, SourceDocument

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
DOCX_SUFFIXES = (".docx",)
# Formats people often drop into a folder, with what to do about them.
UNSUPPORTED = {".pdf": "PDF is not read; convert it to text first",
               ".doc": "legacy Word .doc is not read; save it as .docx or text",
               ".wps": "WPS files are not read; save as .docx or text",
               ".ofd": "OFD is not read; convert it to text first"}
MAX_BYTES = 20 * 1024 * 1024
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MAX_DOCX_INFLATED = 200 * 1024 * 1024    # the parts of a .docx, inflated
MAX_DOCX_TEXT = 20 * 1024 * 1024         # characters of text a .docx may yield (as a text file's bytes)


class CorpusError(Exception):
    """The corpus as a whole cannot be read (missing, not a directory, empty)."""


class UnreadableFile(ValueError):
    pass


class TruncatedUTF8(ValueError):
    """UTF-8 cut inside its last character; carries the text before it."""

    def __init__(self, text: str):
        super().__init__("file ends inside a UTF-8 character")
        self.text = text


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM or not), UTF-16 with BOM, GB18030 or Big5.

    Returns (text, encoding). Text that is not UTF-8 is read as GB18030 or
    as Big5, whichever reads it into common characters (``_gb_or_big5``).
    Raises UnreadableFile rather than guessing: a byte string that none of
    these decodes strictly is not silently mangled.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strictly(data, "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strictly(data, "utf-16")
    if b"\x00" in data:
        raise UnreadableFile("binary content (NUL bytes)")
    try:
        return _no_nul(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and len(data) - exc.start < 4:
            raise TruncatedUTF8(data[:exc.start].decode("utf-8")) from exc
    return _gb_or_big5(data)


NOT_TEXT = "not valid UTF-8, UTF-16, GB18030 or Big5 text"
BIG5_CODECS = {"cp950": "big5", "big5hkscs": "big5-hkscs"}   # Big5 as Windows writes it; with Hong Kong's additions
BIG5_MARGIN = 0.1        # Big5 must read this much more of a text's characters as common ones
BIG5_LEAST = 10          # ... and at least this many Chinese characters (a few symbols read either way)


def _gb_or_big5(data: bytes) -> tuple[str, str]:
    """GB18030 decodes almost any bytes, Big5 text included (as gibberish of
    rare characters): so each decoding that succeeds is scored by the share
    of its Chinese characters (in simplified form) among the commonest
    (kg/data/common_hanzi.txt), and Big5 is taken only when it scores
    clearly higher over enough characters to tell."""
    readings = []
    for codec, name in (("gb18030", "gb18030"), *BIG5_CODECS.items()):
        try:
            readings.append((data.decode(codec), name))
        except UnicodeDecodeError:
            continue
        if codec != "gb18030":
            break                  # one Big5 reading is enough
    if not readings:
        raise UnreadableFile(NOT_TEXT)
    text, encoding = readings[0]
    if len(readings) == 2:
        share, chinese = _common_share(readings[1][0])
        if chinese >= BIG5_LEAST and share >= _common_share(text)[0] + BIG5_MARGIN:
            text, encoding = readings[1]
    return _no_nul(text, encoding)


def _common_share(text: str) -> tuple[float, int]:
    """The share of a text's Chinese characters among the commonest, and how many it holds."""
    from kg.lexicon.folding import to_simplified
    chinese = [c for c in to_simplified(text) if "\u4e00" <= c <= "\u9fff"]
    return (sum(c in _common_hanzi() for c in chinese) / len(chinese) if chinese else 0.0), len(chinese)


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    return frozenset("".join(read_lines("common_hanzi.txt")))


def _strictly(data: bytes, codec: str) -> tuple[str, str]:
    """The text in the encoding its byte order mark names, or UnreadableFile."""
    try:
        return _no_nul(data.decode(codec), codec)
    except UnicodeDecodeError:
        raise UnreadableFile(NOT_TEXT) from None


def _no_nul(text: str, encoding: str) -> tuple[str, str]:
    if "\x00" in text:
        raise UnreadableFile("binary content (NUL characters)")
    return text, encoding


def normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: Path, corpus_dir: Optional[Path] = None) -> bytes:
    """A file's bytes, within the size limit; raises UnreadableFile. With
    ``corpus_dir``, the file as opened must lie inside that folder: a file
    the listing found inside and that was swapped for a link out of the
    corpus since (while the build ran) is not read. The size is that of the
    open file, and no more than the limit is read of a file that grows."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))   # a FIFO does not block
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "rb") as fh:
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode):
                raise UnreadableFile("not a regular file")
            if corpus_dir is not None and not _inside(_opened_path(fd, path), Path(corpus_dir).resolve()):
                raise UnreadableFile("a link out of the corpus folder (it became one after the corpus was listed); "
                                     "not read")
            if status.st_size > MAX_BYTES:
                raise UnreadableFile(f"too large ({status.st_size} bytes, limit {MAX_BYTES})")
            data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > MAX_BYTES:
        raise UnreadableFile(f"too large (over {MAX_BYTES} bytes, limit {MAX_BYTES})")
    return data


def _opened_path(fd: int, path: Path) -> Path:
    """Where an open file really is: the kernel's name for the descriptor
    (Linux), else the path with its links resolved."""
    try:
        return Path(os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        return Path(os.path.realpath(path))


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def read_source(path: Path, corpus_dir: Path, data: Optional[bytes] = None) -> SourceDocument:
    """Read one file (or decode ``data``, its bytes as already read); raises
    UnreadableFile with the reason."""
    relative = relative_name(path, corpus_dir)
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise UnreadableFile(UNSUPPORTED[suffix])
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES:
        raise UnreadableFile(f"unsupported file type {path.suffix or '(none)'}")
    if data is None:
        data = read_bytes(path, corpus_dir)
    notes: tuple[str, ...] = ()
    if suffix in DOCX_SUFFIXES:
        text, encoding = docx_text(data), "docx"
    else:
        try:
            text, encoding = decode(data)
        except TruncatedUTF8 as exc:
            text, encoding = exc.text, "utf-8"
            notes = ("the file ends inside a UTF-8 character; that last partial character was dropped",)
        if suffix in HTML_SUFFIXES or looks_like_html(text):
            text, encoding = visible_text(text), f"html/{encoding}"
    text, removed = remove_pinyin_annotations(normalise_line_ends(text))
    if removed:
        notes += (f"{removed} pinyin annotations inserted after characters (关(guān)于) were removed; "
                  "offsets count characters of the text without them",)
    if not text.strip():
        raise UnreadableFile("empty file" if not data.strip() else "no text in the file")
    return SourceDocument(path=path, relative_path=relative, text=text, encoding=encoding, notes=notes)


# A mirror's damage: the reading of a character in brackets right after it,
# with a tone mark (發(fā)布, 關(guān)于; phrase pattern pinyin_annotation): three
# or more make a text damaged so. Mirrors that drop the tone marks (國務(wu)院)
# need more, since a bracketed word after a character can be real text.
MIN_PINYIN_ANNOTATIONS = {"pinyin_annotation": 3, "pinyin_annotation_toneless": 8}


def remove_pinyin_annotations(text: str) -> tuple[str, int]:
    removed = 0
    for name, least in MIN_PINYIN_ANNOTATIONS.items():
        found = len(phrase_pattern(name).findall(text))
        if found >= least:
            text, removed = phrase_pattern(name).sub("", text), removed + found
    return text, removed


def docx_text(data: bytes) -> str:
    """Paragraphs and table rows of a Word file, in document order, one per
    line (cells separated by a tab)."""
    import io
    import zipfile

    import docx
    from docx.table import Table

    from lxml.etree import XMLSyntaxError

    _check_inflation(data)
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend("\t".join(cell.text for cell in row.cells) for row in block.rows)
            else:
                lines.append(block.text)
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise UnreadableFile(f"not a valid .docx file ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # noqa: BLE001 - python-docx raises what it likes on a malformed package
        raise UnreadableFile(f"not a readable .docx file ({type(exc).__name__}: {exc})") from exc
    text = "\n".join(lines) + "\n"
    if len(text) > MAX_DOCX_TEXT:
        raise UnreadableFile(f"it holds {len(text)} characters of text (limit {MAX_DOCX_TEXT}); not read")
    return text


def _check_inflation(data: bytes) -> None:
    """Inflate every part of a .docx once, counting the bytes that really
    come out (a part may declare 4 kB and hold gigabytes): refused past
    MAX_DOCX_INFLATED, before python-docx reads anything."""
    import io
    import zipfile
    import zlib
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for part in package.infolist():
                if part.file_size > MAX_DOCX_INFLATED:
                    raise UnreadableFile(f"its parts inflate to {part.file_size} bytes or more "
                                         f"(limit {MAX_DOCX_INFLATED}); not read")
                with package.open(part) as stream:
                    while chunk := stream.read(1 << 20):
                        total += len(chunk)
                        if total > MAX_DOCX_INFLATED:
                            raise UnreadableFile(f"its parts inflate to over {MAX_DOCX_INFLATED} bytes; not read")
    except UnreadableFile:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, NotImplementedError,
            ValueError) as exc:
        raise UnreadableFile(f"not a valid .docx file ({type(exc).__name__}: {exc})") from exc


def relative_name(path: Path, corpus_dir: Path) -> str:
    """A file's path in the corpus, POSIX form, as text that any output can
    carry: bytes of a name that are not UTF-8 are written as \\xNN."""
    name = path.relative_to(corpus_dir).as_posix()
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    # a newline or an escape sequence in a name would forge lines or drive the
    # terminal the summary is printed on: written as \xNN
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


def corpus_files(corpus_dir: Path, skipped: Optional[list] = None, output: Optional[Path] = None) -> list[Path]:
    """Every regular file below the corpus directory except README/index files,
    hidden ones, those of the build's own ``output`` folder (a build into
    corpus/build reads none of its outputs as documents) and those of any
    other folder holding a kg build's outputs, in a stable order.
    A link is followed only to a file inside the corpus; a link out of it, a
    dangling link or a loop is passed over and, when ``skipped`` is given,
    named there with the reason."""
    if not corpus_dir.exists():
        raise CorpusError(f"{corpus_dir}: corpus directory does not exist")
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}: not a directory")
    root = corpus_dir.resolve()
    own = Path(output).resolve() if output is not None else None
    entries = sorted(corpus_dir.rglob("*"))
    builds = {path.parent for path in entries if _holds_a_build(path)}
    files = []
    for path in entries:
        rel = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if own is not None and (path.resolve() == own or own in path.resolve().parents):
            continue
        if any(folder in path.parents for folder in builds):
            continue
        if path.name.upper() in {"README.MD", "SOURCES.MD", "INDEX.TSV"}:
            continue
        reason = _link_problem(path, root)
        if reason is not None:
            if skipped is not None:
                skipped.append(SkippedFile(relative_name(path, corpus_dir), reason))
            continue
        if path.is_file():
            files.append(path)
    if not files:
        raise CorpusError(f"{corpus_dir}: no documents in the corpus directory")
    return files


# In every folder kg build writes (kg.pipeline.build's lock); a folder an
# older build wrote is known by its graph and report side by side
BUILD_LOCK = ".kg-build.lock"


def _holds_a_build(path: Path) -> bool:
    """Whether ``path`` marks its folder as a kg build's output folder."""
    return path.name == BUILD_LOCK or (path.name == "graph.trig" and (path.parent / "report.json").is_file())


def _link_problem(path: Path, root: Path) -> Optional[str]:
    """Why a symbolic link (or a path through one) is not read, or None."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return "a link to nothing (dangling)"
    except RuntimeError:
        return "a link that loops"
    if not _inside(target, root):
        return "a link out of the corpus folder; not read"
    return None


def load_corpus(corpus_dir: Path) -> tuple[list[SourceDocument], list[SkippedFile]]:
    """Read every document of a corpus directory.

    Returns the documents read and the files skipped, each with its reason.
    Raises CorpusError when the directory is missing or holds no file at all.
    """
    corpus_dir = Path(corpus_dir).resolve()
    documents: list[SourceDocument] = []
    skipped: list[SkippedFile] = []
    files = corpus_files(corpus_dir, skipped)
    for path in files:
        try:
            documents.append(read_source(path, corpus_dir))
        except UnreadableFile as exc:
            skipped.append(SkippedFile(relative_name(path, corpus_dir), str(exc)))
    return documents, skipped
