"""`pip install .` as a user does it: the wheel carries the data files, the
ontology and the saved queries, and the installed `kg` builds the bundled
corpus and answers a saved query with a parameter, from another folder."""
from __future__ import annotations

import site
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS, ROOT


def _run(args, cwd, **kw):
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, **kw)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout


def _source_copy(target: Path) -> Path:
    """The files of the checkout (not those git ignores), copied: setuptools builds in the source tree
    (build/lib), which must not land in the checkout's build/ output."""
    import shutil
    listed = ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    tracked = subprocess.run(listed, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode("utf-8").split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def test_the_wheel_installs_and_builds(tmp_path):
    source = _source_copy(tmp_path / "source")
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w",
          str(tmp_path / "wheels"), str(source)], cwd=tmp_path)
    wheel = next((tmp_path / "wheels").glob("policy_kg-*.whl"))
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    # the dependencies are those this interpreter already has (no download);
    # .pth files of that folder (the editable install) are not read from here
    purelib = next(venv.glob("lib/python*/site-packages"))
    (purelib / "_dependencies.pth").write_text(site.getsitepackages()[0] + "\n", encoding="utf-8")
    _run([str(venv / "bin" / "pip"), "install", "--quiet", "--no-deps", "--no-index", str(wheel)], cwd=tmp_path)
    kg = str(venv / "bin" / "kg")
    where = _run([str(venv / "bin" / "python"), "-c", "import kg, kg.datafiles as d; "
                  "print(kg.__file__, d.ONTOLOGY_DIR, d.SAVED_QUERIES_DIR)"], cwd=tmp_path)
    assert str(ROOT / "kg") not in where and "share/policy-kg/ontology" in where
    _run([kg, "build", str(CORPUS), "-o", str(tmp_path / "out")], cwd=tmp_path)
    rows = _run([kg, "query", str(tmp_path / "out"), "cites", "--bind", "citingNumber=威环政办发〔2022〕2号"], cwd=tmp_path)
    assert rows.strip().endswith("(10 rows)")     # 9 documents, and since #31 the notice of an act cited with its number
    assert "conforms" in _run([kg, "validate", str(tmp_path / "out")], cwd=tmp_path)
