"""The extract stage: everything one document says, with the text behind it."""
from __future__ import annotations

from typing import Optional

from kg.extract.citations import CitationResult, doc_ref, find_citations, title_scope
from kg.extract.agency_mentions import AgencyFindings, find_agencies
from kg.extract.identity import Identity, read_identity
from kg.extract.quantities import find_amounts, find_targets
from kg.extract.measures import find_measures, is_excluded_provision, paragraph_measures
from kg.extract.themes import find_programmes, find_service_models
from kg.extract.validity import find_validity, history_amendments
from kg.extract.link_types import type_links
from kg.models import (AgencyMention, Citation, CollectiveResponsibility, FileError, DocRef, Document, Evidence,
                       Extraction, Fact, Measure, MeasureIndex, Span, UnboundAgency)
from kg.extract.responsibility import find_responsibility_lists
from kg.extract.history import version_facts
from kg.extract.proposals import acknowledged_title_spans, answers_a_proposal, find_proposal, session_area
from kg.lexicon.agencies import UNLISTED_PREFIX, organ_forms
from kg.datafiles import phrase_pattern
from kg.lexicon.titles import document_type, is_reply_title, wrapped_title
from kg.relations import Relation


class _Steps:
    """Runs each extraction step so that one step's failure loses only its
    own findings: the error is kept (file, step, message) and the step's
    empty result stands in."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.errors: list[FileError] = []

    def run(self, rule: str, default, step, *args):
        try:
            return step(*args)
        except Exception as exc:  # noqa: BLE001 - any bug in one step must not lose the document
            self.errors.append(FileError(self.doc.relative_path, "extract", rule, f"{type(exc).__name__}: {exc}"))
            return default


def extract_mentions(doc: Document) -> Extraction:
    """Everything one document says, each finding with its evidence."""
    steps = _Steps(doc)
    ident = steps.run("extract.identity", Identity(), read_identity, doc)
    area = ident.area
    identity, reply = steps.run("extract.identity", (DocRef(), False), _identity_ref, ident, doc)
    proposal = (steps.run("extract.proposal", None, find_proposal, doc, ident.title.span if ident.title else None,
                          area) if reply else None)
    if area is None and proposal is not None:
        area = session_area(proposal)
    skip = _heading_but_history(ident) + (steps.run("extract.proposal", [], acknowledged_title_spans, doc)
                                          if reply else [])
    if ident.number is not None:
        skip.append(ident.number.span)      # where the own number was read: no citation, however it was written
    found = steps.run("extract.citations", CitationResult(), find_citations, doc, area, skip, identity.number)
    wrapped = steps.run("extract.citations", [], _title_wrapped, doc, ident, identity)
    wrapped += steps.run("extract.link-types", [], _title_applies, doc, ident)
    citations = steps.run("extract.link-types", wrapped + found.citations, type_links, doc,
                          wrapped + found.citations, identity, ident.heading_end)
    citations += steps.run("extract.validity", [], history_amendments, doc, identity, area)

    lists = steps.run("extract.responsibility", [], find_responsibility_lists, doc, area)
    agencies = steps.run("extract.agencies", AgencyFindings(), find_agencies, doc, area, ident.heading_end, lists)
    measures = steps.run("extract.measures", [], _measures, doc, ident.heading_end, ident.body_end,
                         [found.span for found in agencies.responsible_lists])
    responsible, collective, unbound = _responsibilities(agencies, measures, found.warnings)
    found.warnings.extend(_unknown_agency_warning(name) for name in agencies.unknown)
    found.warnings.extend(f"agency {m.written!r} is in no organ table; kept by its shape as {m.agency.name}"
                          for m in agencies.mentions if m.agency.key.startswith(UNLISTED_PREFIX))
    body = [s for s in doc.sentences if s.start >= ident.heading_end]

    warnings = tuple(f"{doc.relative_path}: {w}" for w in ident.warnings + found.warnings)
    if area is None:
        warnings += (f"{doc.relative_path}: no issuing area found",)
    return Extraction(
        document=doc,
        identity=identity,
        area=area,
        date=ident.date.value if ident.date else None,
        facts=_facts(doc, ident) + tuple(steps.run(
            "extract.validity", [], find_validity, doc, (ident.title.value, ident.title.span) if ident.title else None,
            # a session's adoption is no issue or publication (自公布之日起施行 of a rule adopted
            # 2008-07-17 and published two months later)
            ident.date.value if ident.date and ident.date.rule != "identity.date-adoption" else None,
            ident.publication_date.value if ident.publication_date else None, ident.heading_end)),
        citations=tuple(c for c in citations if c.target.number or c.target.title),
        proposal=proposal,
        warnings=warnings,
        measures=tuple(measures),
        agencies=tuple(agencies.mentions),
        responsible=responsible,
        collective=collective,
        unbound=unbound,
        service_models=tuple(steps.run("extract.service-models", [], find_service_models, doc, ident.heading_end)),
        programmes=tuple(steps.run("extract.programmes", [], find_programmes, doc, ident.heading_end)),
        targets=tuple(steps.run("extract.targets", [], find_targets, doc, body)),
        amounts=tuple(steps.run("extract.amounts", [], find_amounts, doc, ident.heading_end)),
        errors=tuple(steps.errors),
    )


def _measures(doc: Document, heading_end: int, body_end: Optional[int], list_spans: list[Span]) -> list[Measure]:
    """The numbered measures of the body (not a regulation's definitions and
    other provisions that carry out nothing), then those that lists outside
    them close."""
    numbered = [m for m in find_measures(doc, heading_end, body_end) if not is_excluded_provision(doc.view, m)]
    return numbered + paragraph_measures(doc, numbered, list_spans, heading_end, body_end)


def _unknown_agency_warning(name: str) -> str:
    """Why a list item was not read: an organ the tables know, written with a
    level (市民政局) in a document whose area is unknown, or a name no table holds."""
    if any(name.endswith(form) for form, _ in organ_forms()) and name[:1] in "省市区县":
        return f"agency {name!r} is a known organ, but the document gives no area to bind it to; not added"
    return f"unknown agency {name!r} in a list; not added"


def _heading_but_history(ident: Identity) -> list[Span]:
    """The heading, where nothing is a citation, but for a regulation's
    history lines: the orders and decisions that amended it are cited there
    (根据1997年…令第99号发布的《…决定》修正)."""
    spans, start = [], 0
    for span, _ in sorted(ident.history, key=lambda h: h[0].start):
        if span.start > start:
            spans.append(Span(start, span.start))
        start = max(start, span.end)
    return spans + ([Span(start, ident.heading_end)] if ident.heading_end > start else [])


def _identity_ref(ident: Identity, doc: Document) -> tuple[DocRef, bool]:
    """The document's own reference, and whether it is a reply letter: by its
    title, its number's code, or — with no title of a document type, or one
    of a reply's — by the letter's own words (您提出的《…建议》（第19号）收悉。
    现答复如下)."""
    title = ident.title.value if ident.title else None
    number = str(ident.number.value) if ident.number else None
    dtype = document_type(title) if title else None
    # a title of no type, or of a reply's (…提案的答复(关于…的建议)), with the letter's own words
    reply = is_reply_title(title) or bool(
        ident.number and ident.number.value.code and _code_kind(ident.number.value.code, ident.area) == "reply") or (
        (dtype is None or dtype.concept == "reply") and answers_a_proposal(doc))
    type_concept = "reply" if reply else (dtype.concept if dtype else None)
    issuers = tuple(f.value for f in ident.issuers)
    return DocRef(number=number, title=title, issuers=issuers, type_concept=type_concept,
                  scope=title_scope(title, issuers, ident.area, type_concept)), reply


def _title_wrapped(doc: Document, ident: Identity, identity: DocRef) -> list[Citation]:
    """关于印发《X》的通知 as the document's own title: it promulgates X."""
    wrapped = wrapped_title(identity.title) if identity.title else None
    if wrapped is None or ident.title is None:
        return []
    inner = doc_ref(wrapped.title, None, ident.area)
    if not inner.issuers:
        # the promulgator's issuers; an unqualified title scoped to their area
        area = identity.issuers[0].area if identity.issuers else ident.area
        inner = DocRef(None, inner.title, identity.issuers, inner.type_concept,
                       title_scope(inner.title, (), area, inner.type_concept))
    span = ident.title.span
    return [Citation(inner, wrapped.relation, Evidence("identity.title-wraps", span, doc.sentence_of(span)))]


