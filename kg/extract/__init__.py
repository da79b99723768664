"""Stage 2, extract: one ``Document`` in, one ``models.Extraction`` out.

One module per kind of mention: ``identity`` (the document's own number,
title, issuer, date, area), ``citations`` (one matcher per citation form),
``link_types`` (applies / based_on from trigger phrases), ``proposals``,
``measures``, ``agency_mentions``, ``themes`` (service models, programmes),
``quantities`` (targets, money). ``document.extract_mentions`` runs them.
Every finding carries an ``Evidence`` (rule, span, sentence). No IRIs here.
"""
