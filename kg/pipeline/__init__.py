"""Orchestration: a corpus folder in, the build folder out.

``build`` runs read → extract → resolve → RDF → store → networks → views,
with ``--jobs`` workers and the report; ``cache`` keeps per-file
extractions and graph blocks keyed by content and pipeline version.
"""
