"""Endorsement intervals: open, close, re-open, rank changes, implied ones, exits, as-of answers."""

import endorsegraph as eg
from endorsegraph import Status
from endorsegraph.graph import store

from .conftest import day


def _intervals(graph, endorser="a", candidate="b"):
    return [
        e for e in store.endorsement_intervals(graph) if (e.endorser, e.candidate) == (endorser, candidate)
    ]


def test_endorse_withdraw_reendorse_opens_a_new_interval(facts):
    graph = facts(
        """
        A,endorse,B,2021-01-10,,,
        A,endorse,B,2021-01-20,,,
        A,withdraw,B,2021-02-01,,,
        A,endorse,B,2021-03-01,,,
        """
    )
    first, second = _intervals(graph)
    assert (str(first.start), str(first.end), first.ended_by) == ("2021-01-10", "2021-02-01", "withdraw")
    assert len(first.reaffirmed_by) == 1  # endorsing again while open only adds a source
    assert (str(second.start), second.end, second.implied) == ("2021-03-01", None, False)
    statuses = [e.status_on(day("2021-02-15")) for e in (first, second)]
    assert statuses == [Status.NOT_IN_FORCE, Status.NOT_IN_FORCE]
    assert second.status_on(day("2021-03-01")) == Status.IN_FORCE


def test_changed_rank_closes_and_opens(facts):
    graph = facts(
        """
        A,endorse,B,2021-01-10,,,2
        A,endorse,B,2021-02-10,,,1
        A,withdraw,B,2021-03-01,,,
        """
    )
    old, new = _intervals(graph)
    assert (old.rank, str(old.end), old.ended_by) == (2, "2021-02-10", "rank_change")
    assert (new.rank, new.ended_by) == (1, "withdraw")
    (row,) = eg.withdrawals(graph)
    assert row["rank"] == 1  # a withdrawal carries the rank of the interval it closes
    assert row["endorsed_on"] == "2021-02-10"


def test_withdrawal_without_endorsement_implies_one(facts):
    graph = facts("A,withdraw,B,2021-02-01,,,")
    (e,) = _intervals(graph)
    assert e.implied and str(e.start) == "by 2021-01-31" and e.ended_by == "withdraw"
    assert e.status_on(day("2021-01-01")) == Status.UNCERTAIN
    assert e.status_on(day("2021-02-01")) == Status.NOT_IN_FORCE
    (row,) = eg.withdrawals(graph)
    assert row["implied"] is True and row["endorsed_not_after"] == "2021-01-31"


def test_stand_by_without_endorsement_implies_one_in_force_that_day(facts):
    graph = facts("A,stand_by,B,2021-02-01,,,")
    (e,) = _intervals(graph)
    assert e.implied and e.end is None
    assert e.status_on(day("2021-02-01")) == Status.IN_FORCE
    assert e.status_on(day("2021-01-31")) == Status.UNCERTAIN


def test_an_article_reporting_an_earlier_endorsement_does_not_reopen_it(facts):
    """'had endorsed (by 04-30)' and 'withdrew on 04-30' overlap: the endorsement came first."""
    graph = facts(
        """
        A,withdraw,B,2021-04-30,,,
        A,endorse,B,,,2021-04-30,
        """
    )
    (e,) = _intervals(graph)
    assert not e.implied and e.ended_by == "withdraw"


def test_exit_race_ends_endorsements_without_withdrawals(facts):
    graph = facts(
        """
        A,endorse,B,2021-01-10,,,
        C,endorse,B,2021-01-10,,,
        C,withdraw,B,2021-02-10,,,
        B,exit_race,Some race,2021-03-01,,,
        """
    )
    (a,) = _intervals(graph)
    assert (a.ended_by, str(a.end)) == ("exit_race", "2021-03-01")
    assert [r["endorser"] for r in eg.withdrawals(graph)] == ["C"]
    assert store.registry(graph).resolve("Some race").kind == "race"


def test_supersede_closes_but_is_not_a_withdrawal(facts):
    graph = facts(
        """
        A,endorse,B,2021-01-10,,,
        A,supersede,B,2021-02-01,,,
        A,endorse,C,2021-02-01,,,
        """
    )
    (e,) = _intervals(graph)
    assert e.ended_by == "supersede" and e.status_on(day("2021-02-01")) == Status.NOT_IN_FORCE
    assert eg.withdrawals(graph) == []


def test_three_as_of_answers(facts):
    graph = facts(
        """
        A,endorse,B,2021-01-10,,,
        A,withdraw,B,,2021-02-01,2021-02-05,
        """
    )
    (e,) = _intervals(graph)
    assert e.status_on(day("2021-01-09")) == Status.NOT_IN_FORCE  # certainly started after
    assert e.status_on(day("2021-01-10")) == Status.IN_FORCE
    assert e.status_on(day("2021-01-31")) == Status.IN_FORCE
    assert e.status_on(day("2021-02-01")) == Status.UNCERTAIN  # may have ended that day
    assert e.status_on(day("2021-02-04")) == Status.UNCERTAIN
    assert e.status_on(day("2021-02-05")) == Status.NOT_IN_FORCE  # certainly ended by then


def test_graph_edges_carry_validity_and_provenance(bundled):
    edges = bundled.get_edge_data("working-families-party", "scott-stringer")
    endorse = [d for d in edges.values() if d["action"] == "endorse"]
    withdraw = [d for d in edges.values() if d["action"] == "withdraw"]
    assert len(endorse) == 1 and len(withdraw) == 1
    assert str(endorse[0]["valid_from"]) == "2021-04-13"
    assert str(endorse[0]["valid_to"]) == "2021-04-30"
    assert "qns-2021-04-wfp-endorsement" in endorse[0]["sources"]
    assert withdraw[0]["rank"] == 1


def test_graph_as_of_view(bundled):
    view = eg.graph_as_of(bundled, day("2021-05-02"))
    endorse = {(u, v) for u, v, d in view.edges(data=True) if d["action"] == "endorse"}
    assert ("working-families-party", "dianne-morales") in endorse
    assert ("working-families-party", "scott-stringer") not in endorse
    assert ("teamsters-local-237", "scott-stringer") not in endorse  # endorsed 05-03