def _title_applies(doc: Document, ident: Identity) -> list[Citation]:
    """关于认真落实《X》…的通知 as the document's own title: it carries out X."""
    m = phrase_pattern("title_applies").search(ident.title.value) if ident.title else None
    if m is None or ident.title is None:
        return []
    span = ident.title.span
    return [Citation(doc_ref(m.group("title"), None, ident.area), Relation.APPLIES,
                     Evidence("identity.title-applies", span, doc.sentence_of(span)), trigger=m.group("verb"),
                     link_rule="link.applies-title")]


def _facts(doc: Document, ident: Identity) -> tuple[Fact, ...]:
    facts = []
    for name, found_value in (("number", ident.number), ("title", ident.title), ("date", ident.date),
                              ("publication_date", ident.publication_date)):
        if found_value is not None:
            value = str(found_value.value) if name == "number" else found_value.value
            facts.append(Fact(name, value, Evidence(found_value.rule, found_value.span,
                                                     doc.sentence_of(found_value.span))))
    for issuer in ident.issuers:
        facts.append(Fact("issuer", issuer.value, Evidence(issuer.rule, issuer.span, doc.sentence_of(issuer.span))))
    for loose in ident.unbound_issuers:
        facts.append(Fact("unbound_issuer", loose.value, Evidence(loose.rule, loose.span, doc.sentence_of(loose.span))))
    facts += version_facts(doc, ident.history)
    for name in PORTAL_FACTS:
        field_ = doc.portal_value(name)
        if field_ is not None and field_.value.strip():
            stated = _validity_status(field_.value.strip()) if name == "validity" else field_.value.strip()
            if stated is None:
                continue
            facts.append(Fact(name, stated, Evidence("identity.portal-field", field_.span,
                                                    doc.sentence_of(field_.span))))
    if ident.title is not None and not any(f.name == "validity" for f in facts):
        facts += _title_validity_mark(doc, ident.title.span)
    return tuple(facts)


