"""Rewrite the golden files of the seeds from the current pipeline.

Only after checking by hand that every changed fact is right: a golden file
is the reviewed truth of what the seeds say, not a snapshot to accept blindly.

    python tests/golden/regenerate.py facts && git diff tests/golden/seeds.json
    python tests/golden/regenerate.py graph && git diff tests/golden/seed-graph.trig

``facts`` writes seeds.json (each seed's identity and citations); ``graph``
writes seed-graph.trig, the whole graph ``kg build corpus`` makes, which
tests/test_golden_graph.py compares with rdflib.compare graph by graph.
"""
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kg.read.cleaning import clean  # noqa: E402
from kg.extract.document import extract_mentions  # noqa: E402
from kg.read.loading import load_corpus  # noqa: E402


def facts(x) -> dict:
    ident = x.identity
    out = {
        "number": ident.number,
        "title": ident.title,
        "issuers": [a.name for a in ident.issuers],
        "date": x.date.isoformat() if x.date else None,
        "area": x.area.code if x.area else None,
        "type": ident.type_concept,
        "citations": [
            {"relation": c.relation, "rule": c.evidence.rule, "link_rule": c.link_rule, "number": c.target.number,
             "title": c.target.title, "issuers": [a.name for a in c.target.issuers],
             "type": c.target.type_concept, "text": x.document.text[c.evidence.span.start:c.evidence.span.end]}
            for c in x.citations
        ],
    }
    if x.proposal:
        p = x.proposal
        out["proposal"] = {"number": p.number, "session": p.session, "title": p.title,
                           "received_by": p.body.name if p.body else None}
    return out


GOLDEN_GRAPH = Path(__file__).with_name("seed-graph.trig")


def write_facts():
    sources, _ = load_corpus(ROOT / "corpus")
    data = {s.relative_path: facts(extract_mentions(clean(s))) for s in sources}
    target = Path(__file__).with_name("seeds.json")
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}")


def write_graph():
    from datetime import date
    from kg.pipeline.build import GRAPH_FILE, build
    with tempfile.TemporaryDirectory() as out:
        # the day tests/conftest.py states validity on (REFERENCE_DAY_EPOCH)
        build(ROOT / "corpus", Path(out), use_cache=False, as_of=date(2026, 12, 1))
        GOLDEN_GRAPH.write_bytes((Path(out) / GRAPH_FILE).read_bytes())
    print(f"wrote {GOLDEN_GRAPH}")


if __name__ == "__main__":
    what = sys.argv[1:] or ["facts"]
    if not set(what) <= {"facts", "graph"}:
        sys.exit("usage: regenerate.py [facts] [graph]")
    if "facts" in what:
        write_facts()
    if "graph" in what:
        write_graph()
