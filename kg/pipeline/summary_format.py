"""A file's summary as JSON: the public form in which it travels between
machines (#35).

Resolution reads, of each file, a ``FileSummary`` (``kg.pipeline.summaries``):
its identity, citations, facts, proposal, warnings, the silver checks its
text fails and the sentence of each citation — not its text or measures.
This module writes and reads it as a JSON object, typed by the dataclasses
of ``kg.models`` themselves, so that there is one definition of what a
summary holds:

- ``{"format": 1, "summary": {...}}``; the summary holds the fields of
  ``FileSummary`` by name, each dataclass an object of its fields;
- a tuple is an array, an enumeration (``Relation``) its value, a date
  ``YYYY-MM-DD``, a decimal a string, a path a string;
- a field typed ``object`` (``Fact.value``: a text, a date, a flag, a
  pair, an agency) is tagged with its type: ``{"date": "2019-04-01"}``,
  ``{"tuple": [...]}``, ``{"AgencyRef": {...}}`` (a class of ``kg.models``).

Reading checks every field against its type and names the first that does
not fit: a summary from another version of the rules is refused, never
half read.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Union, cast

from kg import models
from kg.pipeline.summaries import FileSummary

SUMMARY_FORMAT = 1
# the types a field typed ``object`` holds, by their tag
TAGGED = {"str": str, "bool": bool, "int": int, "decimal": Decimal, "date": date, "tuple": tuple}


class SummaryFormatError(ValueError):
    """A JSON summary that is not one of this format."""


def dumps(summary: FileSummary) -> str:
    """The summary as one line of JSON (keys in field order)."""
    return json.dumps({"format": SUMMARY_FORMAT, "summary": _encode(summary)}, ensure_ascii=False,
                      separators=(",", ":"))


def loads(text: Union[str, bytes]) -> FileSummary:
    """A summary written by ``dumps``; raises SummaryFormatError naming the
    field that does not fit."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise SummaryFormatError(f"not JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != SUMMARY_FORMAT:
        raise SummaryFormatError(f"not a summary of format {SUMMARY_FORMAT}")
    return _decode(data.get("summary"), FileSummary, "summary")


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        hints = _hints(type(value))
        return {f.name: (_tagged if hints[f.name] is object else _encode)(getattr(value, f.name))
                for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (Decimal, Path)):
        return str(value)
    return value


def _tagged(value: Any) -> dict:
    """A value of a field typed ``object``, with its type."""
    if dataclasses.is_dataclass(value) and _model(type(value).__name__) is type(value):
        return {type(value).__name__: _encode(value)}
    for tag, kind in TAGGED.items():
        # bool before int: True is an int too
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return {tag: [_tagged(v) for v in cast(tuple, value)] if kind is tuple else _encode(value)}
    raise TypeError(f"a summary cannot hold {type(value).__name__} {value!r}")


def _model(name: str) -> Any:
    """The dataclass of ``kg.models`` of this name, or None."""
    found = getattr(models, name, None)
    return found if isinstance(found, type) and dataclasses.is_dataclass(found) else None


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(models))


def _decode(value: Any, hint: Any, where: str) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _decode(value, inner, where)
    if origin is tuple:
        _expect(value, list, where)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(v, args[0], f"{where}[{i}]") for i, v in enumerate(value))
        if len(value) != len(args):
            raise SummaryFormatError(f"{where}: {len(value)} items where {len(args)} are expected")
        return tuple(_decode(v, a, f"{where}[{i}]") for i, (v, a) in enumerate(zip(value, args)))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        _expect(value, dict, where)
        known = {f.name for f in dataclasses.fields(hint)}
        if set(value) - known:
            raise SummaryFormatError(f"{where}: unknown fields {sorted(set(value) - known)}")
        hints = _hints(hint)
        return hint(**{name: _decode(v, hints[name], f"{where}.{name}") for name, v in value.items()})
    return _scalar(value, hint, where)


def _scalar(value: Any, hint: Any, where: str) -> Any:
    if hint is object:
        _expect(value, dict, where)
        if len(value) != 1 or not (next(iter(value)) in TAGGED or _model(next(iter(value)))):
            raise SummaryFormatError(f"{where}: a tagged value ({', '.join(TAGGED)} or a kg.models class) "
                                     "is expected")
        (tag, inner), = value.items()
        if tag not in TAGGED:
            return _decode(inner, _model(tag), f"{where}.{tag}")
        if tag == "tuple":
            _expect(inner, list, where)
            return tuple(_scalar(v, object, f"{where}[{i}]") for i, v in enumerate(inner))
        return _scalar(inner, TAGGED[tag], where)
    try:
        if isinstance(hint, type) and issubclass(hint, Enum):
            return hint(value)
        if hint is date:
            _expect(value, str, where)
            return date.fromisoformat(value)
        if hint in (Decimal, Path):
            _expect(value, str, where)
            return hint(value)
    except (ValueError, ArithmeticError):
        raise SummaryFormatError(f"{where}: {value!r} is no {getattr(hint, '__name__', hint)}") from None
    if hint in (str, int, bool, float):
        _expect(value, hint, where)
        return value
    raise SummaryFormatError(f"{where}: no reader for {hint!r}")


def _expect(value: Any, kind: type, where: str) -> None:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise SummaryFormatError(f"{where}: {type(value).__name__} where {kind.__name__} is expected")
