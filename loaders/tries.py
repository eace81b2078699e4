"""Regular expressions built as tries from word lists: sre then follows one branch per character
instead of trying every word at every position (the words' alternation is many times slower)."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["any_of", "longest_first"]


def _trie(words: Iterable[str]) -> dict[str, dict]:
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def any_of(words: Iterable[str]) -> str:
    """A pattern matching where any of `words` starts ("accus" and "accused" share a branch, which
    stops at "accus"); a pattern that never matches when there are none."""

    def branch(node: dict[str, dict]) -> str:
        if "" in node:
            return ""  # a word ends here: what could follow adds no match
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    trie = _trie(words)
    return branch(trie) if trie else "(?!)"


def longest_first(forms: Iterable[str]) -> str:
    """A pattern matching the longest of `forms` that the rest of the pattern lets match: the same
    matches as the forms' alternation sorted longest first."""

    def branch(node: dict[str, dict]) -> str:
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        if "" in node:  # a form ends here: longer ones first, then this one
            return body + "?" if len(alternatives) == 1 and len(alternatives[0]) == 1 else f"(?:{body})?"
        return body

    return "(?:" + branch(_trie(forms)) + ")"
