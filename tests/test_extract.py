"""The article extractor: behaviours on short texts, and its scores on the seeds and our articles."""

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.api import entity_registry
from endorsegraph.cli import cli
from endorsegraph.graph import store
from endorsegraph.loaders.evaluate import read_gold, score

HERE = Path(__file__).parent
# The sample's entities file and alias table, without its facts.
TABLES = [eg.bundled_dataset() / "entities.yaml", eg.bundled_dataset() / "aliases.csv"]


def events_of(tmp_path, text: str, published: str | None = "2021-04-30"):
    path = tmp_path / "article.txt"
    path.write_text((f" date {published} " if published else "") + text)
    ((_, extraction),) = eg.extract([path], registry=entity_registry(["sample"]))
    return extraction


def triples(extraction):
    return {(e.actor, e.action.value, e.target) for e in extraction.events}


def run_eval(gold: Path, folder: Path):
    registry = entity_registry()
    results = eg.extract([folder], registry=registry)
    return score(
        read_gold(gold),
        [e for _, x in results for e in x.events],
        registry,
        [a.id for a, _ in results],
        [a.id for a, _ in results if a.published is None],
    )


def test_seed_scores(shared):
    report = run_eval(shared / "eval" / "seed_events.jsonl", shared / "seeds")
    assert report["overall"]["f1"] >= 0.9, report["misses"] + report["false_positives"]
    assert report["dates"]["correct"] == report["dates"]["dated_gold_matched"] == 12, report["dates"]
    assert report["invented_dates"] == []  # the undated seed article gets no date


def test_own_article_scores():
    report = run_eval(HERE / "articles" / "gold.jsonl", HERE / "articles")
    assert report["articles"] == 12 and report["gold_events"] == 55
    assert report["overall"]["precision"] >= 0.95 and report["overall"]["f1"] >= 0.95, report["overall"]
    assert report["dates"]["accuracy"] >= 0.8


def test_second_article_set_scores():
    report = run_eval(HERE / "articles_blind" / "gold.jsonl", HERE / "articles_blind")
    assert report["articles"] == 6 and report["gold_events"] == 24
    assert report["overall"]["precision"] >= 0.95 and report["overall"]["f1"] >= 0.9, report["overall"]


def test_web_news_sets_score():
    """Fifteen blind web-news articles from four countries (first reading F1 0.27) and the news-shaped
    development set (first reading F1 0.39): no date invented on their undated articles."""
    blind = run_eval(HERE / "articles_blind2" / "gold.jsonl", HERE / "articles_blind2")
    assert blind["gold_events"] == 103
    assert blind["overall"]["precision"] >= 0.95 and blind["overall"]["f1"] >= 0.89, blind["overall"]
    news = run_eval(HERE / "articles_news" / "gold.jsonl", HERE / "articles_news")
    assert news["gold_events"] == 100
    assert news["overall"]["precision"] >= 0.95 and news["overall"]["f1"] >= 0.87, news["overall"]
    assert blind["invented_dates"] == news["invented_dates"] == []


def test_second_news_set_scores():
    """Thirteen news-shaped articles from seven countries written after a second round of reading real
    news (first reading F1 0.69): parties choosing and dropping candidates, relative clauses, long
    titles, gendered pronouns, stand-by, accusation and denial variants."""
    news2 = run_eval(HERE / "articles_news2" / "gold.jsonl", HERE / "articles_news2")
    assert news2["articles"] == 13 and news2["gold_events"] == 94 and news2["invented_dates"] == []
    assert news2["overall"]["precision"] >= 0.95 and news2["overall"]["f1"] >= 0.91, news2["overall"]


def test_holdout_set_scores():
    """Twelve articles kept out of the repository while the rules changed (first reading F1 0.32):
    precision is what a reporter relies on, so it is held highest."""
    holdout = run_eval(HERE / "articles_holdout" / "gold.jsonl", HERE / "articles_holdout")
    assert holdout["gold_events"] == 80 and holdout["invented_dates"] == []
    assert holdout["overall"]["precision"] >= 0.94 and holdout["overall"]["f1"] >= 0.8, holdout["overall"]


def test_second_and_third_holdout_sets_score():
    """Two more sets written blind to the rules (README of each: first readings F1 0.47 and 0.65).
    The third is the one no rule was chosen from; its floor is the honest estimate on new races."""
    second = run_eval(HERE / "articles_holdout2" / "gold.jsonl", HERE / "articles_holdout2")
    assert second["articles"] == 13 and second["gold_events"] == 90 and second["invented_dates"] == []
    assert second["overall"]["precision"] >= 0.92 and second["overall"]["f1"] >= 0.86, second["overall"]
    third = run_eval(HERE / "articles_holdout3" / "gold.jsonl", HERE / "articles_holdout3")
    assert third["articles"] == 12 and third["gold_events"] == 79 and third["invented_dates"] == []
    assert third["overall"]["precision"] >= 0.87 and third["overall"]["f1"] >= 0.74, third["overall"]


