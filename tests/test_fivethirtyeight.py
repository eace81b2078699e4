"""FiveThirtyEight's trackers as sources: the 2020 tracker's rows and the 2022 primary project's
endorser columns, on the bundled copies, and on a second race of the tests' own."""

import datetime as dt
import json
from collections import Counter

import pytest

import endorsegraph as eg
from endorsegraph import api
from endorsegraph.cypher.engines import EmbeddedSession
from endorsegraph.cypher.push import push
from endorsegraph.graph import store
from endorsegraph.graph.entities import AmbiguousName
from endorsegraph.graph.errors import InputError
from endorsegraph.loaders import detect
from endorsegraph.loaders.fivethirtyeight import read_snapshot
from endorsegraph.loaders.primaries import read_primaries
from endorsegraph.queries.named import named_queries
from tests.test_cypher_queries import cypher_columns

TRACKER = api.fivethirtyeight("2020")
PRIMARIES = api.fivethirtyeight("2022")
REP = PRIMARIES / "rep_candidates.csv"
BROOKS_2021 = (
    "actor,action,target,date,source_id\nDonald Trump,endorse,Mo Brooks,2021-04-07,trump-brooks-2021\n"
)


def test_the_bundled_copies_are_the_shared_files(shared):
    for name in ("fivethirtyeight/endorsements-2020.csv", "fivethirtyeight-2022/rep_candidates.csv"):
        assert (api.bundled_dataset() / name).read_bytes() == (shared / "data" / name).read_bytes()


def test_the_default_load_is_still_the_nyc_sample(bundled):
    assert not any("fivethirtyeight" in str(p) for p in api.sample_files())
    assert all(not s.id.endswith("CC BY 4.0]") for f in store.event_log(bundled) for s in f.sources)


def test_formats_are_told_by_the_header():
    kinds = {f.path.name: f.kind for p in (TRACKER, PRIMARIES) for f in detect(p)}
    assert kinds == {
        "endorsements-2020.csv": "fivethirtyeight-2020",
        "endorsements-2020.snapshot-2019-05-31.csv": "fivethirtyeight-2020",
        "dem_candidates.csv": "fivethirtyeight-2022",
        "rep_candidates.csv": "fivethirtyeight-2022",
    }


# --- 2020 tracker -------------------------------------------------------------------------------


def test_each_row_with_an_endorsee_is_one_dated_endorsement_the_others_are_entities():
    new = TRACKER / "endorsements-2020.csv"
    snapshot = read_snapshot(new)
    assert (snapshot.day.isoformat(), snapshot.day_from) == ("2020-03-27", "latest row")
    graph = eg.load([new])
    intervals = store.endorsement_intervals(graph)
    assert len(intervals) == sum(1 for r in snapshot.rows if r.endorsee) == 404
    cuomo = next(e for e in intervals if e.endorser == "andrew-cuomo.ny")
    assert (str(cuomo.start), store.registry(graph)[cuomo.candidate].name) == ("2019-01-02", "Joe Biden")
    fact = cuomo.opened_by
    assert fact.note == "FiveThirtyEight: position governor; state NY; party D; points 8"
    assert fact.sources[0].url.startswith("https://www.cnn.com/2019/01/02/politics/cuomo-biden")
    assert fact.sources[0].credit == "FiveThirtyEight, CC BY 4.0"
    # Officials who had not endorsed are entities (resolvable), not events.
    registry = store.registry(graph)
    silent = [r for r in snapshot.rows if not r.endorsee]
    assert len(silent) == 619 and all(registry.find(f"{r.endorser}") for r in silent[:20])
    assert graph.number_of_edges() == 404