def _title_validity_mark(doc: Document, title: Span) -> list[Fact]:
    """The status a site marks its title with, where no field states it:
    关于大额现金支付管理的通知(废止) (a law database), (已废止)印发《…》的通知 (阿克陶's
    portal), 【现行有效】…应急预案 (密云镇's)."""
    start = doc.view.rfind("\n", 0, title.start) + 1
    end = doc.view.find("\n", title.end)
    line_end = len(doc.view) if end < 0 else end
    line = doc.view[start:line_end]
    # the mark opens the title's line or closes it (a table's | after it), never inside the title
    m = next((m for m in phrase_pattern("title_validity_mark").finditer(line)
              if not line[:m.start()].strip() or not line[m.end():].strip(" \t|")), None)
    if m is None:
        return []
    span = Span(start + m.start("status"), start + m.end("status"))
    return [Fact("validity", m.group("status"), Evidence("identity.title-validity-mark", span, doc.sentence_of(span)))]


def _validity_status(value: str) -> Optional[str]:
    """A validity field's status as written: the field itself where it is one
    (有效, 现行有效), else the status its sentence ends in (时效: 根据《…清理结果的
    决定》(豫政〔2023〕7号),此文件宣布失效。 -> 失效); the sentence stays the
    fact's evidence. A value that states no status is none (a database table
    whose values slid under the wrong labels: 【时 效 性】 | 010183242/2019-00072)."""
    statuses = list(phrase_pattern("validity_status").finditer(value))
    if not statuses:
        return None
    return value if statuses[-1].group(0) == value else statuses[-1].group(0)


# portal fields kept on the document as written (索引号, 主题分类, 有效性, 来源)
PORTAL_FACTS = ("index_number", "subject_category", "validity", "source")


def _responsibilities(agencies: AgencyFindings, measures: list[Measure], warnings: list[str]
                      ) -> tuple[tuple[tuple[int, AgencyMention], ...], tuple[tuple[int, CollectiveResponsibility], ...],
                                 tuple[tuple[int, UnboundAgency], ...]]:
    """Each responsibility list's agencies, collectives and agencies of an
    unknown area, on the measure that holds it."""
    responsible, collective, unbound = [], [], []
    onward: list[tuple[int, CollectiveResponsibility]] = []      # stated once for every later measure
    index = MeasureIndex(measures)
    for found in agencies.responsible_lists:
        measure = index.innermost(found.span)
        if measure is None:
            warnings.append(f"responsible-unit list at {found.span.start} belongs to no measure")
            continue
        responsible += [(measure.position, mention) for mention in found.mentions]
        collective += [(measure.position, c) for c in found.collective]
        unbound += [(measure.position, u) for u in found.unbound]
        onward += [(measure.position, c) for c in found.onward]
    known = {(p, c.text) for p, c in collective}      # a set: a long text has thousands of lists
    for after, c in onward:
        for m in measures:
            if m.position > after and m.kind == "measure" and (m.position, c.text) not in known:
                known.add((m.position, c.text))
                collective.append((m.position, c))
    return tuple(responsible), tuple(sorted(collective, key=lambda pc: pc[0])), tuple(unbound)


def _code_kind(code: str, area):
    from kg.lexicon.issuers import resolve_code
    found = resolve_code(code, area)
    return found.kind if found else None
