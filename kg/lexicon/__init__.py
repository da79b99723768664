"""Pure look-ups over the dictionaries in ``kg/data`` and the SKOS schemes in
``ontology/``: areas (GB/T 2260), organs and agency names, issuer codes,
document numbers, titles and document types, dates. No stage state: text
or a key in, ``models`` values (``AreaRef``, ``AgencyRef``, ``DocNumber``) out.
"""
