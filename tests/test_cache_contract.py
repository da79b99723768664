"""The build cache's contract (#36 item 3): each cached block is rebuilt
when any input it is made from changes, and reused when none does.

Each row mutates one input of a real build of the bundled corpus and names
the blocks that must be made again (``extract:`` and ``graph:`` a file's
extraction and graph block; ``shared`` the shared graphs; ``view`` the
overview page); every other block must come from the cache. What a block
is made from is declared in kg/pipeline/inputs.py."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT
from kg.pipeline import build as build_module
from kg.pipeline import cache as build_cache
from kg.pipeline.build import build

FILES = sorted(p.name for p in CORPUS.glob("*.txt"))
EVERY_BLOCK = {f"{kind}:{name}" for name in FILES for kind in ("extract", "graph")} | {"shared", "view"}

# The head of the document 003 cites as 国办发〔2019〕5号, shortened (a stub until
# the corpus holds it).
CITED = """国务院办公厅关于推进养老服务发展的意见
国办发〔2019〕5号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为推进养老服务高质量发展，经国务院同意，现提出如下意见。
国务院办公厅
2019年3月29日
"""


def edit(corpus: Path, name: str, old: str, new: str) -> None:
    path = corpus / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_with(tmp: Path, folder: Path, name: str, old: str, new: str) -> Path:
    """A copy of ``folder`` with one line of ``name`` (a path inside it) changed."""
    copy = tmp / folder.name
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("__pycache__"))
    edit(copy, name, old, new)
    return copy


def nothing(corpus, tmp, monkeypatch):
    pass


def rule_version(corpus, tmp, monkeypatch):
    monkeypatch.setattr(build_cache, "pipeline_version", lambda: "another-version")


def dictionary_row(corpus, tmp, monkeypatch):
    package = copy_with(tmp, ROOT / "kg", "data/organs.tsv", "民政局", "民政厅局")
    monkeypatch.setattr(build_cache, "PACKAGE_DIR", package)


def ontology_label(corpus, tmp, monkeypatch):
    ontology = copy_with(tmp, ROOT / "ontology", "service-models.ttl", '"家庭养老"@zh', '"家庭式养老"@zh')
    monkeypatch.setattr(build_cache, "ONTOLOGY_DIR", ontology)


def resolved_target(corpus, tmp, monkeypatch):
    (corpus / "005_cited.txt").write_text(CITED, encoding="utf-8")


def unlinked_sentence(corpus, tmp, monkeypatch):
    path = corpus / FILES[3]
    path.write_text(path.read_text(encoding="utf-8") + "\n各单位要认真抓好落实。\n", encoding="utf-8")


def written_form(corpus, tmp, monkeypatch):
    """Another written form of the same agency, after every title the file
    reads (no title moves): what the file contributes to the reference
    graph (its alternative labels) changes, no document does."""
    edit(corpus, FILES[1], "抄送：市府办", "抄送：市政府办公室")


def title_place(corpus, tmp, monkeypatch):
    """A blank line above everything the file says: every offset in it moves, where
    its titles were read among them (the inferred links' evidence), and
    nothing else does."""
    path = corpus / FILES[2]
    path.write_text("\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


def corpus_title(corpus, tmp, monkeypatch):
    """The same length: where each title was read stays (the files'
    contributions are unchanged)."""
    edit(corpus, FILES[3], "关于进一步推进养老服务高质量发展的\n", "关于全方位推进养老服务高质量发展的\n")


def drawn_sentence(corpus, tmp, monkeypatch):
    """The sentence behind a drawn link (the overview shows it), the same
    length: no offset moves, no link changes."""
    edit(corpus, FILES[4], "先后10余次", "先后12余次")


def template(corpus, tmp, monkeypatch):
    from kg.views import viz
    templates = copy_with(tmp, viz.TEMPLATES, "overview.html", "<head>", "<head>\n<!-- edited -->")
    monkeypatch.setattr(viz, "TEMPLATES", templates)


CASES = [
    # (input mutated, how, blocks rebuilt: every other is reused)
    ("nothing", nothing, set()),
    ("the rule version", rule_version, EVERY_BLOCK),
    ("a dictionary row", dictionary_row, EVERY_BLOCK),
    ("a label of an ontology scheme", ontology_label, EVERY_BLOCK),
    ("a resolved target: the corpus gains the document 003 cites", resolved_target,
     {"extract:005_cited.txt", "graph:005_cited.txt", f"graph:{FILES[3]}", "shared", "view"}),
    ("a sentence no rule reads", unlinked_sentence, {f"extract:{FILES[3]}", f"graph:{FILES[3]}"}),
    ("an agency's written form", written_form, {f"extract:{FILES[1]}", f"graph:{FILES[1]}", "shared", "view"}),
    ("where a title was read", title_place, {f"extract:{FILES[2]}", f"graph:{FILES[2]}", "shared"}),
    ("a corpus document's title (the shared graphs read every document)", corpus_title,
     {f"extract:{FILES[3]}", f"graph:{FILES[3]}", "shared", "view"}),
    ("the sentence behind a link the overview draws", drawn_sentence,
     {f"extract:{FILES[4]}", f"graph:{FILES[4]}", "view"}),
    ("a template of the overview", template, {"view"}),
]


@pytest.fixture(scope="module")
def first_build(tmp_path_factory):
    """The corpus and the output (with its cache) of a first build."""
    tmp = tmp_path_factory.mktemp("contract")
    shutil.copytree(CORPUS, tmp / "corpus")
    build(tmp / "corpus", tmp / "out")
    return tmp


@pytest.fixture
def rebuilt(monkeypatch):
    """The blocks a build makes (rather than reads from the cache)."""
    made: set[str] = set()

    def spy(name, function, label):
        def wrapped(*args, **kwargs):
            made.add(label(*args))
            return function(*args, **kwargs)
        monkeypatch.setattr(build_module, name, wrapped)
    spy("_extract_read", build_module._extract_read, lambda source, relative: f"extract:{relative}")
    spy("source_part", build_module.source_part, lambda x, nodes: f"graph:{x.document.relative_path}")
    spy("shared_graphs", build_module.shared_graphs, lambda *args: "shared")
    spy("render", build_module.render, lambda *args: "view")
    return made


@pytest.mark.parametrize("name,mutate,expected", CASES, ids=[c[0] for c in CASES])
def test_a_block_is_rebuilt_exactly_when_an_input_of_it_changes(first_build, rebuilt, tmp_path, monkeypatch,
                                                                 name, mutate, expected):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(first_build / "corpus", corpus)
    shutil.copytree(first_build / "out", out)
    mutate(corpus, tmp_path, monkeypatch)
    build(corpus, out)
    assert rebuilt == expected
