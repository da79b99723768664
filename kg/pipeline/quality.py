"""What a build could not read, on one screen: documents without their own
number, issuer, date or area; numbers it could not parse; implements and
based-on links whose target it could not place; pages that fail a silver
check (``kg.pipeline.silver``); files whose reading failed.

``kg build`` prints the summary and writes it into ``report.json``
(``quality``); ``kg report`` prints it again.
"""
from __future__ import annotations

from typing import Optional

from dataclasses import dataclass, field

from kg.relations import of_kind
from kg.models import Extraction, FileError, Resolution
from kg.pipeline.silver import CHECKS, silver_flags
from kg.resolution.documents import best_date

# The identity fields a corpus document should have, and how to see them.
IDENTITY_FIELDS = {
    "number": lambda x: x.identity.number,
    "issuer": lambda x: x.identity.issuers,
    "date": best_date,        # its own date, else the portal's 发布日期
    "area": lambda x: x.area,
}
# Warnings of the number reader (kg.lexicon.docnumber, kg.extract.citations)
NUMBER_WARNINGS = ("issuer code", "damaged number")
SHOWN = 8   # files listed per line of the summary


@dataclass
class QualityReport:
    documents: int = 0
    missing: dict[str, list[str]] = field(default_factory=dict)     # field -> files without it
    unparsed_numbers: list[str] = field(default_factory=list)
    unplaced_links: list[str] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    silver: dict[str, list[str]] = field(default_factory=dict)     # silver check -> files it flags
    validity_conflicts: list[str] = field(default_factory=list)      # stated validity against the texts' facts

    def summary(self) -> str:
        lines = [f"quality: {self.documents} corpus documents"]
        for name, files in self.missing.items():
            if files:
                lines.append(f"  without own {name}: {len(files)}  {_some(files)}")
        if self.unparsed_numbers:
            lines.append(f"  numbers not read: {len(self.unparsed_numbers)}  {_some(self.unparsed_numbers)}")
        if self.unplaced_links:
            lines.append(f"  links to a document it could not place: {len(self.unplaced_links)}  "
                         f"{_some(self.unplaced_links)}")
        for name, files in self.silver.items():
            if files:
                lines.append(f"  silver check {name}: {len(files)}  {_some(files)}")
        if self.validity_conflicts:
            lines.append(f"  stated validity contradicted: {len(self.validity_conflicts)}")
            lines += [f"    {c}" for c in self.validity_conflicts[:SHOWN]]
        if self.errors:
            lines.append(f"  files with errors: {len(self.errors)}")
            lines += [f"    {e}" for e in self.errors]
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {
            "documents": self.documents,
            "missing": self.missing,
            "unparsed_numbers": self.unparsed_numbers,
            "unplaced_links": self.unplaced_links,
            "errors": [{"file": e.file, "stage": e.stage, "rule": e.rule, "message": e.message} for e in self.errors],
            "silver": self.silver,
            "validity_conflicts": self.validity_conflicts,
        }

    @classmethod
    def from_json(cls, data: dict) -> "QualityReport":
        return cls(data["documents"], data["missing"], data["unparsed_numbers"], data["unplaced_links"],
                   [FileError(**e) for e in data["errors"]], data.get("silver", {}), data.get("validity_conflicts", []))


def _some(items: list[str]) -> str:
    return "(" + ", ".join(items[:SHOWN]) + (", …" if len(items) > SHOWN else "") + ")"


def quality_report(extractions: list[Extraction], resolution: Resolution,
                   silver: Optional[dict[str, tuple[str, ...]]] = None) -> QualityReport:
    """The report's quality section; ``silver``: each file's silver flags
    where they were found already (the build's summaries hold no text)."""
    report = QualityReport(documents=len(extractions))
    for name, value in IDENTITY_FIELDS.items():
        report.missing[name] = [x.document.relative_path for x in extractions if not value(x)]
    learned = tuple(f"issuer code {code} of " for code in resolution.learned_codes)
    report.unparsed_numbers = [w for x in extractions for w in x.warnings
                               if any(k in w for k in NUMBER_WARNINGS) and not any(k in w for k in learned)]
    for x in extractions:
        for c in x.citations:
            if c.relation in of_kind("carrying-out"):
                target = resolution.node(c.target)
                if target.is_stub and not target.number and target.area is None:
                    report.unplaced_links.append(f"{x.document.relative_path}: 《{target.title}》")
    report.errors = [e for x in extractions for e in x.errors]
    flags = silver if silver is not None else {x.document.relative_path: silver_flags(x) for x in extractions}
    report.silver = {name: sorted(f for f, found in flags.items() if name in found) for name in CHECKS}
    return report
