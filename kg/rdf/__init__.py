"""Stage 4, RDF: extractions and their resolution in, named graphs out.

``vocab`` (terms, generated from ontology/policy.ttl), ``iri`` (the only
place that mints IRIs), ``ontology`` (the ontology files, materialised
super-terms), ``named_graphs`` (one graph per corpus file plus the shared
ones, with evidence), ``trig`` (deterministic TriG, atomic writes),
``shacl`` (validation against ontology/shapes.ttl).
"""
