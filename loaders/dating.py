"""Dates of a sentence's events: a date phrase belongs to the clause it stands in, and a clause with
an event of its own keeps its date to itself; a sentence that reports a dated statement by its
subject anchors that actor's undated events of the article (extract.py applies the anchors).
"""

from __future__ import annotations

import bisect
import re

from .clauses import Clause
from .coreference import State, resolve
from .datetext import DateMention
from .roles import Found

__all__ = ["date_events", "remember_statement", "statement_tail"]

_SUBORDINATE = re.compile(r"\b(?:after|before|when|because|since|while|although|though|until|once)\b|;")
_OPENER = re.compile(r"\s*(?:(?:but|and|then|so)\s+)?(?:on|late|early|by)?\s*", re.IGNORECASE)
_ACTION_WORD = re.compile(
    r"\b(?:accus|alleg|endors|withdr[ae]w|rescind|revok|resign|denied|deny|denies|backing|charged)\w*|"
    r"\bdrop\w*\s+out\b|\bstep\w*\s+(?:down|aside)\b",
    re.IGNORECASE,
)
_SPEECH = (
    r"(?:said|says|added|adds|wrote|writes|tweeted|tweets|told|stated|declared|argued|continued|noted|"
    r"explained|insisted|announced|posted)"
)
_STATEMENT = re.compile(
    rf"^\s*(?:also\s+|then\s+|later\s+)?(?:{_SPEECH}|issued|released|put\s+out|made\s+(?:her|his|its|their)\s+stance|"
    r"sent|published|responded)\b"
)
_SPEECH_WORD = re.compile(rf"\b{_SPEECH}\b")
_APPOSITIVE = re.compile(r"^,[^,]*,")


def date_events(clause: Clause, mine: list[Found], dates: list[DateMention]) -> None:
    """Date the sentence's events `mine` from its date phrases `dates` (see the module docstring)."""
    if not mine or not dates:
        return
    s, text = clause.sentence.start, clause.text
    bounds = [0] + [m.start() for m in _SUBORDINATE.finditer(text)] + [len(text)]
    commas = [i + 1 for i, c in enumerate(text) if c == ","]
    cuts = sorted(set(bounds + commas))

    def segment(position: int) -> int:
        return bisect.bisect_right(cuts, position - s) - 1

    # A clause with an event of its own, found or not ("after he was accused earlier this
    # week"), keeps its dates to itself.
    claimed = {segment(f.trigger) for f in mine} | {
        segment(s + m.start()) for m in _ACTION_WORD.finditer(text)
    }
    relative = [(clause.text_position(a), clause.text_position(b)) for a, b, _ in clause.relative]

    def within(position: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in relative if a <= position < b), None)

    usable = [d for d in dates if d.span is not None]
    for f in mine:
        # a date inside a relative clause ("who worked for him in 2019") describes that clause
        near = [d for d in usable if within(s + d.start) == within(f.trigger)]
        own = [d for d in near if segment(s + d.start) == segment(f.trigger)]
        # "On Saturday, the leader had stood by her": an opening date phrase is the main clause's
        own = own or [d for d in near if d.kind == "weekday" and _OPENER.fullmatch(text[: d.start])]
        free = [d for d in near if segment(s + d.start) not in claimed]
        choice = own or free
        if choice:
            best = min(choice, key=lambda d: abs(s + d.start - f.trigger))
            f.span, f.date_text, f.own_date = best.span, best.text, bool(own)


def statement_tail(clause: Clause, state: State, subject: str | None) -> str | None:
    """What follows the subject, when the sentence reports a statement by it."""
    if not subject:
        return None
    index = next(
        (i for i in range(len(clause.mentions)) if resolve(clause, state, i, "subject") == subject), None
    )
    if index is None:
        return None
    after = clause.shape[clause.after(index) :]
    # an appositive between subject and verb; or a qualifier's comma ("Sen. X, D-Vt., issued …")
    for tail in (_APPOSITIVE.sub("", after), after.lstrip(", ")):
        if _STATEMENT.match(tail) or _SPEECH_WORD.search(tail[:40]):
            return tail
    return None


def remember_statement(clause: Clause, state: State, subject: str | None, dates: list[DateMention]) -> None:
    """A sentence dating a statement by its subject anchors the subject's undated events."""
    exact = [d for d in dates if d.exact and d.kind not in ("year", "vague")]
    if subject and exact and statement_tail(clause, state, subject) is not None:
        position = clause.sentence.start + exact[0].start
        state.anchors.setdefault(subject, []).append((position, exact[0].span, exact[0].text))  # type: ignore[arg-type]
