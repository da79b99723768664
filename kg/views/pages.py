"""What a resource page shows: the facts, links and evidence of one resource,
read from the graph with SPARQL, as plain data for the HTML template.

Generic by design: every resource (document, agency, area, measure,
concept) shows its literal facts, its outgoing and incoming links grouped by
property, and the sentences behind each link; documents add their measures
with responsible agencies and targets.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from rdflib import Literal, URIRef

from kg.lexicon.titles import types_without_force
from kg.store.query import run_query, short_name, with_resource
from kg.store.database import GraphStore
from kg.views.site import ui_strings

FACTS = "SELECT DISTINCT ?p ?o WHERE { ?r ?p ?o FILTER(isLiteral(?o)) }"
OUTGOING = "SELECT DISTINCT ?p ?o WHERE { ?r ?p ?o FILTER(isIRI(?o)) }"
INCOMING = "SELECT DISTINCT ?s ?p WHERE { ?s ?p ?r FILTER(?p != rdf:subject && ?p != rdf:object && ?p != oa:hasSource) }"
# LATERAL evaluates each optional part per row (see network.ASSERTIONS):
# a plain OPTIONAL would scan the whole graph for every page.
EVIDENCE = """
SELECT ?s ?p ?o ?rule ?sentence ?start ?end ?source WHERE {
  { ?a rdf:subject ?r } UNION { ?a rdf:object ?r }
  ?a rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; pol:rule ?rule .
  LATERAL { OPTIONAL { ?a prov:wasDerivedFrom ?x .
                       ?x oa:exact ?sentence ; oa:start ?start ; oa:end ?end ; oa:hasSource ?source } }
}"""
# A document's identity, as a page opens with it (labels in both languages).
HEADER = """
SELECT ?number ?date ?file ?type ?typeLabel ?level ?levelLabel ?area ?areaName ?issuer ?issuerName
       ?published ?index ?category ?validity ?origin WHERE {
  ?r a eli:LegalResource .
  LATERAL { OPTIONAL { ?r eli:id_local ?number } } LATERAL { OPTIONAL { ?r eli:date_document ?date } }
  LATERAL { OPTIONAL { ?r pol:sourceFile ?file } }
  LATERAL { OPTIONAL { ?r eli:type_document ?type . ?type skos:prefLabel ?typeLabel } }
  LATERAL { OPTIONAL { ?r pol:level ?level . ?level skos:prefLabel ?levelLabel } }
  LATERAL { OPTIONAL { ?r eli:jurisdiction ?area . ?area skos:prefLabel ?areaName } }
  LATERAL { OPTIONAL { { ?r eli:passed_by ?issuer } UNION { ?r pol:unboundIssuer ?issuer } ?issuer skos:prefLabel ?issuerName } }
  LATERAL { OPTIONAL { ?r eli:date_publication ?published } } LATERAL { OPTIONAL { ?r pol:indexNumber ?index } }
  LATERAL { OPTIONAL { ?r pol:subjectCategory ?category } } LATERAL { OPTIONAL { ?r pol:statedValidity ?validity } }
  LATERAL { OPTIONAL { ?r pol:portalSource ?origin } }
}"""
SPANS = "SELECT ?start ?end ?exact WHERE { ?x oa:hasSource ?r ; oa:start ?start ; oa:end ?end ; oa:exact ?exact }"
MEASURES = """
SELECT ?m ?position ?ordinal ?heading ?agency WHERE {
  ?r pol:hasMeasure ?m . ?m pol:position ?position ; skos:prefLabel ?heading .
  LATERAL { OPTIONAL { ?m pol:ordinal ?ordinal } }
  LATERAL { OPTIONAL { { ?m pol:responsibleAgency ?agency } UNION { ?m pol:unboundAgency ?agency } } }
}"""
TARGETS = """
SELECT ?m ?t ?indicator ?comparison ?value ?unit ?deadline WHERE {
  ?r pol:hasMeasure ?m . ?m pol:hasTarget ?t .
  LATERAL { OPTIONAL { ?t pol:indicator ?indicator } } LATERAL { OPTIONAL { ?t pol:comparison ?comparison } }
  LATERAL { OPTIONAL { ?t schema:value ?value } } LATERAL { OPTIONAL { ?t schema:unitText ?unit } }
  LATERAL { OPTIONAL { ?t pol:deadline ?deadline } }
}"""
LABEL_PROPERTIES = ("eli:id_local", "dcterms:title", "skos:prefLabel", "rdfs:label")
# Bookkeeping triples that would only clutter a page.
HIDDEN = {"rdf:type", "pol:isStub"}


@dataclass
class Link:
    property: str
    target: str                   # IRI of the other end
    label: str
    evidence: list["Evidence"] = field(default_factory=list)


@dataclass(frozen=True, order=True)
class Evidence:
    rule: str
    sentence: str               # the sentence (list item, row) the rule read
    start: Optional[int]        # its offsets in the source text
    end: Optional[int]
    source: str = ""            # the document whose text it is

    @property
    def fragment(self) -> str:
        """The span's #char= fragment; the template asks only where start is known."""
        return fragment(self.start or 0, self.end or 0)


