"""Stand-bys and denials as real news phrases them (issue 9): quoted fragments ("was "sticking with
Dante""), adverbs ("remains firmly behind"), "not abandoning", first-person confidence and support in
quotes, first names; denials of a deed ("denied writing the post"), of a characterisation, "called the
claim "desperate and false"", and a denial's target is the accuser even when no rule read the claim.
A second race (a Manitoba riding), with names that collide with the NYC sample's."""

from .extracting import triples_with

triples = triples_with("date 2024-03-22", sample=True)


def test_stand_by_forms(tmp_path):
    found = triples(
        tmp_path,
        "Rival candidate Nadia Okonjo accused Devin Garcia on Monday of lying on his papers. "
        'Brandon County Supervisor Ruth Halvorsen said she was "sticking with Devin." '
        'State Rep. Lorna Whitfield said Thursday she "remains firmly behind Devin." '
        "Councillor Jean Kim said Wednesday she was not abandoning him. "
        '"I have full confidence in Devin," said Mayor Tom Okafor.',
    )
    assert {a for a, action, t in found if action == "stand_by" and t == "Devin Garcia"} == {
        "Ruth Halvorsen", "Lorna Whitfield", "Jean Kim", "Tom Okafor",
    }  # fmt: skip


def test_has_my_support_stands_by_the_accused_and_endorses_others(tmp_path):
    found = triples(
        tmp_path,
        "Grace Liu accused Priya Menon on Tuesday of underpaying staff. Menon denied underpaying anyone. "
        '"Priya has my full support," Senator Kate Dwyer said. '
        'The Nationals candidate is Bronwyn Aitken. "Bronwyn has my backing," Senator Ann Cole said.',
    )
    assert ("Kate Dwyer", "stand_by", "Priya Menon") in found
    assert ("Ann Cole", "endorse", "Bronwyn Aitken") in found


def test_denials_name_the_accuser(tmp_path):
    found = triples(
        tmp_path,
        "The volunteer, Tessa Marchetti, told the paper on Monday that Desmond Achebe had pressured her to "
        "work unpaid. Achebe denied the account in a statement Tuesday. "
        "Rival candidate Nadia Okonjo accused Devin Garcia of lying on his papers. Garcia called the claim "
        '"desperate and false" on Wednesday. '
        "Elin Morgan accused Gethin Rowlands on Tuesday of contempt for voters. Mr Rowlands rejected Ms "
        "Morgan's characterisation. Ailsa Kerr accused Craig Munro of mocking voters. Munro denied writing "
        "the posts.",
    )
    assert {(a, t) for a, action, t in found if action == "deny"} == {
        ("Desmond Achebe", "Tessa Marchetti"),
        ("Devin Garcia", "Nadia Okonjo"),
        ("Gethin Rowlands", "Elin Morgan"),
        ("Craig Munro", "Ailsa Kerr"),
    }


def test_a_denial_with_no_accuser_named_makes_nothing(tmp_path):
    assert (
        triples(
            tmp_path,
            "A report found that council candidate Victor Alvarez had not paid his taxes. Alvarez "
            "denied owing anything.",
        )
        == set()
    )


def test_standing_by_the_nominee_is_standing_by_the_one_the_article_is_about(tmp_path):
    found = triples(
        tmp_path,
        "Luis Garcia, the Democratic nominee for the 68th District, was accused on Monday of harassment "
        "by a former organizer, Jean Kim. Rosa Pike, chair of the county party, said Wednesday she was "
        "standing by the nominee. Sen. Hal Brennan said Thursday that the nominee should withdraw.",
    )
    assert ("Rosa Pike", "stand_by", "Luis Garcia") in found
    assert ("Hal Brennan", "call_to_withdraw", "Luis Garcia") in found
    assert not {t for t in found if t[2] in ("Jean Kim", "Rosa Pike") and t[1] != "deny"}


def test_an_accuser_past_an_apposition_naming_someone_and_a_complete_fabrication(tmp_path):
    found = triples(
        tmp_path,
        "Both decisions followed an accusation by Luis Garcia, a Mesa restaurant owner and former Kim "
        "donor, who on March 4 filed a complaint accusing Jean Kim of using staff for fundraising. "
        'Kim called Garcia\'s account "a complete fabrication".',
    )
    assert {("Luis Garcia", "accuse", "Jean Kim"), ("Jean Kim", "deny", "Luis Garcia")} <= found


def test_a_complaint_made_by_someone_accuses_the_one_the_article_is_about(tmp_path):
    found = triples(
        tmp_path,
        "The Labour Party suspended its candidate Luis Garcia on Monday. The complaint was made by Jean "
        "Kim, who worked in Mr Garcia's constituency office until last spring.",
    )
    assert ("Jean Kim", "accuse", "Luis Garcia") in found


def test_told_the_paper_the_claims_were_a_beat_up_and_alleged_that_he_made(tmp_path):
    found = triples(
        tmp_path,
        "Rosa Garcia, who worked in Luis Kim's district office, alleged in a lawsuit filed Monday that he "
        "made repeated unwanted advances. Mr Kim told the Redcliffe Herald on Thursday that Ms Garcia's "
        'claims were "a beat-up".',
    )
    assert {("Rosa Garcia", "accuse", "Luis Kim"), ("Luis Kim", "deny", "Rosa Garcia")} <= found
