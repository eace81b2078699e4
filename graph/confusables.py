"""Names that look alike but are spelled with letters of other scripts (a Cyrillic "с" in "Scott").

Such a name resolves to a second entity and quietly takes facts away from the real one. `skeleton`
maps every letter to the Latin letter it can be mistaken for (Unicode's confusables table, as
shipped by `confusable_homoglyphs`), so two names with the same skeleton but different spellings
are confusable. Nothing here merges anything: callers warn.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable

from .entities import normalize

__all__ = ["confusable_pairs", "foreign_letters", "skeleton"]


@functools.cache
def _table() -> dict[str, str]:
    """Non-ASCII character -> the ASCII letter or digit it looks like."""
    from confusable_homoglyphs import confusables

    table: dict[str, str] = {}
    for char, glyphs in confusables.confusables_data.items():
        ascii_glyphs = [g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalnum()]
        if not char.isascii() and ascii_glyphs:
            table.setdefault(char, ascii_glyphs[0])
        elif char.isascii() and char.isalnum():
            for glyph in glyphs:
                if len(glyph["c"]) == 1 and not glyph["c"].isascii():
                    table.setdefault(glyph["c"], char)
    return table


def skeleton(name: str) -> str:
    """The name as it looks: look-alike letters of other scripts replaced by Latin ones, then
    normalized (case, accents, punctuation)."""
    table = _table()
    return normalize("".join(table.get(c, c) for c in name))


def foreign_letters(name: str) -> list[str]:
    """The look-alike letters of other scripts in `name`, by Unicode name."""
    table = _table()
    return [unicodedata.name(c, hex(ord(c))) for c in dict.fromkeys(name) if c in table]


def confusable_pairs(names: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs (first seen, other) of names that look the same but are spelled differently, with at
    least one letter from another script: each pair once, in the order the names came."""
    by_look: dict[str, list[str]] = {}
    spellings: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for name in names:
        spelling = normalize(name)
        if spelling in spellings:
            continue
        spellings.add(spelling)
        seen = by_look.setdefault(skeleton(name), [])
        pairs += [(other, name) for other in seen if foreign_letters(name) or foreign_letters(other)]
        seen.append(name)
    return pairs
