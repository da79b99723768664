"""Regenerate kg/rdf/vocab.py from ontology/policy.ttl, and
kg/data/scheme_labels.tsv from the SKOS schemes of ontology/.

pol: terms are every pol: IRI the ontology declares. The external terms the
code writes (ELI, OA, CITO) are listed below: DefinedNamespace makes a typo
in any of them fail at import instead of minting a wrong IRI.

The table holds each concept's notation and labels for the stages below
the RDF layer, which read tables, not RDF (tests/test_layering.py).

    python tools/generate_vocab.py          # rewrite both
    python tools/generate_vocab.py --check  # exit 1 if either is out of date
"""
from __future__ import annotations

import sys
from pathlib import Path

import rdflib

ROOT = Path(__file__).resolve().parent.parent
POL = "https://w3id.org/policy-kg/ontology#"
EXTERNAL = {
    "ELI": ("http://data.europa.eu/eli/ontology#",
            ["LegalResource", "id_local", "passed_by", "jurisdiction", "date_document", "date_publication",
             "type_document", "cites", "applies", "based_on", "first_date_entry_in_force",
             "date_no_longer_in_force", "version_date", "LegalExpression", "realizes",
             "is_realized_by", "repeals", "repealed_by", "amends", "amended_by", "in_force",
             "InForce-inForce", "InForce-notInForce"]),
    "OA": ("http://www.w3.org/ns/oa#",
           ["hasSource", "exact", "start", "end"]),
    "CITO": ("http://purl.org/spar/cito/", ["repliesTo"]),
}


def render() -> str:
    graph = rdflib.Graph().parse(ROOT / "ontology" / "policy.ttl")
    terms = sorted({str(s)[len(POL):] for s in graph.subjects() if str(s).startswith(POL)})
    out = ['"""Vocabulary terms: generated from ontology/policy.ttl by tools/generate_vocab.py.',
           "", "Do not edit by hand; rerun the generator after changing the ontology.", '"""',
           "from typing import TYPE_CHECKING", "", "from rdflib import Namespace, URIRef",
           "from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace",
           "", "__all__ = ['POL', 'ELI', 'OA', 'CITO', 'DTYPE', 'LEVEL', 'SMODEL', 'ID', 'DCTERMS', 'ORG', 'PROV',",
           "           'RDF', 'RDFS', 'SDO', 'SKOS', 'XSD', 'PREFIXES']", "", ""]
    out.append("class POL(DefinedNamespace):")
    out.append(f'    _NS = Namespace("{POL}")')
    out.append("    _fail = True")
    out += [f"    {t}: URIRef" for t in terms]
    for name, (iri, names) in EXTERNAL.items():
        out += ["", "", f"class {name}(DefinedNamespace):", f'    _NS = Namespace("{iri}")', "    _fail = True"]
        out += [f"    {t}: URIRef" for t in names if t.isidentifier()]
        # names that are no Python identifiers (eli:InForce-inForce): ELI["InForce-inForce"]
        extras = [t for t in names if not t.isidentifier()]
        if extras:
            out.append(f"    _extras = {extras!r}")
    out += ["", "",
            'DTYPE = Namespace("https://w3id.org/policy-kg/ontology/document-type/")',
            'LEVEL = Namespace("https://w3id.org/policy-kg/ontology/level/")',
            'SMODEL = Namespace("https://w3id.org/policy-kg/ontology/service-model/")',
            'ID = Namespace("https://w3id.org/policy-kg/id/")',
            "",
            "# Prefixes bound in every graph the project writes (graph contract).",
            "PREFIXES = {",
            f'    "pol": "{POL}",',
            '    "id": str(ID),',
            '    "eli": "http://data.europa.eu/eli/ontology#",',
            '    "dcterms": str(DCTERMS),',
            '    "org": str(ORG),',
            '    "skos": str(SKOS),',
            '    "prov": str(PROV),',
            '    "oa": "http://www.w3.org/ns/oa#",',
            '    "cito": "http://purl.org/spar/cito/",',
            '    "schema": str(SDO),',
            '    "dtype": str(DTYPE),',
            '    "level": str(LEVEL),',
            '    "smodel": str(SMODEL),',
            '    "xsd": str(XSD),',
            '    "rdf": str(RDF),',
            '    "rdfs": str(RDFS),',
            "}",
            "",
            "",
            "class _Terms:",
            '    """A namespace whose declared terms are plain attributes. DefinedNamespace',
            "    checks every attribute access (a function call each time), which costs",
            '    seconds per build when assertions are written by the million."""',
            "",
            "    def __init__(self, namespace):",
            "        self._namespace = namespace",
            "        for name in namespace.__annotations__:",
            "            setattr(self, name, namespace[name])",
            "",
            "    def __getattr__(self, name: str) -> URIRef:   # a term not declared: DefinedNamespace decides",
            "        return getattr(self._namespace, name)",
            "",
            "    def __getitem__(self, name: str) -> URIRef:",
            "        return self._namespace[name]",
            "",
            "    def __contains__(self, term) -> bool:",
            "        return term in self._namespace",
            "",
            "    def __str__(self) -> str:",
            "        return str(self._namespace)",
            "",
            "",
            "if not TYPE_CHECKING:     # the type checker reads the declared classes; the program uses plain attributes",
            "    POL, ELI, OA, CITO = _Terms(POL), _Terms(ELI), _Terms(OA), _Terms(CITO)",
            "    DCTERMS, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD = (",
            "        _Terms(DCTERMS), _Terms(ORG), _Terms(PROV), _Terms(RDF), _Terms(RDFS), _Terms(SDO), _Terms(SKOS),",
            "        _Terms(XSD))",
            ""]
    return "\n".join(out)


SCHEMES = ("admin-levels.ttl", "document-types.ttl", "service-models.ttl")


def render_schemes() -> str:
    """One row per label of every concept of the schemes, in concept order."""
    skos = rdflib.namespace.SKOS
    rows = []
    for name in SCHEMES:
        graph = rdflib.Graph().parse(ROOT / "ontology" / name)
        for concept in sorted(set(graph.subjects(skos.inScheme, None)), key=str):
            notation = graph.value(concept, skos.notation)
            for kind, prop in (("pref", skos.prefLabel), ("alt", skos.altLabel)):
                for label in sorted(graph.objects(concept, prop), key=lambda l: (l.language or "", str(l))):
                    rows.append((name.removesuffix(".ttl"), str(concept).rsplit("/", 1)[-1],
                                 "" if notation is None else str(notation), kind, label.language or "", str(label)))
    return "".join("\t".join(row) + "\n" for row in [("scheme", "concept", "notation", "kind", "lang", "label")] + rows)


def main() -> int:
    targets = {ROOT / "kg" / "rdf" / "vocab.py": render(), ROOT / "kg" / "data" / "scheme_labels.tsv": render_schemes()}
    if "--check" in sys.argv:
        stale = [path for path, text in targets.items()
                 if not path.is_file() or path.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"{path} is out of date: run python tools/generate_vocab.py")
        return 1 if stale else 0
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
