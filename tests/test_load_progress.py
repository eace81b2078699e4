"""Progress of a long load: each step told to the library's caller; a bar on a terminal once the
load has taken a few seconds, nothing when standard error is piped. On a second race (Springfield
2024) whose names collide with the bundled sample's."""

from __future__ import annotations

import io
import time
from pathlib import Path

from click.testing import CliRunner
from rich.console import Console

import endorsegraph as eg
from endorsegraph.cli import cli
from endorsegraph.outputs.progress import LoadProgress

RACE = """\
actor,action,target,date,source_id
Springfield Teachers Union,endorse,Ana Garcia,2024-03-01,sj-1
Jean Kim,accuse,Ana Garcia,2024-03-28,sj-2
Springfield Teachers Union,withdraw,Ana Garcia,2024-04-02,sj-3
"""


def test_a_load_tells_each_step(tmp_path: Path):
    facts = tmp_path / "springfield.csv"
    facts.write_text(RACE, encoding="utf-8")
    steps: list[tuple[str, int, int]] = []
    eg.load([facts], cache=False, progress=lambda *step: steps.append(step))
    assert [s[0] for s in steps] == ["reading springfield.csv", "resolving names", "building the graph"]
    assert [s[1] for s in steps] == [0, 1, 2] and {s[2] for s in steps} == {3}
    steps.clear()
    facts.write_text(RACE.replace("2024-04-02", "2024-04-03"), encoding="utf-8")  # a fresh cache key
    eg.load([facts], progress=lambda *step: steps.append(step))
    assert steps[-1][0] == "writing the cache" and steps[-1][2] == 4
    steps.clear()
    eg.load([facts], progress=lambda *step: steps.append(step))  # from the cache: no reading
    assert [s[0] for s in steps] == ["building the graph"]


def test_a_bar_on_a_terminal_after_a_while():
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=80)
    with LoadProgress(console, after=0.05) as progress:
        assert progress is not None
        progress("reading cycle.csv", 0, 3)
        deadline = time.monotonic() + 5
        while progress.bar is None and time.monotonic() < deadline:
            time.sleep(0.01)
        progress("resolving names", 1, 3)
    assert "loading: " in screen.getvalue()


def test_no_bar_for_a_quick_load_nor_when_piped():
    screen = io.StringIO()
    with LoadProgress(Console(file=screen, force_terminal=True), after=30) as progress:
        progress("reading cycle.csv", 0, 3)  # done long before the bar would show
    assert screen.getvalue() == ""
    piped = io.StringIO()
    with LoadProgress(Console(file=piped), after=0) as progress:
        assert progress is None  # not a terminal: the load gets no callback at all
    assert piped.getvalue() == ""


def test_the_command_line_is_quiet_when_piped(tmp_path: Path):
    facts = tmp_path / "springfield.csv"
    facts.write_text(RACE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["withdrawals", "--source", str(facts), "--csv", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "loading" not in result.stderr and "\x1b" not in result.stderr
    assert "Ana Garcia" in result.stdout
