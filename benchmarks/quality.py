"""Quality figures of the extraction, printed as Markdown tables.

    python benchmarks/quality.py [--shared ../shared] [--baseline DIR ...]

- every gold set (``shared/corpus-pages``, the wild set ``tests/data/wild``
  and any ``--gold LABEL=FILE``): precision and recall per field against
  its hand-checked ``gold.json`` (``kg eval``), clean and damaged apart;
- the silver checks (``kg.pipeline.silver``) on every page of each set, gold
  or not: the share of pages flagged, per check;
- the seeds and ``shared/corpus-extra`` (no gold): what each build reads
  of its corpus documents (own number, issuer, date, area, typed links,
  citations, file errors), from the graph it writes, so that a change that
  loses facts shows. ``--baseline DIR`` adds the same figures of a build
  made earlier (``kg build … -o DIR``), for comparison.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from typing import Optional
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.pipeline.build import GRAPH_FILE, build  # noqa: E402
from kg.pipeline.build import read_and_extract  # noqa: E402
from kg.pipeline.evaluation import evaluate  # noqa: E402
from kg.pipeline.silver import CHECKS, silver_flags  # noqa: E402
from kg.store.database import load_graph  # noqa: E402
from kg.store.query import run_query  # noqa: E402

# Per corpus document: does the graph hold its own number, issuer, date, area.
IDENTITY = """SELECT ?d (SAMPLE(?n) AS ?number) (SAMPLE(?i) AS ?issuer) (SAMPLE(?t) AS ?date) (SAMPLE(?a) AS ?area)
WHERE { ?d pol:sourceFile ?f .
  OPTIONAL { ?d eli:id_local ?n } OPTIONAL { ?d eli:passed_by ?i }
  OPTIONAL { ?d eli:date_document ?t } OPTIONAL { ?d eli:jurisdiction ?a } } GROUP BY ?d"""
LINKS = """SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <https://w3id.org/policy-kg/id/graph/inferred>)
  VALUES ?p { eli:cites eli:applies eli:based_on cito:repliesTo pol:hasMeasure pol:hasProvision
              pol:responsibleAgency } } GROUP BY ?p"""


def graph_figures(out_dir: Path) -> dict[str, int]:
    store = load_graph(out_dir / GRAPH_FILE)
    rows = run_query(store, IDENTITY).rows
    figures = {"documents": len(rows)}
    for i, name in enumerate(("number", "issuer", "date", "area"), start=1):
        figures[f"with {name}"] = sum(1 for row in rows if row[i] is not None)
    links = {str(row[0]).rsplit("/", 1)[-1].rsplit("#", 1)[-1]: int(row[1]) for row in run_query(store, LINKS).rows}
    figures.update({"cites": links.get("cites", 0), "applies": links.get("applies", 0),
                    "based_on": links.get("based_on", 0), "repliesTo": links.get("repliesTo", 0),
                    "measures": links.get("hasMeasure", 0), "provisions": links.get("hasProvision", 0),
                    "responsible agencies": links.get("responsibleAgency", 0)})
    return figures


def build_figures(files: list[Path], work: Path) -> tuple[dict[str, int], int]:
    corpus = work / "corpus"
    corpus.mkdir(parents=True)
    for path in files:
        shutil.copy(path, corpus / path.name)
    report = build(corpus, work / "out", use_cache=False)
    return graph_figures(work / "out"), len(report.quality.errors)


def figures_table(rows: list[tuple[str, dict[str, int], object]]) -> str:
    names = list(rows[0][1])
    lines = ["| corpus | " + " | ".join(names) + " | file errors |", "|---" * (len(names) + 2) + "|"]
    for label, figures, errors in rows:
        lines.append(f"| {label} | " + " | ".join(str(figures[n]) for n in names) + f" | {errors} |")
    return "\n".join(lines)


def gold_table(gold: Path, validity: Optional[Path] = None) -> str:
    results = {subset: evaluate(gold, subset=subset, validity_file=validity) for subset in ("clean", "damaged")}
    fields = list(results["clean"].fields.values())
    lines = ["| field | clean P | clean R | clean TP/read/gold | damaged P | damaged R | damaged TP/read/gold |",
             "|---|---|---|---|---|---|---|"]
    for i, score in enumerate(fields):
        cells = [score.name]
        for subset in ("clean", "damaged"):
            s = list(results[subset].fields.values())[i]
            cells += [_fmt(s.precision), _fmt(s.recall), f"{s.true_positives}/{s.predicted}/{s.gold}"]
        lines.append("| " + " | ".join(cells) + " |")
    counts = ", ".join(f"{subset} {r.documents} documents" for subset, r in results.items())
    return "\n".join(lines) + f"\n\n({counts}; left out as inferred by the gold's notes: " \
        + "; ".join(results["clean"].excluded + results["damaged"].excluded) + ")"


def silver_table(sets: list[tuple[str, Path]]) -> str:
    """Per set: pages, pages flagged by any silver check, and per check."""
    lines = ["| set | pages | flagged | rate | " + " | ".join(CHECKS) + " |", "|---" * (len(CHECKS) + 4) + "|"]
    for label, folder in sets:
        pages = sorted(p for p in folder.rglob("*.txt"))
        if not pages:
            continue
        flags = [silver_flags(read_and_extract((p, folder))) for p in pages]
        flagged = sum(1 for f in flags if f)
        per = [sum(1 for f in flags if name in f) for name in CHECKS]
        lines.append(f"| {label} | {len(pages)} | {flagged} | {flagged / len(pages):.1%} | "
                     + " | ".join(map(str, per)) + " |")
    return "\n".join(lines)


def _fmt(value) -> str:
    return "–" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--baseline", type=Path, action="append", default=[],
                        help="an earlier build's output folder, LABEL=DIR")
    parser.add_argument("--gold", action="append", default=[], help="a further gold file, LABEL=FILE")
    args = parser.parse_args()
    # (label, gold, validity gold kept in the repository where the gold is not)
    golds = [("corpus-pages", args.shared / "corpus-pages" / "gold.json", ROOT / "tests" / "data" / "corpus_pages_validity.json"),
             ("wild set", ROOT / "tests" / "data" / "wild" / "gold.json", None),
             ("whole laws", ROOT / "tests" / "data" / "laws" / "gold.json", None)]
    golds += [(label, Path(path), None) for label, _, path in (g.partition("=") for g in args.gold)]
    for label, gold, validity in golds:
        if gold.is_file():
            print(f"### {label} against its gold\n")
            print(gold_table(gold, validity))
            print()
    print("### Silver checks\n")
    print(silver_table([("wild set", ROOT / "tests" / "data" / "wild" / "pages"),
                        ("whole laws", ROOT / "tests" / "data" / "laws" / "pages"),
                        ("corpus-pages clean", args.shared / "corpus-pages" / "clean"),
                        ("corpus-pages damaged", args.shared / "corpus-pages" / "damaged"),
                        ("seeds", ROOT / "corpus"), ("corpus-extra", args.shared / "corpus-extra")]
                       + [(f"{label} pages", Path(path).parent) for label, _, path in
                          (g.partition("=") for g in args.gold)]))
    print()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for label, files in (("seeds", sorted((ROOT / "corpus").glob("*.txt"))),
                             ("corpus-extra", sorted((args.shared / "corpus-extra").glob("*.txt")))):
            if files:
                figures, errors = build_figures(files, Path(work) / label)
                rows.append((label, figures, errors))
    for spec in args.baseline:
        label, _, folder = str(spec).partition("=")
        rows.append((f"{label} (baseline)", graph_figures(Path(folder)), "–"))
    print("### What the graph holds of each corpus's documents\n")
    print(figures_table(rows))


if __name__ == "__main__":
    main()
