"""The values that pass between pipeline stages — the only ones.

Every stage takes and returns these frozen dataclasses; spans are character
offsets (Unicode code points) into ``Document.text``, which is the file's text
exactly as decoded, with line ends normalised to ``\\n``. Read, extract and
resolve name things by keys (document keys, organ keys, area codes, concept
keys); IRIs are minted from those keys in ``kg.rdf.iri`` alone.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass, field
from functools import cached_property
from datetime import date
from datetime import date as Day      # for fields named date, which hide the type in their class
from pathlib import Path
from decimal import Decimal
from typing import Any, Iterable, NewType, Optional
from kg.relations import Relation


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __post_init__(self):
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}-{self.end}")

    def slice(self, text: str) -> str:
        return text[self.start:self.end]

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


class SpanSet:
    """Spans kept merged and in order: whether a span overlaps any of them
    is a bisection, not a scan (a long text holds thousands of taken spans,
    and a scan per candidate made its reading quadratic)."""

    def __init__(self, spans: Iterable[Span] = ()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for span in spans:
            self.add(span)

    def add(self, span: Span) -> None:
        """Take a span in; it merges with the spans it overlaps."""
        start, end = span.start, span.end
        i = bisect_right(self._ends, start)             # the first kept span that ends after start
        j = bisect_left(self._starts, end)              # past the last that starts before end
        if i < j:
            start, end = min(start, self._starts[i]), max(end, self._ends[j - 1])
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]

    def overlaps(self, span: Span) -> bool:
        i = bisect_right(self._ends, span.start)        # the first kept span that ends after span starts
        return i < len(self._starts) and self._starts[i] < span.end

    def __len__(self) -> int:
        return len(self._starts)


@dataclass(frozen=True)
class SourceDocument:
    """A corpus file read and decoded, before any interpretation."""

    path: Path            # absolute path of the file
    relative_path: str    # path relative to the corpus directory, POSIX form
    text: str             # decoded text, line ends normalised to \n
    encoding: str         # how the text was read: utf-8, gb18030, html/utf-8, docx ...
    notes: tuple[str, ...] = ()   # what the reader had to repair, for the build report


@dataclass(frozen=True)
class SkippedFile:
    """A corpus file the reader could not use, and why."""

    relative_path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.relative_path}: {self.reason}"


@dataclass(frozen=True)
class FileError:
    """An unexpected failure while reading one file: the build goes on with
    what the other steps read, and the report lists it."""

    file: str             # relative path
    stage: str            # read | extract | resolve
    rule: str             # the step that failed (extract.citations …)
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.stage} / {self.rule}: {self.message}"


@dataclass(frozen=True)
class PortalField:
    """One label/value pair of a web portal's metadata block (发文字号 …)."""

    field: str            # the normalised field name from portal_fields.tsv
    label: str
    value: str
    span: Span            # span of the value


@dataclass(frozen=True)
class Zone:
    """A part of a page's layout: chrome, title, number, version_head."""

    kind: str
    span: Span


@dataclass(frozen=True)
class LayoutValue:
    """A value the layout placed (a title, a number in its canonical form)
    and the rule that placed it."""

    value: str
    span: Span
    rule: str


@dataclass(frozen=True)
class Layout:
    """Where a page's identity stands (``kg.read.layout``): its zones, the
    title it anchors on and the own number read around it."""

    zones: tuple[Zone, ...] = ()
    title: Optional[LayoutValue] = None
    numbers: tuple[LayoutValue, ...] = ()   # the own number from each place it stands
    head_start: Optional[int] = None     # where the heading starts (version head or title)
    body_start: int = 0                  # the first line of running text

    def spans(self, kind: str) -> tuple[Span, ...]:
        return tuple(z.span for z in self.zones if z.kind == kind)

    def number_from(self, rule: str) -> Optional[LayoutValue]:
        return next((n for n in self.numbers if n.rule == rule), None)


