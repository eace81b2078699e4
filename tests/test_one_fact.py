"""One fact is one fact: a withdrawal reported on two dates is one withdrawal with its conflicts in
every report; a reporter's corrections to extracted events survive re-extraction (tests/millbrook)."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.cli import cli
from endorsegraph.cypher.engines import EmbeddedSession
from endorsegraph.cypher.push import push
from endorsegraph.graph import store
from endorsegraph.graph.errors import InputError
from endorsegraph.queries.named import named_query

MILLBROOK = Path(__file__).parent / "millbrook"
CLAIMS = ["2024-04-05 (Harbor Gazette)", "2024-04-09 (Millbrook Ledger)"]


@pytest.fixture(scope="module")
def graph():
    return eg.load([MILLBROOK])


def test_two_dates_for_one_withdrawal_are_one_row_with_its_conflicts(graph):
    (row,) = eg.withdrawals(graph, endorser="Harbor Nurses Union")
    assert (row["not_before"], row["not_after"], row["conflicts"]) == ("2024-04-05", "2024-04-09", CLAIMS)
    # no second withdrawal, no implied re-endorsement in between
    nurses = [e for e in store.intervals_of(graph, "dana-stringer") if e.endorser == "harbor-nurses-union"]
    assert len(nurses) == 1 and not nurses[0].implied
    timeline = [r for r in eg.timeline(graph, endorser="Harbor Nurses Union") if r["action"] == "withdraw"]
    assert len(timeline) == 1 and timeline[0]["conflicts"] == CLAIMS
    statuses = {
        day: eg.as_of(graph, day, endorser="Harbor Nurses Union") for day in ("2024-04-07", "2024-04-10")
    }
    assert [r["status"] for r in statuses["2024-04-07"]] == ["uncertain"]
    assert statuses["2024-04-07"][0]["conflicts"] == CLAIMS
    assert statuses["2024-04-10"] == []


def test_the_cascade_counts_it_once_with_its_bounds(graph):
    session = EmbeddedSession()
    push(session, graph, "t")
    rows = session.read(named_query("withdrawal_cascade").text, {"candidate": "dana-stringer"})
    nurses = [r for r in rows if "Harbor Nurses Union" in r["endorsers"]]
    assert len(nurses) == 1 and (str(nurses[0]["not_before"]), str(nurses[0]["not_after"])) == (
        "2024-04-05",
        "2024-04-09",
    )
    assert rows[-1]["cumulative"] == len(eg.withdrawals(graph, candidate="Dana Stringer"))


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(MILLBROOK / "articles", folder)
    shutil.copy(MILLBROOK / "entities.yaml", tmp_path)
    return tmp_path


def _extracted(folder: Path) -> dict[str, dict]:
    result = CliRunner().invoke(
        cli, ["extract", "--source", str(folder / "entities.yaml"), str(folder / "articles")]
    )
    assert result.exit_code == 0, result.output
    return {r["actor"]: r for r in map(json.loads, result.stdout.splitlines())}


def test_corrections_apply_on_every_load(articles):
    events = _extracted(articles)
    nurses, rtu = events["Harbor Nurses Union"], events["Ridgeford Tenants Union"]
    assert rtu["date"] == "2024-05-01"
    (articles / "corrections.csv").write_text(
        f"id,correction,date,target\n{nurses['id']},reject,,\n{rtu['id']},amend,2024-04-30,Samuel Ortiz\n"
    )
    for _ in range(2):  # re-extraction gives the same ids: the review survives
        graph = eg.load([articles])
        facts = [(store.registry(graph)[f.actor].name, str(f.span), store.registry(graph)[f.target].name)
                 for f in store.event_log(graph)]  # fmt: skip
        assert facts == [("Ridgeford Tenants Union", "2024-04-30", "Samuel Ortiz")]


def test_a_correction_for_no_event_is_a_warning_and_a_bad_one_an_error(articles):
    (articles / "corrections.csv").write_text("id,correction\nffffffffffff,reject\n")
    warnings: list[str] = []
    eg.load([articles], warn=warnings.append)
    assert any("corrections.csv:2: no extracted event has the id ffffffffffff" in w for w in warnings)
    (articles / "corrections.csv").write_text("id,correction\nffffffffffff,delete\n")
    with pytest.raises(InputError, match="corrections.csv:2: correction must be reject or amend"):
        eg.load([articles])
