"""Networks over the built graph (networkx), keyed by the graph's IRIs.

``documents`` (the document network: cites / applies / based_on links with
level and area; saved as documents.sqlite), ``resources`` (every resource and
link with evidence), ``trace`` (implementation chains and coverage).
"""