@dataclass(frozen=True)
class Document:
    """A cleaned document: the original text, a same-length matching view and
    the regions that are web-page residue rather than body."""

    source: SourceDocument
    text: str             # == source.text; offsets refer to it
    view: str             # same length as text: full-width digits/letters/spaces folded
    residue: tuple[Span, ...]
    portal: tuple[PortalField, ...]
    sentences: tuple[Span, ...]
    layout: Optional[Layout] = None     # None where cleaning failed (plain_document)

    @property
    def relative_path(self) -> str:
        return self.source.relative_path

    def portal_value(self, name: str) -> Optional[PortalField]:
        for item in self.portal:
            if item.field == name:
                return item
        return None

    @cached_property
    def _residue_set(self) -> "SpanSet":
        return SpanSet(self.residue)

    def in_residue(self, span: Span) -> bool:
        return self._residue_set.overlaps(span)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_of(self, span: Span) -> Span:
        """The sentence (or sentences) holding the span: found by bisection,
        so that evidence for a long file costs no more than its length."""
        start, end = span.start, span.end
        i = bisect_right(self._sentence_starts, span.start) - 1
        if i >= 0 and span.start < self.sentences[i].end:
            start = self.sentences[i].start
        j = bisect_left(self._sentence_starts, span.end) - 1
        if j >= 0 and span.end <= self.sentences[j].end:
            end = self.sentences[j].end
        return Span(min(start, span.start), max(end, span.end))


@dataclass(frozen=True)
class AreaRef:
    code: str             # GB/T 2260 six-digit code, or "CN"
    name: str
    level: str            # national | province | city | county | township
    parent: Optional[str]


@dataclass(frozen=True)
class AgencyRef:
    """An agency resolved to its full name and area."""

    key: str              # organ key from organs.tsv, "<organ>-branch", or "named:<name>"
    name: str             # full official name
    area: AreaRef
    parent: Optional["AgencyRef"] = None   # the government (or agency) it belongs to


@dataclass(frozen=True)
class Evidence:
    """The text behind a fact: the rule that found it and where."""

    rule: str
    span: Span
    sentence: Span


@dataclass(frozen=True)
class DocRef:
    """What a mention says about a document: any of number, title, issuer."""

    number: Optional[str] = None        # normalised document number
    title: Optional[str] = None         # title without 《》
    issuers: tuple[AgencyRef, ...] = ()
    type_concept: Optional[str] = None  # document-type concept key
    scope: Optional[str] = None         # area code scoping an unqualified title

    def describe(self) -> str:
        return self.number or f"《{self.title}》"


@dataclass(frozen=True)
class Citation:
    """One reference to a document: from the document being read (source
    None) or from a document it names (关于印发《X》的通知 promulgates X)."""

    target: DocRef
    relation: Relation   # cites | applies | based_on | promulgates | forwards | repeals | amends
    evidence: Evidence
    source: Optional[DocRef] = None
    trigger: Optional[str] = None
    link_rule: Optional[str] = None     # the rule that typed the link (applies, based_on)


@dataclass(frozen=True)
class Proposal:
    """The proposal a reply letter answers."""

    number: Optional[int]               # 245 for 第245号 and 7 for 第0007号; None for 第17D22号
    session: Optional[str]
    title: Optional[str]
    body: Optional[AgencyRef]           # the CPPCC / NPC that received it
    evidence: Evidence
    raw_number: str                     # as written: 0607, 17D22; "" for one known by its title only


@dataclass(frozen=True)
class Fact:
    """A literal-valued fact about the document itself (its date, title …)."""

    name: str
    value: object
    evidence: Evidence


@dataclass(frozen=True)
class Measure:
    """An actionable item of an opinion, plan or notice (a measure), or an
    article of a regulation or 办法 (a provision)."""

    position: int              # 1-based order in the document
    ordinal: Optional[str]     # （一）, 1., 第三条; None for an unnumbered measure
    heading: str               # its first sentence, without the ordinal
    span: Span                 # the whole measure
    heading_span: Span
    section: Optional[str]     # the heading of the section it belongs to
    kind: str = "measure"      # measure | provision (an article of a regulation, 第N条, or a part of one)


@dataclass(frozen=True)
class AgencyMention:
    agency: AgencyRef
    written: str
    span: Span
    role: str          # responsible | lead | support | copy_to | addressee | mentions
    rule: str


