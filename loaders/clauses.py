"""The grammar of one sentence as the rules see it: its *shape* (the lowercased sentence with each
mention replaced by ⟦i⟧), its quotations and relative clauses, and which mentions could be a
clause's subject. Knows nothing of the article around it (coreference.py does).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .articles import Article
from .mentions import Mention

__all__ = ["MENTION", "Clause", "Sentence", "build_clause", "placeholder"]

_PREPOSITIONS = {
    "of", "for", "against", "to", "from", "with", "by", "about", "on", "at", "in", "behind", "over",
    "toward", "towards", "into", "than", "like", "including", "between", "among", "amid",
    "under", "upon", "via", "within", "without", "besides",
}  # fmt: skip
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
    r"^\s+(?:members?|officials?|leaders?|staff|staffers?|employees?|lawmakers?|activists?|voters?|mps|mlas|tds|"
    r"msps|councill?ors|senators|legislators|aldermen|mayors|"
    r"supporters?|spokes(?:man|woman|person)|president|secretary|chair(?:man|woman)?|executive|branch|"
    r"candidates?|delegates?|organizers?|volunteers?|reports?|story|stories|investigations?|articles?|reporters?|"
    r"reporting|analysis|poll)\b"
)
_MEMBERS_OF = re.compile(
    r"(?:^|[,;:]|\b(?:and|but))\s*(?:members|leaders|officials|delegates|officers)\s+of$"
)
# (clause start, clause end, antecedent): ", who ... ," after a name; "Keith Arsenault, the Liberal
# campaign co-chair, who accused Dempsey": past the apposition
_RELATIVE = re.compile(
    # (the apposition may hold a name that modifies a noun: "a former ⟦Whitfield⟧ donor")
    r"⟦(\d+)⟧(?:,\s+(?:the|a|an|his|her|its|their)\s+(?:[^,;⟦\"]|⟦\d+⟧(?=\s+[a-z])){0,60})?"
    r"(,\s+(?:who|which|whose)\b[^,;]*(?:,|$))"
)
_CLAUSE_OPENS = re.compile(r"(?:^|[,;:]|\b(?:and|but|day|night|morning|afternoon|evening|week))\s*$")
_APPOSED = re.compile(r"⟦(\d+)⟧,\s+(?:the|a|an)\s+$")  # a name, then the description in apposition
_OFFICE_APPOSITION = re.compile(r",\s+(?:[a-z][\w-]*\s+){1,4}(?:of|for|at)\s+(?:the\s+)?")
MENTION = re.compile(r"⟦(\d+)⟧")  # a mention in a shape, its index the group
_WORD_OR_COMMA = re.compile(r"[a-z,] ")
_NEXT_MENTION = re.compile(r"\s+⟦(\d+)⟧")
_ARTICLES_BEFORE = re.compile(r"(?:\s+(?:the|a|an))+$")
_OWNER_BEFORE = re.compile(r"(?:\s+(?:the\s+)?⟦\d+⟧'s)+$")
_LAST_WORD = re.compile(r"[\w']+$")
_PARTICIPLE = re.compile(r"(?:ed|ing)$")
_GERUND_AFTER = re.compile(r"\s+\w+ing\b")


def placeholder(index: int) -> str:
    """How mention `index` stands in the shape."""
    return f"⟦{index}⟧"


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    eventful: bool = True  # holds an action word: worth trying the rules on
    # In an embedded social-media post: where its attribution line names the author, and its date
    post: tuple[int, int] | None = None
    said_on: dt.date | None = None


@dataclass(slots=True)
class Clause:
    """One sentence's shape, quotations and relative clauses over its mentions (in text order)."""

    article: Article
    folded: str  # the whole article, folded (mentions.fold)
    sentence: Sentence
    number: int  # the sentence's place in the article
    mentions: list[Mention]
    group: re.Pattern  # a coordinated group of mentions ("A, B and C")
    text: str = ""  # the folded sentence
    shape: str = ""
    mention_at: list[int] = field(default_factory=list)  # each mention's position in the shape
    offsets: list[tuple[int, int]] = field(default_factory=list)  # (shape, text) positions at mention edges
    quotes: list[tuple[int, int]] = field(default_factory=list)  # shape spans inside quotation marks
    quote_open_at_end: bool = False
    relative: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, antecedent index)

    # --- positions
    def text_position(self, shape_position: int) -> int:
        """Where a shape position falls in the folded article text."""
        base_shape, base_text = 0, self.sentence.start
        for sp, tp in self.offsets:
            if sp > shape_position:
                break
            base_shape, base_text = sp, tp
        return base_text + (shape_position - base_shape)

    def after(self, index: int) -> int:
        """The shape position just after mention `index`."""
        return self.mention_at[index] + len(placeholder(index))

    def in_quote(self, position: int) -> tuple[int, int] | None:
        for span in self.quotes:  # a plain loop: asked for every mention, a generator costs more
            if span[0] <= position < span[1]:
                return span
        return None

    def in_relative(self, position: int) -> tuple[int, int, int] | None:
        for relative in self.relative:
            if relative[0] <= position < relative[1]:
                return relative
        return None

    def indexes(self, text: str | None) -> list[int]:
        """The mention indexes in a stretch of shape."""
        return [int(n) for n in MENTION.findall(text)] if text else []

    # --- subjects
    def objectish(self, index: int) -> bool:
        """A mention that is the object of a preposition (or a possessive) cannot be a subject."""
        m = self.mentions[index]
        if m.possessive:
            return True
        before = _ARTICLES_BEFORE.sub("", " " + self.shape[: self.mention_at[index]].rstrip())
        before = _OWNER_BEFORE.sub("", before)  # "wrote to Labour's Cllr X": X is the preposition's object
        if _MEMBERS_OF.search(before):  # "Members of Inland Laborers Local 238 voted": the local acts
            return False
        last = _LAST_WORD.findall(before)
        return bool(last) and last[0] in _PREPOSITIONS

    def subject_like(self, index: int) -> bool:
        """Could this mention be the subject of a clause? Not a possessive, not the object of a
        preposition or of an action verb, not an object pronoun, not a modifier ("Council members")."""
        m = self.mentions[index]
        if self.objectish(index):
            return False
        if m.kind == "pronoun" and m.text.lower() in ("him", "her", "them"):
            return False
        end = self.after(index)
        if _MODIFIED.match(self.shape[end : end + 30]):
            return False
        titled = _NEXT_MENTION.match(self.shape, end)
        if not m.is_person and titled and self.mentions[int(titled.group(1))].title:
            return False  # "National Party president Judith Carrow": the party names her office
        before = _LAST_WORD.findall(self.shape[: self.mention_at[index]].rstrip())
        if before:
            word = before[0]
            if word not in _SPEECH_VERBS and (word in _ACTION_VERBS or _PARTICIPLE.search(word)):
                return False
        return True

    def left(self, position: int, exclude: tuple[int, ...] = ()) -> list[int]:
        """The nearest subject-like mention group before `position` in the same clause."""
        relative = self.in_relative(position)
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
            if clause and not _GERUND_AFTER.match(self.shape[at + clause.end() :]):
                break  # the trigger's clause, with a subject of its own, starts after this mention
            if self.in_quote(at) != quote or not self.subject_like(i) or self.in_relative(at):
                continue
            best = i
            break
        if best is None:
            return []
        apposed = _APPOSED.search(self.shape, 0, self.mention_at[best])
        if (
            apposed
            and _CLAUSE_OPENS.search(self.shape, 0, apposed.start())  # (not "Unlike the X, the Y, which …")
            and self.shape.startswith(",", self.after(best))
            and self.mentions[int(apposed.group(1))].is_person == self.mentions[best].is_person
        ):
            return [int(apposed.group(1))]  # "Sunrise NYC, the New York chapter of X, rescinded": Sunrise NYC
        # widen to the coordination it belongs to
        for m in self.group.finditer(self.shape):
            members = self.indexes(m.group(0))
            if best in members:
                if members[0] != best and not self.subject_like(members[0]):
                    return [best]  # "According to the Tribune, the union ...": no coordination
                return [i for i in members if not self.mentions[i].possessive]
        return [best]


