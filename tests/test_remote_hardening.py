"""kg push and kg query --endpoint against servers that misbehave: each case
is a stand-in on a loopback port for what a real server or an attacker did
(a redirect, an endless or dripping answer, HTML instead of results, a
failure half-way through a push, a row cap, Basic and Digest challenges)."""
from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.store.query import QueryError
from kg.store.remote import RemoteError, TruncatedAnswer, push, remote_query

pytestmark = pytest.mark.server
ASK_TRUE = json.dumps({"head": {}, "boolean": True}).encode()
USER, PASSWORD, REALM, NONCE = "kg", "s3cret", "kg-test", "a1b2c3"


def _rows(n: int) -> bytes:
    return json.dumps({"head": {"vars": ["n"]},
                       "results": {"bindings": [{"n": {"type": "literal", "value": str(i)}} for i in range(n)]}}).encode()


class Behaviour(BaseHTTPRequestHandler):
    """What the stand-in server does for each path; it records every request."""
    protocol_version = "HTTP/1.1"
    seen: list

    def log_message(self, *args):
        pass

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _answer(self, status: int, body: bytes = b"", media: str = "application/sparql-results+json", **headers):
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.seen.append((self.command, self.path, dict(self.headers)))
        path = self.path.split("?")[0]
        if path == "/redirect-away":
            return self._answer(302, Location=f"http://localhost:{self.other_port}/sparql")
        if path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b" " * 65536)
            except OSError:          # the client gave up, as it should
                return
        if path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                return
        if path == "/drip-headers":         # the status, then a header line now and then: under any read timeout
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            try:
                for i in range(100):
                    self.wfile.write(f"X-Slow-{i}: 1\r\n".encode())
                    self.wfile.flush()
                    time.sleep(0.3)
            except OSError:
                return
        if path == "/rows-then-hang":       # half an answer, then nothing until the client gives up
            head = _rows(2000)[:-3]
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            try:
                self.wfile.write(head[:len(head) // 2])
                self.wfile.flush()
                time.sleep(30)
            except OSError:
                return
        if path == "/large":
            return self._answer(200, _rows(60_000))
        if path == "/not-http":
            self.wfile.write(b"SSH-2.0-OpenSSH_9.6\r\n")
            self.close_connection = True
            return
        if path == "/hang":
            time.sleep(30)
        if path == "/html":
            return self._answer(200, b"<html><body>Welcome</body></html>", "text/html")
        if path == "/capped":
            return self._answer(200, _rows(3), X_SPARQL_MaxRows="3")
        if path == "/one":
            return self._answer(200, json.dumps({"head": {}, "boolean": 1}).encode())
        if path == "/basic":
            expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
            if self.headers.get("Authorization") != expected:
                return self._answer(401, b"", "text/plain", WWW_Authenticate=f'Basic realm="{REALM}"')
            return self._answer(200, ASK_TRUE)
        if path == "/digest":
            return self._digest()
        return self._answer(200, ASK_TRUE)

    def _digest_valid(self) -> bool:
        header = self.headers.get("Authorization") or ""
        fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header))
        if header.startswith("Digest ") and fields.get("username") == USER:
            ha1 = hashlib.md5(f"{USER}:{REALM}:{PASSWORD}".encode()).hexdigest()
            ha2 = hashlib.md5(f"{self.command}:{fields['uri']}".encode()).hexdigest()
            expected = hashlib.md5(f"{ha1}:{NONCE}:{fields['nc']}:{fields['cnonce']}:auth:{ha2}".encode()).hexdigest()
            return fields.get("response") == expected
        return False

    def _challenge(self):
        self.close_connection = True        # as Virtuoso does: the rest of a body is not read
        return self._answer(401, b"", "text/plain", Connection="close",
                            WWW_Authenticate=f'Digest realm="{REALM}", nonce="{NONCE}", qop="auth", algorithm=MD5')

    def _digest(self):
        return self._answer(200, ASK_TRUE) if self._digest_valid() else self._challenge()

    def do_HEAD(self):
        self.seen.append((self.command, self.path, dict(self.headers)))
        if self.path.startswith("/digest-store") and not self._digest_valid():
            return self._challenge()
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PUT(self):
        if self.path.startswith("/digest-store") and not self._digest_valid():
            self.seen.append(("UNAUTHORISED", self.path, dict(self.headers)))
            return self._challenge()
        body = self._body()
        self.seen.append((self.command, self.path, dict(self.headers)))
        self.seen.append(("BODY", self.path, body))
        if self.path.startswith("/redirect-store"):
            return self._answer(302, Location=f"http://127.0.0.1:{self.server.server_address[1]}/elsewhere")
        if self.path.startswith("/deadlock-once"):     # Virtuoso rolls back a large write now and then
            if [x[0] for x in self.seen].count("PUT") == 1:
                return self._answer(500, b"<h3>Error 40001</h3><xmp>SR172: Transaction deadlocked</xmp>", "text/html")
        if self.path.startswith("/fail-third"):
            puts = [s for s in self.seen if s[0] == "PUT" and s[1].startswith("/fail-third")]
            if len(puts) == 3:
                return self._answer(500, b"disk full", "text/plain")
        return self._answer(204)

    def do_POST(self):
        if self.path.startswith("/sparql"):
            self._body()
            self.seen.append((self.command, self.path, dict(self.headers)))
            return self._answer(200, ASK_TRUE)
        return self.do_PUT()


