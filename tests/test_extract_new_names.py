"""Names the tables do not know: people and organisations first met in an article of another race.

A Reno race written for the tests, with names that collide with the bundled NYC 2021 sample's: another
Garcia (Maria, not Kathryn) and another Jean Kim. Events come out with full names and titles kept as
titles, and never take a bundled entity's name because a surname matches; with the bundled tables
and without them (a registry of this race only, as issue 10 scopes the tables per race)."""

import datetime as dt

import pytest

import endorsegraph as eg
from endorsegraph.api import entity_registry
from endorsegraph.graph.entities import Registry

ARTICLE = """date 2024-05-10
url https://example.org/reno-garcia
race 2024 Reno mayor

Reno mayoral race: Ruiz backs Garcia, trades council stands by her

By Pat Mora, Staff Writer

RENO, Nev. (AP) - Sen. Ana Ruiz of Nevada endorsed Maria Garcia for mayor on Monday, days after the Nevada \
Building Trades Council (NBTC) said it would review its own endorsement.

Maria Garcia at a forum in Sparks on May 2. (Photo: Lou Park/Reno Ledger)

Jean Kim, a Washoe County school board trustee, accused Garcia of misusing campaign funds on Tuesday. \
Garcia denied Kim's allegations the same day.

The NBTC said Wednesday it stands by Garcia.

Rep. Dale Ortiz (R-Texas) called on Garcia to drop out of the race on Thursday.

Assemblymember Rosa Lind, Ortiz's former aide, said Garcia should resign from the school board.

I was proud to endorse her and I still stand by Maria Garcia. Voters will decide.
- Ana Ruiz (@SenAnaRuiz) May 9, 2024
"""


@pytest.fixture(params=["bundled tables", "this race only"])
def extraction(request, tmp_path):
    path = tmp_path / "reno.txt"
    path.write_text(ARTICLE)
    registry = entity_registry() if request.param == "bundled tables" else Registry()
    ((_, result),) = eg.extract([path], registry=registry)
    return result


def _events(extraction):
    return {(e.actor, e.action.value, e.target): e for e in extraction.events}


def test_full_names_and_titles(extraction):
    events = _events(extraction)
    endorse = events[("Ana Ruiz", "endorse", "Maria Garcia")]
    assert endorse.actor_title == "Sen." and endorse.date == dt.date(2024, 5, 6)
    call = events[("Dale Ortiz", "call_to_withdraw", "Maria Garcia")]
    assert call.actor_title == "Rep." and call.date == dt.date(2024, 5, 9)
    assert ("Rosa Lind", "call_to_resign", "Maria Garcia") in events
    assert events[("Rosa Lind", "call_to_resign", "Maria Garcia")].actor_title == "Assemblymember"


def test_a_different_jean_kim_and_a_different_garcia(extraction):
    events = _events(extraction)
    assert events[("Jean Kim", "accuse", "Maria Garcia")].date == dt.date(2024, 5, 7)
    assert ("Maria Garcia", "deny", "Jean Kim") in events
    named = {name for key in events for name in (key[0], key[2])}
    assert "Kathryn Garcia" not in named  # the NYC candidate of the bundled sample


def test_acronym_defined_in_the_text_names_the_organisation(extraction):
    events = _events(extraction)
    assert events[("Nevada Building Trades Council", "stand_by", "Maria Garcia")].date == dt.date(2024, 5, 8)


def test_bylines_and_photo_credits_name_nobody(extraction):
    named = {name for e in extraction.events for name in (e.actor, e.target)}
    assert not named & {"Pat Mora", "Lou Park"}


def test_embedded_post_speaks_for_its_author_on_its_day(extraction):
    (stand,) = [e for e in extraction.events if e.action.value == "stand_by" and e.actor == "Ana Ruiz"]
    assert stand.target == "Maria Garcia" and stand.date == dt.date(2024, 5, 9)
