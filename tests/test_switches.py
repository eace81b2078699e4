"""`switches`: what changed between two snapshots of FiveThirtyEight's 2020 tracker."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from endorsegraph import api
from endorsegraph.cli import cli
from endorsegraph.graph.errors import InputError
from endorsegraph.loaders.snapshots import CHANGE_COLUMNS

OLD = api.fivethirtyeight("2020") / "endorsements-2020.snapshot-2019-05-31.csv"
NEW = api.fivethirtyeight("2020") / "endorsements-2020.csv"
HEADER = (
    "date,position,city,state,endorser,endorsee,endorser party,source,order,category,body,district,points"
)


def run(*args: str, code: int = 0):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == code, (result.output, result.stderr)
    return result


def test_the_two_shared_snapshots():
    diff = api.switches(OLD, NEW)
    rows = diff.rows()
    assert (len(rows["switches"]), len(rows["new"]), len(rows["dropped"])) == (36, 293, 2)
    first = rows["switches"][0]
    assert (first["endorser"], first["from"], first["to"], first["date"]) == (
        "Vicente Gonzalez",
        "Julian Castro",
        "Joe Biden",
        "2019-09-15",
    )
    garcia = next(r for r in rows["switches"] if r["endorser"] == "Robert Garcia")
    assert (garcia["from"], garcia["to"], garcia["date"], garcia["state"]) == (
        "Kamala Harris",
        "Joe Biden",
        "2020-01-09",
        "CA",
    )
    assert [
        (r["endorser"], r["from"], r["not_before"], r["not_after"], r["why"]) for r in rows["dropped"]
    ] == [
        ("Katie Hill", "Kamala Harris", "2019-06-01", "2020-03-27", "no longer in the tracker"),
        ("Mike Rawlings", "Joe Biden", "2019-06-01", "2020-03-27", "no longer in the tracker"),
    ]
    # Spellings that changed between the snapshots are the same endorser: no change for David
    # A. Frye and Michael Bennet (no pick in either), a pick new to the listed William Lacy Clay.
    names = {r["endorser"] for lst in rows.values() for r in lst}
    assert not names & {"David A. Frye", "Michael Bennet"}
    (clay,) = [(then, now) for then, now in diff.new_endorsements if now.endorser == "William Lacy Clay Jr."]
    assert clay[0] is not None and clay[0].endorser == 'William "Lacy" Clay Jr.' and not clay[0].endorsee


def test_json_is_an_object_with_three_lists_and_the_table_has_every_change():
    data = json.loads(run("switches", str(OLD), str(NEW), "--json").stdout)
    assert set(data) == {"old_snapshot", "new_snapshot", "switches", "new", "dropped"}
    assert (data["old_snapshot"], data["new_snapshot"]) == ("2019-05-31", "2020-03-27")
    assert len(data["switches"]) == 36 and list(data["switches"][0]) == list(CHANGE_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(run("switches", str(OLD), str(NEW), "--csv").stdout)))
    assert len(rows) == 36 + 293 + 2
    only = run("switches", str(OLD), str(NEW), "--change", "switch", "--markdown").stdout
    assert "36 switches" in only and "| switch | Robert Garcia |" in only and "| new |" not in only


def test_a_second_race_with_colliding_names(write):
    old = write(
        "old.csv",
        f"""
        {HEADER}
        2030-01-05,mayor,Millbrook,XX,Kathryn A. Garcia,Jean Kim,D,https://example.org/1,,Mayors,,,3
        2030-01-06,senator,,XX,Jean Kim,Maya Wiley,D,https://example.org/2,,Senators,,,6
        2030-01-07,governor,,XX,Eric Adams,Jean Kim,D,https://example.org/3,,Governors,,,8
        ,representative,,XX,Scott Stringer,,D,,,Representatives,,1,3
        """,
    )
    new = write(
        "new.csv",
        f"""
        {HEADER}
        2030-02-10,mayor,Millbrook,XX,Kathryn Garcia,Dianne Morales,D,https://example.org/4,,Mayors,,,3
        2030-01-06,senator,,XX,Jean Kim,Maya Wiley,D,https://example.org/2,,Senators,,,6
        ,governor,,XX,Eric Adams,,D,,,Governors,,,8
        2030-02-01,representative,,XX,Scott Stringer,Maya Wiley,D,https://example.org/5,,Representatives,,1,3
        """,
    )
    out = json.loads(run("switches", str(old), str(new), "--new-date", "2030-02-15", "--json").stdout)
    assert out["old_snapshot"] == "2030-01-07"  # no date in the name: the latest row's day
    assert [(r["endorser"], r["from"], r["to"], r["date"]) for r in out["switches"]] == [
        ("Kathryn Garcia", "Jean Kim", "Dianne Morales", "2030-02-10")
    ]
    assert [(r["endorser"], r["to"]) for r in out["new"]] == [("Scott Stringer", "Maya Wiley")]
    assert [(r["endorser"], r["not_before"], r["not_after"], r["why"]) for r in out["dropped"]] == [
        ("Eric Adams", "2030-01-08", "2030-02-15", "in the tracker without a pick")
    ]


def test_bad_snapshots_name_file_and_line(write):
    bad = write(
        "bad.csv", f"{HEADER}\n2030-13-01,mayor,,XX,A,B,D,,,,,,1\n2030-01-01,mayor,,XX,A.,C,D,,,,,,1\n"
    )
    with pytest.raises(InputError) as err:
        api.switches(bad, bad)
    assert err.value.problems == [f"{bad}:2: date '2030-13-01' is not a real day"]
    result = run("switches", str(bad), str(NEW), code=1)
    assert f"error: {bad}:2: date '2030-13-01' is not a real day" in result.stderr
    missing = write("missing.csv", "date,endorser\n2030-01-01,A\n")
    assert "missing column 'endorsee'" in run("switches", str(missing), str(NEW), code=1).stderr
