"""What people look at: networks and the store in, HTML and files out.

``viz`` (offline network pages through pyvis), ``pages`` (a page per
resource), ``serve`` (read-only SPARQL endpoint and pages), ``export``
(GraphML, GEXF, CSV, JSON-LD), ``coverage_page`` (the tile map and timeline
of ``kg coverage --html``); Jinja templates in ``templates/``.
"""
