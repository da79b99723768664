"""Read corpus files into ``SourceDocument``s.

Plain text is decoded and its line ends normalised, nothing else, so that
offsets into ``SourceDocument.text`` are offsets into the file's own text
(graph contract, Evidence). HTML pages give their visible text and Word
files (.docx) their paragraphs and table rows; offsets then refer to that
text. Anything else is skipped with a one-line reason.
"""
from __future__ import annotations


import codecs
import re
from pathlib import Path
from typing import Optional

from kg.datafiles import phrase_pattern
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
    """Decode bytes as UTF-8 (BOM or not), UTF-16 with BOM, or GB18030.

    Returns (text, encoding). Raises UnreadableFile rather than guessing: a
    byte string that none of these decodes strictly is not silently mangled.
    """
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        raise UnreadableFile("binary content (NUL bytes)")
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            if encoding == "utf-8" and exc.reason == "unexpected end of data" and len(data) - exc.start < 4:
                raise TruncatedUTF8(data[:exc.start].decode("utf-8")) from exc
            continue
        if "\x00" in text:
            raise UnreadableFile("binary content (NUL characters)")
        return text, encoding
    raise UnreadableFile("not valid UTF-8, UTF-16 or GB18030 text")


def normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: Path) -> bytes:
    """A file's bytes, within the size limit; raises UnreadableFile."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UnreadableFile(f"too large ({size} bytes, limit {MAX_BYTES})")
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from exc


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
        data = read_bytes(path)
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
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError, ValueError) as exc:
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
    hidden ones and those of the build's own ``output`` folder (a build into
    corpus/build reads none of its outputs as documents), in a stable order.
    A link is followed only to a file inside the corpus; a link out of it, a
    dangling link or a loop is passed over and, when ``skipped`` is given,
    named there with the reason."""
    if not corpus_dir.exists():
        raise CorpusError(f"{corpus_dir}: corpus directory does not exist")
    if not corpus_dir.is_dir():
        raise CorpusError(f"{corpus_dir}: not a directory")
    root = corpus_dir.resolve()
    own = Path(output).resolve() if output is not None else None
    files = []
    for path in sorted(corpus_dir.rglob("*")):
        rel = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if own is not None and (path.resolve() == own or own in path.resolve().parents):
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
    if target != root and root not in target.parents:
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