def test_both_snapshots_leave_every_endorser_one_open_pick_and_no_withdrawal():
    graph = eg.load([TRACKER])
    intervals = store.endorsement_intervals(graph)
    open_picks = Counter(e.endorser for e in intervals if e.end is None)
    assert max(open_picks.values()) == 1
    assert Counter(e.ended_by for e in intervals if e.end is not None) == {"supersede": 38}
    assert eg.withdrawals(graph) == []
    # Robert Garcia (another Garcia: the mayor of Long Beach) switched on the day he endorsed Biden.
    garcia = [e for e in intervals if e.endorser == "robert-garcia.ca"]
    assert [(store.registry(graph)[e.candidate].name, str(e.start), str(e.end)) for e in garcia] == [
        ("Kamala Harris", "2019-03-07", "2020-01-09"),
        ("Joe Biden", "2020-01-09", "None"),
    ]
    # Kamala Harris the candidate is the tracker's Kamala Harris the endorser (one person, one node).
    assert garcia[0].candidate == "kamala-harris.ca"
    # Dropped from the tracker: closed between the snapshots, flagged, not withdrawn.
    hill = next(e for e in intervals if e.endorser == "katie-hill.ca")
    assert (hill.ended_by, str(hill.end)) == ("supersede", "2019-06-01..2020-03-27")
    assert "dropped from the FiveThirtyEight tracker" in hill.closed_by.note


def test_2020_on_a_second_race_with_colliding_names(write, bundled):
    old = write(
        "millbrook.snapshot-2030-01-31.csv",
        """
        date,position,city,state,endorser,endorsee,endorser party,source,order,category,body,district,points
        2030-01-05,mayor,Millbrook,XX,Kathryn A. Garcia,Jean Kim,D,https://example.org/kg-kim,,Mayors,,,3
        2030-01-06,senator,,XX,Eric Adams,Jean Kim,D,https://example.org/ea-kim,,Senators,,,6
        """,
    )
    new = write(
        "millbrook.csv",
        """
        date,position,city,state,endorser,endorsee,endorser party,source,order,category,body,district,points
        2030-02-10,mayor,Millbrook,XX,Kathryn Garcia,Dianne Morales,D,https://example.org/kg-morales,,Mayors,,,3
        """,
    )
    graph = eg.load([*api.sample_files(), old, new])
    registry = store.registry(graph)
    # The tracker's Kathryn Garcia is not the NYC sample's: two entities; the name keeps meaning
    # the one the entities file declares, the tracker's is reached by its key.
    assert registry["kathryn-garcia.xx"].name == registry["kathryn-garcia"].name == "Kathryn Garcia"
    assert eg.resolve(graph, "Kathryn Garcia").id == "kathryn-garcia"
    assert eg.resolve(graph, "kathryn-garcia.xx").titles[0].title == "mayor (Millbrook, XX)"
    mine = [e for e in store.endorsement_intervals(graph) if e.endorser == "kathryn-garcia.xx"]
    assert [(e.candidate, str(e.start), str(e.end), e.ended_by) for e in mine] == [
        ("jean-kim.us", "2030-01-05", "2030-02-10", "supersede"),
        ("dianne-morales.us", "2030-02-10", "None", None),
    ]
    # The NYC sample's own reports are untouched.
    assert eg.withdrawals(graph, candidate="scott-stringer") == eg.withdrawals(
        bundled, candidate="Scott Stringer"
    )


# --- 2022 primary project -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def primaries_2022():
    return eg.load([PRIMARIES])


def test_trump_has_190_dated_endorsements_and_nothing_invents_a_withdrawal(primaries_2022):
    graph = primaries_2022
    trump = [e for e in store.endorsement_intervals(graph) if e.endorser == "donald-trump"]
    assert len(trump) == 190 and all(e.start.exact for e in trump)
    assert eg.withdrawals(graph) == []
    oppose = [d for _, _, d in graph.edges(data=True) if d["action"] == "oppose"]
    assert sorted((d["fact"].target, str(d["span"])) for d in oppose) == [
        ("mike-marsicano.pennsylvania-representative-district-8-r-2022-05-17", "2022-05-03"),
        ("mo-brooks.alabama-senator-r-2022-05-24", "2022-03-23"),
    ]
    britt = next(e for e in trump if e.candidate.startswith("katie-britt."))
    assert (str(britt.start), britt.opened_by.note) == (
        "2022-06-10",
        "FiveThirtyEight: Trump Yes (runoff only)",
    )


