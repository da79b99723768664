"""Stable keys of resources, from which ``kg.rdf.iri`` makes IRIs.

A key is a function of what the text says (a document number, a title), so
the same corpus always gives the same keys; it is already safe as an IRI
path (letters and digits of any script kept, the rest percent-encoded).
"""
from __future__ import annotations

import hashlib
from typing import Optional
from urllib.parse import quote

from kg.models import DocumentKey

SAFE = "-._~"


def segment(text: str) -> str:
    """Keep letters and digits of any script (IRIs allow them); percent-encode
    the rest."""
    return "".join(c if c.isalnum() or c in SAFE else quote(c, safe="") for c in text)


def digest(*parts: object, length: int = 16) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:length]


def document_by_number(code: str, year: Optional[int], seq: int) -> DocumentKey:
    """ELI-like: doc/国办发/2019/5; an order, which has no year: doc/广州市人民政府令/179."""
    if year is None:
        return DocumentKey(f"doc/{segment(code)}/{seq}")
    return DocumentKey(f"doc/{segment(code)}/{year}/{seq}")


def document_by_title(key: str) -> DocumentKey:
    """A document known by title (or announcement number) only."""
    return DocumentKey(f"doc/t/{digest(key)}")