def test_fourth_holdout_set_scores():
    """Written blind in the third round (README: first reading F1 0.61, precision 0.67, after a
    crash on one article was fixed), then the development set of that round's rules."""
    fourth = run_eval(HERE / "articles_holdout4" / "gold.jsonl", HERE / "articles_holdout4")
    assert fourth["articles"] == 12 and fourth["gold_events"] == 86 and fourth["invented_dates"] == []
    assert fourth["overall"]["precision"] >= 0.95 and fourth["overall"]["f1"] >= 0.92, fourth["overall"]


def test_the_extractor_knows_only_the_entity_tables(shared):
    """Scoring must never see the curated events of the articles it scores."""
    registry = entity_registry()
    bundled = eg.load()
    assert len(registry) < len(store.registry(bundled))  # no names from the facts files
    results = eg.extract([shared / "seeds"], registry=registry)
    for article, extraction in results:
        for event in extraction.events:
            assert event.source.id == article.id
            assert article.text[event.start : event.end].strip() == event.evidence


def test_negations_produce_nothing(tmp_path):
    text = (
        "State Senator Kevin Marsh did not call for Governor Ellen Park to resign on Tuesday. "
        "Marsh declined to endorse Anthony Gill and said he had no plans to withdraw his endorsement "
        "of Park. "
        "Gill has not accused Park of anything, and he will not ask her to step down."
    )
    assert triples(events_of(tmp_path, text)) == set()


def test_coordinated_subjects_titles_and_ranks(tmp_path):
    extraction = events_of(
        tmp_path,
        "State Senators Jabari Brisport and Jessica Ramos have both withdrawn their endorsements of "
        "Scott Stringer. Brisport, who had previously endorsed Stringer as his second pick, revoked "
        "his backing.",
    )
    by_actor = {(e.actor, e.action.value): e for e in extraction.events}
    assert {
        ("Jabari Brisport", "withdraw"),
        ("Jessica Ramos", "withdraw"),
        ("Jabari Brisport", "endorse"),
    } <= set(by_actor)
    assert by_actor[("Jabari Brisport", "endorse")].rank == 2
    assert by_actor[("Jessica Ramos", "withdraw")].actor_title == "State Senator"
    assert by_actor[("Jabari Brisport", "withdraw")].actor_title == "State Senator"


def test_pronouns_descriptions_and_quotes(tmp_path):
    text = (
        "Council Member Ana Ruiz endorsed Brian Ocasio in March. "
        "On Thursday she rescinded her endorsement.\n\n"
        "The Metro Nurses Union said it would stand by Ocasio.\n\n"
        '"Brian Ocasio should step aside," said Rep. Bill Tan on Wednesday.'
    )
    extraction = events_of(tmp_path, text)
    assert triples(extraction) == {
        ("Ana Ruiz", "endorse", "Brian Ocasio"),
        ("Ana Ruiz", "withdraw", "Brian Ocasio"),
        ("Metro Nurses Union", "stand_by", "Brian Ocasio"),
        ("Bill Tan", "call_to_withdraw", "Brian Ocasio"),
    }
    dates = {e.action.value: e.date for e in extraction.events}
    assert dates["withdraw"] == dt.date(2021, 4, 29) and dates["call_to_withdraw"] == dt.date(2021, 4, 28)


def test_reported_action_and_the_group(tmp_path):
    text = (
        "Scott Stringer has lost the support of another union, UFCW Local 1500. "
        "Politico reported that the group was withdrawing its support for Stringer."
    )
    assert triples(events_of(tmp_path, text)) == {("UFCW Local 1500", "withdraw", "Scott Stringer")}


def test_ambiguous_short_name_is_reported_not_guessed(tmp_path):
    text = (
        "Maria Lopez and Carlos Lopez both endorsed Dan Whitaker last year. "
        "On Thursday, Lopez withdrew her endorsement of Whitaker."
    )
    extraction = events_of(tmp_path, text)
    assert ("Maria Lopez", "withdraw", "Dan Whitaker") not in triples(extraction)
    assert ("Carlos Lopez", "withdraw", "Dan Whitaker") not in triples(extraction)
    assert any("'Lopez' could mean Carlos Lopez, Maria Lopez" in note for note in extraction.unresolved)