def test_same_name_candidates_in_different_races_stay_different(primaries_2022):
    registry = store.registry(primaries_2022)
    assert {e.id for e in registry.find("Mark P. Meuser")} == {
        "mark-p-meuser.california-senator-r-2022-06-07",
        "mark-p-meuser.california-senator-unexpired-term-r-2022-06-07",
    }
    assert len(registry.find("John Schiess")) == 2
    # Party committees differ by party; undated PAC endorsements stay undated.
    committees = {e.name for e in registry if e.kind == "party" and e.name.endswith("committee")}
    assert committees == {"Republican Party committee", "Democratic Party committee"}
    emily = [e for e in store.endorsement_intervals(primaries_2022) if e.endorser == "emilys-list"]
    assert len(emily) == 65 and not any(e.start.known for e in emily)


def test_with_trumps_2021_endorsement_of_brooks_the_report_shows_the_withdrawal(write):
    facts = write("brooks.csv", BROOKS_2021)
    graph = eg.load([REP, facts])
    rows = eg.withdrawals(graph)
    assert [(r["date"], r["endorser"], r["candidate"], r["endorsed_on"]) for r in rows] == [
        ("2022-03-23", "Donald Trump", "Mo Brooks", "2021-04-07")
    ]
    assert rows[0]["sources"] == ["rep_candidates.csv:490 [FiveThirtyEight, CC BY 4.0]"]
    # The timeline shows the withdrawal too (the tracker's "No" that day, read with the 2021 fact).
    assert [
        (r["date"], r["action"]) for r in eg.timeline(graph, "Mo Brooks") if r["actor"] == "Donald Trump"
    ] == [
        ("2021-04-07", "endorse"),
        ("2022-03-23", "withdraw"),
    ]
    # Cypher on the pushed graph agrees with the report.
    session = EmbeddedSession()
    push(session, graph)
    query = named_queries()["who_withdrew_when"]
    cypher_rows = json.loads(json.dumps(session.read(query.text, query.bind({})), default=str))
    assert cypher_rows == cypher_columns(rows)


def test_2022_on_a_second_race_with_colliding_names(write, bundled):
    header = "Candidate,State,Primary Date,Office,District,Trump,Trump Date,Club for Growth,Party Committee"
    race = write(
        "rep_candidates.csv",
        f"""
        {header}
        Kathryn Garcia,Millbrook,5/3/30,Representative,4,Yes,2/1/30,N/A,Yes
        Jean Kim,Millbrook,5/3/30,Representative,4,No,3/1/30,Yes,No
        Jean Kim,Millbrook,5/3/30,Governor,N/A,N/A,N/A,No,N/A
        """,
    )
    events, entities = read_primaries(race)
    seat = "millbrook-representative-district-4-r-2030-05-03"
    assert [(e.actor, e.action, e.target, str(e.date)) for e in events] == [
        ("donald-trump", "endorse", f"kathryn-garcia.{seat}", "2030-02-01"),
        ("republican-party-committee", "endorse", f"kathryn-garcia.{seat}", "None"),
        ("donald-trump", "oppose", f"jean-kim.{seat}", "2030-03-01"),
        ("club-for-growth", "endorse", f"jean-kim.{seat}", "None"),
    ]
    graph = eg.load([*api.sample_files(), race])
    registry = store.registry(graph)
    assert [e.id for e in registry.find("Jean Kim")] == ["jean-kim"]  # the NYC sample's keeps the name
    assert len([e for e in registry if e.name == "Jean Kim"]) == 3  # and two races' Jean Kims
    # A name two tracker entities share, and nothing else declares, is an error that lists both.
    with pytest.raises(AmbiguousName, match="could mean 2 entities"):
        eg.resolve(eg.load([race, race2(write)]), "Ana Ruiz")
    assert eg.withdrawals(graph, candidate="scott-stringer") == eg.withdrawals(
        bundled, candidate="Scott Stringer"
    )
    assert [r["candidate"] for r in eg.withdrawals(graph) if r["endorser"] == "Donald Trump"] == []


