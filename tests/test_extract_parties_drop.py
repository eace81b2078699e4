"""Parties dropping candidates in the fourth blind set's words (issue 9): a regional party name
("Scottish Labour", "New South Wales Labor"), a sitting member dropped, "its candidate for the seat
of X, cafe owner Y", "no longer has the support of the party" (a withdrawal, never an
endorsement), and a union saying "its endorsement was revoked". Short articles of a 2026 Tamsin
Falls race written for the tests, with names that collide with the bundled NYC 2021 sample's,
extracted with an empty registry."""

from .extracting import triples_with

triples = triples_with("date 2026-03-13")


def test_a_regional_party_drops_a_sitting_councillor(tmp_path):
    assert triples(
        tmp_path,
        "Scottish Labour has dropped sitting Govan councillor Jean Kim as one of its candidates for the "
        "council elections. New South Wales Labor disendorsed Luis Garcia on Friday.",
    ) == {("Scottish Labour", "withdraw", "Jean Kim"), ("New South Wales Labor", "withdraw", "Luis Garcia")}


def test_its_candidate_for_a_seat_then_a_described_name(tmp_path):
    assert triples(
        tmp_path,
        "The Liberal Party has disendorsed its candidate for the Geelong-based seat of Corio, cafe owner "
        "Tom Garcia, after documents emerged.",
    ) == {("Liberal Party", "withdraw", "Tom Garcia")}


def test_no_longer_has_the_support_of_is_a_withdrawal(tmp_path):
    assert triples(
        tmp_path,
        'A spokesperson confirmed last night that Jean Kim "no longer has the support of the Labour '
        'Party" and would not sit as a Labour MP if elected.',
    ) == {("Labour Party", "withdraw", "Jean Kim")}


def test_its_endorsement_was_revoked(tmp_path):
    assert triples(
        tmp_path,
        "Jean Kim, the Labour candidate, was accused by Rosa Garcia of bullying on Monday. The Tamsin Meat "
        "Workers Union, which endorsed Ms Kim in August, announced on Tuesday that its endorsement was "
        "revoked until the matter is resolved.",
    ) >= {("Tamsin Meat Workers Union", "withdraw", "Jean Kim")}
