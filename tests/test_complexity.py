"""No function of the package is rated worse than D by radon's cyclomatic
complexity (no block above 30): a function with more paths than that does
several jobs and is split into named steps. A function's nested functions
count in its budget (radon rates them apart): moving paths into a closure
keeps them in the function."""
from __future__ import annotations

from pathlib import Path

import pytest
from radon import complexity as radon_complexity
from radon.visitors import Function

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
LIMIT = 30


def with_closures(block: Function) -> int:
    """A function's complexity with that of every function nested in it."""
    return block.complexity + sum(with_closures(inner) for inner in block.closures)


def blocks(source: str):
    """Every function and method of a module, with its budget as counted."""
    for block in radon_complexity.cc_visit(source):
        for function in getattr(block, "methods", None) or [block]:
            if isinstance(function, Function):
                yield function, with_closures(function)


def test_no_block_above_the_limit():
    too_complex = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for block, complexity in blocks(path.read_text(encoding="utf-8")):
            if complexity > LIMIT:
                too_complex.append(f"{path.relative_to(PACKAGE)}:{block.lineno} {block.fullname} ({complexity})")
    assert not too_complex, "split into named steps: " + "; ".join(too_complex)


NESTED = '''
def outer(x):
    def inner(y):
        if y:
            return 1
        return 2
    if x:
        return inner(x)
    return 0
'''


@pytest.mark.parametrize("source,expected", [
    (NESTED, {"outer": 4}),     # 2 of its own and 2 of inner's
    ("class A:\n    def m(self, x):\n        def f():\n            return x or 1\n        return f() if x else 0\n",
     {"A.m": 4}),               # a method's closure counts in the method
])
def test_nested_functions_count_in_their_enclosing_block(source, expected):
    assert {b.fullname: c for b, c in blocks(source)} == expected
