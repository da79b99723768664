"""The document network of a built graph, as networkx.

Nodes are documents (with number, title, level, area, date, stub, file);
edges carry the most specific relation between two documents (applies >
based_on > promulgates > cites), how it is known (stated / inferred), the rule
and the sentence behind it.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

import networkx as nx

from kg.relations import Relation, between_documents, terms as relation_terms

if TYPE_CHECKING:
    from kg.store.database import GraphStore

# LATERAL: see ASSERTIONS below.
NODES = """
SELECT ?doc ?number ?title ?rank ?level ?area ?code ?date ?stub ?file ?type ?entry ?expiry ?validity WHERE {
  ?doc a eli:LegalResource ; pol:isStub ?stub .
  LATERAL { OPTIONAL { ?doc eli:type_document ?type } }
  LATERAL { OPTIONAL { ?doc eli:id_local ?number } }
  LATERAL { OPTIONAL { ?doc dcterms:title ?title } }
  LATERAL { OPTIONAL { ?doc pol:level ?l . ?l skos:notation ?rank ; skos:prefLabel ?level
                       FILTER(lang(?level) = "en") } }
  LATERAL { OPTIONAL { ?doc eli:jurisdiction ?a . ?a skos:prefLabel ?area ; skos:notation ?code } }
  LATERAL { OPTIONAL { ?doc eli:date_document ?date } }
  LATERAL { OPTIONAL { ?doc pol:sourceFile ?file } }
  LATERAL { OPTIONAL { ?doc eli:first_date_entry_in_force ?entry } }
  LATERAL { OPTIONAL { ?doc eli:date_no_longer_in_force ?expiry } }
  LATERAL { OPTIONAL { ?doc pol:statedValidity ?validity } }
}"""
RELATIONS = {r: relation_terms()[r].predicate for r in between_documents()}     # kg/data/relations.tsv
EDGES = """
SELECT DISTINCT ?s ?p ?o WHERE {
  ?s ?p ?o .
  VALUES ?p { $relations }
}"""
# Evidence of the links, fetched flat and joined in Python. LATERAL (an
# Oxigraph extension, SPARQL 1.2 draft) evaluates each optional part per
# assertion: a plain OPTIONAL is evaluated over the whole graph first, which
# costs seconds per thousand documents.
ASSERTIONS = """
SELECT ?s ?p ?o ?basis ?rule ?trigger ?sentence WHERE {
  VALUES ?p { $relations }
  ?a rdf:predicate ?p ; rdf:subject ?s ; rdf:object ?o ; pol:rule ?rule .
  LATERAL { OPTIONAL { ?a pol:linkBasis ?basis } }
  LATERAL { OPTIONAL { ?a pol:trigger ?trigger } }
  LATERAL { OPTIONAL { ?a prov:wasDerivedFrom ?x . ?x oa:exact ?sentence } }
}"""
UNTITLED_KIND = "文件"      # the type of a document whose type is not known, in its name
SPECIFICITY = {r: t.specificity for r, t in relation_terms().items()}


def _preferred(current: Optional[tuple], candidate: tuple) -> tuple:
    """Of two assertions of one link, (basis, rule, trigger, sentence): the
    one with a sentence, then the first in text order of its fields — the
    same choice whatever order they come in."""
    def rank(e):
        return (e[3] is None, *(x or "" for x in (e[3], e[1], e[2], e[0])))
    return candidate if current is None or rank(candidate) < rank(current) else current


def document_name(data: dict) -> str:
    """A document as a reader names it in a picture: its title, else its
    number, else what is known of it — 石林县 · 答复 · 2025-03-04 — never a
    corpus file's path (the file stays in the node's data)."""
    if data.get("title") or data.get("number"):
        return data.get("title") or data["number"]
    from kg.lexicon.schemes import document_type_labels
    kind = document_type_labels().get(data.get("type") or "", (UNTITLED_KIND,))[0]
    parts = [p for p in (data.get("area"), kind, data.get("date")) if p]
    if data.get("area") or data.get("date") or not data.get("file"):
        return " · ".join(parts)
    return f"{kind} · {Path(data['file']).stem}"


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(store: GraphStore, relations: Iterable[Relation] = tuple(RELATIONS)) -> nx.DiGraph:
    """The documents and links of a graph. Each node id is the document IRI.
    ``relations`` limits the links fetched (``(Relation.APPLIES,)`` is all that
    tracing needs, and much less to read on a large graph).

    >>> from kg.store import load_graph            # doctest: +SKIP
    >>> G = to_networkx(load_graph("build"))        # doctest: +SKIP
    >>> G.nodes["https://w3id.org/policy-kg/id/doc/国办发/2019/5"]["number"]  # doctest: +SKIP
    '国办发〔2019〕5号'
    """
    from kg.store.query import select_values     # here: reading the saved index needs no store

    graph = nx.DiGraph()
    for doc, number, title, rank, level, area, code, date, stub, file, dtype, entry, expiry, validity in \
            select_values(store, NODES):
        key = str(doc)
        data = graph.nodes[key] if key in graph else {}
        graph.add_node(key, number=_s(number) or data.get("number"), title=_s(title) or data.get("title"),
                       rank=int(rank) if rank is not None else data.get("rank"),
                       level=_s(level) or data.get("level"), area=_s(area) or data.get("area"),
                       area_code=_s(code) or data.get("area_code"), date=_s(date) or data.get("date"),
                       stub=str(stub) == "true", file=_s(file) or data.get("file"),
                       type=_local(str(dtype)) if dtype is not None else data.get("type"),
                       entry=_s(entry) or data.get("entry"), expiry=_s(expiry) or data.get("expiry"),
                       validity=_s(validity) or data.get("validity"))
    evidence: dict[tuple[str, Relation, str], tuple] = {}
    values = " ".join(RELATIONS[r] for r in relations)
    for s, p, o, basis, rule, trigger, sentence in select_values(store, ASSERTIONS.replace("$relations", values)):
        link = (str(s), Relation(_local(str(p))), str(o))
        if basis == "inferred":
            sentence = None       # its spans are where the two titles were read: no sentence states the link
        evidence[link] = _preferred(evidence.get(link), (_s(basis), _s(rule), _s(trigger), _s(sentence)))
    links = ((str(s), Relation(_local(str(p))), str(o))
             for s, p, o in select_values(store, EDGES.replace("$relations", values)))
    _add_links(graph, links, evidence)
    return graph


def _add_links(graph: nx.DiGraph, links: Iterable[tuple[str, Relation, str]], evidence: dict) -> None:
    """Each pair's most specific link, with its preferred evidence."""
    for s, relation, o in links:
        current = graph.edges[s, o] if graph.has_edge(s, o) else None
        if current and SPECIFICITY[current["relation"]] >= SPECIFICITY[relation]:
            continue
        basis, rule, trigger, sentence = evidence.get((s, relation, o), (None, None, None, None))
        graph.add_edge(s, o, relation=relation.value, basis=basis or ("stated" if rule else None),
                       rule=rule, trigger=trigger, sentence=sentence)