def race2(write):
    return write(
        "dem_candidates.csv",
        """
        Candidate,State,Primary Date,Office,District,Sanders
        Ana Ruiz,Millbrook,5/3/30,Representative,4,Yes
        Ana Ruiz,Millbrook,5/3/30,Governor,N/A,No
        """,
    )


def test_bad_rows_name_file_line_and_problem(write):
    race = write(
        "rep_candidates.csv",
        """
        Candidate,State,Primary Date,Office,District,Trump,Trump Date
        Ana Garcia,Millbrook,5/3/30,Governor,N/A,Maybe,N/A
        Jean Kim,Millbrook,2030-05-03,Governor,N/A,N/A,N/A
        """,
    )
    with pytest.raises(InputError) as err:
        eg.load([race])
    assert err.value.problems == [
        f"{race}:2: Trump 'Maybe' is not Yes, No, N/A or '… (runoff only)'",
        f"{race}:3: Primary Date '2030-05-03' is not a date in the form M/D/YY",
    ]


def test_every_report_view_query_and_push_works_on_the_imported_data(write, tmp_path):
    from endorsegraph.cypher.push import dry_run_script
    from endorsegraph.outputs.chart import draw
    from endorsegraph.outputs.views import graph_view_html

    graph = eg.load([TRACKER, REP, write("brooks.csv", BROOKS_2021)])
    on = dt.date(2020, 1, 10)
    session = EmbeddedSession()
    push(session, graph)
    queries = named_queries()

    def cypher(name, **params):
        rows = session.read(queries[name].text, queries[name].bind(params))
        return json.loads(json.dumps(rows, default=str))

    assert cypher("endorsements_as_of", on=on, candidate="Joe Biden") == cypher_columns(
        eg.as_of(graph, on, "Joe Biden")
    )
    assert cypher("timeline", candidate="Mo Brooks") == cypher_columns(eg.timeline(graph, "Mo Brooks"))
    assert cypher("who_withdrew_when", candidate=None) == cypher_columns(eg.withdrawals(graph))
    biden = eg.as_of(graph, on, "Joe Biden")
    assert "Robert Garcia" in {r["endorser"] for r in biden}
    assert "Robert Garcia" not in {
        r["endorser"] for r in eg.as_of(graph, on - dt.timedelta(days=2), "Joe Biden")
    }
    html = graph_view_html(graph, candidate="Mo Brooks")
    assert "Mo Brooks" in html and "withdraw" in html
    assert draw(graph, ["Mo Brooks", "Katie Britt"], fmt="svg")
    assert "WITHDREW" in dry_run_script(graph) and "OPPOSED" in dry_run_script(graph)
    assert eg.entity_profile(graph, "Mo Brooks")["endorsements"][0]["ended_by"] == "withdraw"


def test_an_alias_line_naming_a_tracker_key_joins_it_to_a_known_entity(write):
    aliases = write("aliases.csv", "alias,entity\nandrew-cuomo.ny,andrew-cuomo\n")
    # The sample's entity tables name the NYC Andrew Cuomo (they apply only when given).
    joined = eg.load([*api.entity_tables(), aliases, TRACKER / "endorsements-2020.csv"])
    (cuomo,) = [
        e
        for e in store.endorsement_intervals(joined)
        if e.candidate == "joe-biden.us" and e.endorser.startswith("andrew-cuomo")
    ]
    assert cuomo.endorser == "andrew-cuomo"  # the NYC sample's Andrew Cuomo, now with his tracker title
    assert "governor (NY)" in [t.title for t in store.registry(joined)["andrew-cuomo"].titles]
    apart = eg.load([TRACKER / "endorsements-2020.csv"])
    assert {
        e.endorser for e in store.endorsement_intervals(apart) if e.endorser.startswith("andrew-cuomo")
    } == {"andrew-cuomo.ny"}