def _start(other_port: int = 0):
    seen: list = []
    handler = type("H", (Behaviour,), {"seen": seen, "other_port": other_port})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}", seen


@pytest.fixture()
def stand_in():
    other, other_url, other_seen = _start()
    server, url, seen = _start(other.server_address[1])
    yield url, seen, other_seen
    for s in (server, other):
        s.shutdown()
        s.server_close()


def test_a_redirected_push_is_an_error_not_a_success(stand_in, seed_build):
    url, seen, _ = stand_in
    for flag in ([], ["--append"]):
        result = CliRunner().invoke(main, ["push", str(seed_build[1]), "--endpoint", url + "/redirect-store"] + flag)
        assert result.exit_code == 1 and "pushed" not in result.output
        assert "redirects it (HTTP 302)" in result.output and "nothing was" in result.output


def test_credentials_never_follow_a_redirect_to_another_origin(stand_in):
    url, _, other_seen = stand_in
    with pytest.raises(QueryError) as err:
        remote_query(url + "/redirect-away", "ASK {}", headers={"Authorization": "Bearer secret"})
    assert "another origin" in str(err.value)
    assert other_seen == []


def test_an_endless_answer_is_cut_at_the_limit(stand_in):
    url, _, _ = stand_in
    started = time.monotonic()
    with pytest.raises(QueryError) as err:
        remote_query(url + "/endless", "ASK {}", max_answer=1_000_000, timeout=20)
    assert "larger than 1000000 bytes" in str(err.value) and time.monotonic() - started < 10


@pytest.mark.parametrize("path", ["/drip", "/hang", "/drip-headers"])
def test_a_slow_answer_ends_at_the_deadline(stand_in, path):
    url, _, _ = stand_in
    started = time.monotonic()
    with pytest.raises(QueryError) as err:
        remote_query(url + path, "ASK {}", timeout=1.5)
    assert "--timeout" in str(err.value) and time.monotonic() - started < 4


def test_an_answer_that_is_not_http_is_one_line(stand_in):
    url, _, _ = stand_in
    with pytest.raises(QueryError) as err:
        remote_query(url + "/not-http", "ASK {}", timeout=5)
    assert "not an HTTP answer" in str(err.value) and "Traceback" not in str(err.value)


