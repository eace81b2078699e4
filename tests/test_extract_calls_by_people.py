"""Calls made by people in news prose (issue 9, the fourth blind set's classes): a seat before an
MP in apposition ("Hamilton West MP, Lindsay Forbes, said"), a party officer calling in their own
name, a role noun for the candidate ("said that the nominee should withdraw"), and a "should"
that asks and does not report ("should withdraw from the race" is no exit).

Short articles of a 2026 Tamsin Falls race written for the tests, with names that collide with the
bundled NYC 2021 sample's (another Garcia, another Jean Kim), extracted with an empty registry."""

from .extracting import triples_with

triples = triples_with("date 2026-03-13")  # a Friday


ACCUSED = (
    "Jean Kim, the Labour candidate for Tamsin Falls, was accused on Monday by Rosa Garcia "
    "of bullying staff. "
)


def test_a_seat_in_apposition_before_the_mp_is_not_the_caller(tmp_path):
    found = triples(
        tmp_path, ACCUSED + "But National's Tamsin West MP, Lindsay Forbes, said Ms Kim should resign."
    )
    assert ("Lindsay Forbes", "call_to_resign", "Jean Kim") in found
    assert not {t for t in found if t[0] == "Tamsin West"}


def test_a_party_officer_calls_in_their_own_name(tmp_path):
    found = triples(
        tmp_path,
        ACCUSED + "The Tamsin Communist Party's district secretary, Sipho Garcia, went further, "
        "calling on Kim to withdraw as a candidate.",
    )
    assert ("Sipho Garcia", "call_to_withdraw", "Jean Kim") in found
    assert ("Tamsin Communist Party", "call_to_withdraw", "Jean Kim") not in found


def test_the_nominee_should_withdraw_is_a_call_and_no_exit(tmp_path):
    found = triples(
        tmp_path,
        ACCUSED + "State Sen. Harold Brennan (D-Tamsin), who had stayed neutral, said Thursday that the "
        "nominee should withdraw from the race so the party could rally behind a write-in effort.",
    )
    assert ("Harold Brennan", "call_to_withdraw", "Jean Kim") in found
    assert not {t for t in found if t[1] == "exit_race"}


def test_demanded_that_she_withdraw(tmp_path):
    found = triples(
        tmp_path,
        ACCUSED + "At a press conference the same day, Rosa Garcia demanded that she withdraw from the "
        "contest. Kim insisted that she would not withdraw.",
    )
    assert ("Rosa Garcia", "call_to_withdraw", "Jean Kim") in found
    assert not {t for t in found if t[1] == "call_to_withdraw" and t[0] != "Rosa Garcia"}
