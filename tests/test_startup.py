"""Start-up: a command imports only what it uses. `--help` and a report on the sources load no
extractor (spaCy), no Cypher engine (kglite, the neo4j driver), no HTML or chart library, no
wikitext parser; piped output loads no rich. Checked in a fresh interpreter (sys.modules), not
timed: the figure is in benchmarks/run.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
NEVER = ("spacy", "kglite", "neo4j", "pyvis", "jinja2", "matplotlib", "mwparserfromhell")

PROBE = """
import json, sys
from endorsegraph.cli import cli
try:
    cli(sys.argv[1:], prog_name="endorsegraph")
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
"""


def imported(tmp_path: Path, *args: str) -> set[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("args", [["--help"], ["withdrawals", "--help"], ["extract", "--help"]])
def test_help_imports_no_engine_extractor_or_view(tmp_path, args):
    modules = imported(tmp_path, *args)
    assert "click" in modules, "the probe sees the imports"
    assert not modules & set(NEVER), modules & set(NEVER)


def test_a_report_on_a_second_race_imports_only_what_it_uses(tmp_path):
    facts = str(TESTS / "races" / "riverton2025.csv")
    for _ in range(2):  # cold, then from the cache
        modules = imported(tmp_path, "withdrawals", "--source", facts, "--candidate", "Maria Garcia", "--csv")
        assert "networkx" in modules
        assert not modules & {*NEVER, "rich"}, modules & {*NEVER, "rich"}
