"""Precision traps of real news (issue 9): withdrawing one's own nomination leaves a contest and
withdraws no endorsement; a party's nominee, not the party, is who "announced his support for X Party
(XP) nominee Y" supports. A second race (Pune and Hamilton), with names that collide with the NYC
sample's."""

from .extracting import triples_with

triples = triples_with("date 2024-10-30", sample=True)


def test_withdrawing_ones_own_nomination_withdraws_no_endorsement(tmp_path):
    found = triples(
        tmp_path,
        "Hamilton farmer Craig Garcia told party members on Monday that he was withdrawing his nomination, "
        "leaving teacher Aroha Ngata as the only contender. The Waikato Farmers Union withdrew its "
        "nomination of Craig Garcia the same day.",
    )
    assert found == {("Waikato Farmers Union", "withdraw", "Craig Garcia")}


def test_a_parties_nominee_is_the_target(tmp_path):
    assert triples(
        tmp_path,
        "Meanwhile, the NCP's candidate Anand Jadhav withdrew from the contest on Tuesday and announced his "
        "support for Indian National Congress (INC) nominee Jean Kim.",
    ) == {("Anand Jadhav", "endorse", "Jean Kim")}


def test_a_retraction_after_whose_endorsed_her_names_her(tmp_path):
    # Once an unresolved pronoun reached the event as a missing target and the whole load crashed.
    found = triples(
        tmp_path,
        "Jean Kim, a Democrat running in the 9th district, was accused on Monday of padding her resume. "
        "The Valley Courier, whose editorial board endorsed her on Sept. 2, published an editorial Friday "
        "saying it was retracting its recommendation.",
    )
    assert ("Valley Courier", "withdraw", "Jean Kim") in found
    assert all(None not in triple for triple in found)


def test_questions_claims_and_bylines_make_no_events(tmp_path):
    found = triples(
        tmp_path,
        "Ward 18 race turns nasty\n\nBy Cathy Oduya\nCity Hall Reporter\n\n"
        "Councillor Peter Lisowski accused Jean Kim on Tuesday of lying about where she lives. "
        "Kim called the claim a smear. Local president Tony Garcia said the union was sticking with her "
        "and that Lisowski's accusation changes nothing. Asked whether he would call on Kim to drop out, "
        "Lisowski said he was not asking her to do anything. The Tamsin Labour Party dropped Rob Lee, "
        "its Ward 3 candidate, in a row over claims he misused funds.",
    )
    assert ("Jean Kim", "deny", "Peter Lisowski") in found
    assert ("Tamsin Labour Party", "withdraw", "Rob Lee") in found
    assert not {t for t in found if t[1] == "call_to_withdraw" or "Tony Garcia" in t[2] or "Reporter" in t[2]}
    assert not {t for t in found if t[1] == "accuse" and t != ("Peter Lisowski", "accuse", "Jean Kim")}


def test_a_question_ends_at_its_comma_and_a_verb_after_the_candidate_is_no_apposition(tmp_path):
    found = triples(
        tmp_path,
        "By Jo Smith\nMayor Ann Lee endorses Tom Hale for council\n\n"
        "The Tamsin Nurses Union, which had debated for weeks whether to stay neutral, endorsed Jean Kim "
        "on Monday. The Valley Greens endorsed the Green candidate, calling Luis Garcia a divisive figure.",
    )
    assert ("Tamsin Nurses Union", "endorse", "Jean Kim") in found
    assert ("Ann Lee", "endorse", "Tom Hale") in found
    assert ("Valley Greens", "endorse", "Luis Garcia") not in found