def test_a_failed_push_names_what_it_already_replaced(stand_in, seed_build):
    url, _, _ = stand_in
    with pytest.raises(RemoteError) as err:
        push(seed_build[1], url + "/fail-third")
    message = str(err.value)
    assert "HTTP 500" in message and "disk full" in message
    assert "already replaced before the failure (2 graphs)" in message and "https://w3id.org/policy-kg/" in message


def test_a_write_the_store_rolled_back_is_sent_again(stand_in, seed_build):
    """A deadlock (SQLSTATE 40001: Virtuoso's "SR172: Transaction
    deadlocked", HTTP 500) rolled the write back: the graph is sent again,
    and the push completes; any other 500 stops it at once."""
    url, seen, _ = stand_in
    report = push(seed_build[1], url + "/deadlock-once")
    puts = [path for kind, path, _ in seen if kind == "PUT"]
    assert len(puts) == report.graphs + 1 and len(set(puts)) == report.graphs and puts[0] == puts[1]
    with pytest.raises(RemoteError, match="disk full"):
        push(seed_build[1], url + "/fail-third")
    assert len([path for kind, path, _ in seen if kind == "PUT" and path.startswith("/fail-third")]) == 3


def test_answers_that_are_not_results_are_one_line_errors(stand_in):
    url, _, _ = stand_in
    result = CliRunner().invoke(main, ["query", "--endpoint", url + "/html", "ASK {}"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {url}/html: the answer is not SPARQL JSON results (text/html): "
        "'<html><body>Welcome</body></html>'"]


@pytest.mark.parametrize("endpoint", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://x", "localhost:7878"])
def test_only_http_and_https(endpoint, seed_build):
    with pytest.raises(QueryError):
        remote_query(endpoint, "ASK {}")
    with pytest.raises(RemoteError, match="not an http or https URL"):
        push(seed_build[1], endpoint)


def test_a_row_cap_is_reported_not_returned_as_complete(stand_in):
    url, _, _ = stand_in
    with pytest.raises(TruncatedAnswer, match="at most 3 rows"):
        remote_query(url + "/capped", "SELECT ?n WHERE { ?s ?p ?n }")


def test_a_boolean_sent_as_a_number(stand_in):
    url, _, _ = stand_in
    assert remote_query(url + "/one", "ASK {}").boolean is True


@pytest.mark.parametrize("scheme", ["basic", "digest"])
def test_credentials_by_basic_and_digest(stand_in, scheme):
    url, seen, _ = stand_in
    with pytest.raises(QueryError, match="HTTP 401"):
        remote_query(f"{url}/{scheme}", "ASK {}")
    assert remote_query(f"{url}/{scheme}", "ASK {}", user=f"{USER}:{PASSWORD}").boolean is True
    result = CliRunner().invoke(main, ["query", "--endpoint", f"{url}/{scheme}", "--user", f"{USER}:{PASSWORD}",
                                       "ASK {}"])
    assert result.exit_code == 0 and result.output.strip() == "true"


def test_short_queries_go_as_get_long_ones_as_a_form_post(stand_in):
    url, seen, _ = stand_in
    remote_query(url + "/sparql", "ASK {}")
    remote_query(url + "/sparql", "ASK { " + " ".join(f"?s{i} ?p ?o ." for i in range(200)) + " }")
    methods = [(m, h.get("Content-Type")) for m, _, h in seen]
    assert methods == [("GET", None), ("POST", "application/x-www-form-urlencoded")]


def test_a_push_sends_the_terms_of_the_graph_file(stand_in, seed_build):
    """What is pushed is graph.trig as written (not the store's own forms),
    one PUT per named graph."""
    import pyoxigraph as ox
    from urllib.parse import parse_qs, urlsplit
    url, seen, _ = stand_in
    push(seed_build[1], url + "/store")
    sent = set()
    bodies = [(path, body) for kind, path, body in seen if kind == "BODY"]
    assert bodies
    for path, body in bodies:
        graph = ox.NamedNode(parse_qs(urlsplit(path).query)["graph"][0])
        sent |= {ox.Quad(t.subject, t.predicate, t.object, graph)
                 for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)}
    assert sent == set(ox.parse(path=str(seed_build[1] / "graph.trig"), format=ox.RdfFormat.TRIG))


def test_a_digest_push_sends_each_body_once_with_its_credentials(stand_in, tmp_path):
    """#34 item 9: a server that answers a request without credentials with
    a 401 and reads no further (Virtuoso) broke every body above about
    0.5 MB ("Broken pipe"). The challenge is drawn by a HEAD first, so every
    PUT, whatever its size, goes out once, with its Authorization."""
    from stores import big_trig
    url, seen, _ = stand_in
    source = big_trig(tmp_path / "big.trig", graphs=2, pairs=5000)
    assert source.stat().st_size > 2 * 1024 * 1024
    report = push(source, url + "/digest-store", user=f"{USER}:{PASSWORD}", timeout=60)
    assert report.graphs == 2 and report.triples == 20_000
    assert [kind for kind, _, _ in seen if kind in ("PUT", "UNAUTHORISED")] == ["PUT", "PUT"]
    assert [kind for kind, _, _ in seen][:1] == ["HEAD"]
    assert sum(len(body) for kind, _, body in seen if kind == "BODY") > 2 * 1024 * 1024
    with pytest.raises(RemoteError, match="HTTP 401"):
        push(source, url + "/digest-store", user=f"{USER}:wrong", timeout=60)
    assert [kind for kind, _, _ in seen if kind == "UNAUTHORISED"] == []


def test_the_answer_size_limit_is_an_option(stand_in):
    """#34 item 10: answers over 256 MB were refused with no way to take
    them; --max-answer-mb sets the limit (0: none), for every format."""
    url, _, _ = stand_in
    assert len(_rows(60_000)) > 2 * 2**20
    for fmt in ("table", "csv", "json"):
        refused = CliRunner().invoke(main, ["query", "--endpoint", url + "/large", "SELECT ?n {}", "-f", fmt,
                                            "--max-answer-mb", "1"])
        assert refused.exit_code == 1 and "larger than 1048576 bytes" in refused.output
        assert "--max-answer-mb" in refused.output
        for limit in ("10", "0"):
            taken = CliRunner().invoke(main, ["query", "--endpoint", url + "/large", "SELECT ?n {}", "-f", fmt,
                                              "--max-answer-mb", limit])
            assert taken.exit_code == 0 and "59999" in taken.output, taken.output[-300:]


def test_csv_is_written_as_the_answer_arrives(stand_in):
    """-f csv with --endpoint prints each row as it is read, not after
    holding the whole answer: half an answer is on the output when the
    deadline ends the exchange, and the error follows it. The text is the
    text of format_result."""
    from kg.models import QueryResult
    from kg.store.query import format_result
    from rdflib import Literal
    url, _, _ = stand_in
    result = CliRunner().invoke(main, ["query", "--endpoint", url + "/rows-then-hang", "SELECT ?n {}", "-f", "csv",
                                       "--timeout", "2"])
    assert result.exit_code == 1 and "--timeout" in result.output
    lines = result.stdout.splitlines()
    assert lines[:3] == ["n", "0", "1"] and len(lines) > 500
    whole = CliRunner().invoke(main, ["query", "--endpoint", url + "/large", "SELECT ?n {}", "-f", "csv"])
    assert whole.output == format_result(QueryResult(("n",), tuple((Literal(str(i)),) for i in range(60_000))),
                                         "csv") + "\n"
    capped = CliRunner().invoke(main, ["query", "--endpoint", url + "/capped", "SELECT ?n {}", "-f", "csv"])
    assert capped.exit_code == 1 and capped.output.startswith("n\n0\n1\n2\n") and "at most 3 rows" in capped.output
    ask = CliRunner().invoke(main, ["query", "--endpoint", url + "/one", "ASK {}", "-f", "csv"])
    assert ask.exit_code == 0 and ask.output == "true\n"