def build_clause(
    article: Article,
    folded: str,
    sentence: Sentence,
    number: int,
    mentions: list[Mention],
    group: re.Pattern,
    quote_open: bool,
) -> Clause:
    """The clause of `sentence` over its `mentions` (sorted by start); `quote_open`: a quotation
    opened in an earlier sentence is still open."""
    clause = Clause(article, folded, sentence, number, mentions, group, folded[sentence.start : sentence.end])
    _shape(clause)
    _share_titles(clause)
    if sentence.post:  # an embedded post is a quotation of its author
        clause.quotes, clause.quote_open_at_end = [(0, len(clause.shape))], quote_open
    else:
        clause.quotes, clause.quote_open_at_end = _quotes(clause.shape, quote_open)
        # "said she was "sticking with Dante"": a fragment quoted inside the reporter's own clause is
        # narration (it opens in lower case after a word or comma), not a quotation of a speaker
        clause.quotes = [(a, b) for a, b in clause.quotes if not _fragment(clause, a, b)]
    clause.relative = [
        (m.start(2), m.end(), _antecedent(clause, m)) for m in _RELATIVE.finditer(clause.shape)
    ]
    return clause


def _antecedent(clause: Clause, relative: re.Match) -> int:
    """The mention a relative clause is about; "who" after an organisation in apposition to a
    person ("Fiona Baird, chairwoman of the Tenants' Forum, who accused …") is the person's."""
    index = int(relative.group(1))
    if (
        index > 0
        and relative.group(2).lstrip(", ").startswith("who ")
        and not clause.mentions[index].is_person
        and clause.mentions[index - 1].is_person
        and _OFFICE_APPOSITION.fullmatch(clause.shape[clause.after(index - 1) : clause.mention_at[index]])
    ):
        return index - 1
    return index