def document_network(extractions, resolution, sentences: Optional[dict[str, tuple[str, ...]]] = None) -> nx.DiGraph:
    """The network ``to_networkx`` reads from a built graph, made instead from
    what the build holds in memory (the extractions, their resolution and
    the inferred links): the build's index and overview need no query.
    ``sentences``: each file's citation sentences, where its extraction
    holds no text (the build's summaries)."""
    from kg.rdf.named_graphs import STATED_BASIS_RELATIONS, proposal_area, proposal_iri
    from kg.lexicon.schemes import level_concepts
    from kg.rdf import iri

    levels = level_concepts()       # level name -> (rank, English label)
    validity = _stated_validity(extractions)
    graph = nx.DiGraph()
    for node in sorted(resolution.documents.values(), key=lambda n: n.key):
        # of several texts of one document, the latest's (kg.rdf.named_graphs.VERSION_FACTS)
        files = [s for s in node.source_files if not node.dated_versions or validity[s][0] == node.date]
        stated: dict = next((validity[s][1] for s in files if validity[s][1]), {})
        level = levels.get(node.area.level) if node.area else None
        graph.add_node(str(iri.document(node.key)), number=node.number, title=node.title,
                       rank=level[0] if level else None, level=level[1] if level else None,
                       area=node.area.name if node.area else None, area_code=node.area.code if node.area else None,
                       date=node.date.isoformat() if node.date else None, stub=node.is_stub,
                       file=node.source_files[0] if node.source_files else None, type=node.type_concept,
                       entry=_iso(stated.get("entry_into_force")), expiry=_iso(stated.get("expiry")),
                       validity=stated.get("validity"))
    evidence: dict[tuple[str, Relation, str], tuple] = {}
    links = []
    for x in extractions:
        if x.proposal is not None:
            area = proposal_area(x)
            level = levels.get(area.level) if area else None
            graph.add_node(str(proposal_iri(x)), number=None, title=x.proposal.title,
                           rank=level[0] if level else None, level=level[1] if level else None,
                           area=area.name if area else None, area_code=area.code if area else None, date=None,
                           stub=True, file=None, type="proposal", entry=None, expiry=None, validity=None)
        own = resolution.of_extraction(x)
        said = sentences[x.document.relative_path] if sentences is not None else None
        for i, c in enumerate(x.citations):
            source = resolution.node(c.source) if c.source is not None else own
            target = resolution.node(c.target)
            if source.key == target.key:
                continue
            key = (str(iri.document(source.key)), c.relation, str(iri.document(target.key)))
            links.append(key)
            found = ("stated" if c.relation in STATED_BASIS_RELATIONS else None, c.link_rule or c.evidence.rule,
                     c.trigger, said[i] if said is not None else c.evidence.sentence.slice(x.document.text))
            evidence[key] = _preferred(evidence.get(key), found)
    for link in resolution.inferred:
        key = (str(iri.document(link.source.key)), link.relation, str(iri.document(link.target.key)))
        links.append(key)
        evidence[key] = _preferred(evidence.get(key), ("inferred", link.rule, None, None))
    _add_links(graph, links, evidence)
    return graph


def _stated_validity(extractions) -> dict[str, tuple]:
    """Each file's date and what it states of its document's validity."""
    from kg.resolution.documents import best_date
    return {x.document.relative_path: (best_date(x), {f.name: f.value for f in x.facts
                                                      if f.name in ("entry_into_force", "expiry", "validity")})
            for x in extractions}


def _s(term):
    return None if term is None else str(term)


def _iso(value) -> Optional[str]:
    return None if value is None else value.isoformat()
