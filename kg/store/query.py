"""Run SPARQL over a built graph: inline text or a saved ``.rq`` file, with
``--bind`` values, and results as a table, CSV or SPARQL JSON."""
from __future__ import annotations

from itertools import islice

import csv
import io
import re
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Optional, Sequence, Union

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from kg.datafiles import SAVED_QUERIES_DIR

from kg.models import QueryResult
from kg.store.database import GraphStore, to_rdflib
from kg.store.sparql_guard import calls_service
from kg.rdf.vocab import PREFIXES

SAVED_QUERIES = SAVED_QUERIES_DIR


def prefix_declarations(query: str = "") -> str:
    """PREFIX lines for the project's prefixes that ``query`` does not
    declare itself: what a query sent to another store needs."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items())
                   if not re.search(rf"PREFIX\s+{p}:", query, re.IGNORECASE))


class QueryError(ValueError):
    """The query cannot be parsed or run; the message is the parser's."""


# A saved query declares each parameter in its header:
#   # @param NAME KIND MEANING ; e.g. EXAMPLE [; where: PATTERN]
# KIND is number (a document number in any written form), string, code (an
# area code), boolean or iri. Binding NAME puts ``VALUES ?NAME { value }`` and
# PATTERN (what makes the parameter a required match, where the query reads
# it only inside OPTIONAL) at the head of the WHERE clause.
PARAMETER = re.compile(r"^#\s*@param\s+(?P<name>\w+)\s+(?P<kind>number|string|code|boolean|iri|date)\s+"
                       r"(?P<meaning>.+?)\s*;\s*e\.g\.\s*(?P<example>\S+)(?:\s*;\s*where:\s*(?P<where>.+?))?\s*$",
                       re.M)
# A column the query computes as a boolean (BIND(EXISTS …)) is declared:
#   # @column NAME boolean
# so that a client reads it back as one: Virtuoso 7 answers a computed
# boolean as an xsd:integer 0 or 1.
BOOLEAN_COLUMN = re.compile(r"^#\s*@column\s+(?P<name>\w+)\s+boolean\s*$", re.M)
# The pages are Chinese first: a saved query says what it does in Chinese too.
#   # @zh SUMMARY
#   # @param-zh NAME MEANING
SUMMARY_ZH = re.compile(r"^#\s*@zh\s+(.+)$", re.M)
PARAMETER_ZH = re.compile(r"^#\s*@param-zh\s+(\w+)\s+(.+)$", re.M)
SAVED_NAME = re.compile(r"^[\w-]+$")


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str
    meaning: str
    example: str
    where: Optional[str]


@dataclass(frozen=True)
class SavedQuery:
    name: str
    summary: str                        # the header's first line
    parameters: tuple[Parameter, ...]
    text: str
    computed_booleans: tuple[str, ...] = ()     # declared by @column NAME boolean
    summary_zh: str = ""                        # # @zh …: the summary in Chinese, for the pages
    meanings_zh: tuple[tuple[str, str], ...] = ()   # # @param-zh NAME …: each parameter's meaning in Chinese

    def described(self, lang: str) -> tuple[str, list[str]]:
        """The summary and each parameter's hint, in the page's language."""
        meanings = dict(self.meanings_zh) if lang == "zh" else {}
        summary = self.summary_zh if lang == "zh" and self.summary_zh else self.summary
        return summary, [f"{p.name} ({p.kind}): {meanings.get(p.name, p.meaning)}" for p in self.parameters]

    @property
    def boolean_columns(self) -> tuple[str, ...]:
        """Columns holding booleans a store computes (Virtuoso 7 answers
        them, and a boolean parameter bound by VALUES, as 0/1 integers)."""
        return self.computed_booleans + tuple(p.name for p in self.parameters if p.kind == "boolean")

    def bound(self, bindings: Mapping[str, str]) -> str:
        """The text with each given parameter fixed and made a required match."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(bindings) - set(known))
        if unknown:
            choices = ", ".join(known) or "none"
            raise QueryError(f"{self.name}: no parameter {', '.join(unknown)}; its parameters: {choices}")
        head = ""
        for name, value in bindings.items():
            parameter = known[name]
            head += f" VALUES ?{name} {{ {_parameter_term(parameter, value)} }}"
            if parameter.where:
                head += f" {parameter.where} ."
        before, sep, after = self.text.partition("WHERE {")
        if not sep:
            raise QueryError(f"{self.name}: the query has no WHERE clause")
        return f"{before}WHERE {{{head}{after}"


def _parameter_term(parameter: Parameter, value: str) -> str:
    """The SPARQL term of a parameter's value, by its kind."""
    if parameter.kind == "number":
        from kg.lexicon.docnumber import normalise
        try:
            value = normalise(value)
        except ValueError:
            pass
    if parameter.kind == "boolean":
        if value not in ("true", "false"):
            raise QueryError(f"{parameter.name}: expected true or false, got {value!r}")
        return value
    if parameter.kind == "date":
        from kg.lexicon.dates import parse_date
        day = parse_date(value)
        if day is None:
            raise QueryError(f"{parameter.name}: expected a date such as 2024-01-01, got {value!r}")
        return f'"{day.isoformat()}"^^<http://www.w3.org/2001/XMLSchema#date>'
    if parameter.kind == "iri":
        term = _term(value)
        if not isinstance(term, URIRef):
            raise QueryError(f"{parameter.name}: expected an IRI or prefix:name, got {value!r}")
        return f"<{term}>"
    return json.dumps(value, ensure_ascii=False)


