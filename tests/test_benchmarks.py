"""The scale benchmark harness runs end to end at a tiny size and writes its table and JSON (the
figures themselves are measured by `python benchmarks/run.py`, never by tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"


def test_harness_smoke(tmp_path: Path):
    out, as_json = tmp_path / "RESULTS.md", tmp_path / "results.json"
    command = [
        sys.executable,
        str(RUN),
        "--figures",
        "load,reports,cli,push",
        "--sizes",
        "400",
        "--repeat",
        "1",
    ]
    done = subprocess.run(
        [*command, "--out", str(out), "--json", str(as_json)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(as_json.read_text())["rows"]
    figures = [r["figure"] for r in rows]
    assert figures[0] == "eg.load" and any(f.startswith("withdrawals(") for f in figures)
    assert any(f.startswith("CLI withdrawals") for f in figures) and any(
        f.startswith("push") for f in figures
    )
    assert all(r["value"] > 0 and r["baseline"] > 0 and r["size"] == "400" for r in rows)
    table = out.read_text()
    assert "| figure | size | value | baseline | ratio | goal | met | runs |" in table
    assert table.count("\n| ") == len(rows) + 1