def fragment(start: int, end: int) -> str:
    """A span's RFC 5147 fragment (as its IRI ends), the anchor of its text on the page."""
    return f"char={start},{end}"


@dataclass
class Measure:
    iri: str
    position: int
    ordinal: str
    heading: str
    agencies: list[tuple[str, str]] = field(default_factory=list)       # (IRI, label)
    targets: list[str] = field(default_factory=list)                      # one line each


@dataclass
class Segment:
    """A stretch of a document's text (offsets ``start``–``end``): plain, or
    inside an evidence span; ``anchors`` are the fragments of the spans that
    begin here."""
    text: str
    marked: bool
    anchors: list[str]
    start: int = 0
    end: int = 0


@dataclass
class Page:
    iri: str
    label: str
    types: list[str]
    facts: list[tuple[str, str]]
    outgoing: dict[str, list[Link]]
    incoming: dict[str, list[Link]]
    measures: list[Measure]
    header: list[tuple[str, list[tuple[str, Optional[str]]]]] = field(default_factory=list)   # (field, [(text, IRI)])
    text: Optional[list[Segment]] = None      # the full text with its evidence spans, when it can be read

    @property
    def is_document(self) -> bool:
        return bool(self.header)

    @property
    def has_source(self) -> bool:
        """A corpus document (a stub has no text of its own)."""
        return any(key == "source" for key, _ in self.header)

    @property
    def title(self) -> Optional[str]:
        """A document's title, as its page opens (the number is in its header)."""
        return next((value for prop, value in self.facts if prop == "dcterms:title"), None)

    @property
    def is_stub(self) -> bool:
        return self.is_document and not self.has_source


def labels(store: GraphStore, iris: set[str]) -> dict[str, str]:
    """The best human label of each IRI: document number, title, preferred label."""
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in sorted(iris))
    rows = run_query(store, f"""SELECT ?n ?p ?l WHERE {{ VALUES ?n {{ {values} }}
        VALUES ?p {{ {' '.join(LABEL_PROPERTIES)} }} ?n ?p ?l }}""").rows
    best: dict[str, tuple[float, str]] = {}
    order = {p: i for i, p in enumerate(LABEL_PROPERTIES)}
    for n, p, label in rows:
        rank = order[short_name(p)] + (0 if getattr(label, "language", None) in (None, "zh") else 0.5)
        if str(n) not in best or rank < best[str(n)][0]:
            best[str(n)] = (rank, str(label))
    unnamed = sorted(i for i in iris if i not in best)
    return {**{i: best[i][1] for i in best}, **_document_names(store, unnamed)}


UNNAMED = """SELECT ?n ?area ?type ?date ?file WHERE {{ VALUES ?n {{ {values} }}
  OPTIONAL {{ ?n eli:jurisdiction/skos:prefLabel ?area FILTER(lang(?area) = "zh") }}
  OPTIONAL {{ ?n eli:type_document ?type }} OPTIONAL {{ ?n eli:date_document ?date }}
  OPTIONAL {{ ?n pol:sourceFile ?file }} }}"""


def _document_names(store: GraphStore, iris: list[str]) -> dict[str, str]:
    """Resources without a number, title or label: a document named as the
    overview names it (石林县 · 答复 · 2025-03-04), anything else by its CURIE."""
    from kg.network.documents import document_name
    out = {i: short_name(URIRef(i)) for i in iris}
    if not iris:
        return out
    rows = run_query(store, UNNAMED.format(values=" ".join(f"<{i}>" for i in iris))).rows
    for n, area, dtype, date, file in rows:
        if dtype is None and file is None:
            continue        # not a document
        out[str(n)] = document_name({"area": area and str(area), "type": dtype and str(dtype).rsplit("/", 1)[-1],
                                     "date": date and str(date), "file": file and str(file)})
    return out