def saved_queries() -> dict[str, SavedQuery]:
    """Every saved query of queries/, by name."""
    out = {}
    for path in sorted(SAVED_QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        summary = _summary(text)
        parameters = tuple(Parameter(m["name"], m["kind"], m["meaning"], m["example"], m["where"])
                           for m in PARAMETER.finditer(text))
        booleans = tuple(m["name"] for m in BOOLEAN_COLUMN.finditer(text))
        summary_zh = next((m.group(1).strip() for m in SUMMARY_ZH.finditer(text)), "")
        meanings_zh = tuple((m.group(1), m.group(2).strip()) for m in PARAMETER_ZH.finditer(text))
        out[path.stem] = SavedQuery(path.stem, summary, parameters, text, booleans, summary_zh, meanings_zh)
    return out


def _summary(text: str) -> str:
    """The header's first sentence (it may run over several comment lines)."""
    words = []
    for line in text.splitlines():
        if not line.startswith("#") or "@param" in line or "@column" in line or line.startswith("# @zh"):
            break
        words.append(line.lstrip("# ").strip())
        if words[-1].endswith((".", ":", "。")):
            break
    return " ".join(words)


def saved_query(name: str) -> SavedQuery:
    queries = saved_queries()
    if name not in queries:
        raise QueryError(f"no saved query {name!r}; saved queries: {', '.join(queries)} (kg query --list)")
    return queries[name]


def query_text(query: str, bindings: Optional[Mapping[str, str]] = None, files: bool = True) -> str:
    """The text of a query given inline, as a path to a .rq file (unless
    ``files`` is false: the server reads no file a request names), or as the
    name of a saved query in queries/ (with its declared parameters bound)."""
    candidate = Path(query)
    if files and query.endswith(".rq"):
        for path in (candidate, SAVED_QUERIES / candidate.name):
            if path.is_file():
                return path.read_text(encoding="utf-8")
        raise QueryError(f"{query}: no such query file")
    if SAVED_NAME.match(query):
        saved = saved_query(query)
        return saved.bound(bindings) if bindings else saved.text
    return query


def _term(value: str):
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    if value.startswith(("http://", "https://")):
        return URIRef(value)
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and "〔" not in value:
        return URIRef(PREFIXES[prefix] + local)
    if value in ("true", "false"):
        return Literal(value == "true")
    typed = re.fullmatch(r'"(.*)"\^\^(\S+)', value)
    if typed:
        return Literal(typed.group(1), datatype=_term(typed.group(2)))
    return Literal(value)


def run_query(store: GraphStore, query: str, bindings: Optional[Mapping[str, str]] = None,
              files: bool = True, max_rows: Optional[int] = None) -> QueryResult:
    """Run a SELECT or ASK query; ``bindings`` pre-bind variables of the SELECT
    clause, as if substituted in the text (name -> value;
    <iri>, prefixed names and http IRIs become IRIs, true/false booleans,
    "245"^^xsd:integer a typed literal, anything else a string)."""
    saved = bool(SAVED_NAME.match(query))
    # a saved query's parameters are bound in its text; another query's
    # variables are pre-bound by substitution
    text = query_text(query, bindings if saved else None, files)
    init = {} if saved else {name: _term(value) for name, value in (bindings or {}).items()}
    try:
        result = store.select(text, PREFIXES, init)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except RuntimeError as exc:
        if "projection" in str(exc):
            raise QueryError(f"{exc}: a bound variable (--bind) must be in the SELECT clause") from exc
        raise QueryError(f"query failed: {exc}") from exc
    except (OSError, ValueError) as exc:
        raise QueryError(failure_message(exc, text)) from exc
    if isinstance(result, ox.QueryBoolean):
        return QueryResult((), (), bool(result))
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT and ASK queries are supported here")
    variables = tuple(v.value for v in result.variables)
    # the solutions are read as they come: past max_rows, none is read (a page shows the first ones)
    solutions = islice(result, max_rows + 1) if max_rows is not None else result
    try:
        rows = tuple(tuple(to_rdflib(solution[v]) for v in variables) for solution in solutions)
    except (OSError, RuntimeError, ValueError) as exc:       # raised while the solutions are evaluated
        raise QueryError(failure_message(exc, text)) from exc
    more = max_rows is not None and len(rows) > max_rows
    return QueryResult(variables, rows[:max_rows] if more else rows, more=more)


def failure_message(exc: Exception, query: str) -> str:
    """What a query that failed while running tells its user: a query that
    calls another endpoint most often fails there (unreachable, refused, an
    error answer), and says so."""
    if calls_service(query):
        return f"query failed: a SERVICE endpoint it calls failed ({type(exc).__name__}: {exc})"
    return f"query failed: {exc}"


def select_values(store: GraphStore, query: str) -> list[tuple[Optional[str], ...]]:
    """A SELECT's rows as plain strings (IRIs and lexical forms; None for
    unbound): the fast path for code that builds networks from a graph,
    where making rdflib terms of every value costs more than the query."""
    return list(iter_values(store, query))


def iter_values(store: GraphStore, query: str) -> Iterator[tuple[Optional[str], ...]]:
    """``select_values`` one row at a time: for answers of millions of rows
    that are consumed as they come."""
    try:
        result = store.select(query, PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    variables = result.variables
    return (tuple(None if (t := solution[v]) is None else t.value for v in variables) for solution in result)


def short_name(term) -> str:
    """A term as the table shows it: an IRI as prefix:local where a prefix fits."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if str(term).startswith(ns):
                return f"{prefix}:{str(term)[len(ns):]}"
        return f"<{term}>"
    return str(term)


IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")      # a % not followed by two hex digits (/id/doc/%ZZ)
IRI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def with_resource(query: str, iri: str) -> str:
    """``query`` with ``?r`` fixed to ``iri`` by a VALUES block at the head of
    its WHERE clause (Oxigraph's substitutions need the variable projected).
    Raises QueryError for a string that is not a plain IRI."""
    if not iri or IRI_FORBIDDEN.search(iri) or BAD_ESCAPE.search(iri) or not IRI_SCHEME.match(iri):
        raise QueryError(f"not an IRI: {iri!r}")
    head, sep, tail = query.partition("WHERE {")
    if not sep:
        raise QueryError("query has no WHERE clause")
    return f"{head}WHERE {{ VALUES ?r {{ <{iri}> }}{tail}"


def format_result(result: QueryResult, fmt: str = "table") -> str:
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    if fmt == "json":
        return json.dumps(_sparql_json(result), ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        write_csv(result.variables, result.rows, buf)
        return buf.getvalue()
    cells = [[" ".join(short_name(v).split()) for v in row] for row in result.rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(result.variables)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(result.variables, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths)) for r in cells]
    lines.append(f"({len(cells)} rows)")
    return "\n".join(lines)


def write_csv(variables: Sequence[str], rows: Iterable[Sequence], out) -> None:
    """Rows as CSV to ``out`` one at a time (``format_result``'s CSV, and
    ``kg query --endpoint``'s as the answer arrives)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow([spreadsheet_safe("" if v is None else str(v)) for v in row])


# What a spreadsheet may take for the start of a formula (OWASP's list: a tab
# or a carriage return before = is skipped by some importers)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A CSV cell a spreadsheet will not run: text starting with = + - @, a
    tab or a carriage return gets a leading apostrophe (formula injection)."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if "\u2e80" <= c <= "\uffef" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _sparql_json(result: QueryResult) -> dict:
    def encode(term) -> Union[dict, None]:
        if isinstance(term, URIRef):
            return {"type": "uri", "value": str(term)}
        if isinstance(term, BNode):
            return {"type": "bnode", "value": str(term)}
        if isinstance(term, Literal):
            out = {"type": "literal", "value": str(term)}
            if term.language:
                out["xml:lang"] = term.language
            elif term.datatype:
                out["datatype"] = str(term.datatype)
            return out
        return None
    bindings = []
    for row in result.rows:
        bindings.append({v: encode(t) for v, t in zip(result.variables, row) if t is not None})
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
