"""Progress bars on extraction and on the embedded engine's push: drawn on standard error when it is
a terminal, once the work has lasted a moment; nothing at all when standard error is piped. On the
tests' own races (Millbrook's articles, Riverton's facts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from endorsegraph import cli as cli_module
from endorsegraph.cli import cli

TESTS = Path(__file__).parent
ARTICLES = str(TESTS / "millbrook" / "articles")
FACTS = str(TESTS / "races" / "riverton2025.csv")
COMMANDS = {
    "extract": ["extract", ARTICLES, "--no-cache", "--jobs", "1"],
    "push": ["cypher", "who_withdrew_when", "--source", FACTS, "--csv"],
}
BARS = {"extract": "extracting (articles)", "push": "loading the embedded engine (rows)"}


@pytest.fixture
def at_once(monkeypatch):
    """Bars from the first update: the test inputs take well under the usual second."""
    monkeypatch.setattr(cli_module, "PROGRESS_AFTER", 0.0)


def run(args: list[str], terminal: bool):
    # rich takes FORCE_COLOR as "standard error is a terminal"; TTY_COMPATIBLE=0 as "it is not".
    env = (
        {"FORCE_COLOR": "1", "TTY_COMPATIBLE": None}
        if terminal
        else {"FORCE_COLOR": None, "TTY_COMPATIBLE": "0"}
    )
    result = CliRunner(env=env).invoke(cli, args)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_terminal_gets_a_bar(at_once, command):
    result = run(COMMANDS[command], terminal=True)
    assert BARS[command] in result.stderr
    assert "\x1b[" in result.stderr  # drawn, then erased (transient)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_piped_output_gets_no_bar(at_once, command):
    result = run(COMMANDS[command], terminal=False)
    assert BARS[command] not in result.stderr
    assert "\x1b[" not in result.stderr and "━" not in result.stderr
    assert "" not in result.stderr.splitlines(), "not even the blank line a bar leaves"
    assert result.stdout  # the command's own output is all there is


def test_quick_work_shows_no_bar_even_on_a_terminal():
    # The default delay: a few articles are done before a bar would appear.
    result = run(COMMANDS["extract"], terminal=True)
    assert BARS["extract"] not in result.stderr