def resource_page(store: GraphStore, iri: str, lang: str = "zh", corpus: Optional[Path] = None) -> Optional[Page]:
    """The page of ``iri``, or None when the graph says nothing about it. A
    document's page opens with its header and, when ``corpus`` holds its
    file, shows its text with every evidence span marked."""
    facts_rows = run_query(store, with_resource(FACTS, iri)).rows
    out_rows = run_query(store, with_resource(OUTGOING, iri)).rows
    in_rows = run_query(store, with_resource(INCOMING, iri)).rows
    if not (facts_rows or out_rows or in_rows):
        return None
    evidence: dict[tuple[str, str, str], list] = defaultdict(list)
    for s, p, o, rule, sentence, start, end, source in run_query(store, with_resource(EVIDENCE, iri)).rows:
        item = Evidence(str(rule), _str(sentence), _int(start), _int(end), _str(source))
        if item not in evidence[(str(s), short_name(p), str(o))]:
            evidence[(str(s), short_name(p), str(o))].append(item)
    names = labels(store, {str(o) for _, o in out_rows} | {str(s) for s, _ in in_rows} | {iri})
    types = sorted(short_name(o) for p, o in out_rows if short_name(p) == "rdf:type")
    outgoing: dict[str, list[Link]] = defaultdict(list)
    for p, o in out_rows:
        prop = short_name(p)
        if prop not in HIDDEN:
            outgoing[prop].append(Link(prop, str(o), names[str(o)], sorted(evidence.get((iri, prop, str(o)), []))))
    incoming: dict[str, list[Link]] = defaultdict(list)
    for s, p in in_rows:
        prop = short_name(p)
        incoming[prop].append(Link(prop, str(s), names[str(s)], sorted(evidence.get((str(s), prop, iri), []))))
    facts = sorted((short_name(p), _literal(o)) for p, o in facts_rows if short_name(p) not in HIDDEN)
    for links in (*outgoing.values(), *incoming.values()):
        links.sort(key=lambda link: (link.label, link.target))
    page = Page(iri, names[iri], types, facts, dict(sorted(outgoing.items())), dict(sorted(incoming.items())),
                measures(store, iri, lang))
    header = run_query(store, with_resource(HEADER, iri)).rows
    if header:
        page.header = document_header(header, lang)
        if not {str(row[3]).rsplit("/", 1)[-1] for row in header if row[3] is not None} & types_without_force():
            page.header.insert(min(len(page.header), _after_type(page.header)),
                               ("force_status", [_status(store, iri, lang)]))
        files = {str(row[2]) for row in header if row[2] is not None}
        if corpus is not None and len(files) == 1:
            spans = [(int(a), int(b), str(x)) for a, b, x in run_query(store, with_resource(SPANS, iri)).rows]
            page.text = text_segments(corpus, files.pop(), spans)
    return page


VALIDITY = """
SELECT ?entry ?date ?expiry ?stated ?repealer ?repealerEntry ?repealerDate WHERE {
  ?r a eli:LegalResource .
  LATERAL { OPTIONAL { ?r eli:first_date_entry_in_force ?entry } } LATERAL { OPTIONAL { ?r eli:date_document ?date } }
  LATERAL { OPTIONAL { ?r eli:date_no_longer_in_force ?expiry } } LATERAL { OPTIONAL { ?r pol:statedValidity ?stated } }
  LATERAL { OPTIONAL { { ?repealer eli:repeals ?r } UNION { ?repealer eli:repeals ?notice . ?notice pol:promulgates ?r }
                       LATERAL { OPTIONAL { ?repealer eli:first_date_entry_in_force ?repealerEntry } }
                       LATERAL { OPTIONAL { ?repealer eli:date_document ?repealerDate } } } }
}"""


def _status(store: GraphStore, iri: str, lang: str) -> tuple[str, Optional[str]]:
    """The document's status today in the page's words, with what decides it
    (现行有效 · 自2022-06-01施行; 已被废止 · 温政发〔2022〕8号): the repealing
    document is linked."""
    from datetime import date
    from kg.network.validity import status_on
    rows = run_query(store, with_resource(VALIDITY, iri)).rows
    first = rows[0] if rows else (None,) * 7
    repealers = {str(r[4]): (r[5] or r[6]) for r in rows if r[4] is not None}
    names = labels(store, set(repealers))
    found = status_on(date.today(), first[0], first[1], first[2], _str(first[3]) or None,
                      [(names[r], d) for r, d in repealers.items()])
    words = ui_strings(lang)
    text = words[f"validity_{found.status}"] + (f" · {found.since}" if found.since else "")
    repealer = next((r for r in repealers if names[r] in found.basis), None)
    return (text + (f" · {names[repealer]}" if repealer else "")), repealer


