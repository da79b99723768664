"""Stage 3, resolve: every ``Extraction`` in, one ``models.Resolution`` out.

``documents`` merges mentions into one ``DocumentNode`` per document
(union-find over number and scoped-title keys; stubs for cited documents no
file holds); ``inference`` adds title-echo links and checks implements links.
Nodes are named by ``DocumentKey``s; IRIs are minted later, in ``kg.rdf``.
"""
