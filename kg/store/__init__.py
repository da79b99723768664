"""Stage 5, store: ``graph.trig`` in, SPARQL answers out.

``database`` (the Oxigraph store of a build, bulk loading),
``stream_load`` (the store loaded in another process as the build writes the graph),
``graph_files`` (which file a graph argument names),
``fingerprints`` (what derived files record of the graph file: size, time, digest),
``query`` (saved and inline queries, bindings, result formats),
``remote`` (SPARQL 1.1 Graph Store push and protocol queries).
"""
