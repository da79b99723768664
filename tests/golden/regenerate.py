"""Rewrite tests/golden/seeds.json from the current extraction.

Only after checking by hand that every changed fact is right: the golden file
is the reviewed truth of what the seeds say, not a snapshot to accept blindly.

    python tests/golden/regenerate.py && git diff tests/golden/
"""
import json
import sys
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


def main():
    sources, _ = load_corpus(ROOT / "corpus")
    data = {s.relative_path: facts(extract_mentions(clean(s))) for s in sources}
    target = Path(__file__).with_name("seeds.json")
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
