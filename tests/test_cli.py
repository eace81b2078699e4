"""The CLI contract: every command, every output format, errors with a non-zero exit."""

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.cli import cli
from endorsegraph.outputs.tables import CITATION_FIELDS as CITED


@pytest.fixture
def run():
    def _run(*args: str, code: int = 0):
        result = CliRunner().invoke(cli, list(args))
        assert result.exit_code == code, (result.output, result.stderr)
        return result

    return _run


def test_withdrawals_json_is_the_library_rows(run, bundled):
    out = run("withdrawals", "--candidate", "Scott Stringer", "--json").stdout
    assert json.loads(out) == eg.withdrawals(bundled, candidate="Scott Stringer")


def test_withdrawals_csv_has_every_column(run):
    rows = list(csv.DictReader(io.StringIO(run("withdrawals", "--csv").stdout)))
    flat = [c for c in eg.queries.WITHDRAWAL_COLUMNS if c != "citations"]
    assert len(rows) == 18 and list(rows[0])[: len(flat)] == flat
    # citations flatten into numbered columns, as many as the most cited row needs
    assert list(rows[0])[len(flat) :] == [f"citation{n}_{f}" for n in (1, 2) for f in CITED]
    assert rows[0]["endorser"] == "Jessica Ramos" and rows[0]["implied"] == ""
    assert rows[3]["sources"] == "nyc2021-reference"


def test_table_and_markdown_fold_dates_for_people(run):
    table = run("withdrawals", "--candidate", "Stringer").stdout
    assert "Withdrawals from Scott Stringer" in table
    assert "2021-04-28..2021-04-30" in table and "The Jewish Vote" in table
    markdown = run("withdrawals", "--markdown").stdout.splitlines()
    assert markdown[0].startswith("| date | endorser |")
    assert len([line for line in markdown if line.startswith("| 20")]) == 18


def test_asof_and_compare(run):
    rows = json.loads(run("asof", "2021-05-02", "--candidate", "Dianne Morales", "--json").stdout)
    assert {"endorser": "Working Families Party", "effective_rank": 1}.items() <= rows[0].items()
    compared = json.loads(
        run("asof", "2021-04-27", "--compare", "2021-05-02", "--candidate", "Scott Stringer", "--json").stdout
    )
    assert sorted(r["endorser"] for r in compared if r["certain"]) == [
        "Jessica Ramos",
        "Working Families Party",
    ]


def test_timeline_and_entity(run):
    rows = json.loads(run("timeline", "--candidate", "Jean Kim", "--json").stdout)
    assert rows[0]["action"] == "accuse" and len(rows[0]["sources"]) == 4
    (profile,) = json.loads(run("entity", "wfp", "--json").stdout)
    assert profile["id"] == "working-families-party" and "endorser" in profile["roles"]
    assert "Endorsements" in run("entity", "Jean Kim").stdout
    assert run("entity", "Jean Kim", "--markdown").stdout.startswith("# Jean Kim")
    events = list(csv.DictReader(io.StringIO(run("entity", "Jean Kim", "--csv").stdout)))
    assert {e["action"] for e in events} == {"accuse", "deny", "call_to_withdraw", "call_to_resign"}


def test_unknown_name_is_a_clear_error(run):
    result = run("withdrawals", "--candidate", "Scot Stringr", code=1)
    errors = [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]
    assert errors == ["error: no entity named 'Scot Stringr'; did you mean: Scott Stringer?"]
    assert result.stdout == ""


def test_bad_date_argument(run):
    result = run("asof", "2021-02-30", code=2)
    assert "date '2021-02-30' is not a real day" in result.stderr


def test_bad_source_exits_non_zero_and_writes_nothing(run, write, tmp_path):
    bad = write("bad.csv", "actor,action,target,date\nA,endorse,B,2021-02-30\n")
    out = tmp_path / "out.json"
    result = run("withdrawals", "--source", str(bad), "--json", "-o", str(out), code=1)
    assert f"error: {bad}:2: date '2021-02-30' is not a real day" in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_output_file_is_written_whole(run, tmp_path):
    out = tmp_path / "w.csv"
    out.write_text("old contents")
    run("withdrawals", "--csv", "-o", str(out))
    assert out.read_text().startswith("date,not_before,not_after,endorser")
    assert [p.name for p in tmp_path.iterdir()] == ["w.csv"]  # no temporary file left


def test_source_says_what_it_chose(run, write):
    path = write("mine.csv", "actor,action,target,date\nA,withdraw,Scott Stringer,2021-05-03\n")
    result = run("withdrawals", "--source", str(path), "--json")
    assert f"reading {path}: facts (csv; extension .csv, header actor,action,target)" in result.stderr
    assert [r["endorser"] for r in json.loads(result.stdout)] == ["A"]


def test_help_lists_every_command(run):
    out = run("--help").stdout
    commands = re.findall(r"^  (\S+)\s", out.split("Commands:")[1], re.M)
    assert commands == sorted(
        [
            "asof",
            "chart",
            "cypher",
            "entity",
            "eval",
            "export",
            "extract",
            "push",
            "stood-by",
            "switches",
            "timeline",
            "view",
            "withdrawals",
        ]
    )
