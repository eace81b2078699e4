"""The extractor's parts, each alone: coreference, clauses, rule matching, role assignment and dates.

On a second race written for these tests (the Harlow Falls school board, March 2024) whose names
collide with the NYC sample's: another Garcia (Marisol), another Jean Kim, and a Daniel Kim.
"""

import datetime as dt
from pathlib import Path

from endorsegraph.loaders.articles import Article
from endorsegraph.loaders.clauses import Sentence
from endorsegraph.loaders.coreference import State, resolve, sentence_mentions
from endorsegraph.loaders.datetext import find_dates
from endorsegraph.loaders.dating import date_events
from endorsegraph.loaders.matching import Matcher
from endorsegraph.loaders.mentions import fold, proper_names
from endorsegraph.loaders.roles import assign, sentence_rank
from endorsegraph.loaders.sentences import Reading, SentenceContext

PUBLISHED = dt.date(2024, 3, 8)  # a Friday


def read(*sentences: str):
    """Read the sentences of one article in order (each starting after the previous one), with
    only the proper-name rules: no entities table at all. Returns the Reading and the contexts."""
    text = " ".join(sentences)
    article = Article("harlow.txt", Path("harlow.txt"), text, 0, PUBLISHED)
    folded = fold(text)
    reading = Reading(article, folded)
    contexts, start, quote_open = [], 0, False
    for number, sentence in enumerate(sentences):
        end = start + len(sentence)
        names = proper_names(folded[start:end], [])
        for m in names:
            m.start, m.end = m.start + start, m.end + start
        context = SentenceContext.read(reading, Sentence(start, end, number), number, names, quote_open)
        contexts.append(context)
        quote_open = context.quote_open_at_end
        context.finish([])
        start = end + 1
    return reading, contexts


# --- coreference
def test_a_surname_means_the_full_name_this_article_gave():
    reading, (_, second) = read("Marisol Garcia endorsed Jean Kim on Tuesday.", "Garcia praised Kim.")
    shorts = [(m.text, m.name) for m in second.clause.mentions if m.kind == "short"]
    assert shorts == [("Garcia", "Marisol Garcia"), ("Kim", "Jean Kim")]  # never Kathryn Garcia
    assert reading.unresolved == []


def test_a_surname_two_people_share_stays_unresolved():
    reading, (_, second) = read("Jean Kim and Daniel Kim both filed.", "Kim endorsed Marisol Garcia.")
    kim = next(m for m in second.clause.mentions if m.text == "Kim")
    assert kim.name is None and kim.note == "ambiguous"
    assert reading.unresolved == ["harlow.txt:36: 'Kim' could mean Daniel Kim, Jean Kim: left unresolved"]
    assert second.events() == [] and second.explanation() == ("ambiguous name", None)


def test_a_pronoun_resolves_to_the_last_subject():
    reading, (_, second) = read("Marisol Garcia spoke on Monday.", "She endorsed Jean Kim.")
    clause = second.clause
    she = next(i for i, m in enumerate(clause.mentions) if m.kind == "pronoun")
    assert resolve(clause, reading.state, she, role="subject") == "Marisol Garcia"


def test_sentence_mentions_alone_find_descriptions_and_titles():
    text = "Trustee Garcia backed the union."
    state = State(surnames={"Garcia": {"Marisol Garcia"}}, orgs=[("Harlow Teachers Union", "union")])
    unresolved: list[str] = []
    mentions = sentence_mentions(fold(text), 0, len(text), [], state, unresolved, "harlow.txt")
    assert [(m.text, m.name, m.title) for m in mentions] == [
        ("Garcia", "Marisol Garcia", "Trustee"),
        ("the union", "Harlow Teachers Union", None),
    ]


# --- clauses
def test_a_clause_shape_puts_placeholders_and_quotes():
    _, (context,) = read('"Jean Kim must step aside," said Marisol Garcia.')
    clause = context.clause
    assert clause.shape == '"⟦0⟧ must step aside," said ⟦1⟧.'
    assert clause.in_quote(clause.mention_at[0]) and not clause.in_quote(clause.mention_at[1])
    assert context.speaker == "Marisol Garcia"


# --- matching: which rules fire where, and what blocks them
def test_the_matcher_names_the_rule_and_the_block():
    _, (said, declined) = read(
        "Marisol Garcia withdrew her endorsement of Jean Kim.", "Daniel Kim declined to endorse Jean Kim."
    )
    matcher = Matcher(said.reading.rules)
    hits = list(matcher.hits(said.clause.shape, said.clause.in_quote))
    assert [(h.rule.name, h.blocked) for h in hits] == [("withdraw", None)]
    blocked = [
        (h.rule.name, h.blocked) for h in matcher.hits(declined.clause.shape, declined.clause.in_quote)
    ]
    assert blocked == [("endorse", "negation")]


def test_a_released_hit_frees_its_words_for_later_rules():
    """A call claims "withdraw from the race": the exit rule reads it only when the call made nothing."""
    _, (context,) = read("Marisol Garcia called on Jean Kim to withdraw from the race.")
    matcher = Matcher(context.reading.rules)
    kept = [h.rule.name for h in matcher.hits(context.clause.shape, context.clause.in_quote)]
    released = []
    for hit in matcher.hits(context.clause.shape, context.clause.in_quote):
        released.append(hit.rule.name)
        hit.release()
    assert kept == ["call-on"] and released == ["call-on", "exit"]


# --- roles: who did what to whom
def test_roles_read_the_actor_group_and_the_target():
    _, (context,) = read("Marisol Garcia and Daniel Kim endorsed Jean Kim as their first choice.")
    clause, reading = context.clause, context.reading
    (hit,) = list(reading.matcher.hits(clause.shape, clause.in_quote))
    made = assign(clause, reading.state, hit, (), sentence_rank(clause), reading.rules.calls)
    assert [(f.actor, f.action, f.target, f.rank, f.rule) for f in made.found] == [
        ("Marisol Garcia", "endorse", "Jean Kim", 1, "endorse"),
        ("Daniel Kim", "endorse", "Jean Kim", 1, "endorse"),
    ]


def test_a_call_becomes_the_actions_it_asks_for_and_a_lost_actor_is_said():
    _, (call, nobody) = read(
        "Marisol Garcia called on Jean Kim to resign and withdraw from the race.",
        "The trustees endorsed Jean Kim.",
    )
    reading = call.reading
    (hit,) = list(reading.matcher.hits(call.clause.shape, call.clause.in_quote))
    made = assign(call.clause, reading.state, hit, (), None, reading.rules.calls)
    assert sorted(f.action for f in made.found) == ["call_to_resign", "call_to_withdraw"]
    (hit,) = list(reading.matcher.hits(nobody.clause.shape, nobody.clause.in_quote))
    assert (
        assign(nobody.clause, reading.state, hit, (), None, reading.rules.calls).failure == "no actor found"
    )


# --- dates: a date belongs to its own clause
def test_a_date_stays_in_its_clause():
    _, (context,) = read(
        "Marisol Garcia withdrew her endorsement of Jean Kim on Thursday, after Daniel Kim accused Jean Kim "
        "of misconduct on March 1."
    )
    found = context.events()
    dates = find_dates(context.clause.text, PUBLISHED)
    date_events(context.clause, found, dates)
    when = {f.action: f.date_text for f in found}
    assert when == {"withdraw": "on Thursday", "accuse": "March 1"}
    assert next(f for f in found if f.action == "withdraw").span.exact == dt.date(2024, 3, 7)