def _shape(clause: Clause) -> None:
    folded, cursor = clause.folded, clause.sentence.start
    parts: list[str] = []
    length = 0
    for i, m in enumerate(clause.mentions):
        chunk = folded[cursor : m.start].lower()
        parts.append(chunk)
        length += len(chunk)
        clause.offsets.append((length, m.start))
        token = placeholder(i)
        clause.mention_at.append(length)
        parts.append(token)
        length += len(token)
        clause.offsets.append((length, m.end))
        cursor = m.end
    parts.append(folded[cursor : clause.sentence.end].lower())
    clause.shape = "".join(parts)


def _share_titles(clause: Clause) -> None:
    """A plural title in front of several names ("State Senators A and B") is each one's."""
    for m in clause.group.finditer(clause.shape):
        members = clause.indexes(m.group(0))
        title = clause.mentions[members[0]].title
        if len(members) > 1 and title and title.endswith("s"):
            single = title[:-1]
            for i in members:
                if clause.mentions[i].title in (None, title):
                    clause.mentions[i].title = single


def _fragment(clause: Clause, a: int, b: int) -> bool:
    if a == 0 or not clause.shape.startswith('"', a) or b - a > 160:
        return False
    position = clause.text_position(a)
    after = clause.folded[position + 1 : position + 2]
    before = clause.folded[max(clause.sentence.start, position - 2) : position]
    return after.islower() and bool(_WORD_OR_COMMA.fullmatch(before))


def _quotes(shape: str, open_at_start: bool) -> tuple[list[tuple[int, int]], bool]:
    """The quotation spans of a shape, and whether a quotation is still open at its end."""
    if '"' not in shape:
        return ([(0, len(shape))] if open_at_start else []), open_at_start
    spans = []
    inside = open_at_start
    start = 0
    for i, char in enumerate(shape):
        if char == '"':
            if inside:
                spans.append((start, i + 1))
            else:
                start = i
            inside = not inside
    if inside:
        spans.append((start, len(shape)))
    return spans, inside