def _after_type(header: list) -> int:
    keys = [key for key, _ in header]
    return keys.index("type") + 1 if "type" in keys else len(header)


# The header a document page opens with: field key (ui_strings.tsv), the
# HEADER column of its value and whether the value is a resource with a label.
HEADER_FIELDS = (("issuer", 9, True), ("number", 0, False), ("date", 1, False), ("published", 11, False),
                 ("level", 5, True), ("area", 7, True), ("type", 3, True), ("validity", 14, False),
                 ("index_number", 12, False), ("subject_category", 13, False), ("origin", 15, False),
                 ("source", 2, False))


def document_header(rows, lang: str) -> list[tuple[str, list[tuple[str, Optional[str]]]]]:
    """发文机关, 文号, 成文日期, 发布日期, 层级, 地区, 文种, 时效性, 索引号, 主题分类, 来源, 来源文件: each field's values as
    (text, IRI to link or None), a resource by its label in ``lang`` where
    the graph has one."""
    out = []
    for key, column, labelled in HEADER_FIELDS:
        labels: dict[str, dict[Optional[str], str]] = {}
        for row in rows:
            if row[column] is not None:
                found = labels.setdefault(str(row[column]), {})
                if labelled and row[column + 1] is not None:
                    found[getattr(row[column + 1], "language", None)] = str(row[column + 1])
        values = []
        for term, by_language in labels.items():
            text = by_language.get(lang) or next(iter(sorted(by_language.values())), term)
            values.append((text, term if labelled else None))
        if values:
            out.append((key, sorted(values)))
    return out


def text_segments(corpus: Path, relative: str, spans: list[tuple[int, int, str]]) -> Optional[list[Segment]]:
    """The document's text as the build read it, cut at its evidence spans;
    None when the file cannot be read or no longer holds the spans' text."""
    from kg.read.loading import UnreadableFile, read_source

    path = corpus / relative
    try:
        text = read_source(path, corpus).text
    except (OSError, UnreadableFile, ValueError):
        return None
    if any(text[a:b] != exact for a, b, exact in spans):
        return None
    cuts = sorted({0, len(text)} | {a for a, _, _ in spans} | {b for _, b, _ in spans})
    starts: dict[int, list[str]] = defaultdict(list)
    for a, b, _ in sorted(spans):
        starts[a].append(fragment(a, b))
    segments = []
    for a, b in zip(cuts, cuts[1:]):
        marked = any(s <= a and b <= e for s, e, _ in spans)
        segments.append(Segment(text[a:b], marked, starts.get(a, []), a, b))
    return segments


def measures(store: GraphStore, iri: str, lang: str = "zh") -> list[Measure]:
    found: dict[str, Measure] = {}
    agency_iris = set()
    for m, position, ordinal, heading, agency in run_query(store, with_resource(MEASURES, iri)).rows:
        item = found.setdefault(str(m), Measure(str(m), int(position), str(ordinal or ""), str(heading)))
        if agency is not None and str(agency) not in (a for a, _ in item.agencies):
            item.agencies.append((str(agency), ""))
            agency_iris.add(str(agency))
    names = labels(store, agency_iris)
    for item in found.values():
        item.agencies = sorted((a, names[a]) for a, _ in item.agencies)
    by_deadline = ui_strings(lang)["by_deadline"]
    for m, t, indicator, comparison, value, unit, deadline in run_query(store, with_resource(TARGETS, iri)).rows:
        parts = [str(x) for x in (indicator, comparison) if x is not None]
        parts.append(f"{value}{unit or ''}" if value is not None else "")
        target = " ".join(p for p in parts if p)
        # 2022-12-31前 社区养老服务设施配建达标率 达到 100% / … 100% by 2022-12-31: the page's language
        found[str(m)].targets.append(by_deadline.format(target=target, date=deadline) if deadline is not None
                                     else target)
    for item in found.values():
        item.targets.sort()
    return sorted(found.values(), key=lambda item: item.position)


def _str(term) -> str:
    return "" if term is None else str(term)


def _int(term) -> Optional[int]:
    return None if term is None else int(term)


def _literal(term: Literal) -> str:
    return str(term) + (f" @{term.language}" if term.language and term.language != "zh" else "")
