"""extract --explain: what the extractor skipped and why; every event names its rule and keeps its cause.

On a second race written for the tests (Reno city council), with a Garcia who is not the NYC one."""

import json

from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.cli import cli

ARTICLE = """date 2024-05-10
race 2024 Reno city council

Reno council race: union pulls support from Garcia

The Washoe Nurses Union withdrew its endorsement of council candidate Maria Garcia on Wednesday \
in light of the campaign finance allegations.

Councilmember Dana Holt has not withdrawn her support for Garcia.

Mayor Lee Tran would endorse Garcia if she survives the audit.

If the allegations are true, Garcia should resign, said Councilmember Omar Reyes.

Someone endorsed somebody.
"""


def _article(tmp_path):
    path = tmp_path / "reno.txt"
    path.write_text(ARTICLE)
    return path


def test_events_name_their_rule_and_cause(tmp_path):
    ((_, extraction),) = eg.extract([_article(tmp_path)])
    (event,) = extraction.events
    assert (event.actor, event.action.value, event.target) == (
        "Washoe Nurses Union",
        "withdraw",
        "Maria Garcia",
    )
    assert event.rule == "withdraw"
    assert event.cause == "in light of the campaign finance allegations"


def test_skipped_sentences_say_why(tmp_path):
    ((_, extraction),) = eg.extract([_article(tmp_path)])
    reasons = {s.sentence.split()[1]: s.reason for s in extraction.skipped}
    assert reasons["Dana"] == "negation"
    assert reasons["Lee"] == "modal"
    assert reasons["the"] == "hypothetical"  # "If the allegations are true, Garcia should resign"
    assert reasons["endorsed"] == "unknown construction"  # "Someone endorsed somebody."
    line = next(s for s in extraction.skipped if s.reason == "negation")
    assert line.origin.endswith("reno.txt:8") and line.rule == "withdraw"


def test_cli_explain_lists_skips_on_stderr_and_keeps_stdout_jsonl(tmp_path):
    result = CliRunner().invoke(cli, ["extract", "--explain", str(_article(tmp_path))])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["rule"], r["cause"], r["race"]) for r in records] == [
        ("withdraw", "in light of the campaign finance allegations", "2024 Reno city council")
    ]
    assert "reno.txt:8: negation [withdraw]: Councilmember Dana Holt has not withdrawn" in result.stderr
    assert "reno.txt:10: modal" in result.stderr
    plain = CliRunner().invoke(cli, ["extract", str(_article(tmp_path))])
    assert "skipped:" not in plain.stderr
