"""Triple stores users run, started by the tests on loopback from Debian's
packages: a throwaway Virtuoso Open Source 7 (``virtuoso-opensource``) and
Apache Jena's TDB2 loader and query engine (``libapache-jena-java``, the
store and engine under Fuseki). `make test` installs both; without them the
tests skip with one line saying what to install (and fail under CI)."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

VIRTUOSO = "virtuoso-t"
ISQL = "isql-vt"
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
JENA_PACKAGE = "libapache-jena-java"
JENA_CORE = Path("/usr/share/java/jena-core.jar")


def missing(what: str, install: str):
    """Fail under CI (where `make test` installs it), skip elsewhere."""
    message = f"{what} missing: `make test` installs it (apt-get install {install})"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


BIG_GRAPH = "https://w3id.org/policy-kg/id/graph/big-push-test/"


def big_trig(path: Path, graphs: int, pairs: int) -> Path:
    """A TriG file of ``graphs`` named graphs (BIG_GRAPH0, BIG_GRAPH1 ...),
    each with ``pairs`` subjects of two statements (CJK text with a
    language tag, an integer): about 1.1 MB a graph at 4,000 pairs, the
    size of a long document's graph. Written a line at a time."""
    with open(path, "w", encoding="utf-8") as out:
        for g in range(graphs):
            out.write(f"<{BIG_GRAPH}{g}> {{\n")
            for i in range(pairs):
                subject = f"<https://w3id.org/policy-kg/id/x/{g}/{i}>"
                out.write(f'{subject} <http://purl.org/dc/terms/description> '
                          f'"第{i}条 养老服务机构应当按照规定配备护理人员，完善服务设施"@zh .\n'
                          f'{subject} <urn:policy-kg:test#n> {i} .\n')
            out.write("}\n")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """A Virtuoso server on a fresh database in ``folder``: the packaged ini
    with the folder's paths, free ports, the folder allowed to the bulk
    loader, and its default account (dba, password dba)."""

    USER = "dba:dba"

    def __init__(self, folder: Path, max_rows: int = 10000):
        if not (shutil.which(VIRTUOSO) and shutil.which(ISQL) and VIRTUOSO_INI.is_file()):
            missing("Virtuoso (virtuoso-t, isql-vt)", "virtuoso-opensource")
        self.folder = folder
        self.sql_port, self.http_port = free_port(), free_port()
        self.base = f"http://127.0.0.1:{self.http_port}"
        ini = self.folder / "virtuoso.ini"
        ini.write_text(self._ini(VIRTUOSO_INI.read_text(encoding="utf-8"), max_rows), encoding="utf-8")
        self.log = open(self.folder / "console.log", "wb")
        self.process = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(ini)], cwd=self.folder,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self._wait()

    def _ini(self, packaged: str, max_rows: int) -> str:
        """The packaged ini with these settings put in its sections."""
        settings = {"Database": {}, "TempDatabase": {}}
        for section in settings:
            for key in ("DatabaseFile", "ErrorLogFile", "LockFile", "TransactionFile", "xa_persistent_file"):
                settings[section][key] = str(self.folder / f"{section.lower()}-{key.lower()}")
        settings["Parameters"] = {"ServerPort": str(self.sql_port), "DirsAllowed": f"., {self.folder}"}
        settings["HTTPServer"] = {"ServerPort": str(self.http_port), "ServerRoot": str(self.folder)}
        settings["SPARQL"] = {"ResultSetMaxRows": str(max_rows)}
        out, section = [], None
        for line in packaged.splitlines():
            heading = re.match(r"\s*\[(\w[\w ]*)\]", line)
            key = re.match(r"\s*(\w+)\s*=", line)
            if heading:
                section = heading.group(1)
            elif key and key.group(1) in settings.get(section, {}):
                line = f"{key.group(1)} = {settings[section][key.group(1)]}"
            out.append(line)
        written = "\n".join(out) + "\n"
        for section, values in settings.items():
            for key in values:
                if not re.search(rf"(?m)^{key} = ", written):
                    raise AssertionError(f"{VIRTUOSO_INI}: no {key} in [{section}]")
        return written

    def _wait(self, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                urllib.request.urlopen(f"{self.base}/sparql?query=ASK%7B%7D", timeout=2).read()
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        tail = (self.folder / "console.log").read_text(errors="replace")[-2000:]
        pytest.fail(f"Virtuoso did not start within {seconds:g} s:\n{tail}")

    @property
    def sparql(self) -> str:
        return f"{self.base}/sparql"

    @property
    def graph_store(self) -> str:
        """The Graph Store endpoint that takes writes (Digest authentication)."""
        return f"{self.base}/sparql-graph-crud-auth"

    def sql(self, statements: str) -> str:
        """Run SQL through isql; an error of any statement fails the test."""
        done = subprocess.run([ISQL, str(self.sql_port), "dba", "dba", f"exec={statements}"], capture_output=True,
                              text=True, timeout=300)
        if done.returncode or "*** Error" in done.stdout + done.stderr:
            pytest.fail(f"isql: {statements}\n{done.stdout[-1500:]}{done.stderr[-1500:]}")
        return done.stdout

    def bulk_load(self, nquads: Path) -> None:
        """The bulk loader on an N-Quads file in the allowed folder."""
        target = self.folder / "load"
        target.mkdir(exist_ok=True)
        shutil.copy(nquads, target / nquads.name)
        self.sql(f"ld_dir('{target}', '{nquads.name}', 'urn:policy-kg:unnamed'); rdf_loader_run(); checkpoint;")
        failed = self.sql("SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;")
        if nquads.name in failed:
            pytest.fail(f"Virtuoso's bulk loader: {failed}")

    def __enter__(self) -> "Virtuoso":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


FUSEKI_CONFIG = Path(__file__).resolve().parent.parent / "deploy" / "fuseki-config.ttl"
README = Path(__file__).resolve().parent.parent / "README.md"
JENA_STEPS = "# Jena TDB2 with Debian's libapache-jena-java"     # the first line of the README's block
JENA_SETUP_END = "# load, then query"                              # where its setup ends


def readme_jena_steps() -> str:
    """The README's shell block for Jena TDB2 on Debian, as written there."""
    text = README.read_text(encoding="utf-8")
    for indent, block in re.findall(r"(?ms)^( *)```sh\n(.*?)^\1```", text):
        block = textwrap.dedent(block)
        if block.startswith(JENA_STEPS):
            return block
    raise AssertionError(f"README.md: no ```sh block starting {JENA_STEPS!r}")


def require_jena() -> None:
    if not shutil.which("java"):
        missing("Java", "default-jre-headless")
    if not JENA_CORE.is_file():
        missing("Apache Jena", JENA_PACKAGE)
    if not shutil.which("unzip"):
        missing("unzip", "unzip")


class JenaTDB2:
    """Jena's TDB2 bulk loader and its SPARQL engine (ARQ), run from
    Debian's jars by the README's steps (the setup part of its block, as
    written there), on the dataset of deploy/fuseki-config.ttl (a TDB2
    database "DB" whose default graph is the union of the named graphs)
    in ``folder``: Fuseki's store and engine, without its HTTP front."""

    def __init__(self, folder: Path):
        require_jena()
        self.folder = folder
        setup = readme_jena_steps().split(JENA_SETUP_END)[0]
        done = subprocess.run(["bash", "-e", "-c", setup + '\nprintf %s "$JENA"'], cwd=folder, capture_output=True,
                              text=True, timeout=300)
        if done.returncode or not done.stdout.startswith("java "):
            pytest.fail(f"the README's Jena setup: {done.stderr[-2000:]}")
        self.command = done.stdout.split(" ")

    def _java(self, *arguments: str) -> str:
        done = subprocess.run([*self.command, *arguments], capture_output=True, text=True, timeout=300,
                              cwd=self.folder)
        if done.returncode:
            pytest.fail(f"java {' '.join(arguments[:3])}: {done.stderr[-2000:]}")
        return done.stdout

    def bulk_load(self, nquads: Path) -> None:
        self._java("tdb2.tdbloader", "--loc", "DB", str(nquads))

    def query(self, text: str) -> bytes:
        """A SELECT or ASK over the union of the named graphs: SPARQL JSON."""
        path = self.folder / "query.rq"
        path.write_text(text, encoding="utf-8")
        return self._java("tdb2.tdbquery", "--desc", str(FUSEKI_CONFIG), "--results=json",
                          "--query", str(path)).encode("utf-8")
