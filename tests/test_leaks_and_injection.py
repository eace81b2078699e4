"""Outputs leak no secrets and carry no formulas or markup; read-only Cypher reads no files;
a server that is not Bolt fails within the connection timeout."""

from __future__ import annotations

import csv
import io
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from click.testing import CliRunner

from endorsegraph.cli import cli
from endorsegraph.cypher import runner
from endorsegraph.cypher.engines import EmbeddedSession, Neo4jError, Neo4jSession, Neo4jSettings, redacted


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def test_a_password_in_the_uri_is_never_printed():
    result = invoke(
        "cypher", "--engine", "neo4j", "--uri", "bolt://jo:S3CRET-pw@127.0.0.1:9", "RETURN 1",
        env={"NEO4J_PASSWORD": "other"},
    )  # fmt: skip
    assert result.exit_code == 1 and "S3CRET" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: the URI 'bolt://***@127.0.0.1:9' holds a user name or password")
    assert redacted("neo4j+s://a:b@host:7687/x") == "neo4j+s://***@host:7687/x"


@pytest.fixture
def http_server():
    """A plain HTTP server on a loopback port: what answers on a Bolt port by mistake."""

    class Quiet(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_server_that_is_not_bolt_fails_in_the_connection_timeout(http_server):
    settings = Neo4jSettings(f"bolt://127.0.0.1:{http_server}", "neo4j", "pw")
    started = time.monotonic()
    with pytest.raises(Neo4jError) as caught:
        Neo4jSession(settings, connection_timeout=2)
    elapsed = time.monotonic() - started
    assert elapsed < 20  # 61 s before: the handshake waited for the 60 s acquisition timeout
    message = str(caught.value)
    assert "\n" not in message and message.startswith(
        f"bolt://127.0.0.1:{http_server} did not answer as a Bolt"
    )


def test_report_csv_neutralises_formulas_and_raw_csv_keeps_them(write):
    path = write(
        "springfield.csv",
        """
        actor,action,target,note
        "=HYPERLINK(""http://evil.example"",""x"")",endorse,Jean Kim,+1 555
        @Maria Garcia,endorse,-Ted Ruiz,fine
        """,
    )
    rows = list(csv.DictReader(io.StringIO(invoke("timeline", "--source", str(path), "--csv").stdout)))
    assert [r["actor"] for r in rows] == ['\'=HYPERLINK("http://evil.example","x")', "'@Maria Garcia"]
    assert [r["target"] for r in rows] == ["Jean Kim", "'-Ted Ruiz"] and rows[0]["note"] == "'+1 555"
    raw = list(
        csv.DictReader(io.StringIO(invoke("timeline", "--source", str(path), "--csv", "--raw-csv").stdout))
    )
    assert raw[0]["actor"].startswith("=HYPERLINK") and raw[1]["actor"] == "@Maria Garcia"


def test_numbers_are_not_formulas():
    from endorsegraph.outputs.tables import render

    text = render([{"days": -3, "name": "-x"}], ["days", "name"], "csv")
    assert text.splitlines()[1] == "-3,'-x"


def test_extract_output_is_never_altered(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("date 2023-03-01\n=Maria Garcia endorsed Jean Kim on Tuesday.\n", "utf-8")
    result = invoke("extract", str(article))
    assert result.exit_code == 0 and "'=" not in result.stdout


def test_markdown_escapes_html_and_markup(write):
    path = write(
        "springfield.csv",
        """
        actor,action,target
        <img src=x onerror=alert(1)>,endorse,*Jean* [Kim](http://x) | `y`
        """,
    )
    out = invoke("timeline", "--source", str(path), "--markdown").stdout
    row = next(line for line in out.splitlines() if "endorse" in line)
    assert "<img" not in row and "&lt;img src=x onerror=alert(1)&gt;" in row
    assert r"\*Jean\* \[Kim\](http://x) \| \`y\`" in row
    profile = invoke("entity", "<img src=x onerror=alert(1)>", "--source", str(path), "--markdown").stdout
    assert profile.startswith("# &lt;img src=x onerror=alert(1)&gt;")


def test_read_only_cypher_refuses_load_csv():
    session = EmbeddedSession()
    with pytest.raises(runner.WriteRefused, match="LOAD CSV reads files from this machine"):
        runner.run_query(session, "load csv from 'file:///etc/passwd' AS row RETURN row", {})
    result = invoke("cypher", "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row")
    assert result.exit_code == 1 and "root:" not in result.output
    assert "--write" in result.stderr.splitlines()[-1]
