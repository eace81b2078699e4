"""Rule matching: which rules fire where in a sentence's shape, and which matches a negation, a
modal or a condition blocks. Deciding who did what to whom is roles.py's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import ahocorasick

from .rules import Rule, RuleSet

__all__ = ["HYPOTHETICAL", "MODAL", "NEGATION", "Hit", "Matcher", "blocked_by"]

NEGATION = re.compile(
    r"(?:\bnot|n't|\bnever|\bno\s+longer|\bdeclin\w+\s+to|\brefus\w+\s+to|\bno\s+plans?\s+to|\bdenied\s+that|\bwithout|"
    r"\bstop\w*\s+short\s+of|\bfell\s+short\s+of|\bfail\w*\s+to|\bhas\s+yet\s+to|\bhave\s+yet\s+to)"
    r"(?:\s+[\w'-]+){0,3}\s*$"
)
MODAL = re.compile(
    r"(?:\bwill|\bwould|\bcould|\bmight|\bmay|\bplans?\s+to|\bplanning\s+to|\bexpected\s+to|\bconsider\w*|"
    r"\bthreaten\w*\s+to|\bcompelled\s+to|\bgoing\s+to|\bready\s+to|\bif|"
    # "the nominee should withdraw from the race": asked of someone, not done
    r"\bshould|\bmust|\bought\s+to|\bneeds?\s+to)(?:\s+[\w'-]+){0,3}\s*$"
)
# "If these allegations are true, he should step aside": a condition, not an event; "Asked whether
# he would call on her to drop out": a question
HYPOTHETICAL = re.compile(
    r"(?:\bif\b|\bunless\b|\bshould\s+(?:the|these|those|it|he|she|they)\b|\bwere\s+(?:he|she|they|it)\b)[^;]*$"
    r"|\bwhether\b[^,;]*$"  # a question ends at its comma: "after debating whether to wait, it endorsed"
)


# ""The SNP has withdrawn its support for X," a spokesperson said": a quotation stating what a named
# actor did, in the third person, is read as narration is
_NAMED_IN_QUOTE = re.compile(r"\"(?:[^\"⟦]{0,60}?,\s+)?(?:the\s+)?⟦\d+⟧\s+(?:has|have|had)\s+(?:now\s+)?$")


def blocked_by(before: str, modal_ok: bool = False) -> str | None:
    """Why the words before a trigger keep it from being an event: negation, modal, hypothetical."""
    if NEGATION.search(before[-60:]):
        return "negation"
    if not modal_ok and MODAL.search(before[-50:]):
        return "modal"
    if HYPOTHETICAL.search(before[-120:]):
        return "hypothetical"
    return None


@dataclass(slots=True)
class Hit:
    """One rule's match in a shape: where its trigger stands, and what blocks it (if anything)."""

    rule: Rule
    match: re.Match
    trig: int  # the trigger's position in the shape
    blocked: str | None = None  # negation, modal or hypothetical
    released: bool = False  # nothing was made of it: its words are free for later rules

    def release(self) -> None:
        self.released = True


class Matcher:
    """Tries a rule set's rules, in order, on shapes: a rule is tried only when the shape holds one
    of its hints; a match overlapping one an earlier rule claimed is passed over."""

    def __init__(self, rules: RuleSet):
        self.rules = rules.rules
        self.hints = rules.hints
        # Every hint a shape holds, overlapping or not, in one pass over it (instead of a substring
        # test per hint: two hundred of them)
        self._hint_finder = ahocorasick.Automaton()
        for hint in self.hints:
            self._hint_finder.add_word(hint, hint)
        if self.hints:
            self._hint_finder.make_automaton()
        # the rules worth trying for each set of hints a shape holds (few sets recur across sentences)
        self._worth: dict[frozenset[str], tuple[Rule, ...]] = {}

    @classmethod
    def for_rules(cls, rules: RuleSet) -> Matcher:
        """The one matcher of a rule set, so what it learns carries over from article to article."""
        kept = _MATCHERS.get(id(rules))
        if kept is None or kept[0] is not rules:
            kept = _MATCHERS[id(rules)] = (rules, cls(rules))  # the rule set is held: its id stays its own
        return kept[1]

    def _worth_trying(self, shape: str) -> tuple[Rule, ...]:
        """The rules with a hint in `shape` (and any without hints)."""
        present = frozenset([hint for _, hint in self._hint_finder.iter(shape)] if self.hints else ())
        rules = self._worth.get(present)
        if rules is None:
            rules = tuple(r for r in self.rules if not r.hints or not present.isdisjoint(r.hints))
            self._worth[present] = rules
        return rules

    def hits(self, shape: str, in_quote: Callable[[int], object]) -> Iterator[Hit]:
        """The matches in `shape`, in rule order, whose trigger stands inside a quotation exactly
        when the rule wants one. A hit claims its words until the caller releases it (it made
        nothing of it, or its rule does not claim) before asking for the next hit."""
        claimed: list[tuple[int, int]] = []
        for rule in self._worth_trying(shape):
            for match in rule.pattern.finditer(shape):
                a, b = match.span()
                if any(a < y and b > x for x, y in claimed):
                    continue
                trig = match.start("trig")
                quote = in_quote(trig)
                if bool(quote) != rule.in_quotes and not (quote and _NAMED_IN_QUOTE.search(shape, 0, trig)):
                    continue
                claimed.append((a, b))
                hit = Hit(rule, match, trig, blocked_by(shape[:trig], rule.modal_ok))
                yield hit
                if hit.released:
                    claimed.pop()


_MATCHERS: dict[int, tuple[RuleSet, Matcher]] = {}
