"""One sentence of an article at a time: its mentions and their shape, quotes and clauses, its
subject and speaker, the rules that fire in it and the dates of what they find; and the state an
article builds as it goes (who was named, who spoke, which actor dated a statement).

Used by extract.Extractor, which walks an article's sentences in order.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..graph.dates import Span
from .articles import Article
from .datetext import DateMention
from .mentions import Mention, is_title
from .rules import CALL_RESIGN, CALL_WITHDRAW, GROUP, HINTS, RULES, Rule

__all__ = ["ANY_COUNT", "ACTS_AS_ORG", "Found", "Sentence", "SentenceContext", "State"]

_PREPOSITIONS = {
    "of", "for", "against", "to", "from", "with", "by", "about", "on", "at", "in", "behind", "over",
    "toward", "towards", "into", "than", "like", "including", "between", "among", "amid",
    "under", "upon", "via", "within", "without", "besides",
}  # fmt: skip
_NEGATION = re.compile(
    r"(?:\bnot|n't|\bnever|\bdeclin\w+\s+to|\brefus\w+\s+to|\bno\s+plans?\s+to|\bdenied\s+that|\bwithout|"
    r"\bstop\w*\s+short\s+of|\bfell\s+short\s+of|\bfail\w*\s+to|\bhas\s+yet\s+to|\bhave\s+yet\s+to)"
    r"(?:\s+[\w'-]+){0,3}\s*$"
)
_MODAL = re.compile(
    r"(?:\bwill|\bwould|\bcould|\bmight|\bmay|\bplans?\s+to|\bplanning\s+to|\bexpected\s+to|\bconsider\w*|"
    r"\bthreaten\w*\s+to|\bcompelled\s+to|\bgoing\s+to|\bready\s+to|\bif)(?:\s+[\w'-]+){0,3}\s*$"
)
# "If these allegations are true, he should step aside": a condition, not an event
_HYPOTHETICAL = re.compile(
    r"(?:\bif\b|\bunless\b|\bshould\s+(?:the|these|those|it|he|she|they)\b|\bwere\s+(?:he|she|they|it)\b)[^;]*$"
)
_WORD_BEFORE = re.compile(r"\b([A-Za-z][\w-]*\.?)\s+$")
# Words of the five kinds of events: a sentence holding one and making no event is explained
_VOCABULARY = re.compile(
    r"\b(?:endors\w*|withdr[ae]w\w*|rescind\w*|retract\w*|revok\w*|accus\w*|alleg\w*|den(?:y|ies|ied)|"
    r"resign\w*|step\w*\s+(?:down|aside)|drop\w*\s+out|stand\w*\s+by|stood\s+by|disendors\w*|deselect\w*|"
    r"no\s+longer\s+(?:supports?|backs?|endorses?)|call\w*\s+(?:on|for)|urg\w+)",
    re.IGNORECASE,
)
# "in light of the allegations", "after the report", "following the indictment": the stated trigger
_CAUSE = re.compile(
    r"\b(?:in\s+(?:the\s+)?light\s+of|in\s+the\s+wake\s+of|amid|because\s+of|due\s+to|citing|"
    r"(?:after|following)(?=\s+(?:the|a|an|his|her|its|their|new|fresh|growing|allegations?|reports?|"
    r"revelations?|claims?|accusations?|comments?|remarks?|posts?)\b)|"
    r"over(?=\s+(?:(?:the|his|her|its|their|a)\s+)?(?:[\w-]+\s+)?(?:allegations?|claims?|comments?|remarks?|"
    r"posts?|reports?|recordings?|videos?|scandal|accusations?|conduct|behaviou?r|handling|indictment|charges?|"
    r"arrest)\b))\s+[^,.;:\"()]{3,90}",
    re.IGNORECASE,
)
_CAUSED = ("withdraw", "call", "stand_by")


def action_causes(actions: list[str]) -> bool:
    """Withdrawals, calls and stand-bys have stated triggers worth keeping."""
    return any(a.startswith(c) for a in actions for c in _CAUSED)


_OPENER = re.compile(r"\s*(?:(?:but|and|then|so)\s+)?(?:on|late|early|by)?\s*", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|unless|should\s+(?:the|these|it))\b")
_PLUPERFECT = re.compile(r"\bhad(?:\s+(?:previously|already|earlier|once|initially|first|also))?\s*$")
_SPEECH = (
    r"(?:said|says|added|adds|wrote|writes|tweeted|tweets|told|stated|declared|argued|continued|noted|"
    r"explained|insisted|announced|posted)"
)
_STATEMENT = re.compile(
    rf"^\s*(?:also\s+|then\s+|later\s+)?(?:{_SPEECH}|issued|released|put\s+out|made\s+(?:her|his|its|their)\s+stance|"
    r"sent|published|responded)\b"
)
_SUBORDINATE = re.compile(r"\b(?:after|before|when|because|since|while|although|though|until|once)\b|;")
_RANK = re.compile(
    r"\b(?:as\s+)?(?:its|their|his|her|the)\s+(first|second|third|fourth|fifth|top|no\.\s*(\d))[\s-]*"
    r"(?:choice|pick|place|preference|ranked|option)?|\b(first|second|third|fourth|fifth)[\s-]+(?:choice|pick)\b|"
    r"\branked\s+\S+\s+(first|second|third|fourth|fifth)\b"
)
_RANKS = {"first": 1, "top": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_PRONOUN = re.compile(r"\b(?:he|she|him|her|they|them|it)\b", re.IGNORECASE)
_DESCRIPTION = re.compile(
    r"\bthe\s+(group|union|party|organization|organisation|coalition|committee|senator|lawmaker|"
    r"candidate|governor|mayor|congressman|congresswoman|assemblyman|assemblywoman|councilman|"
    r"councilwoman|comptroller|legislator|president|federation|association|caucus|alliance|club|league|"
    r"network|council)\b",
    re.IGNORECASE,
)
_ORG_DESCRIPTIONS = {"group", "union", "party", "organization", "organisation", "coalition", "committee",
                     "federation", "association", "caucus", "alliance", "club", "league", "network",
                     "council"}  # fmt: skip
_RANKED = ("endorse", "withdraw", "stand_by")
ANY_COUNT = -1  # "several": any number of names will do
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "several": ANY_COUNT, "a dozen": 12}  # fmt: skip
# "Five City Council members", "Two Labour councillors": actors counted now, named in a later sentence
_COUNTED = re.compile(
    r"(?:^|[,;]\s*|\s-\s+|\b(?:and|but)\s+)(?:the\s+)?(?P<count>two|three|four|five|six|seven|eight|nine|ten|several|"
    r"a dozen|eleven|twelve|\d{1,3})\s+(?:[\w.'⟦⟧-]+\s+){0,4}?"
    r"(?:members|signatories|signers|councillors|councilors|lawmakers|"
    r"senators|officials|legislators|representatives|leaders|unions|groups|organizations|organisations|activists|democrats|"
    r"republicans|mayors|candidates)\b"
)
_SUBORDINATOR = re.compile(r"\b(?:after|before|when|because|since|while|although|though|until|once)\b")
_SPEECH_VERBS = {"said", "says", "reported", "announced", "added", "noted", "argued", "claimed", "insisted",
                 "believed", "believes", "thinks", "thought", "wrote", "stated", "declared", "confirmed",
                 "revealed", "told", "that", "tweeted", "explained", "warned"}  # fmt: skip
_ACTION_VERBS = {"endorse", "endorses", "back", "backs", "support", "supports", "accuse", "accuses",
                 "deny", "denies", "urge", "urges", "ask", "asks", "call", "calls", "thank", "thanks",
                 "met", "meet", "meets", "beat", "beats", "defeat", "defeats", "hire", "hires", "fire",
                 "fires", "attack", "attacks", "praise", "praises", "criticize", "criticizes", "sue",
                 "sues", "join", "joins", "is", "was", "are", "were", "sent", "send", "sends", "gave", "give",
                 "gives", "handed", "emailed", "faxed", "visited", "named", "replaced"}  # fmt: skip
_MODIFIED = re.compile(
    r"^\s+(?:members?|officials?|leaders?|staff|staffers?|employees?|lawmakers?|activists?|voters?|"
    r"supporters?|spokes(?:man|woman|person)|president|secretary|chair(?:man|woman)?|executive|branch|"
    r"candidates?|delegates?|organizers?|volunteers?)\b"
)
ACTS_AS_ORG = re.compile(
    r"^'s\s+(?:executive\s+board|editorial\s+board|board|leadership|members|delegates|executive\s+committee|"
    r"national\s+executive|state\s+executive|executive|committee|council|branch|chapter)\b"
)
# "Halvorsen's campaign called the claims untrue": the campaign, office or lawyer speaks for its person
ACTS_FOR = re.compile(
    rf"{ACTS_AS_ORG.pattern}|^'s\s+(?:campaign|office|lawyer|attorney|spokes(?:man|woman|person)|team|solicitor)\b"
    r"(?!\s+(?:manager|chair|staff|office|headquarters|director|aide|event|rally|bus|website|account|finances?|"
    r"funds?|ads?|spending)\b)"
)
_OFFICE_OF = re.compile(
    r",\s+(?:the\s+)?(?:\w+\s+)?(?:president|chair(?:man|woman|person)?|leader|head|director|spokes(?:man|woman|"
    r"person)|secretary|founder|co-founder|general\s+secretary)\s+of\s+(?:the\s+)?⟦(\d+)⟧"
)
_MEMBERS_OF = re.compile(
    r"(?:^|[,;:]|\b(?:and|but))\s*(?:members|leaders|officials|delegates|officers)\s+of$"
)
_AMONG = re.compile(
    r"\s*(?:among\s+(?:the|those|them)\b[^⟦.;]{0,40}?\b(?:were|are|was|is|included?)|"
    r"(?:the\s+)?(?:signers|signatories|signees)\s+(?:were|are|included?))\s+"
)
_OBJECT_FOLLOWER = re.compile(r"(?:to|of|for|from|with|about|over|as|in|on|at|into|after)\b")
_CAPITALIZED = re.compile(r"\b(?:(?:O'|D')?[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*|[A-Z]{2,6})\b")
_ACTION_WORD = re.compile(
    r"\b(?:accus|alleg|endors|withdr[ae]w|rescind|revok|resign|denied|deny|denies|backing|charged)\w*|"
    r"\bdrop\w*\s+out\b|\bstep\w*\s+(?:down|aside)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Found:
    """One event as found in one sentence, before dates and merging."""

    actor: str
    action: str
    target: str
    sentence: int
    trigger: int  # position in the folded article text
    rank: int | None = None
    actor_title: str | None = None
    target_title: str | None = None
    span: Span | None = None
    date_text: str | None = None
    pluperfect: bool = False
    own_date: bool = False  # the date stands in the event's own clause
    awaiting: int = 0  # actors counted but not named yet ("Five council members …"): how many
    rule: str | None = None  # the rule that found it
    cause: str | None = None  # the stated trigger ("in light of the allegations")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    eventful: bool = True  # holds an action word: worth trying the rules on
    # In an embedded social-media post: where its attribution line names the author, and its date
    post: tuple[int, int] | None = None
    said_on: dt.date | None = None


class State:
    """What one article has said so far: who was named, who spoke, which actor dated a statement."""

    def __init__(self) -> None:
        self.persons: list[str] = []  # resolved person names in order of mention
        self.person_counts: dict[str, int] = {}
        self.target_counts: dict[str, int] = {}  # how often each name was the target of an event
        self.orgs: list[tuple[str, str | None]] = []  # (name, kind)
        self.surnames: dict[str, set[str]] = {}
        self.acronyms: dict[str, str] = {}
        self.titles: dict[str, str] = {}  # person -> the title last seen with the name
        self.subjects: list[tuple[str, bool]] = []  # (name, is_person) of each sentence subject
        self.anchors: dict[str, list[tuple[int, Span, str]]] = {}  # actor -> (position, day, text)
        self.accusers: dict[str, list[str]] = {}  # accused -> accusers
        self.last_group: list[str] = []  # the last subject that named several actors

    def saw(self, mention: Mention) -> None:
        if mention.name is None:
            return
        if mention.is_person:
            self.persons.append(mention.name)
            self.person_counts[mention.name] = self.person_counts.get(mention.name, 0) + 1
            words = mention.name.split()
            if len(words) >= 2:
                self.surnames.setdefault(words[-1], set()).add(mention.name)
            if mention.title:
                self.titles[mention.name] = mention.title.lower()
        else:
            self.orgs.append((mention.name, mention.entity_kind))
            initials = "".join(w[0] for w in re.split(r"[\s-]+", mention.name) if w[:1].isupper())
            for acronym in (initials, mention.extra.get("acronym")):
                if acronym and len(acronym) >= 2:
                    self.acronyms.setdefault(acronym, mention.name)

    def titled(self, word: str) -> str | None:
        """ "the mayor": the last person named with that title, else the last person named."""
        for name in reversed(self.persons):
            if word in self.titles.get(name, ""):
                return name
        return self.persons[-1] if self.persons else None

    def last_subject(self, person: bool) -> str | None:
        for name, is_person in reversed(self.subjects):
            if is_person == person:
                return name
        return None

    def last_org(self, word: str) -> tuple[str, str | None] | None:
        for name, kind in reversed(self.orgs):
            low = name.lower()
            if word == "union" and not (
                kind == "union" or re.search(r"union|local|workers|teachers|teamsters", low)
            ):
                continue
            if word == "party" and not (kind == "party" or "party" in low):
                continue
            return name, kind
        return None


class SentenceContext:
    """One sentence: its shape, quotes, clauses, subject and speaker, and the events its rules find."""

    def __init__(
        self, article, folded, sentence, number, mentions, state, unresolved, quote_open, author=None
    ):
        self.article: Article = article
        self.folded: str = folded
        self.sentence: Sentence = sentence
        self.number: int = number
        self.state: State = state
        self.unresolved: list[str] = unresolved
        self.text = folded[sentence.start : sentence.end]
        self.mentions: list[Mention] = self._all_mentions(mentions)
        self._shape()
        self._share_titles()
        if sentence.post:  # an embedded post is a quotation of its author
            self.quotes, self.quote_open_at_end = [(0, len(self.shape))], quote_open
        else:
            self.quotes = self._quotes(quote_open)
        self.relative = [  # (clause start, clause end, antecedent): ", who ... ," after a name
            (m.start(2), m.end(), int(m.group(1)))
            # "Keith Arsenault, the Liberal campaign co-chair, who accused Dempsey": past the apposition
            for m in re.finditer(
                r"⟦(\d+)⟧(?:,\s+(?:the|a|an|his|her|its|their)\s+[^,;⟦\"]{0,60})?(,\s+(?:who|which|whose)\b[^,;]*(?:,|$))",
                self.shape,
            )
        ]
        self.subject = self._subject()
        self.speaker = author if sentence.post else self._speaker()
        self.actors_here: list[str] = []
        self.skipped: list[tuple[str, str]] = []  # (rule, why it made nothing) for --explain
        self.failure = "no actor found"

    # --- building
    def _all_mentions(self, names: list[Mention]) -> list[Mention]:
        s = self.sentence.start
        taken = [(m.start, m.end) for m in names]
        extra: list[Mention] = []

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in taken)

        here: dict[str, set[str]] = {}  # full names earlier in this very sentence, by surname
        full_names = [n for n in names if n.is_person and n.name and " " in n.name]  # in order
        seen = 0
        for m in _CAPITALIZED.finditer(self.text):
            a, b = s + m.start(), s + m.end()
            word = m.group(0)
            while seen < len(full_names) and full_names[seen].end <= a:
                name = full_names[seen].name
                here.setdefault(name.split()[-1], set()).add(name)  # type: ignore[union-attr]
                seen += 1
            if not free(a, b):
                continue
            people = self.state.surnames.get(word, set()) | here.get(word, set())
            if people:
                if len(people) == 1:
                    extra.append(Mention(a, b, word, next(iter(people)), kind="short", entity_kind="person"))
                else:
                    listed = ", ".join(sorted(people))
                    self.unresolved.append(
                        f"{self.article.id}:{a}: '{word}' could mean {listed}: left unresolved"
                    )
                    extra.append(Mention(a, b, word, None, kind="short", note="ambiguous"))
                taken.append((a, b))
            elif word.isupper() and word in self.state.acronyms:
                extra.append(
                    Mention(a, b, word, self.state.acronyms[word], kind="short", entity_kind="organization")
                )
                taken.append((a, b))
        for m in _DESCRIPTION.finditer(self.text):
            a, b = s + m.start(), s + m.end()
            if not free(a, b):
                continue
            word = m.group(1).lower()
            if word in _ORG_DESCRIPTIONS:
                org = self.state.last_org(word)
                mention = Mention(a, b, m.group(0), org[0] if org else None, kind="description",
                                  entity_kind=(org[1] if org else None) or "organization")  # fmt: skip
            else:
                if self.folded.startswith("'s", b):
                    continue  # "the governor's race": not a person
                person = self.state.titled(word)
                mention = Mention(a, b, m.group(0), person, kind="description", entity_kind="person")
            mention.possessive = self.folded.startswith("'s", b) and not ACTS_FOR.match(
                self.folded[b : b + 40]
            )
            extra.append(mention)
            taken.append((a, b))
        for m in _PRONOUN.finditer(self.text):
            a, b = s + m.start(), s + m.end()
            word = m.group(0).lower()
            if not free(a, b):
                continue
            if word == "her":
                after = self.text[m.end() :].lstrip()
                if not (
                    after[:1] in ("", ".", ",", ";", '"', ")", "!", "?") or _OBJECT_FOLLOWER.match(after)
                ):
                    continue  # "her endorsement": a determiner, not a mention
            kind = "organization" if word in ("it", "they", "them") else "person"
            extra.append(Mention(a, b, m.group(0), None, kind="pronoun", entity_kind=kind))
            taken.append((a, b))
        for mention in extra:
            if mention.kind == "short":
                mention.possessive = self.folded.startswith("'s", mention.end) and not ACTS_FOR.match(
                    self.folded[mention.end : mention.end + 40]
                )
                if mention.is_person:
                    self._take_title(mention, s, taken)
        return sorted(names + extra, key=lambda m: m.start)

    def _take_title(self, mention: Mention, floor: int, taken: list[tuple[int, int]]) -> None:
        """ "Ms Matheson", "Deputy Mayor Fairleigh": the title words in front belong to the short name."""
        start = mention.start
        for _ in range(3):
            word = _WORD_BEFORE.search(self.folded, max(floor, start - 30), start)
            if (
                not word
                or not is_title(word.group(1))
                or any(a < start and b > word.start() for a, b in taken)
            ):
                break
            start = word.start()
        if start < mention.start:
            mention.title = self.folded[start : mention.start].strip()
            mention.start = start

    def _share_titles(self) -> None:
        """A plural title in front of several names ("State Senators A and B") is each one's."""
        for m in re.finditer(GROUP, self.shape):
            members = [int(n) for n in re.findall(r"⟦(\d+)⟧", m.group(0))]
            title = self.mentions[members[0]].title
            if len(members) > 1 and title and title.endswith("s"):
                single = title[:-1]
                for i in members:
                    if self.mentions[i].title in (None, title):
                        self.mentions[i].title = single

    def _shape(self) -> None:
        s = self.sentence.start
        parts: list[str] = []
        self.offsets: list[tuple[int, int]] = []  # (shape position, text position) at each mention end
        cursor = s
        length = 0
        self.mention_at: list[int] = []
        for i, m in enumerate(self.mentions):
            chunk = self.folded[cursor : m.start].lower()
            parts.append(chunk)
            length += len(chunk)
            self.offsets.append((length, m.start))
            token = f"⟦{i}⟧"
            self.mention_at.append(length)
            parts.append(token)
            length += len(token)
            self.offsets.append((length, m.end))
            cursor = m.end
        parts.append(self.folded[cursor : self.sentence.end].lower())
        self.shape = "".join(parts)

    def text_position(self, shape_position: int) -> int:
        """Where a shape position falls in the folded article text."""
        base_shape, base_text = 0, self.sentence.start
        for sp, tp in self.offsets:
            if sp > shape_position:
                break
            base_shape, base_text = sp, tp
        return base_text + (shape_position - base_shape)

    def _quotes(self, open_at_start: bool) -> list[tuple[int, int]]:
        if '"' not in self.shape:
            self.quote_open_at_end = open_at_start
            return [(0, len(self.shape))] if open_at_start else []
        spans = []
        inside = open_at_start
        start = 0
        for i, char in enumerate(self.shape):
            if char == '"':
                if inside:
                    spans.append((start, i + 1))
                else:
                    start = i
                inside = not inside
        if inside:
            spans.append((start, len(self.shape)))
        self.quote_open_at_end = inside
        return spans

    def in_quote(self, position: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in self.quotes if a <= position < b), None)

    # --- roles
    def _objectish(self, index: int) -> bool:
        """A mention that is the object of a preposition (or a possessive) cannot be a subject."""
        m = self.mentions[index]
        if m.possessive:
            return True
        before = re.sub(r"(?:\s+(?:the|a|an))+$", "", " " + self.shape[: self.mention_at[index]].rstrip())
        if _MEMBERS_OF.search(before):  # "Members of Inland Laborers Local 238 voted": the local acts
            return False
        last = re.findall(r"[\w']+$", before)
        return bool(last) and last[0] in _PREPOSITIONS

    def _subject_like(self, index: int) -> bool:
        """Could this mention be the subject of a clause? Not a possessive, not the object of a
        preposition or of an action verb, not an object pronoun, not a modifier ("Council members")."""
        m = self.mentions[index]
        if self._objectish(index):
            return False
        if m.kind == "pronoun" and m.text.lower() in ("him", "her", "them"):
            return False
        end = self.mention_at[index] + len(f"⟦{index}⟧")
        if _MODIFIED.match(self.shape[end : end + 30]):
            return False
        before = re.findall(r"[\w']+$", self.shape[: self.mention_at[index]].rstrip())
        if before:
            word = before[0]
            if word not in _SPEECH_VERBS and (word in _ACTION_VERBS or re.search(r"(?:ed|ing)$", word)):
                return False
        return True

    def _in_relative(self, position: int) -> tuple[int, int, int] | None:
        return next((r for r in self.relative if r[0] <= position < r[1]), None)

    def _subject(self) -> str | None:
        for i in range(len(self.mentions)):
            position = self.mention_at[i]
            if self.in_quote(position) or not self._subject_like(i) or self._in_relative(position):
                continue
            names = self._names([i], "subject")
            return names[0] if names else None
        return None

    def _speaker(self) -> str | None:
        if not self.quotes:
            return None
        outside = [i for i in range(len(self.mentions)) if not self.in_quote(self.mention_at[i])]
        for i in outside:
            tail = self.shape[self.mention_at[i] + len(f"⟦{i}⟧") :]
            head = self.shape[: self.mention_at[i]]
            if re.match(rf"\s+(?:also\s+|later\s+)?{_SPEECH}\b", tail) or re.search(
                rf"\b{_SPEECH}\s+$|according\s+to\s+$", head
            ):
                return self.resolve(i, role="subject")
        for i in outside:  # "Garcia said in a statement, "...""
            if re.match(rf"[^\"]{{0,40}}\b(?:{_SPEECH}|saying|tweeting)\b", self.shape[self.mention_at[i] :]):
                return self.resolve(i, role="subject")
        return None

    def _speaker_organization(self) -> str | None:
        """The organization a quoted 'we' speaks for: "said Rosa Kim, president of the X"."""
        for i in range(len(self.mentions)):
            if self.mentions[i].name != self.speaker or self.in_quote(self.mention_at[i]):
                continue
            tail = self.shape[self.mention_at[i] + len(f"⟦{i}⟧") :]
            office = _OFFICE_OF.match(tail)
            if office:
                return self.mentions[int(office.group(1))].name
        return None

    def resolve(self, index: int, role: str, exclude: Iterable[str] = ()) -> str | None:
        m = self.mentions[index]
        if m.kind != "pronoun":
            return m.name
        word = m.text.lower()
        person = word in ("he", "she", "him", "her")
        if word in ("he", "she", "it", "they") and role != "object":
            # The subject already named in this sentence, else the last subject before it.
            for j in range(index):
                other = self.mentions[j]
                named = other.kind != "pronoun" and other.name and other.is_person == person
                if named and not self.in_quote(self.mention_at[j]) and not self._objectish(j):
                    return other.name
            name = self.state.last_subject(person)
            if name:
                return name
            if not person and self.state.orgs:
                return self.state.orgs[-1][0]
            return None
        pool = reversed(self.state.persons) if person else (name for name, _ in reversed(self.state.orgs))
        earlier = [
            self.mentions[j].name
            for j in range(index)
            if self.mentions[j].name and self.mentions[j].is_person == person
        ]
        exclude = set(exclude)
        recent: list[str] = []
        for name in itertools.chain(reversed(earlier), pool):
            if name not in exclude and name not in recent:
                recent.append(name)
                if len(recent) == 4:
                    break
        if not recent:
            return None
        # "urged him to step aside": of the people just named, the one events have been about
        counts = self.state.target_counts
        best = max(recent, key=lambda n: counts.get(n, 0))
        return best if person and counts.get(best, 0) > counts.get(recent[0], 0) else recent[0]

    def _group(self, text: str) -> list[int]:
        """The mention indexes in a stretch of shape."""
        return [int(n) for n in re.findall(r"⟦(\d+)⟧", text)] if text else []

    def _left(self, position: int, exclude: Iterable[int] = ()) -> list[int]:
        """The nearest subject-like mention group before `position` in the same clause."""
        relative = self._in_relative(position)
        if relative:
            return [relative[2]]
        quote = self.in_quote(position)
        best = None
        for i in range(len(self.mentions) - 1, -1, -1):
            at = self.mention_at[i]
            if at >= position or i in exclude:
                continue
            between = self.shape[at:position]
            if ";" in between:
                break
            clause = None if quote else _SUBORDINATOR.search(between)
            if clause and not re.match(r"\s+\w+ing\b", self.shape[at + clause.end() :]):
                break  # the trigger's clause, with a subject of its own, starts after this mention
            if self.in_quote(at) != quote or not self._subject_like(i) or self._in_relative(at):
                continue
            best = i
            break
        if best is None:
            return []
        # widen to the coordination it belongs to
        for m in re.finditer(GROUP, self.shape):
            members = self._group(m.group(0))
            if best in members:
                if members[0] != best and not self._subject_like(members[0]):
                    return [best]  # "According to the Tribune, the union ...": no coordination
                return [i for i in members if not self.mentions[i].possessive]
        return [best]

    # --- rules
    def events(self) -> list[Found]:
        out: list[Found] = []
        claimed: list[tuple[int, int]] = []
        rank = self._rank()
        present = {hint for hint in HINTS if hint in self.shape}
        for rule in RULES:
            if rule.hints and present.isdisjoint(rule.hints):
                continue
            for match in rule.pattern.finditer(self.shape):
                a, b = match.span()
                if any(a < y and b > x for x, y in claimed):
                    continue
                trig = match.start("trig")
                quote = self.in_quote(trig)
                if bool(quote) != rule.in_quotes:
                    continue
                claimed.append((a, b))
                before = self.shape[:trig]
                if _NEGATION.search(before[-60:]):
                    self.skipped.append((rule.name, "negation"))
                    continue
                if not rule.modal_ok and _MODAL.search(before[-50:]):
                    self.skipped.append((rule.name, "modal"))
                    continue
                if _HYPOTHETICAL.search(before[-120:]):
                    self.skipped.append((rule.name, "hypothetical"))
                    continue
                made = self._apply(rule, match, trig, rank)
                if not made or not rule.claims:
                    claimed.pop()  # nobody found: another rule may read this stretch
                if not made:
                    self.skipped.append((rule.name, self.failure))
                out += made
        return out

    def explanation(self) -> tuple[str, str | None] | None:
        """Why a sentence with event words made no event: (reason, rule tried), or None when it
        holds no such words. Reasons: negation, modal, hypothetical, condition, no actor found,
        no target found, ambiguous name, unknown construction."""
        if not _VOCABULARY.search(self.text):
            return None
        if any(m.note == "ambiguous" for m in self.mentions):
            return "ambiguous name", None
        if self.skipped:
            rule, reason = self.skipped[0]
            return reason, rule
        word = _VOCABULARY.search(self.shape)
        before = self.shape[: word.start()] if word else self.shape
        if _NEGATION.search(before[-60:]):
            return "negation", None
        if _HYPOTHETICAL.search(before[-120:]):
            return "hypothetical", None
        if _MODAL.search(before[-50:]):
            return "modal", None
        return "unknown construction", None

    def cause(self, trig: int) -> str | None:
        """The trigger the sentence states for its event ("in light of the allegations")."""
        text = self.article.text[self.sentence.start : self.sentence.end]
        found = [m for m in _CAUSE.finditer(text) if not re.search(r"\b(?:day|days|hours?|weeks?)\s*$",
                                                                   text[: m.start()])]  # fmt: skip
        if not found:
            return None
        position = trig - self.sentence.start
        best = min(found, key=lambda m: abs(m.start() - position))
        return " ".join(best.group(0).split()).rstrip(" ,;:")

    def _ranks(self, rule: Rule, groups: dict, match: re.Match, sentence_rank: int | None) -> dict[str, int]:
        """The ranked-choice position of each target: the ordinal right after it ("ranked Ortiz
        first and Kemp second", "backed Rhee as its second choice"), else the sentence's one rank."""
        out: dict[str, int] = {}
        for m in re.finditer(r"⟦(\d+)⟧", groups.get("tgt") or ""):
            index = int(m.group(1))
            name = self.mentions[index].name
            after = self.shape[self.mention_at[index] + len(m.group(0)) :][:70]
            ordinal = re.match(rf"\s+(?:as\s+(?:its|their|his|her)\s+)?({'|'.join(_RANKS)})\b", after)
            phrase = _RANK.search(after.split(";")[0])
            if ordinal and (rule.name == "ranked" or phrase):
                out[name] = _RANKS[ordinal.group(1)]  # type: ignore[index]
            elif phrase:
                out[name] = self._rank_of(phrase)  # type: ignore[index]
        return out

    def _rank_of(self, m: re.Match) -> int | None:
        if m.group(2):
            return int(m.group(2))
        word = next(g for g in (m.group(1), m.group(3), m.group(4)) if g)
        return _RANKS.get(word)

    def _rank(self) -> int | None:
        """The sentence's rank phrase, when it has exactly one."""
        found = list(_RANK.finditer(self.shape))
        return self._rank_of(found[0]) if len(found) == 1 else None

    def _names(self, indexes: list[int], role: str, exclude: Iterable[str] = ()) -> list[str]:
        names: list[str] = []
        for i in indexes:
            found = self._plural(i) if self.mentions[i].text.lower() in ("they", "them") else []
            found = found or [self.resolve(i, role=role, exclude=exclude)]  # type: ignore[list-item]
            names += [n for n in found if n and n not in names and n not in exclude]
        return names

    def _plural(self, index: int) -> list[str]:
        """'they': the group named as subject earlier in this sentence, else the last such group."""
        for j in range(index):
            named = self.mentions[j].kind != "pronoun" and self._subject_like(j)
            if named and not self.in_quote(self.mention_at[j]):
                group = self._left(self.mention_at[j] + 1)
                names = [self.mentions[k].name for k in group if self.mentions[k].name]
                if len(names) > 1:
                    return names  # type: ignore[return-value]
        return list(self.state.last_group)

    def _apply(self, rule: Rule, match: re.Match, trig: int, rank: int | None) -> list[Found]:
        groups = match.groupdict()
        # actors
        if rule.actor == "speaker":
            organization = self._speaker_organization() if match.group(0).lstrip().startswith("we") else None
            actors = [organization] if organization else [self.speaker] if self.speaker else []
        elif rule.actor == "act":
            actors = self._names(self._group(groups.get("act") or ""), "subject")
        elif rule.actor == "org":  # the organisation dropping its candidate: named, else the one in view
            named = self._group(groups.get("act") or groups.get("act2") or "")
            actors = self._names(named, "subject") or self._organization(trig)
        elif rule.actor == "sayer":  # "A said B retains her support": who speaks of the target
            actors = self._names(self._left(match.start("tgt")), "subject")
        else:
            left = self._left(trig)
            actors = self._names(left, "subject")
            if not actors and rule.action == "call":
                including = re.search(rf"\bincluding\s+(?P<g>{GROUP})", self.shape[match.end("trig") :])
                if including:
                    actors = self._names(self._group(including.group("g")), "subject")
        awaiting = 0
        if not actors and rule.actor == "left":
            counted = _COUNTED.search(self.shape[:trig])
            between = (
                re.sub(r"^\s+of\s+(?:the\s+)?⟦\d+⟧", "", self.shape[counted.end() : trig]) if counted else ""
            )
            if counted and not re.search(r"⟦\d+⟧", between):
                count = counted.group("count")
                awaiting = int(count) if count.isdigit() else _COUNT_WORDS[count]
                actors = [""]  # named in a following sentence, see Extractor.extract
        if not actors:
            self.failure = "no actor found"
            return []
        # targets
        if rule.target == "left":
            tgt_idx = self._left(trig)
            targets = self._names(tgt_idx, "subject", exclude=actors)
        elif rule.target == "accuser":
            targets = self._accusers(actors[0], match.end("trig"), match.start("trig"))
        elif rule.target == "his":  # "called for his resignation": the last person before, not the actor
            targets = self._person_before(trig, actors)
        elif rule.target == "other":
            targets = self._other(actors, trig)
        elif rule.target == "race":
            race = (groups.get("race") or groups.get("race2") or "race").strip()
            targets = [race]
        else:
            indexes = self._group(groups.get("tgt") or "")
            if len(indexes) == 1 and self.mentions[indexes[0]].possessive and rule.action != "call":
                # "endorsed Lozano's main opponent, community organizer Sandra Nwosu": the apposition
                after = self.shape[self.mention_at[indexes[0]] + len(f"⟦{indexes[0]}⟧") :]
                apposition = re.match(r"'s\s+[\w\s-]{0,40}?,\s+(?:[a-z][\w-]*\s+){0,3}⟦(\d+)⟧", after)
                indexes = [int(apposition.group(1))] if apposition else []
            targets = self._names(indexes, "object", exclude=actors)
            if not targets and rule.action in ("withdraw", "stand_by"):
                targets = self._after_or_focus(match.end("trig"), actors)
        targets = [t for t in targets if t not in actors]
        if rule.action == "deny":  # only the accused denies: "the union called Ames's claims a smear" is not
            targets = [t for t in targets if self._may_deny(actors, t)]
        if not targets:
            self.failure = "no target found"
            return []
        if rule.action == "call":
            what = groups.get("what") or ""
            if _CONDITION.search(what[:90]):
                self.failure = "hypothetical"
                return []  # "should resign if the allegations are substantiated"
            actions = []
            if CALL_WITHDRAW.search(what) or what.startswith("withdrawal"):
                actions.append("call_to_withdraw")
            if CALL_RESIGN.search(what) or what.startswith("resignation"):
                actions.append("call_to_resign")
        else:
            actions = [rule.action]
        position = self.text_position(trig)
        cause = self.cause(position) if action_causes(actions) else None
        pluperfect = bool(_PLUPERFECT.search(self.shape[:trig]))
        titles = {self.mentions[i].name: self.mentions[i].title for i in range(len(self.mentions))}
        ranks = self._ranks(rule, groups, match, rank)
        fallback = rank if not ranks else None  # one rank phrase in the sentence, tied to no target
        out = []
        for action in actions:
            for actor in actors:
                for target in targets:
                    self.state.target_counts[target] = self.state.target_counts.get(target, 0) + 1
                    if action == "accuse" and actor not in self.state.accusers.setdefault(target, []):
                        self.state.accusers[target].append(actor)
                    out.append(
                        Found(
                            actor, action, target, self.number, position,
                            rank=ranks.get(target, fallback) if action in _RANKED else None,
                            actor_title=titles.get(actor), target_title=titles.get(target),
                            pluperfect=pluperfect, awaiting=awaiting, rule=rule.name, cause=cause,
                        )
                    )  # fmt: skip
        self.actors_here += actors
        return out

    def _may_deny(self, actors: list[str], accuser: str) -> bool:
        accused = {person for person, accusers in self.state.accusers.items() if accuser in accusers}
        return not accused or bool(accused & set(actors))

    def _person_before(self, trig: int, actors: list[str]) -> list[str]:
        for i in range(len(self.mentions) - 1, -1, -1):
            m = self.mentions[i]
            if self.mention_at[i] < trig and m.is_person and m.kind != "pronoun" and m.name not in actors:
                return [m.name] if m.name else []
        names = [n for n in reversed(self.state.persons) if n not in actors]
        return names[:1]

    def _organization(self, trig: int) -> list[str]:
        """The organisation a sentence speaks of (the subject first), else the last one named."""
        for i in range(len(self.mentions)):
            m = self.mentions[i]
            if m.name and not m.is_person and not self.in_quote(self.mention_at[i]):
                return [m.name]
        return [self.state.orgs[-1][0]] if self.state.orgs else []

    def _accusers(self, actor: str, after: int, trig: int) -> list[str]:
        """Who the actor denies: whose claims the denial names ("denied Kim's account"), else
        everyone who accused them in this article, else a person named after the denial, not one
        merely nearby ("in an interview with")."""
        named = next((i for i in range(len(self.mentions)) if self.mention_at[i] >= trig), None)
        if (
            named is not None
            and self.mentions[named].possessive
            and self.mentions[named].name not in (None, actor)
        ) and re.match(
            r"'s\s+(?:\w+\s+){0,2}?(?:allegation|accusation|claim|charge|account|version|complaint)",
            self.shape[self.mention_at[named] + len(f"⟦{named}⟧") :],
        ):
            return [self.mentions[named].name]  # "denied Askew's account"
        known = self.state.accusers.get(actor)
        if known:
            return list(known)
        for i in range(len(self.mentions)):
            if self.mention_at[i] >= after and self.mentions[i].kind in ("name", "short"):
                name = self.mentions[i].name
                before = self.shape[max(0, self.mention_at[i] - 12) : self.mention_at[i]]
                if (
                    name
                    and name != actor
                    and self.mentions[i].is_person
                    and not re.search(r"\bwith\s+$", before)
                ):
                    return [name]
        return []

    def _other(self, actors: list[str], trig: int) -> list[str]:
        for i in range(len(self.mentions)):
            name = self.mentions[i].name
            if (
                name
                and name not in actors
                and self.mentions[i].is_person
                and not self.in_quote(self.mention_at[i])
            ):
                return [name]
        focus = self._focus(actors)
        return [focus] if focus else []

    def _after_or_focus(self, after: int, actors: list[str]) -> list[str]:
        for i in range(len(self.mentions)):
            if self.mention_at[i] >= after and not self.in_quote(self.mention_at[i]):
                name = self.resolve(i, role="object", exclude=actors)
                if name and self.mentions[i].is_person:
                    return [name]
        focus = self._focus(actors)
        return [focus] if focus else []

    def _focus(self, exclude: list[str]) -> str | None:
        """The person the article is most about: most often the target of its events so far, then
        most often named."""
        state = self.state
        names = [n for n in state.person_counts if n not in exclude]
        if not names:
            return None
        return max(names, key=lambda n: (state.target_counts.get(n, 0), state.person_counts[n]))

    # --- dates
    def date(self, mine: list[Found], dates: list[DateMention]) -> None:
        """Date this sentence's events from its date phrases (see the module docstring)."""
        if not mine or not dates:
            return
        s = self.sentence.start
        bounds = [0] + [m.start() for m in _SUBORDINATE.finditer(self.text)] + [len(self.text)]
        commas = [i + 1 for i, c in enumerate(self.text) if c == ","]
        cuts = sorted(set(bounds + commas))

        def segment(position: int) -> int:
            return bisect.bisect_right(cuts, position - s) - 1

        # A clause with an event of its own, found or not ("after he was accused earlier this
        # week"), keeps its dates to itself.
        claimed = {segment(f.trigger) for f in mine} | {
            segment(s + m.start()) for m in _ACTION_WORD.finditer(self.text)
        }
        relative = [(self.text_position(a), self.text_position(b)) for a, b, _ in self.relative]

        def clause(position: int) -> tuple[int, int] | None:
            return next(((a, b) for a, b in relative if a <= position < b), None)

        usable = [d for d in dates if d.span is not None]
        for f in mine:
            # a date inside a relative clause ("who worked for him in 2019") describes that clause
            near = [d for d in usable if clause(s + d.start) == clause(f.trigger)]
            own = [d for d in near if segment(s + d.start) == segment(f.trigger)]
            # "On Saturday, the leader had stood by her": an opening date phrase is the main clause's
            own = own or [d for d in near if d.kind == "weekday" and _OPENER.fullmatch(self.text[: d.start])]
            free = [d for d in near if segment(s + d.start) not in claimed]
            choice = own or free
            if choice:
                best = min(choice, key=lambda d: abs(s + d.start - f.trigger))
                f.span, f.date_text, f.own_date = best.span, best.text, bool(own)

    def _statement_tail(self) -> str | None:
        """What follows the subject, when the sentence reports a statement by it."""
        if not self.subject:
            return None
        index = next(
            (i for i, m in enumerate(self.mentions) if self.resolve(i, "subject") == self.subject), None
        )
        if index is None:
            return None
        tail = self.shape[self.mention_at[index] + len(f"⟦{index}⟧") :]
        tail = re.sub(r"^,[^,]*,", "", tail)  # an appositive between subject and verb
        if _STATEMENT.match(tail) or re.search(rf"\b{_SPEECH}\b", tail[:40]):
            return tail
        return None

    def named_among(self) -> list[str]:
        """ "Among the signers were Mayors A of X, B of Y and C of Z": some of the actors counted before."""
        among = _AMONG.match(self.shape)
        if not among:
            return []
        group = re.match(GROUP, self.shape[among.end() :])
        names = self._names(self._group(group.group(0)), "subject") if group else []
        return names if len(names) > 1 else []

    def subject_group(self) -> list[str]:
        """The names of the sentence's subject when it names several actors ("A, B and C said")."""
        for i in range(len(self.mentions)):
            at = self.mention_at[i]
            if self.mentions[i].kind == "pronoun" or self.in_quote(at) or not self._subject_like(i):
                continue
            names = [self.mentions[k].name for k in self._left(at + 1)]
            return [n for n in names if n] if len(names) > 1 else []
        return []

    def states_something(self) -> bool:
        return self._statement_tail() is not None

    def finish(self, dates: list[DateMention]) -> None:
        """Remember this sentence's subject and, if it dates a statement, the actor's anchor."""
        if self.subject:
            first = next((m for m in self.mentions if m.name == self.subject), None)
            self.state.subjects.append((self.subject, first.is_person if first else True))
            index = self.mentions.index(first) if first else None
            if index is not None and not self.in_quote(self.mention_at[index]):
                group = [self.mentions[k].name for k in self._left(self.mention_at[index] + 1)]
                if len(group) > 1:
                    self.state.last_group = [g for g in group if g]
        for m in self.mentions:
            if m.kind in ("name", "short") and m.name:
                self.state.saw(m)
        exact = [d for d in dates if d.exact and d.kind not in ("year", "vague")]
        if self.subject and exact and self._statement_tail() is not None:
            position = self.sentence.start + exact[0].start
            self.state.anchors.setdefault(self.subject, []).append(
                (position, exact[0].span, exact[0].text)  # type: ignore[arg-type]
            )
