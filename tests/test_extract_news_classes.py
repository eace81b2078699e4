"""Constructions of real web news met in the second news-shaped set (tests/articles_news2), one
test per class: long and plural titles, a party choosing its candidate, stand-by variants,
gendered pronouns, month-only dates, parties dropping candidates in other words, accusation and
denial variants, participial and listed endorsements, quoted fragments and first names.

Short articles of a 2026 Tamsin Falls county race written for the tests (a second race, not one
of the sets'), with names that collide with the bundled NYC 2021 sample's (another Garcia, another
Jean Kim), extracted with an empty registry: every name is met for the first time here."""

import endorsegraph as eg
from endorsegraph.graph.entities import Registry

HEADER = "date 2026-03-13\nrace 2026 Tamsin Falls county\n\n"  # a Friday


def extract(tmp_path, body: str):
    path = tmp_path / "article.txt"
    path.write_text(HEADER + body + "\n")
    ((_, extraction),) = eg.extract([path], registry=Registry())
    return extraction.events


def triples(tmp_path, body: str) -> set[tuple[str, str, str]]:
    return {(e.actor, e.action.value, e.target) for e in extract(tmp_path, body)}


def test_long_and_plural_titles_stay_titles(tmp_path):
    events = extract(
        tmp_path,
        "Tamsin County Sheriff Ray Oduya withdrew his endorsement of Commonwealth's Attorney Jean Kim on "
        "Thursday. Aldermen Rosa Garcia and Piet Lindqvist signed a letter urging Kim to resign.",
    )
    found = {(e.actor, e.action.value, e.target): e for e in events}
    assert set(found) == {
        ("Ray Oduya", "withdraw", "Jean Kim"),
        ("Rosa Garcia", "call_to_resign", "Jean Kim"),
        ("Piet Lindqvist", "call_to_resign", "Jean Kim"),
    }
    assert found[("Ray Oduya", "withdraw", "Jean Kim")].target_title == "Commonwealth's Attorney"


def test_new_begins_an_organisation_name(tmp_path):
    found = triples(tmp_path, "The New Commonwealth Party has dropped Jean Kim as its candidate.")
    assert found == {("New Commonwealth Party", "withdraw", "Jean Kim")}