def test_counted_actors_named_in_the_next_sentence(tmp_path):
    text = (
        "Three council members on Monday pulled their endorsements of Brian Ocasio.\n\n"
        "Council Members Ana Ruiz, Derek Holt and Mei Chen said the allegations were credible.\n\n"
        "Two other members stayed silent."
    )
    extraction = events_of(tmp_path, text)
    assert triples(extraction) == {
        ("Ana Ruiz", "withdraw", "Brian Ocasio"),
        ("Derek Holt", "withdraw", "Brian Ocasio"),
        ("Mei Chen", "withdraw", "Brian Ocasio"),
    }
    assert {e.date for e in extraction.events} == {dt.date(2021, 4, 26)}  # the Monday of the lede
    unnamed = events_of(
        tmp_path, "Three council members on Monday pulled their endorsements of Brian Ocasio."
    )
    assert unnamed.events == []  # never attributed to nobody


def test_a_dated_statement_dates_the_actors_undated_event(tmp_path):
    text = (
        "The New York Working Families Party has withdrawn its endorsement of Scott Stringer "
        "after he was accused earlier this week.\n\n"
        "The Working Families Party issued a statement late on Friday afternoon explaining its decision."
    )
    (event,) = events_of(tmp_path, text).events
    assert (event.actor, event.date, event.date_text) == (
        "Working Families Party",
        dt.date(2021, 4, 30),
        "late on Friday afternoon",
    )


def test_withdrawals_from_the_seed_articles(shared):
    rows = eg.withdrawals(eg.load([*TABLES, shared / "seeds"]), candidate="Scott Stringer")
    assert {r["endorser"] for r in rows} == {
        "Working Families Party",
        "UFCW Local 1500",
        "Jabari Brisport",
        "Jessica Ramos",
    }
    assert next(r for r in rows if r["endorser"] == "Working Families Party")["date"] == "2021-04-30"


def test_extract_command_writes_events_that_load_back(tmp_path, shared):
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(cli, ["extract", "--source", "sample", str(shared / "seeds"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert {"evidence", "start", "end", "article", "date_text"} <= set().union(*records)
    assert "24 events from 3 articles" in result.stderr
    reloaded = eg.load([*TABLES, out])
    extracted = eg.load([*TABLES, shared / "seeds"])
    assert [f.id for f in store.event_log(reloaded)] == [f.id for f in store.event_log(extracted)]


def test_eval_command(shared):
    runner = CliRunner()
    args = ["eval", "--source", "sample", "--gold", str(shared / "eval" / "seed_events.jsonl")]
    args.append(str(shared / "seeds"))
    report = json.loads(runner.invoke(cli, [*args, "--json"]).stdout)
    assert set(report["per_action"]) >= {"endorse", "withdraw", "accuse", "call_to_withdraw"}
    assert {"precision", "recall", "f1"} <= set(report["overall"])
    table = runner.invoke(cli, args).stdout
    assert "date accuracy on dated gold events: 12/12" in table


def test_every_rule_hint_passes_the_paragraph_filter():
    """Paragraphs without an action word skip the rules: the filter must admit every rule's words."""
    from endorsegraph.loaders.extract import _eventful
    from endorsegraph.loaders.rules import HINTS

    # "'s" and "den" are parts of the claims and deny words the filter holds whole
    assert [h for h in HINTS if h not in ("'s", "den") and not _eventful(h)] == []


@pytest.mark.parametrize("word", ["denied", "denies", "deny", "denying", "ended his campaign"])
def test_action_words_pass_the_paragraph_filter(word):
    from endorsegraph.loaders.extract import _eventful

    assert _eventful(f"he {word} it")
    assert not _eventful("polls showed a tight race in the northern districts.")


def test_fifth_and_sixth_holdout_sets_score():
    """Written blind in the fourth round (READMEs: first readings F1 0.649 and 0.591 at 3064ce5),
    then development sets of that round's rules beside real news read locally (never committed)."""
    sixth = run_eval(HERE / "articles_holdout6" / "gold.jsonl", HERE / "articles_holdout6")
    assert sixth["articles"] == 12 and sixth["gold_events"] == 114 and sixth["invented_dates"] == []
    assert sixth["overall"]["precision"] >= 0.93 and sixth["overall"]["f1"] >= 0.77, sixth["overall"]
    fifth = run_eval(HERE / "articles_holdout5" / "gold.jsonl", HERE / "articles_holdout5")
    assert fifth["articles"] == 13 and fifth["gold_events"] == 162 and fifth["invented_dates"] == []
    assert fifth["overall"]["precision"] >= 0.88 and fifth["overall"]["f1"] >= 0.69, fifth["overall"]
