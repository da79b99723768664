"""The notebooks run top to bottom on the bundled corpus, write into their
own folder, share the library's table helper, and are stored with their
outputs (tools/run_notebooks.py), so that the repository shows the tables
and plots."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
sys.path.insert(0, str(ROOT / "tools"))

from run_notebooks import executed, is_transient, missing_outputs  # noqa: E402


def test_there_are_three_notebooks():
    assert [p.stem for p in NOTEBOOKS] == ["01-quickstart", "02-implementation-chains", "03-agencies-and-measures"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_with_outputs_and_shared_setup(path):
    import nbformat
    notebook = nbformat.read(path, as_version=4)
    assert missing_outputs(notebook) == []
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert "from setup_notebook import" in code[0].source
    assert not any("def table(" in c.source for c in code)          # the library's kg.to_dataframe instead
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors
    assert all(not c.outputs for c in code if is_transient(c))      # no copy of vis-network stored


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_clean_into_its_own_folder(path):
    user_build = ROOT / "build" / "graph.trig"
    before = user_build.stat().st_mtime_ns if user_build.exists() else None
    notebook = executed(path)
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    # no cell warns (a glyph missing from the plot font, a deprecation ...)
    stderr = [o.text for c in notebook.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "stream" and o.name == "stderr"]
    assert not stderr, stderr
    assert (ROOT / "notebooks" / "build" / "graph.trig").is_file()
    assert (user_build.stat().st_mtime_ns if user_build.exists() else None) == before   # the user's graph untouched
