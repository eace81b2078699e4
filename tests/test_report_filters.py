"""Every report takes the same filters and shows its race; the table fits and sums up (tests/millbrook
beside the bundled sample)."""

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.cli import cli

MILLBROOK = Path(__file__).parent / "millbrook"
RACE = "millbrook-mayor-2024"


@pytest.fixture(scope="module")
def both():
    return eg.load(["sample", MILLBROOK])


def test_race_endorser_kind_and_dates_narrow_every_report(both):
    assert {r["race"] for r in eg.withdrawals(both, race=RACE)} == {RACE}
    assert len(eg.withdrawals(both, race=RACE)) == 3
    assert [r["endorser"] for r in eg.withdrawals(both, race=RACE, kind="union")] == ["Harbor Nurses Union"]
    assert {r["endorser"] for r in eg.stood_by(both, endorser="Ana Ruiz")} == {"Ana Ruiz"}
    # A bounded withdrawal (2024-04-01..2024-04-06) is kept by a window it may fall in.
    window = eg.withdrawals(both, race=RACE, since="2024-04-06", until=dt.date(2024, 4, 6))
    assert [r["endorser"] for r in window] == ["Priya Nair", "Harbor Nurses Union"]
    assert {r["actor"] for r in eg.timeline(both, race=RACE, kind="party")} == {"Millbrook Green Party"}
    assert {r["endorser"] for r in eg.as_of(both, "2024-03-20", race=RACE)} == {
        "Ana Ruiz", "Millbrook Green Party", "Harbor Nurses Union", "Priya Nair", "Tom Becker"
    }  # fmt: skip


def test_one_race_scopes_the_names_of_the_filters(both):
    """Beside the sample "Stringer" could mean two people; within Millbrook's race it means Dana."""
    with pytest.raises(eg.AmbiguousName):
        eg.withdrawals(both, candidate="Stringer")
    assert {r["candidate"] for r in eg.withdrawals(both, candidate="Stringer", race=RACE)} == {
        "Dana Stringer"
    }
    result = CliRunner().invoke(
        cli,
        ["withdrawals", "--source", "sample", "--source", str(MILLBROOK), "--candidate", "Stringer",
         "--race", RACE],
    )  # fmt: skip
    assert result.exit_code == 0 and "Withdrawals from Dana Stringer" in result.stdout


def test_several_candidates_add_up(both):
    one = eg.withdrawals(both, candidate="Dana Stringer")
    other = eg.withdrawals(both, candidate="Scott Stringer")
    assert len(eg.withdrawals(both, candidate=["Dana Stringer", "Scott Stringer"])) == len(one) + len(other)
    result = CliRunner().invoke(
        cli,
        ["withdrawals", "--source", "sample", "--source", str(MILLBROOK), "--candidate", "Dana Stringer",
         "--candidate", "Scott Stringer", "--csv"],
    )  # fmt: skip
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == len(one) + len(other)


def test_compare_lists_what_was_made_and_ended_between_the_days(both):
    rows = eg.compare(both, "2024-02-25", "2024-04-20", candidate="Dana Stringer")
    between = [r for r in rows if r["change"] == "gained and lost"]
    assert {r["endorser"] for r in between} == {"Millbrook Green Party", "Harbor Nurses Union", "Priya Nair"}
    assert all(r["certain"] for r in between)


def test_possible_triggers_and_a_stated_cause(both):
    rows = {r["endorser"]: r for r in eg.withdrawals(both, race=RACE)}
    nair = rows["Priya Nair"]  # 2024-04-01..2024-04-06, the accusation 2024-04-02: order unknown
    assert nair["trigger"] is None and nair["possible_triggers"] == ["Jean Kim (2024-04-02)"]
    assert rows["Millbrook Green Party"]["cause"] == "in light of the allegations"


def test_the_table_is_compact_ends_with_a_summary_and_takes_columns():
    runner = CliRunner()
    base = ["withdrawals", "--source", str(MILLBROOK)]
    table = runner.invoke(cli, base).stdout
    assert "endorser kind" not in table and "citations" in table  # compact by default
    assert table.rstrip().splitlines()[-1] == (
        "3 withdrawals, 2024-04-01 to 2024-04-09; 1 exactly dated after the trigger, 1 with an uncertain "
        "order (possible_triggers), 1 with conflicting dates (conflicts)"
    )
    chosen = runner.invoke(cli, [*base, "--columns", "endorser,date"]).stdout
    assert chosen.splitlines()[1].split() == ["┃", "endorser", "┃", "date", "┃"]
    bad = runner.invoke(cli, [*base, "--columns", "endorser,colour"])
    assert bad.exit_code == 2 and "no column 'colour'" in bad.stderr


def test_an_empty_csv_still_has_its_header():
    result = CliRunner().invoke(
        cli, ["withdrawals", "--source", str(MILLBROOK), "--race", "nowhere", "--csv"]
    )
    header = result.stdout.splitlines()
    assert header[0].startswith("date,not_before,not_after,endorser") and len(header) == 1


def test_the_api_takes_iso_dates_and_names_a_bad_one(both):
    assert eg.as_of(both, "2024-03-20", race=RACE) == eg.as_of(both, dt.date(2024, 3, 20), race=RACE)
    with pytest.raises(ValueError, match="since 'last week' is not a date"):
        eg.withdrawals(both, since="last week")
    with pytest.raises(ValueError, match="second: 20240420 is not a date"):
        eg.compare(both, "2024-02-25", 20240420)
    assert eg.graph_as_of(both, "2024-03-20").number_of_edges() > 0


def test_view_refuses_a_non_html_file(tmp_path):
    result = CliRunner().invoke(cli, ["view", "-o", str(tmp_path / "x.png"), "--source", str(MILLBROOK)])
    assert result.exit_code == 2 and "-o must end in .html" in result.stderr
    assert not (tmp_path / "x.png").exists()
