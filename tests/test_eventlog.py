"""One fact, many sources: merging, idempotency and conflicts."""

import endorsegraph as eg
from endorsegraph.graph import store


def _facts(graph, actor, action, target):
    return [
        f for f in store.event_log(graph) if (f.actor, f.action.value, f.target) == (actor, action, target)
    ]


def test_jean_kim_accusation_is_one_event_with_all_its_sources(bundled):
    (fact,) = _facts(bundled, "jean-kim", "accuse", "scott-stringer")
    assert str(fact.span) == "2021-04-27"  # the most precise of the compatible dates
    assert fact.source_ids == [
        "nyc2021-reference",
        "000_854f7cb433003545.txt",
        "001_1c178abdee64c5d4.txt",
        "002_276cec56a5a2cbcf.txt",
    ]
    assert len(fact.evidence) == 3 and not fact.conflicts


def test_bounded_reports_narrow_each_other(bundled):
    (brisport,) = _facts(bundled, "jabari-brisport", "endorse", "scott-stringer")
    assert (brisport.rank, str(brisport.span)) == (2, "by 2021-04-28")
    (wfp,) = _facts(bundled, "working-families-party", "endorse", "scott-stringer")
    assert (wfp.rank, str(wfp.span)) == (1, "2021-04-13")  # the article gave no rank
    assert len(wfp.sources) == 2


def test_incompatible_dates_are_one_fact_with_its_conflicts(facts):
    graph = facts(
        """
        Jean Kim,accuse,Scott Stringer,2021-04-27,,,
        Jean Kim,accuse,Scott Stringer,2021-04-29,,,
        Jean Kim,accuse,Scott Stringer,,2021-04-26,2021-04-28,
        """
    )
    (accusation,) = _facts(graph, "jean-kim", "accuse", "scott-stringer")
    assert str(accusation.span) == "2021-04-27..2021-04-29"  # one statement, every claim inside
    assert accusation.conflicts == ["2021-04-27 (facts.csv)", "2021-04-29 (facts.csv)"]
    assert len(accusation.reports) == 3


def test_a_closing_event_between_two_endorsements_keeps_them_apart(facts):
    graph = facts(
        """
        A,endorse,B,2021-01-01,,,
        A,withdraw,B,2021-02-01,,,
        A,endorse,B,,2021-03-01,2021-03-31,
        A,endorse,B,,,,
        """
    )
    endorse = _facts(graph, "a", "endorse", "b")
    assert [str(f.span) for f in endorse] == ["2021-01-01", "2021-03-01..2021-03-31"]
    assert not any(f.conflicts for f in endorse)


def test_different_ranks_or_groups_are_different_facts(facts):
    graph = facts(
        """
        A,endorse,B,2021-01-01,,,1
        A,endorse,B,2021-01-01,,,2
        """
    )
    assert [f.rank for f in _facts(graph, "a", "endorse", "b")] == [1, 2]


def test_fact_ids_are_stable_across_loads():
    assert [f.id for f in store.event_log(eg.load())] == [f.id for f in store.event_log(eg.load())]


def test_two_bounded_reports_narrow_to_their_intersection(tmp_path):
    # One endorsement in a race of the tests' own, bounded differently by two sources.
    facts = tmp_path / "facts.csv"
    facts.write_text(
        "actor,action,target,not_before,not_after,source_id\n"
        "Rosa Garcia,endorse,Jean Kim,2021-04-20,2021-04-28,harbor-tribune\n"
        "Rosa Garcia,endorse,Jean Kim,2021-04-22,,bay-ledger\n"
    )
    graph = eg.load([facts])
    (fact,) = [f for f in store.event_log(graph) if f.action.value == "endorse"]
    assert str(fact.span) == "2021-04-22..2021-04-28"
    assert fact.source_ids == ["harbor-tribune", "bay-ledger"] and not fact.conflicts
