"""Run the notebooks and store them with their outputs, so that a reader
of the repository sees the tables and plots.

Cells tagged ``transient`` (the interactive network views, each a copy of
vis-network) are run but stored without output; execution counts and
timings are dropped so that a re-run changes only what changed.

    python tools/run_notebooks.py            # every notebook in notebooks/
    python tools/run_notebooks.py --check    # exit 1 if a stored notebook lacks outputs
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
TRANSIENT = "transient"


def is_transient(cell) -> bool:
    return TRANSIENT in cell.get("metadata", {}).get("tags", [])


def executed(path: Path):
    """The notebook at ``path`` run top to bottom in its own folder."""
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return notebook


def for_storage(notebook):
    """Outputs kept but for transient cells; no counts, no timings."""
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        cell.execution_count = None
        cell.metadata.pop("execution", None)
        if is_transient(cell):
            cell.outputs = []
        for output in cell.outputs:
            if "execution_count" in output:
                output["execution_count"] = None
    notebook.metadata.pop("widgets", None)
    return notebook


def missing_outputs(notebook) -> list[int]:
    """Indexes of code cells that should show something and show nothing."""
    return [i for i, c in enumerate(notebook.cells)
            if c.cell_type == "code" and not is_transient(c) and c.source.strip() and not c.outputs
            and not c.source.strip().splitlines()[-1].startswith(("import", "from", "#"))
            and "=" not in c.source.strip().splitlines()[-1]]


def main() -> int:
    paths = sorted(NOTEBOOKS.glob("*.ipynb"))
    if "--check" in sys.argv:
        bad = {p.name: missing_outputs(nbformat.read(p, as_version=4)) for p in paths}
        bad = {k: v for k, v in bad.items() if v}
        print(bad or "every notebook is stored with its outputs")
        return 1 if bad else 0
    for path in paths:
        nbformat.write(for_storage(executed(path)), path)
        print(f"ran and stored {path.relative_to(NOTEBOOKS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
