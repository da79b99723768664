"""The resolve stage: one node per document, however it is mentioned.

Every mention gives keys: its number (国办发〔2019〕5号), its title (qualified
titles anywhere; unqualified ones within an area), an announcement number
with its title. Mentions that share a key are one document (union-find); a
document no corpus file holds is a stub.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Optional

from kg import keys as document_keys
from kg.datafiles import phrase_pattern
from kg.lexicon.areas import gazetteer
from kg.lexicon.docnumber import DocNumber
from kg.lexicon.issuers import code_area, resolve_code
from kg.lexicon.titles import document_type, title_key
from kg.lexicon.versions import listed_works, versions, work_key
from kg.lexicon.agencies import parse_agency
from kg.models import AgencyRef, AreaRef, DocRef, DocumentKey, DocumentNode, Extraction, Resolution
from kg.resolution.inference import implements_edges, implements_warnings, title_echoes

@dataclass(frozen=True)
class MentionKey:
    """What identifies a mentioned document: its document number, an
    announcement number with its issuer or title (unique only so), its title
    within a scope (an area's code; ``*`` for a title that says whose it is),
    or the corpus file of a document with neither."""

    kind: str                     # number, announcement, title, file, work
    value: str
    scope: Optional[str] = None   # titles only

    def __str__(self) -> str:
        # the written form: IRIs of documents known by title are digests of it
        if self.kind == "title":
            return f"t:{self.scope}:{self.value}"
        return f"{KEY_PREFIXES[self.kind]}:{self.value}"


KEY_PREFIXES = {"number": "no", "announcement": "ann", "file": "file", "work": "work"}
ANYWHERE = "*"
NATION = "CN"

# A mention: what it says, the corpus file it is the identity of (None for a
# citation), and its keys.
Mention = tuple[DocRef, Optional[str], list[MentionKey]]


def is_announcement(number: str) -> bool:
    """2019年第76号: numbered within a year, with no issuer code."""
    return DocNumber.parse(number).is_announcement


def mention_keys(ref: DocRef) -> list[MentionKey]:
    keys = []
    if ref.number and not is_announcement(ref.number):
        keys.append(MentionKey("number", ref.number))
    if ref.number and is_announcement(ref.number):
        # An announcement number is unique only with its issuer or title.
        qualifier = (ref.issuers[0].name if ref.issuers else "") + "|" + (title_key(ref.title) if ref.title else "")
        keys.append(MentionKey("announcement", f"{ref.number}|{qualifier}"))
    # a law or rule revised over time: its title named nationally, or an order's number of one of its versions
    work = work_key(ref.title if ref.scope in (None, NATION) else None, ref.number)
    if work:
        keys.append(MentionKey("work", work))
    if ref.title:
        key = title_key(ref.title)
        keys.append(MentionKey("title", key, ref.scope or ANYWHERE))
        if ref.scope and ref.issuers and key.startswith("关于"):
            # the same title as its issuer would write it in full
            keys.append(MentionKey("title", f"{title_key(ref.issuers[0].name)}{key}", ANYWHERE))
    if not keys:
        raise ValueError(f"a mention with neither number nor title: {ref}")
    return keys


def identity_keys(ref: DocRef) -> list[MentionKey]:
    """Keys of a corpus document: also its title without the issuer prefix,
    scoped to its area (as documents of that area cite it)."""
    keys = mention_keys(ref)
    if ref.title and ref.issuers:
        head, sep, rest = ref.title.partition("关于")
        if sep and head:
            keys.append(MentionKey("title", title_key(sep + rest), ref.issuers[0].area.code))
    return keys


def lift_unqualified_titles(mentions: list[Mention]) -> list[tuple[MentionKey, MentionKey]]:
    """An unqualified title cited in an area with no number (《养老机构管理办法》
    in a 上海 page) names that area's document of the title, or failing one
    there, the document of an area above it that the corpus knows by number or
    file (民政部令第66号) — the nearest such area, never a sibling's. The
    pairs of keys that name one document so."""
    anchored: dict[str, set[Optional[str]]] = {key: {NATION} for key in listed_works()}
    for ref, path, keys in mentions:
        if path is not None or ref.number:
            for k in keys:
                if k.kind == "title":
                    anchored.setdefault(k.value, set()).add(k.scope)
    pairs = []
    for ref, path, keys in mentions:
        if path is not None or ref.number:
            continue
        for k in keys:
            scopes = anchored.get(k.value, set()) if k.kind == "title" else set()
            if not scopes or k.scope in (ANYWHERE, None) or k.scope in scopes:
                continue
            # the areas above, nearest first; last, a numbered mention whose area was not known
            above = next((code for code in [a.code for a in gazetteer().chain(k.scope)[1:]] + [ANYWHERE]
                          if code in scopes), None)
            if above is not None:
                pairs.append((k, MentionKey("title", k.value, above)))
    return pairs


class _UnionFind:
    """Groups of keys that name one document. A document has one number:
    two groups that hold different numbers stay apart, whatever title or
    work they share (农村五保供养工作条例 was 国务院令第141号 in 1994 and,
    a new regulation under the same name, 国务院令第456号 in 2006)."""

    def __init__(self):
        self.parent: dict = {}
        self.numbers: dict = {}          # root -> the number keys of its group
        self.kept_apart: list[tuple] = []

    def find(self, x):
        if x not in self.parent:
            self.parent[x] = x
            self.numbers[x] = {x} if x.kind in NUMBER_KINDS else set()
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, keys: list) -> None:
        roots = sorted({self.find(k) for k in keys}, key=str)
        # a numbered group first, so that the keys join the number they came with
        roots.sort(key=lambda r: not self.numbers[r])
        for other in roots[1:]:
            if not _one_document(self.numbers[roots[0]] | self.numbers[other]):
                self.kept_apart.append((min(self.numbers[roots[0]], key=str), min(self.numbers[other], key=str)))
                continue
            self.parent[other] = roots[0]
            self.numbers[roots[0]] |= self.numbers.pop(other)


NUMBER_KINDS = ("number", "announcement")


def _one_document(numbers: set) -> bool:
    """Numbers one document may hold: one, or the orders of one listed
    work's versions (主席令第72号 and 第24号 of 老年人权益保障法)."""
    if len(numbers) <= 1:
        return True
    works = {work_key(number=k.value) if k.kind == "number" else None for k in numbers}
    return len(works) == 1 and None not in works


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    """Resolve every mention to a document node, then infer title-echo links
    and check every implements link (the same for ``kg build`` and the
    library)."""
    extractions = list(extractions)
    resolution = merge_mentions(extractions)
    _apply_learned_codes(resolution, extractions)
    resolution.inferred = tuple(title_echoes(resolution.documents.values(),
                                             implements_edges(extractions, resolution, ())))
    resolution.warnings += implements_warnings(implements_edges(extractions, resolution, resolution.inferred))
    return resolution


def learned_codes(extractions: list[Extraction]) -> tuple[dict[str, AgencyRef], list[str]]:
    """Issuer codes no table holds, taught by corpus documents whose header
    gives both the issuer and the number (成办发〔2022〕28号 of 成都市人民政府办公厅
    teaches 成办发); the first file's reading wins, a disagreement is reported."""
    learned: dict[str, AgencyRef] = {}
    warnings = []
    for x in sorted(extractions, key=lambda x: x.document.relative_path):
        number, issuers = x.identity.number, x.identity.issuers
        if not number or not issuers or is_announcement(number):
            continue
        parsed = DocNumber.parse(number)
        if parsed.code is None or parsed.is_order or resolve_code(parsed.code, x.area) is not None:
            continue
        known = learned.setdefault(parsed.code, issuers[0])
        if known != issuers[0]:
            warnings.append(f"issuer code {parsed.code}: {known.name} in one file, {issuers[0].name} in "
                            f"{x.document.relative_path}; kept {known.name}")
    return learned, warnings


def _apply_learned_codes(resolution: Resolution, extractions: list[Extraction]) -> None:
    """Documents cited by a number whose code the corpus taught get that issuer."""
    resolution.learned_codes, warnings = learned_codes(extractions)
    resolution.warnings += warnings
    for key, node in list(resolution.documents.items()):
        if node.issuers or not node.number or is_announcement(node.number):
            continue
        agency = resolution.learned_codes.get(DocNumber.parse(node.number).code or "")
        if agency is not None:
            resolution.documents[key] = replace(node, issuers=(agency,), area=agency.area)


def _mentions(extractions: list[Extraction]) -> list[Mention]:
    mentions: list[Mention] = []
    for x in extractions:
        if x.identity.number is None and x.identity.title is None:
            keys = [MentionKey("file", x.document.relative_path)]
        else:
            keys = identity_keys(x.identity)
        mentions.append((x.identity, x.document.relative_path, keys))
        for c in x.citations:
            mentions.append((c.target, None, mention_keys(c.target)))
            if c.source is not None:
                mentions.append((c.source, None, mention_keys(c.source)))
    return mentions


def merge_mentions(extractions: list[Extraction]) -> Resolution:
    """One node per group of mentions that share a key (union-find)."""
    uf = _UnionFind()
    mentions = _mentions(extractions)
    for _, _, keys in mentions:
        uf.union(keys)
    for pair in lift_unqualified_titles(mentions):
        uf.union(list(pair))
    for work in listed_works():
        # a listed work is one document however its title is scoped
        uf.union([MentionKey("work", work), MentionKey("title", work, NATION), MentionKey("title", work, ANYWHERE)])
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(uf.find(mention[2][0]), []).append(mention)

    dates = {x.document.relative_path: best_date(x) for x in extractions}
    areas = {x.document.relative_path: x.area for x in extractions}
    histories = {x.document.relative_path: tuple(f.value for f in x.facts if f.name == "version") for x in extractions}
    resolution = Resolution(documents={}, by_mention={}, by_file={})
    resolution.warnings += [f"{a.value} and {b.value} share a title but not their number: kept apart"
                            for a, b in uf.kept_apart]
    for group in groups.values():
        node = _merge(group, resolution.warnings, dates, histories, areas)
        if node.key in resolution.documents:
            resolution.warnings.append(f"two documents share the key {node.key}; merged")
        resolution.documents[node.key] = node
        for ref, path, _ in group:
            resolution.by_mention[ref] = node.key
            if path is not None:
                resolution.by_file[path] = node.key
    return resolution


def best_date(x: Extraction):
    """A document's date: its own (成文日期, signature), else the portal's
    发布日期 (the only date of many saved pages)."""
    return x.date or next((f.value for f in x.facts if f.name == "publication_date"), None)


def _merge(group: list[Mention], warnings: list[str], dates: dict, histories: dict, areas: dict) -> DocumentNode:
    own = [(ref, path) for ref, path, _ in group if path is not None]
    refs = [ref for ref, _, _ in group]
    primary = [r for r, _ in own] or refs
    work = next((k.value for _, _, keys in group for k in keys if k.kind == "work"), None)
    # a work's versions carry the numbers (kg.lexicon.versions), not the work
    number = None if work else _number(primary, refs, warnings)
    listed = versions(work) if work else ()
    titles = _ranked_titles([r.title for r, _ in own if r.title] + [v.work for v in listed[:1]],
                            [r.title for r in refs if r.title])
    title = titles[0] if titles else None
    issuers = (_first(r.issuers for r in primary) or _first(r.issuers for r in refs)
               or _listed_issuers(listed) or ())
    sources = tuple(sorted({path for _, path in own}))
    if len(sources) > 1:
        warnings.append(f"{', '.join(sources)} are the same document ({number or title}); one node")
    # a corpus file's area stands where it names no issuer (a reply of 县政协…提案 read from its own words)
    area = issuers[0].area if issuers else (_of_files(areas, sources, None) or _title_area(title)
                                            or _number_area(number))
    key = document_keys.document_by_title(str(MentionKey("work", work))) if work else _node_key(number, group)
    latest, versions_dated = _latest_date(dates, sources)
    return DocumentNode(key, number, title, tuple(titles[1:]), tuple(issuers), _type_concept(primary, refs, title),
                        area, sources, latest, _of_files(histories, sources, ()), dated_versions=versions_dated)


def _latest_date(dates: dict, sources: tuple[str, ...]) -> tuple:
    """The latest date of a node's corpus files, and whether they give more
    than one (each file then a version of the document)."""
    found = {dates[s] for s in sources if dates.get(s)}
    return max(found, default=None), len(found) > 1


def _of_files(values: dict, sources: tuple[str, ...], default):
    """What the first of a node's corpus files that has one gives (a date, a history)."""
    return next((values[s] for s in sources if values.get(s)), default)


def _type_concept(primary: list[DocRef], refs: list[DocRef], title: Optional[str]) -> Optional[str]:
    """The corpus file's own type, else the most common cited one, else the title's."""
    found = _first(r.type_concept for r in primary) or _most_common(r.type_concept for r in refs if r.type_concept)
    dtype = document_type(title) if title and not found else None
    return found or (dtype.concept if dtype else None)


def _listed_issuers(listed) -> tuple:
    """The organ the versions table names for a work (全国人民代表大会常务委员会)."""
    agency = parse_agency(listed[0].issuer, gazetteer().nation) if listed else None
    return (agency,) if agency else ()


def _number(primary: list[DocRef], refs: list[DocRef], warnings: list[str]) -> Optional[str]:
    """The corpus file's own number, else the first of the cited ones."""
    numbers = sorted({r.number for r in refs if r.number})
    if len({n for n in numbers if not is_announcement(n)}) > 1:
        warnings.append(f"one document cited with several numbers: {', '.join(numbers)}")
    own_numbers = [r.number for r in primary if r.number]
    return own_numbers[0] if own_numbers else (numbers[0] if numbers else None)


def _first(values):
    return next((v for v in values if v), None)


def _node_key(number: Optional[str], group: list[Mention]) -> DocumentKey:
    """By number where it has a document number, else by its first key (the
    corpus file's own keys first)."""
    if number and not is_announcement(number):
        parsed = DocNumber.parse(number)
        return document_keys.document_by_number(parsed.code or "", parsed.year, parsed.seq)
    identity = [k for _, path, keys in group if path is not None for k in keys]
    return document_keys.document_by_title(str((identity or sorted({k for _, _, keys in group for k in keys},
                                                                    key=str))[0]))


def _ranked_titles(own: list[str], cited: list[str]) -> list[str]:
    """Distinct titles: the corpus file's own first, then the most qualified
    (longest) of the cited forms."""
    out: dict[str, str] = {}
    for t in own + sorted(cited, key=lambda t: (-len(t), t)):
        out.setdefault(title_key(t), t)
    return list(out.values())


def _most_common(values) -> Optional[str]:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _number_area(number: Optional[str]) -> Optional[AreaRef]:
    """What a cited number tells of its area where no organ was read: the
    area its issuer code's abbreviation names (浙民养 -> 浙江省), or an
    order's or announcement's organ (中华人民共和国民政部令 and a ministry's
    order are national; 天津市人民政府令 is 天津市's)."""
    if not number:
        return None
    try:
        parsed = DocNumber.parse(number)
    except ValueError:
        return None
    if parsed.code is None:
        return None
    if parsed.is_order:
        organ = phrase_pattern("order_ending").sub("", parsed.code)
        chain = gazetteer().split_area_prefix(organ, None)
        if chain:
            return chain[-1][1]
        return gazetteer().nation if phrase_pattern("national_organ").search(organ) else None
    return code_area(parsed.code)


def _title_area(title: Optional[str]) -> Optional[AreaRef]:
    if not title:
        return None
    chain = gazetteer().split_area_prefix(title, None)
    return chain[-1][1] if chain else None
