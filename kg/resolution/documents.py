"""The resolve stage: one node per document, however it is mentioned.

Every mention gives keys: its number (国办发〔2019〕5号), its title (qualified
titles anywhere; unqualified ones within an area), an announcement number
with its title. Mentions that share a key are one document (union-find); a
document no corpus file holds is a stub.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Optional

from rdflib import URIRef

from kg.rdf import iri
from kg.lexicon.areas import gazetteer
from kg.lexicon.docnumber import DocNumber
from kg.models import AgencyRef, AreaRef, DocRef, Extraction
from kg.lexicon.titles import title_key


@dataclass(frozen=True)
class DocumentNode:
    iri: URIRef
    number: Optional[str]
    title: Optional[str]
    alternative_titles: tuple[str, ...]
    issuers: tuple[AgencyRef, ...]
    type_concept: Optional[str]
    area: Optional[AreaRef]
    source_files: tuple[str, ...]      # empty for a stub
    date: Optional[date] = None        # from the corpus file, when there is one

    @property
    def is_stub(self) -> bool:
        return not self.source_files


@dataclass
class Resolution:
    documents: dict[URIRef, DocumentNode]
    _by_key: dict[str, URIRef]
    warnings: list[str] = field(default_factory=list)

    def node(self, ref: DocRef) -> DocumentNode:
        """The node a mention resolved to."""
        for key in mention_keys(ref):
            if key in self._by_key:
                return self.documents[self._by_key[key]]
        raise KeyError(ref)

    def of_extraction(self, extraction: Extraction) -> DocumentNode:
        return self.node(extraction.identity)


def mention_keys(ref: DocRef) -> list[str]:
    keys = []
    if ref.number and not ref.number[0].isdigit():
        keys.append(f"no:{ref.number}")
    if ref.number and ref.number[0].isdigit():
        # An announcement number is unique only with its issuer or title.
        qualifier = (ref.issuers[0].name if ref.issuers else "") + "|" + (title_key(ref.title) if ref.title else "")
        keys.append(f"ann:{ref.number}|{qualifier}")
    if ref.title:
        key = title_key(ref.title)
        keys.append(f"t:{ref.scope or '*'}:{key}")
        if ref.scope and ref.issuers and key.startswith("关于"):
            # the same title as its issuer would write it in full
            keys.append(f"t:*:{title_key(ref.issuers[0].name)}{key}")
    if not keys:
        raise ValueError(f"a mention with neither number nor title: {ref}")
    return keys


def identity_keys(ref: DocRef) -> list[str]:
    """Keys of a corpus document: also its title without the issuer prefix,
    scoped to its area (as documents of that area cite it)."""
    keys = mention_keys(ref)
    if ref.title and ref.issuers:
        head, sep, rest = ref.title.partition("关于")
        if sep and head:
            keys.append(f"t:{ref.issuers[0].area.code}:{title_key(sep + rest)}")
    return keys


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, keys: list[str]) -> None:
        roots = sorted({self.find(k) for k in keys})
        for other in roots[1:]:
            self.parent[other] = roots[0]


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    extractions = list(extractions)
    uf = _UnionFind()
    mentions: list[tuple[DocRef, Optional[str], list[str]]] = []   # ref, source file, keys
    dates = {x.document.relative_path: x.date for x in extractions}
    for x in extractions:
        if x.identity.number is None and x.identity.title is None:
            keys = [f"file:{x.document.relative_path}"]
        else:
            keys = identity_keys(x.identity)
        mentions.append((x.identity, x.document.relative_path, keys))
        for c in x.citations:
            mentions.append((c.target, None, mention_keys(c.target)))
            if c.source is not None:
                mentions.append((c.source, None, mention_keys(c.source)))
    for _, _, keys in mentions:
        uf.union(keys)

    groups: dict[str, list[tuple[DocRef, Optional[str], list[str]]]] = {}
    for mention in mentions:
        groups.setdefault(uf.find(mention[2][0]), []).append(mention)

    documents: dict[URIRef, DocumentNode] = {}
    by_key: dict[str, URIRef] = {}
    warnings: list[str] = []
    for group in groups.values():
        node = _merge(group, warnings, dates)
        if node.iri in documents:
            warnings.append(f"two documents share the IRI {node.iri}; merged")
        documents[node.iri] = node
        for _, _, keys in group:
            for key in keys:
                by_key[key] = node.iri
    return Resolution(documents, by_key, warnings)


def _merge(group, warnings: list[str], dates: dict) -> DocumentNode:
    own = [(ref, path) for ref, path, _ in group if path is not None]
    refs = [ref for ref, _, _ in group]
    primary = [r for r, _ in own] or refs
    numbers = sorted({r.number for r in refs if r.number})
    own_numbers = [r.number for r in primary if r.number]
    number = own_numbers[0] if own_numbers else (numbers[0] if numbers else None)
    if len({n for n in numbers if not n[0].isdigit()}) > 1:
        warnings.append(f"one document cited with several numbers: {', '.join(numbers)}")
    titles = _ranked_titles([r.title for r, _ in own if r.title], [r.title for r in refs if r.title])
    title = titles[0] if titles else None
    issuers = next((r.issuers for r in primary if r.issuers), None) or next((r.issuers for r in refs if r.issuers), ())
    type_concept = next((r.type_concept for r in primary if r.type_concept), None) or _most_common(
        r.type_concept for r in refs if r.type_concept)
    area = issuers[0].area if issuers else _title_area(title)
    sources = tuple(sorted({path for _, path in own}))
    if len(sources) > 1:
        warnings.append(f"{', '.join(sources)} are the same document ({number or title}); one node")
    all_keys = sorted({k for _, _, keys in group for k in keys})
    if number and not number[0].isdigit():
        parsed = DocNumber.parse(number)
        node_iri = iri.document_by_number(parsed.code, parsed.year, parsed.seq)
    else:
        identity = [k for _, path, keys in group if path is not None for k in keys]
        node_iri = iri.document_by_key((identity or all_keys)[0])
    return DocumentNode(node_iri, number, title, tuple(t for t in titles[1:]), tuple(issuers),
                        type_concept, area, sources, next((dates[s] for s in sources if dates.get(s)), None))


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


def _title_area(title: Optional[str]) -> Optional[AreaRef]:
    if not title:
        return None
    chain = gazetteer().split_area_prefix(title, None)
    return chain[-1][1] if chain else None
