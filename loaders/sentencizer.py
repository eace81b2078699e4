"""Sentence boundaries as spaCy's rule-based sentencizer draws them, computed on the tokenizer's
arrays: the pipeline's own sentencizer makes a Python object of every token, and its sentences
are spans of those (a sixth of the extractor's time before this). Same rule, same boundaries:
a sentence starts at the first token after a sentence-ending character that is itself neither
punctuation nor such a character."""

from __future__ import annotations

from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH
from spacy.language import Language

__all__ = ["Sentencizer"]

_ATTRIBUTES = [ORTH, IS_PUNCT, IDX, LENGTH]


class Sentencizer:
    """The sentences of a text as (start, end) character offsets, for a pipeline made of a
    tokenizer and spaCy's `sentencizer` (the blank pipeline the extractor reads with)."""

    def __init__(self, nlp: Language):
        self.tokenizer = nlp.tokenizer
        self.enders = {nlp.vocab.strings.add(char) for char in nlp.get_pipe("sentencizer").punct_chars}

    def __call__(self, text: str) -> list[tuple[int, int]]:
        rows = self.tokenizer(text).to_array(_ATTRIBUTES).tolist()
        if not rows:
            return []
        enders = self.enders
        starts = [0]
        seen_ender = False
        for i, (orth, punct, _, _) in enumerate(rows):
            if orth in enders:
                seen_ender = True
            elif seen_ender and not punct:
                starts.append(i)
                seen_ender = False
        ends = starts[1:] + [len(rows)]
        return [(rows[s][2], rows[e - 1][2] + rows[e - 1][3]) for s, e in zip(starts, ends, strict=True)]
