"""One sentence of an article at a time: its mentions completed from the article so far
(coreference.py), its clause shape (clauses.py), its subject and speaker, the rules that fire in it
(matching.py), who did what to whom (roles.py) and the dates of what they find (dating.py).

Used by extract.Extractor, which walks an article's sentences in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .articles import Article
from .clauses import Clause, Sentence, build_clause
from .coreference import State, learn_genders, names, resolve, sentence_mentions
from .datetext import DateMention
from .dating import date_events, remember_statement, statement_tail
from .matching import HYPOTHETICAL, MODAL, NEGATION, Matcher
from .mentions import Mention
from .roles import Found, assign, sentence_rank
from .rules import RULE_SET, RuleSet

__all__ = ["Reading", "Sentence", "SentenceContext"]

_SPEECH = (
    r"(?:said|says|added|adds|wrote|writes|tweeted|tweets|told|stated|declared|argued|continued|noted|"
    r"explained|insisted|announced|posted)"
)
_SAID_AFTER = re.compile(rf"\s+(?:also\s+|later\s+)?{_SPEECH}\b")
_SAID_BEFORE = re.compile(rf"\b{_SPEECH}\s+$|according\s+to\s+$")
_SAYING = re.compile(rf"[^\"]{{0,40}}\b(?:{_SPEECH}|saying|tweeting)\b")
# Words of the five kinds of events: a sentence holding one and making no event is explained
# (The lookaheads first: a caseless pattern is otherwise tried at every position.)
VOCABULARY = re.compile(
    r"(?=[acdenprsuw])\b(?:endors\w*|withdr[ae]w\w*|rescind\w*|retract\w*|revok\w*|accus\w*|alleg\w*|den(?:y|ies|ied)|"
    r"resign\w*|step\w*\s+(?:down|aside)|drop\w*\s+out|stand\w*\s+by|stood\s+by|disendors\w*|deselect\w*|"
    r"no\s+longer\s+(?:supports?|backs?|endorses?)|call\w*\s+(?:on|for)|urg\w+|cut\w*\s+ties|suspend\w*|"
    r"no\s+longer\s+(?:a|the|our|its)\s+candidate|still\s+(?:back|support)\w*|stick\w*\s+with|stuck\s+with|"
    r"(?:selected|picked|ratified|chosen|nominated)\s+as|refut\w*|rebut\w*)",
    re.IGNORECASE,
)
# A sentence in which someone makes a claim against another ("told the paper that he had", "alleges"):
# its subject is who a later denial answers, when no rule read the claim as an accusation
_CLAIM_WORDS = re.compile(
    r"(?=[abcfklmst])\b(?:accus(?:ed|es|ing)|alleg(?:ed|es|ing)|claim(?:ed|s|ing)?|complain\w*|lied|lying|confront\w*|"
    r"(?:told|said)\b[^.;]{0,40}\bthat\b[^.;]{0,40}\b(?:had|has|was)\b|"
    # a claim made, not one merely spoken of ("had expressed trepidation regarding the allegations")
    r"(?:made|makes|making|levell?ed|brought|filed|lodged|came\s+forward\s+with)\s+(?:\w+\s+){0,3}?"
    r"(?:allegations?|accusations?|complaints?))",
    re.IGNORECASE,
)
_DENIAL_WORDS = re.compile(r"(?=[dfru])\b(?:den(?:y|ies|ied|ying)|rejected|untrue|false)\b", re.IGNORECASE)
# "A, B and C issued a joint statement": what "it said" quotes next is theirs
_ISSUED_STATEMENT = re.compile(
    r"\b(?:issued|released|put\s+out|signed|sent|published|posted)\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:statement|letter)\b"
)
_AMONG = re.compile(
    r"\s*(?:among\s+(?:the|those|them)\b[^⟦.;]{0,40}?\b(?:were|are|was|is|included?)|"
    r"(?:the\s+)?(?:signers|signatories|signees)\s+(?:were|are|included?)|"
    r"(?:(?:the|that|this)\s+group|⟦\d+⟧(?=\s+\w+\s*:))\s+(?:included|includes|consisted\s+of|comprised|"
    r"was\s+made\s+up\s+of)\s*:?|"  # ("The group included: A, B and C", "the group" a mention)
    r"they\s+(?:included|include)\s*:?)\s+"
)


@dataclass(slots=True)
class Reading:
    """One article being read: its folded text, what it has said so far, the names it left
    unresolved, and the rules read with."""

    article: Article
    folded: str
    state: State = field(default_factory=State)
    unresolved: list[str] = field(default_factory=list)  # "article:offset: problem"
    rules: RuleSet = RULE_SET
    matcher: Matcher = field(init=False)
    group: re.Pattern = field(init=False)  # a coordinated group of mentions ("A, B and C")

    def __post_init__(self) -> None:
        self.matcher = Matcher.for_rules(self.rules)
        self.group = re.compile(self.rules.definitions["GROUP"])


@dataclass(slots=True)
class SentenceContext:
    """One sentence: its clause, subject and speaker, and the events its rules find."""

    reading: Reading
    clause: Clause
    subject: str | None = None
    speaker: str | None = None
    joint: tuple[str, ...] = ()  # who issued the joint statement "it" (the speaker) stands for
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (rule, why it made nothing) for --explain

    @classmethod
    def read(
        cls,
        reading: Reading,
        sentence: Sentence,
        number: int,
        names_found: list[Mention],
        quote_open: bool,
        author: str | None = None,
    ) -> SentenceContext:
        """Sentence `number` with the names found in it; `quote_open`: a quotation is open from an
        earlier sentence; `author`: who signs the embedded post it stands in."""
        folded, state = reading.folded, reading.state
        mentions = sentence_mentions(
            folded, sentence.start, sentence.end, names_found, state, reading.unresolved, reading.article.id
        )
        clause = build_clause(reading.article, folded, sentence, number, mentions, reading.group, quote_open)
        context = cls(reading, clause)
        context.subject = context._subject()
        context.speaker = author if sentence.post else context._speaker()
        return context

    @property
    def state(self) -> State:
        return self.reading.state

    @property
    def quote_open_at_end(self) -> bool:
        return self.clause.quote_open_at_end

    # --- subject and speaker
    def _subject(self) -> str | None:
        clause = self.clause
        for i in range(len(clause.mentions)):
            position = clause.mention_at[i]
            if clause.in_quote(position) or not clause.subject_like(i) or clause.in_relative(position):
                continue
            found = names(clause, self.state, [i], "subject")
            return found[0] if found else None
        return None

    def _speaker(self) -> str | None:
        clause = self.clause
        if not clause.quotes:
            return None
        outside = [i for i in range(len(clause.mentions)) if not clause.in_quote(clause.mention_at[i])]
        for i in outside:
            if _SAID_AFTER.match(clause.shape[clause.after(i) :]) or _SAID_BEFORE.search(
                clause.shape[: clause.mention_at[i]]
            ):
                if clause.mentions[i].text.lower() == "it" and len(self.state.statement_by) > 1:
                    # "A, B and C issued a joint statement." / ""…," it said"
                    self.joint = tuple(self.state.statement_by)
                    return self.joint[0]
                return resolve(clause, self.state, i, role="subject")
        for i in outside:  # "Garcia said in a statement, "...""
            if _SAYING.match(clause.shape[clause.mention_at[i] :]):
                return resolve(clause, self.state, i, role="subject")
        return None

    # --- rules
    def events(self) -> list[Found]:
        clause = self.clause
        out: list[Found] = []
        rank: int | None = None
        ranked = False  # the rank phrase is looked for once a hit needs it: most sentences have none
        failure = "no actor found"
        for hit in self.reading.matcher.hits(clause.shape, clause.in_quote):
            if hit.blocked:
                self.skipped.append((hit.rule.name, hit.blocked))
                continue
            if not ranked:
                rank, ranked = sentence_rank(clause), True
            speakers = self.joint or ((self.speaker,) if self.speaker else ())
            made = assign(clause, self.state, hit, speakers, rank, self.reading.rules.calls)
            failure = made.failure or failure
            if not made.found or not hit.rule.claims:
                hit.release()  # nobody found: another rule may read this stretch
            if not made.found:
                self.skipped.append((hit.rule.name, failure))
            out += made.found
        return out

    def explanation(self) -> tuple[str, str | None] | None:
        """Why a sentence with event words made no event: (reason, rule tried), or None when it
        holds no such words. Reasons: negation, modal, hypothetical, no actor found, no target
        found, ambiguous name, unknown construction."""
        clause = self.clause
        if not VOCABULARY.search(clause.text):
            return None
        if any(m.note == "ambiguous" for m in clause.mentions):
            return "ambiguous name", None
        if self.skipped:
            rule, reason = self.skipped[0]
            return reason, rule
        word = VOCABULARY.search(clause.shape)
        before = clause.shape[: word.start()] if word else clause.shape
        if NEGATION.search(before[-60:]):
            return "negation", None
        if HYPOTHETICAL.search(before[-120:]):
            return "hypothetical", None
        if MODAL.search(before[-50:]):
            return "modal", None
        return "unknown construction", None

    # --- what later sentences need
    def named_among(self) -> list[str]:
        """ "Among the signers were Mayors A of X, B of Y and C of Z": some of the actors counted before."""
        clause = self.clause
        among = _AMONG.match(clause.shape)
        if not among:
            return []
        group = clause.group.match(clause.shape[among.end() :])
        found = names(clause, self.state, clause.indexes(group.group(0)), "subject") if group else []
        return found if len(found) > 1 else []

    def subject_group(self) -> list[str]:
        """The names of the sentence's subject when it names several actors ("A, B and C said")."""
        clause = self.clause
        for i in range(len(clause.mentions)):
            at = clause.mention_at[i]
            if clause.mentions[i].kind == "pronoun" or clause.in_quote(at) or not clause.subject_like(i):
                continue
            found = [clause.mentions[k].name for k in clause.left(at + 1)]
            return [n for n in found if n] if len(found) > 1 else []
        return []

    def states_something(self) -> bool:
        return statement_tail(self.clause, self.state, self.subject) is not None

    def date(self, mine: list[Found], dates: list[DateMention]) -> None:
        date_events(self.clause, mine, dates)

    def finish(self, dates: list[DateMention]) -> None:
        """Remember this sentence's subject and names and, if it dates a statement, the actor's anchor."""
        clause, state = self.clause, self.state
        claimant = self.subject or self.speaker
        if claimant and _CLAIM_WORDS.search(clause.text) and not _DENIAL_WORDS.search(clause.text):
            said = next((m for m in clause.mentions if m.name == claimant), None)
            if said is None or said.is_person:
                state.claimants.append(claimant)
        state.statement_by = []
        if self.subject:
            first = next((m for m in clause.mentions if m.name == self.subject), None)
            state.subjects.append((self.subject, first.is_person if first else True))
            index = clause.mentions.index(first) if first else None
            if index is not None and not clause.in_quote(clause.mention_at[index]):
                group = [clause.mentions[k].name for k in clause.left(clause.mention_at[index] + 1)]
                if len(group) > 1:
                    state.last_group = [g for g in group if g]
                    if _ISSUED_STATEMENT.search(clause.shape):
                        state.statement_by = state.last_group
        for m in clause.mentions:
            if m.kind in ("name", "short") and m.name:
                state.saw(m)
        learn_genders(clause, state, self.subject)
        remember_statement(clause, state, self.subject, dates)
