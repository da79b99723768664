"""Stage 1, read: corpus files in, ``Document`` out.

Enters: a corpus folder. ``loading`` decodes each file (UTF-8/16, GB18030,
HTML visible text, .docx) into a ``SourceDocument`` or a ``SkippedFile``
with a reason; ``cleaning`` adds the same-length matching view, web-page
residue, portal metadata and sentences. Leaves: ``models.Document``.
"""
