"""What a built graph costs in Virtuoso, the store that takes a national
graph (#35): the README's steps from a build to a loaded store, timed.

For a built folder: `kg export -f nquads` (the export streams), Virtuoso's
bulk loader on the file (ld_dir, rdf_loader_run, checkpoint) in a fresh
database with the memory of a 4 GB machine, the quads it then holds and
the database's size, and a saved query through `kg query --endpoint`.
Prints the figures and each per million documents, from the documents the
build's report counts (a linear extrapolation: state it as such).

    python benchmarks/virtuoso_load.py BUILD_DIR [--work DIR]

Needs Debian's virtuoso-opensource (virtuoso-t, isql-vt).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from stores import ISQL, Virtuoso  # noqa: E402

# Virtuoso's own advice for a machine with 4 GB of memory (virtuoso.ini's comments)
BUFFERS = {"NumberOfBuffers": "340000", "MaxDirtyBuffers": "250000"}


class TunedVirtuoso(Virtuoso):
    def _ini(self, packaged: str, max_rows: int) -> str:
        out = []
        for line in super()._ini(packaged, max_rows).splitlines():
            key = line.split("=", 1)[0].strip()
            out.append(f"{key} = {BUFFERS[key]}" if key in BUFFERS and "=" in line and not line.lstrip().startswith(";")
                       else line)
        return "\n".join(out) + "\n"


def seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="virtuoso-load-"))
    work.mkdir(parents=True, exist_ok=True)
    report = json.loads((args.build / "report.json").read_text(encoding="utf-8"))
    documents = report["documents"] if isinstance(report.get("documents"), int) else len(report.get("documents", ()))
    folder = work / "virtuoso"
    (folder / "load").mkdir(parents=True, exist_ok=True)
    nquads = folder / "load" / "graph.nq"          # written where the loader may read it: no copy
    export_s = seconds(lambda: subprocess.run(["kg", "export", str(args.build), "-f", "nquads", "-o", str(nquads)],
                                              check=True, capture_output=True))
    with TunedVirtuoso(folder) as server:
        # isql without the tests' five-minute limit: a national graph loads for longer
        load_s = seconds(lambda: subprocess.run(
            [ISQL, str(server.sql_port), "dba", "dba",
             f"exec=ld_dir('{nquads.parent}', '{nquads.name}', 'urn:policy-kg:unnamed'); rdf_loader_run(); checkpoint;"],
            check=True, capture_output=True))
        failed = server.sql("SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;")
        if nquads.name in failed:
            raise SystemExit(f"Virtuoso's bulk loader: {failed}")
        quads = int(server.sql("SELECT COUNT(*) FROM DB.DBA.RDF_QUAD;").split("\n")[-4].strip() or 0)
        query_s = seconds(lambda: subprocess.run(["kg", "query", "--endpoint", server.sparql, "documents-by-level",
                                                  "-f", "csv"], check=True, capture_output=True))
    database_mb = sum(p.stat().st_size for p in folder.glob("database-*")) / 1e6
    per_million = 1_000_000 / documents if documents else float("nan")
    print(f"documents {documents:,}; N-Quads {nquads.stat().st_size / 1e6:,.1f} MB; quads loaded {quads:,}")
    print("| step | measured | per million documents (linear) |")
    print("|---|---|---|")
    print(f"| `kg export -f nquads` | {export_s:.1f} s | {export_s * per_million / 60:.0f} min |")
    print(f"| Virtuoso bulk load (ld_dir, rdf_loader_run, checkpoint) | {load_s:.1f} s | "
          f"{load_s * per_million / 3600:.1f} h |")
    print(f"| database size | {database_mb:,.0f} MB | {database_mb * per_million / 1000:,.0f} GB |")
    print(f"| `kg query --endpoint … documents-by-level` | {query_s:.2f} s | – |")


if __name__ == "__main__":
    main()
