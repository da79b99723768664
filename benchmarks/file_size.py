"""Build time against the size of one file: is the build linear in it?

Writes one text of each size (MB) by repeating a seed document, builds it
alone (no cache) and prints seconds, seconds per MB and the ratio to the
smallest size.

    python benchmarks/file_size.py [--sizes 1 4 19] [--seed corpus/003_6668840891539c5f.txt]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.pipeline.build import build  # noqa: E402


def text_of_size(seed: str, megabytes: float) -> str:
    target = int(megabytes * 1024 * 1024)
    parts, size = [], 0
    while size < target:
        parts.append(seed)
        size += len(seed.encode("utf-8"))
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 19])
    parser.add_argument("--seed", type=Path, default=ROOT / "corpus" / "003_6668840891539c5f.txt")
    args = parser.parse_args()
    seed = args.seed.read_text(encoding="utf-8")
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for megabytes in args.sizes:
            corpus = Path(work) / f"corpus-{megabytes:g}"
            corpus.mkdir()
            (corpus / "big.txt").write_text(text_of_size(seed, megabytes), encoding="utf-8")
            started = time.perf_counter()
            build(corpus, Path(work) / f"out-{megabytes:g}", use_cache=False)
            rows.append((megabytes, time.perf_counter() - started))
    base_mb, base_s = rows[0]
    print("| MB | seconds | s/MB | time ratio | size ratio |\n|---|---|---|---|---|")
    for megabytes, seconds in rows:
        print(f"| {megabytes:g} | {seconds:.1f} | {seconds / megabytes:.1f} | ×{seconds / base_s:.1f} | "
              f"×{megabytes / base_mb:g} |")


if __name__ == "__main__":
    main()
