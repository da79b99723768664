"""No function of the package is rated worse than D by radon's cyclomatic
complexity (no block above 30): a function with more paths than that does
several jobs and is split into named steps."""
from __future__ import annotations

from pathlib import Path


from radon import complexity as radon_complexity

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
LIMIT = 30


def test_no_block_above_the_limit():
    too_complex = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for block in radon_complexity.cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > LIMIT:
                too_complex.append(f"{path.relative_to(PACKAGE)}:{block.lineno} {block.fullname} "
                                   f"({block.complexity})")
    assert not too_complex, "split into named steps: " + "; ".join(too_complex)