@dataclass(frozen=True)
class UnboundAgency:
    """An agency a list names by its short form (市民政局; 医保局 after 市卫健委)
    in a text that never names its area (a page cut before its heading): its
    organ and level are known, the area it belongs to is not, so it has no
    full name and is no ``AgencyRef``."""

    text: str             # as written
    organ: str            # organ key (organs.tsv); "" for a table's unit of a kind no table names (招商工作部)
    level: Optional[str]  # the level its prefix names (市 -> city), if it has one
    span: Span
    role: str = "lead"    # lead | support in a measure's list; issuer for a document's issuer


@dataclass(frozen=True)
class CollectiveResponsibility:
    """Every organ of a level within the document's area that a list names
    together: 各区（市）县政府（管委会）, 各镇、街道."""

    text: str             # as written
    level: str            # county | township | city …: the level of the organs
    span: Span
    role: str = "lead"    # lead | support in a measure's list; issuer for a document's issuer, as the list says of the group it stands in


@dataclass(frozen=True)
class ConceptMention:
    """A service model named in the text, by its concept key in the scheme."""

    concept: str         # local name in ontology/service-models.ttl
    label: str
    span: Span


@dataclass(frozen=True)
class ProgrammeMention:
    name: str            # canonical name
    written: str
    span: Span
    rule: str


@dataclass(frozen=True)
class Target:
    indicator: str
    value: Decimal
    unit: Optional[str]
    comparison: str            # 达到, 不低于, 以上 …
    deadline: Optional[date]
    span: Span                 # the whole target clause
    value_span: Span
    rule: str = "target.indicator-value"   # or target.verb-count (培训2000名…): the pattern that read it


@dataclass(frozen=True)
class Amount:
    raw: str
    value: Optional[Decimal]   # yuan; None for a range
    low: Optional[Decimal]
    high: Optional[Decimal]
    per: Optional[str]         # 月, 人/年 …
    purpose: str               # the clause the amount stands in, without it
    span: Span


@dataclass(frozen=True)
class Extraction:
    """Everything the extract stage found in one document."""

    document: Document
    identity: DocRef                    # the document's own number/title/issuer/type
    area: Optional[AreaRef]
    date: Optional[date]
    facts: tuple[Fact, ...]
    citations: tuple[Citation, ...]
    proposal: Optional[Proposal]
    warnings: tuple[str, ...] = field(default=())
    measures: tuple[Measure, ...] = ()               # in order
    agencies: tuple[AgencyMention, ...] = ()         # in text order
    responsible: tuple[tuple[int, AgencyMention], ...] = ()   # (measure position, agency: role responsible | lead | support)
    collective: tuple[tuple[int, CollectiveResponsibility], ...] = ()   # (measure position, the organs of a level)
    unbound: tuple[tuple[int, UnboundAgency], ...] = ()   # (measure position, an agency of an unknown area)
    service_models: tuple[ConceptMention, ...] = ()
    programmes: tuple[ProgrammeMention, ...] = ()
    targets: tuple[Target, ...] = ()
    amounts: tuple[Amount, ...] = ()
    errors: tuple[FileError, ...] = ()                # steps that failed; their findings are missing


class MeasureIndex:
    """The measures that contain a span, found without a scan of every
    measure: in order of their starts, with the furthest end reached so far,
    so that the walk back from a span stops where no earlier measure can
    reach over it."""

    def __init__(self, measures: Iterable["Measure"]):
        self._ordered = sorted(measures, key=lambda m: (m.span.start, m.position))
        self._starts = [m.span.start for m in self._ordered]
        self._reach: list[int] = []
        for m in self._ordered:
            self._reach.append(max(m.span.end, self._reach[-1] if self._reach else m.span.end))

    def containing(self, span: Span) -> list["Measure"]:
        """Every measure that holds the span, in their order (position)."""
        out = []
        j = bisect_right(self._starts, span.start) - 1
        while j >= 0 and self._reach[j] >= span.end:
            if self._ordered[j].span.contains(span):
                out.append(self._ordered[j])
            j -= 1
        return sorted(out, key=lambda m: m.position)

    def first(self, span: Span) -> Optional["Measure"]:
        """The first measure (in position order) that holds the span."""
        found = self.containing(span)
        return found[0] if found else None

    def innermost(self, span: Span) -> Optional["Measure"]:
        """The shortest measure that holds the span: a table's row, not the item the table stands in."""
        return min(self.containing(span), key=lambda m: m.span.end - m.span.start, default=None)


