"""The named Cypher queries: their form, their parameters, and their rows on the bundled data."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.cli import cli
from endorsegraph.cypher.engines import EmbeddedSession
from endorsegraph.cypher.push import push
from endorsegraph.queries.named import named_queries, parse_param

QUERIES = named_queries()


@pytest.fixture(scope="module")
def engine(bundled):
    session = EmbeddedSession()
    push(session, bundled)
    return session


def run(engine, query_name, **params):
    query = QUERIES[query_name]
    rows = engine.read(query.text, query.bind(params))
    return json.loads(json.dumps(rows, default=str))  # dates as ISO text, as the reports give them


def test_the_library_has_every_named_query():
    assert set(QUERIES) >= {
        "who_withdrew_when",
        "endorsements_as_of",
        "timeline",
        "withdrawal_cascade",
        "stood_by",
        "joint_statements",
        "entity_neighbourhood",
        "sources_for_event",
    }


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_files_use_neo4j_semantics(name):
    """Forms that the embedded engine forgives but Neo4j does not."""
    text = QUERIES[name].text
    assert text.startswith(f"// {name}: "), "each file starts with a comment giving its purpose"
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    # duration.between(...).days is the day *component* on Neo4j; inDays gives whole days.
    assert not re.search(r"duration\.between\([^)]*\)\.days", code)
    # A date compared with a string is null on Neo4j and drops the row.
    assert not re.search(r"[<>=]\s*'\d{4}-\d\d-\d\d'", code)
    assert not re.search(r"'\d{4}-\d\d-\d\d'\s*[<>=]", code)
    for param in QUERIES[name].params:
        assert f"${param.name}" in code, f"@param {param.name} is declared but unused"
        if param.type == "date":  # compared as a date, never as text
            assert f"date(${param.name})" in code
            assert not re.search(rf"[<>=]\s*\${param.name}\b|\${param.name}\s*[<>=]", code)
    used = set(re.findall(r"\$(\w+)", code))
    assert used == {p.name for p in QUERIES[name].params}, "values only through declared $parameters"


# Columns only the Python reports give (README: "Cypher and the reports").
REPORT_ONLY = ("citations", "possible_triggers", "cause")


def cypher_columns(rows):
    return [{k: v for k, v in row.items() if k not in REPORT_ONLY} for row in rows]


def test_who_withdrew_when_equals_the_withdrawals_report(engine, bundled):
    for candidate in ("Scott Stringer", None):
        assert run(engine, "who_withdrew_when", candidate=candidate) == cypher_columns(
            eg.withdrawals(bundled, candidate=candidate)
        )


@pytest.mark.parametrize("day", ["2021-04-27", "2021-04-30", "2021-05-02", "2021-06-30"])
@pytest.mark.parametrize("candidate", ["Dianne Morales", "Scott Stringer", None])
def test_endorsements_as_of_equals_the_asof_report(engine, bundled, day, candidate):
    on = dt.date.fromisoformat(day)
    assert run(engine, "endorsements_as_of", on=on, candidate=candidate) == cypher_columns(
        eg.as_of(bundled, on, candidate=candidate)
    )


@pytest.mark.parametrize("candidate", ["Jean Kim", "Scott Stringer", None])
def test_timeline_and_stood_by_equal_their_reports(engine, bundled, candidate):
    assert run(engine, "timeline", candidate=candidate) == cypher_columns(
        eg.timeline(bundled, candidate=candidate)
    )
    assert run(engine, "stood_by", candidate=candidate) == cypher_columns(
        eg.stood_by(bundled, candidate=candidate)
    )


def test_withdrawal_cascade(engine):
    rows = run(engine, "withdrawal_cascade", candidate="Scott Stringer")
    shape = [
        (
            r["date"] or f"{r['not_before']}..{r['not_after']}",
            (r["days_after_trigger"], r["withdrawals"], r["cumulative"]),
        )
        for r in rows
    ]
    assert shape == [
        ("2021-04-28", (1, 1, 1)),
        ("2021-04-29", (2, 2, 3)),
        ("2021-04-30", (3, 8, 11)),
        ("2021-04-28..2021-04-30", (None, 1, 12)),  # bounded withdrawals, with their bounds
        ("2021-05-01", (4, 5, 17)),
        ("2021-04-26..2021-05-02", (None, 1, 18)),
    ]
    assert rows[-1]["cumulative"] == len(eg.withdrawals(eg.load(), candidate="Scott Stringer"))
    assert rows[0]["trigger_rule"].startswith("earliest exactly dated accusation")
    assert rows[0]["trigger"] == "Jean Kim" and rows[1]["endorsers"] == ["Jabari Brisport", "UFCW Local 1500"]


def test_named_queries_accept_what_the_cli_accepts(tmp_path):
    """Aliases and unique surnames resolve; an unknown name says so instead of returning nothing."""
    millbrook = str(Path(__file__).parent / "millbrook")
    runner = CliRunner()
    by_surname = runner.invoke(
        cli, ["cypher", "who_withdrew_when", "--source", millbrook, "--param", "candidate=Stringer", "--json"]
    )
    assert by_surname.exit_code == 0, by_surname.output
    assert {r["candidate"] for r in json.loads(by_surname.stdout)} == {"Dana Stringer"}
    unknown = runner.invoke(
        cli, ["cypher", "who_withdrew_when", "--source", millbrook, "--param", "candidate=Dana Stringr"]
    )
    assert unknown.exit_code == 1
    assert "no entity named 'Dana Stringr'; did you mean: Dana Stringer" in unknown.stderr


def test_joint_statements(engine):
    rows = run(engine, "joint_statements")
    assert [(r["group"], r["type"], r["date"], r["signed"]) for r in rows] == [
        ("joint-statement-2021-04-30", "WITHDREW", "2021-04-30", 6),
        ("joint-statement-2021-05-01", "WITHDREW", "2021-05-01", 5),
    ]
    assert rows[1]["signers"] == [
        "Adriano Espaillat",
        "Carmen De La Rosa",
        "Diana Ayala",
        "Jose Serrano",
        "Mark Levine",
    ]


def test_entity_neighbourhood(engine):
    rows = run(engine, "entity_neighbourhood", name="WFP")
    assert {(r["direction"], r["type"], r["other"]) for r in rows} == {
        ("out", "ENDORSED", "Scott Stringer"),
        ("out", "ENDORSED", "Dianne Morales"),
        ("out", "ENDORSED", "Maya Wiley"),
        ("out", "WITHDREW", "Scott Stringer"),
        ("out", "STOOD_BY", "Dianne Morales"),
        ("out", "STOOD_BY", "Maya Wiley"),
    }
    withdrew = next(r for r in rows if r["type"] == "WITHDREW")
    assert withdrew["date"] == "2021-04-30"


def test_sources_for_event(engine, bundled):
    accusation = next(r for r in eg.timeline(bundled) if r["action"] == "accuse")
    rows = run(engine, "sources_for_event", event_id=accusation["id"])
    assert [r["source"] for r in rows] == sorted(accusation["sources"])
    by_source = {r["source"]: r for r in rows}
    assert by_source["000_854f7cb433003545.txt"]["published"] == "2021-04-28"
    assert by_source["000_854f7cb433003545.txt"]["evidence"] == [
        "She accused Stringer of sexually harassing her and groping her on multiple occasions."
    ]


def test_parameters_are_typed():
    assert parse_param("on=date:2021-05-02") == ("on", dt.date(2021, 5, 2))
    assert parse_param("n=3") == ("n", 3) and parse_param("x=2.5") == ("x", 2.5)
    assert parse_param("name=str:3") == ("name", "3")
    assert parse_param("candidate=Scott Stringer") == ("candidate", "Scott Stringer")
    assert parse_param("flag=true") == ("flag", True) and parse_param("v=null") == ("v", None)
    with pytest.raises(ValueError, match="not key=value"):
        parse_param("oops")
    with pytest.raises(ValueError, match="not a date"):
        parse_param("on=date:2021-02-30")


def test_bind_checks_names_and_required_parameters():
    query = QUERIES["endorsements_as_of"]
    assert query.bind({"on": "2021-05-02"}) == {"on": dt.date(2021, 5, 2), "candidate": None}
    with pytest.raises(ValueError, match="needs the parameter on="):
        query.bind({})
    with pytest.raises(ValueError, match="has no parameter 'day'"):
        query.bind({"day": dt.date(2021, 5, 2)})


def test_cli_named_query_equals_the_report():
    runner = CliRunner()
    named = runner.invoke(
        cli, ["cypher", "who_withdrew_when", "--param", "candidate=Scott Stringer", "--json"]
    )
    report = runner.invoke(cli, ["withdrawals", "--candidate", "Scott Stringer", "--json"])
    assert named.exit_code == report.exit_code == 0
    assert json.loads(named.stdout) == cypher_columns(json.loads(report.stdout))
    assert len(json.loads(named.stdout)) == 18


def test_cli_literal_cypher_is_read_only_unless_write():
    runner = CliRunner()
    result = runner.invoke(cli, ["cypher", "MATCH (n) DETACH DELETE n"])
    assert result.exit_code == 1
    assert "add --write" in result.stderr and "Traceback" not in result.output
    written = runner.invoke(
        cli, ["cypher", "--write", "MATCH (n:Article) DETACH DELETE n RETURN count(*) AS n"]
    )
    assert written.exit_code == 0, written.output
    candidates = runner.invoke(
        cli, ["cypher", "MATCH (n:Candidate) RETURN n.name AS name ORDER BY name", "--csv"]
    )
    assert candidates.stdout.splitlines() == ["name", "Dianne Morales", "Maya Wiley", "Scott Stringer"]


def test_cli_bad_parameters_are_usage_errors():
    runner = CliRunner()
    result = runner.invoke(cli, ["cypher", "endorsements_as_of"])
    assert result.exit_code == 2 and "needs the parameter on=" in result.stderr
    result = runner.invoke(cli, ["cypher", "timeline", "--param", "when=date:2021-13-01"])
    assert result.exit_code == 2 and "not a date" in result.stderr