# A document's stable key: ``doc/<code>/<year>/<seq>`` for a numbered
# document, ``doc/t/<digest>`` for one known by title only (kg.resolution.keys).
DocumentKey = NewType("DocumentKey", str)


@dataclass(frozen=True)
class DocumentNode:
    """One document, however many mentions and files name it."""

    key: DocumentKey
    number: Optional[str]
    title: Optional[str]
    alternative_titles: tuple[str, ...]
    issuers: tuple[AgencyRef, ...]
    type_concept: Optional[str]
    area: Optional[AreaRef]
    source_files: tuple[str, ...]      # empty for a stub
    date: Optional[Day] = None        # from the corpus file, when there is one
    versions: tuple[tuple[Day, str], ...] = ()   # (date, event) its own history lines give (a regulation)
    # its corpus files give different dates: each file is a version of it (two texts of one
    # regulation, 2018 and 2024), and ``date`` is the latest
    dated_versions: bool = False

    @property
    def is_stub(self) -> bool:
        return not self.source_files


@dataclass(frozen=True)
class InferredLink:
    """A link no sentence states, with the rule that inferred it."""

    source: DocumentNode
    target: DocumentNode
    relation: Relation
    rule: str


@dataclass
class Resolution:
    """The resolve stage's answer: every document node, the node each mention
    and each corpus file resolved to, inferred links and warnings."""

    documents: dict[DocumentKey, DocumentNode]
    by_mention: dict[DocRef, DocumentKey]
    by_file: dict[str, DocumentKey]
    inferred: tuple[InferredLink, ...] = ()
    warnings: list[str] = field(default_factory=list)
    learned_codes: dict[str, AgencyRef] = field(default_factory=dict)   # issuer codes the corpus taught

    def node(self, ref: DocRef) -> DocumentNode:
        """The node a mention resolved to."""
        return self.documents[self.by_mention[ref]]

    def of_extraction(self, extraction: Extraction) -> DocumentNode:
        return self.documents[self.by_file[extraction.document.relative_path]]


# --- answers of the store and network stages, read by views and the CLI ---

@dataclass(frozen=True)
class QueryResult:
    """A SPARQL answer: variables and rows of rdflib terms, or a boolean."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]       # rdflib terms (or None for unbound): rdflib's terms are not typed
    boolean: Optional[bool] = None
    more: bool = False          # rows past the limit the caller set were not read


@dataclass
class TraceNode:
    iri: str
    number: Optional[str]
    title: Optional[str]
    level: Optional[str]
    area: Optional[str]
    date: Optional[str]
    stub: bool
    relation: Optional[Relation] = None     # applies | based_on | promulgates: the link to the parent
    basis: Optional[str] = None        # how the link to the parent is known
    rule: Optional[str] = None
    sentence: Optional[str] = None
    also: list[str] = field(default_factory=list)   # other documents of the tree it links to directly
    children: list["TraceNode"] = field(default_factory=list)
    file: Optional[str] = None          # the corpus file, naming a document with neither number nor title
    validity: Optional[str] = None      # in-force | repealed | expired | not-yet | … on the day asked (today)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class AreaCoverage:
    """How one area below a document's own carries it out."""

    level: Optional[str]
    area: str
    area_code: Optional[str]
    status: str                        # implemented | not-implementing | no-documents
    implementing: list[str]            # labels of its documents that carry the reference out
    chain: list[str]                   # shortest chain from one of them to the reference
    corpus_documents: list[str]        # its corpus documents that could have (not replies, not older)
    first_date: Optional[str] = None   # the earliest implementing document's date
    lag_days: Optional[int] = None     # days from the reference's date to it
    chain_basis: list[str] = field(default_factory=list)   # each link of the chain: stated | inferred | issues
    in_force_from: Optional[str] = None    # when the earliest implementing document came into force
    validity: Optional[str] = None         # whether it is in force on the day asked (today): in-force, repealed …

    @property
    def covered(self) -> bool:
        return self.status == "implemented"
