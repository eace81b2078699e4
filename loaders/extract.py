"""The article extractor: raw news text in, dated events out, each with its evidence sentence.

Offline and deterministic: spaCy's blank English pipeline (tokenizer and sentencizer, or a trained
pipeline the user names) splits sentences; names come from the entities and alias tables plus
proper-name rules; actions from the rules in rules.jsonl (ARCHITECTURE.md lists the parts). Short
names and pronouns resolve within one article only, and a short name that could mean two people of
the article stays unresolved.

Dates: a date phrase belongs to the clause it stands in; a clause with its own event keeps its date
to itself. An event with no date phrase takes the date of a dated statement by the same actor in
the article ("The party issued a statement late on Friday afternoon"), else it is bounded by the
publication date (it was reported by then), else it has no date.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..graph.dates import Span, narrow, precision
from ..graph.entities import Registry
from ..graph.errors import InputError
from ..graph.events import Event, Source
from .articles import Article
from .clauses import Sentence
from .coreference import ACTS_FOR, State
from .datetext import DateMention, find_dates
from .mentions import Gazetteer, Mention, absorb_qualifier, absorb_title, fold, is_title, proper_names
from .roles import ANY_COUNT, Found
from .rules import RULE_SET
from .sentences import Reading, SentenceContext
from .sentencizer import Sentencizer
from .tries import any_of
from .trusted_events import trusted_event

__all__ = ["Extraction", "Extractor", "Skipped"]


_PARAGRAPH_WORD = re.compile(any_of(RULE_SET.paragraph_words))


def _eventful(lowered: str, start: int = 0, end: int | None = None) -> bool:
    """Could a rule fire anywhere in lowered[start:end]: does one of the paragraph words stand in
    it? One trie search: far faster than a test per word or one long alternation; a false
    positive costs only a spaCy pass."""
    return _PARAGRAPH_WORD.search(lowered, start, len(lowered) if end is None else end) is not None


# The lookaheads first: a pattern is otherwise tried at every position of the article
_CREDIT = re.compile(
    # (a byline's next line when it names the reporter's beat: "City Hall Reporter")
    r"(?=[ \t(|BCIP])(?:^[ \t]*(?:By|BY)[ \t]+[A-Z][^\n]{0,150}$"
    r"(?:\n[ \t]*[A-Z][^\n.!?]{0,50}\b(?:Reporter|Correspondent|Writer|Editor|Bureau|Desk|Columnist)$)?|"
    r"\((?:AP\s+)?(?:Photo|Photograph|Picture|Image|Credit)\b[^)\n]{0,100}\)|"
    r"^[ \t]*(?:Photo|Photograph|Picture|Image(?:\s+source)?|Credit)[ \t]*:[^\n]{0,100}$|"
    r"\b(?:Photograph|Picture|Credit|Image(?:\s+source)?)[ \t]*:[^\n.]{0,80}|"
    r"\([A-Z][\w.' ]{1,40}/[A-Z][^)\n]{0,60}\)|"
    # "(ABC News: Claire Moodie)", "(Supplied: …)"
    r"\((?:[A-Z][\w.'-]*[ \t]?){1,3}:[ \t]*[A-Z][\w.' -]{1,40}\)|"
    r"\|[ \t]*[A-Z][\w.' -]{1,40}/[^\n]{0,60}$)",
    re.MULTILINE,
)
# ranks that keep a force inside the title ("former NYPD captain X"); a union's president speaks for it
_TITLE_WORDS_ONLY = re.compile(r"[ \t]+(?:captain|officer|detective|sergeant|commander|lieutenant)[ \t]+")
_DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]?[A-Z]{1,6})\)")
_CHAINED = re.compile(
    r"\b(?:the day (?:prior|before|after)|a day (?:earlier|before|later)|"
    r"the (?:previous|next|following) day)\b",
    re.IGNORECASE,
)
_CHEAP_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"')\]]*|$)")
# A "sentence" ending in a title or an initial was cut too early: "Coun. | Amrit Dhaliwal said".
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:Coun|Cllr|Sen|Sens|Rep|Reps|Gov|Lt|Ald|Dr|Mr|Mrs|Ms|St|Gen|Col|Capt|Sgt|Supt|Insp|Det|Hon|"
    r"Rev|Prof|Assemblywoman|Assemblyman|Del|Atty|Com|Comm|Sup)|(?<![\w.])[A-Z])\.\s*$"
)
# An embedded social-media post closed by its attribution line: "— Name (@handle) Month D, YYYY".
_ATTRIBUTION = re.compile(
    r"(?=-)(?:^|(?<=\s))-\s*(?P<who>[^\n()@-][^\n()@]{0,80}?)\s*\(@\w+\)\s*(?P<date>[^\n]{0,40}?)\s*$"
)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A sentence with event words that made no event, and why (see SentenceContext.explanation)."""

    origin: str  # file:line
    sentence: str
    reason: str  # negation, modal, hypothetical, no actor found, no target found, ambiguous name, …
    rule: str | None = None  # the rule that matched and then gave up, if one did


@dataclass
class Extraction:
    events: list[Event] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # "article:offset: problem"
    skipped: list[Skipped] = field(default_factory=list)  # what --explain lists


class Extractor:
    """Extracts events from articles, knowing only the entities and alias tables (the registry)."""

    def __init__(self, registry: Registry, spacy_model: str | None = None):
        import spacy

        self.registry = registry
        self.rules = RULE_SET
        self._gazetteers: dict[str | None, Gazetteer] = {}  # one per race: names never cross races
        if spacy_model:
            try:
                self.nlp = spacy.load(spacy_model, exclude=["ner", "lemmatizer", "textcat"])
            except (OSError, ValueError, ImportError) as err:
                first = str(err).splitlines()[0] if str(err) else type(err).__name__
                raise InputError(
                    [
                        f"--spacy-model {spacy_model}: cannot load this spaCy pipeline ({first}); "
                        "install it, or leave out --spacy-model to read with the blank English one"
                    ]
                ) from None
        else:
            self.nlp = spacy.blank("en")
            self.nlp.add_pipe("sentencizer")
        # The blank pipeline's sentences are drawn on the tokens' arrays; a trained one's come from its docs
        self.sentencizer = None if spacy_model else Sentencizer(self.nlp)
        self.max_length = self.nlp.max_length

    def _split(self, texts: list[str]) -> Iterator[list[tuple[int, int]]]:
        """Each text's sentences as (start, end) offsets in it."""
        if self.sentencizer is not None:
            return map(self.sentencizer, texts)
        docs = self.nlp.pipe(texts, batch_size=64)
        return ([(s.start_char, s.end_char) for s in doc.sents] for doc in docs)

    # ------------------------------------------------------------------ sentences
    def _pieces(self, text: str, start: int, end: int) -> Iterable[tuple[int, int, bool]]:
        """(start, end, opens a paragraph): paragraphs are separated by blank lines; one longer
        than spaCy's max_length is cut into pieces at spaces."""
        limit = min(self.max_length, 100_000)
        for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text[start:end]):
            a, b = start + m.start(), start + m.end()
            first = True
            while b - a > limit:
                cut = text.rfind(" ", a, a + limit)
                cut = cut if cut > a else a + limit
                yield a, cut, first
                a, first = cut, False
            if text[a:b].strip():
                yield a, b, first

    def _sentences(self, article: Article, folded: str) -> list[Sentence]:
        """Sentences with their paragraph. spaCy splits every paragraph a rule could fire in; a
        paragraph with no action word at all only feeds who-was-named, and a cheap split does."""
        pieces = list(self._pieces(article.text, article.body_start, len(article.text)))
        lowered = article.text.lower()
        eventful = [_eventful(lowered, a, b) for a, b, _ in pieces]
        splits = self._split([article.text[a:b] for (a, b, _), e in zip(pieces, eventful, strict=True) if e])
        out: list[Sentence] = []
        paragraph = -1
        for (a, b, opens), rich in zip(pieces, eventful, strict=True):
            paragraph += opens
            if rich:
                spans = [(a + s, a + e) for s, e in next(splits)]
            else:
                spans = [(a + m.start(), a + m.end()) for m in _CHEAP_SENTENCE.finditer(article.text[a:b])]
            spans = _rejoin(article.text, spans)
            post = _ATTRIBUTION.search(folded, a, b)
            if post:
                spans = [(s, min(e, post.start())) for s, e in spans if s < post.start()]
                said_on = find_dates(post.group("date"), article.published)
                day = said_on[0].span.exact if said_on and said_on[0].span else None
                spans = [(s, e) for s, e in spans if folded[s:e].strip()]
                out += [
                    Sentence(s, e, paragraph, rich, post=(post.start("who"), post.end("who")), said_on=day)
                    for s, e in spans
                ]
                out.append(Sentence(post.start(), post.end(), paragraph, False))
                continue
            out += [Sentence(s, e, paragraph, rich) for s, e in spans if article.text[s:e].strip()]
        return out

    # ------------------------------------------------------------------ mentions
    def gazetteer(self, scope: str | None) -> Gazetteer:
        if scope not in self._gazetteers:
            self._gazetteers[scope] = Gazetteer(self.registry, scope)
        return self._gazetteers[scope]

    def _mentions(self, folded: str, start: int, scope: str | None = None) -> list[Mention]:
        known = [m for m in self.gazetteer(scope).find(folded[start:])]
        for m in known:
            m.start += start
            m.end += start
        taken = [(m.start, m.end) for m in known]
        unknown = proper_names(folded[start:], [(a - start, b - start) for a, b in taken])
        for m in unknown:
            m.start += start
            m.end += start
        mentions = sorted(known + unknown, key=lambda m: (m.start, -(m.end - m.start)))
        credits = [(c.start(), c.end()) for c in _CREDIT.finditer(folded, start)]
        if credits:  # bylines and photo credits name reporters and photographers, never actors
            mentions = [m for m in mentions if not any(a <= m.start < b for a, b in credits)]
        kept: list[Mention] = []
        for m in mentions:
            if kept and m.start < kept[-1].end:
                continue  # inside a qualifier or a division: the longer mention stands
            if m.is_person and m.kind == "name":
                if kept and _riding(folded, kept[-1], m):
                    kept.pop()  # "Saint Boniface MP Marc Lachance": a riding, then a titled person
                absorb_qualifier(folded, m)
            else:
                _absorb_division(folded, m, kept[-1].end if kept else start)
                defined = _DEFINED_ACRONYM.match(folded, m.end)
                if defined:  # "the Valley Nurses Alliance (VNA)"
                    m.extra["acronym"] = defined.group(1)
            kept.append(m)
        _resolve_acronyms(kept)
        floor, out = start, []
        for m in kept:
            if m.is_person:  # titles are people's: "president of the X" stays in front of an org
                # ("former NYPD captain Eric Adams": an organisation inside the title is the title's)
                inside = (
                    out
                    and not out[-1].is_person
                    and _TITLE_WORDS_ONLY.fullmatch(folded, out[-1].end, m.start)
                )
                absorb_title(
                    folded, m, out[-2].end if inside and len(out) > 1 else start if inside else floor
                )
                while out and out[-1].start >= m.start:
                    out.pop()
            m.possessive = (
                folded.startswith("'s", m.end) or folded.startswith("' ", m.end) and m.text.endswith("s")
            )
            if m.possessive and ACTS_FOR.match(folded[m.end : m.end + 40]):
                m.possessive = False  # "the union's executive board voted": the union acts
            floor = m.end
            out.append(m)
        return out

    def extract(self, article: Article) -> Extraction:
        folded = _without_link_cards(fold(article.text))
        sentences = self._sentences(article, folded)
        mentions = self._mentions(folded, article.body_start, article.scope)
        starts = [m.start for m in mentions]
        reading = Reading(article, folded, rules=self.rules)
        for m in mentions:  # "Alderman Pettaway" in a headline, "Ruth Pettaway" in the text
            if m.is_person and m.name and " " in m.name:
                reading.state.article_surnames.setdefault(m.name.split()[-1], set()).add(m.name)
        found: list[Found] = []
        quote_open = False
        pending: list[Found] = []  # events whose counted actors a later sentence names
        counted: list[Found] = []  # every such event, named later or not: what later calls join
        skipped: list[Skipped] = []
        skipped_at: list[int] = []  # each skipped sentence's number
        listed = _listed_people(folded, sentences, mentions)

        anchors_at: dict[int, dt.date | None] = {}

        def anchor_for(number: int) -> dt.date | None:
            """The last exact date set earlier in this sentence's paragraph, else in the sentence
            just before ("The day prior" counts from it; news paragraphs are often one sentence).
            A chained date there counts from its own anchor ("a day earlier. ... the day before")."""
            if number in anchors_at:
                return anchors_at[number]
            anchors_at[number] = None  # no loops
            paragraph = sentences[number].paragraph
            for earlier in range(number - 1, -1, -1):
                if sentences[earlier].paragraph != paragraph and earlier < number - 1:
                    break
                s = sentences[earlier]
                text = folded[s.start : s.end]
                chained = anchor_for(earlier) if _CHAINED.search(text) else None
                exact = [d.span.exact for d in find_dates(text, article.published, chained) if d.exact]
                if exact:
                    anchors_at[number] = exact[-1]  # type: ignore[assignment]
                    break
            return anchors_at[number]

        for number, sentence in enumerate(sentences):
            lo = bisect.bisect_left(starts, sentence.start)
            hi = bisect.bisect_left(starts, sentence.end)
            sent_mentions = [m for m in mentions[lo:hi] if m.end <= sentence.end]
            author = self._author(article, folded, mentions, sentence.post) if sentence.post else None
            context = SentenceContext.read(reading, sentence, number, sent_mentions, quote_open, author)
            named = context.subject_group() if pending else []
            if pending and sentence.paragraph in listed:  # "The following legislators signed: - Rep. A …"
                named = listed.pop(sentence.paragraph)
            among = context.named_among() if pending else []
            for waiting in list(pending):
                if among:  # "Among the signers were A, B and C": some of those counted, each one acts
                    found += [dataclasses.replace(waiting, actor=name, awaiting=0) for name in among]
                    pending.remove(waiting)
                    continue
                # the counted actors, named as this sentence's subject ("A, B and C said ...")
                if len(named) > 1 and waiting.awaiting in (len(named), ANY_COUNT):
                    found += [dataclasses.replace(waiting, actor=name, awaiting=0) for name in named]
                    pending.remove(waiting)
                elif number - waiting.sentence >= 8:
                    pending.remove(waiting)  # nobody named soon enough: left unattributed
            new = context.events() if sentence.eventful else []
            if not new and sentence.eventful:
                why = context.explanation()
                if why is not None:
                    skipped_at.append(number)
                    skipped.append(
                        Skipped(
                            f"{article.path}:{article.text.count(chr(10), 0, sentence.start) + 1}",
                            " ".join(article.text[sentence.start : sentence.end].split()),
                            *why,
                        )
                    )
            found += [f for f in new if not f.awaiting]
            pending += [f for f in new if f.awaiting]
            counted += [f for f in new if f.awaiting]
            quote_open = context.quote_open_at_end
            dates: list[DateMention] = []
            if new or context.states_something():  # only then does a date matter
                text = folded[sentence.start : sentence.end]
                anchor = anchor_for(number) if _CHAINED.search(text) else None
                dates = find_dates(text, sentence.said_on or article.published, anchor)
                context.date(new, dates)
                if sentence.said_on:  # a post's undated statement is made on the post's day
                    for f in new:
                        if f.span is None:
                            f.span, f.own_date = Span(sentence.said_on, sentence.said_on), True
                            f.date_text = sentence.said_on.isoformat()
            context.finish(dates)
        found += _answered(
            reading.state, found, [folded[s.start : s.end] for s in sentences], article.published
        )
        answered = {f.sentence for f in found if f.action == "deny"}
        skipped = [s for s, n in zip(skipped, skipped_at, strict=True) if n not in answered]
        anchors = reading.state.anchors
        events = self._events(article, found, sentences, anchors, counted)
        return Extraction(events, reading.unresolved, skipped)

    def _author(self, article: Article, folded: str, mentions: list[Mention], post: tuple[int, int]) -> str:
        """Who signs an embedded post: the name in its attribution line, without titles."""
        named = [m for m in mentions if post[0] <= m.start < post[1] and m.name]
        if named:
            return named[0].name  # type: ignore[return-value]
        words = folded[post[0] : post[1]].split()
        while words and is_title(words[0]):
            words.pop(0)
        while words and is_title(words[-1]):
            words.pop()
        return " ".join(words)

    # ------------------------------------------------------------------ events
    def _events(
        self,
        article: Article,
        found: list[Found],
        sentences: list[Sentence],
        anchors: dict[str, list[tuple[int, Span, str]]],
        counted: Iterable[Found] = (),
    ) -> list[Event]:
        source = Source(id=article.id, url=article.url, outlet=article.outlet, published=article.published)
        merged: dict[tuple[str, str, str], list[Found]] = {}
        dated: dict[tuple[str, int], Found] = {}  # the actor's last exactly dated event per paragraph
        called: dict[tuple[str, str], Found] = {}  # the last exactly dated call of each kind on each target
        for f in sorted([*found, *counted], key=lambda f: f.trigger):
            if f.awaiting:  # "Seven senators called on X to resign Wednesday": a call later ones join
                if f.span is not None and f.span.exact and f.action.startswith("call_"):
                    called[(f.target, f.action)] = f
                continue
            paragraph = sentences[f.sentence].paragraph
            if f.span is None and (f.actor, paragraph) in dated:
                # "On Thursday the alliance rescinded …. It reaffirmed its support …": same day
                earlier = dated[(f.actor, paragraph)]
                f.span, f.date_text = earlier.span, earlier.date_text
            if f.span is None and f.rule == _JOINED and (f.target, f.action) in called:
                # "Sens. A, B and C also joined in the call for X to resign": the day the call was made
                earlier = called[(f.target, f.action)]
                day = earlier.span.exact  # type: ignore[union-attr]
                f.span, f.date_text = Span(day, article.published or day), earlier.date_text
            if f.span is not None and f.span.exact:
                dated[(f.actor, paragraph)] = f
                if f.action.startswith("call_"):
                    called[(f.target, f.action)] = f
            if f.span is None:
                anchor = _nearest(anchors.get(f.actor, []), f.trigger)
                if anchor is not None:
                    f.span, f.date_text = anchor[1], anchor[2]
            if f.pluperfect and not f.own_date and f.span is not None and f.span.latest is not None:
                f.span = Span(None, f.span.latest)  # "had endorsed": before what the sentence dates
            if f.span is None and article.published is not None:
                f.span = Span(None, article.published)
            merged.setdefault((f.actor, f.action, f.target), []).append(f)
        events = []
        path, scope = str(article.path), None if article.race else article.scope
        for (actor, action, target), group in merged.items():
            span, best = _combine(group)
            rank = next((f.rank for f in group if f.rank is not None), None)
            sentence = sentences[best.sentence]
            events.append(
                trusted_event(
                    actor=actor,
                    action=action,
                    target=target,
                    date=span.exact if span else None,
                    not_before=span.earliest if span and not span.exact else None,
                    not_after=span.latest if span and not span.exact else None,
                    rank=rank,
                    source=source,
                    evidence=article.text[sentence.start : sentence.end].strip(),
                    start=sentence.start,
                    end=sentence.end,
                    date_text=best.date_text,
                    actor_title=next((f.actor_title for f in group if f.actor_title), None),
                    target_title=next((f.target_title for f in group if f.target_title), None),
                    cause=next((f.cause for f in group if f.cause), None),
                    rule=best.rule,
                    origin=f"{path}:{article.text.count(chr(10), 0, sentence.start) + 1}",
                    id=_event_id(article.id, sentence.start, action, actor, target),
                    race=article.race,
                    scope=scope,
                )
            )
        return events


# "Liberal Party of Australia (Tasmanian Division)", "the Umlazi branch of the ANC Youth League": one body
_DIVISION_AFTER = re.compile(
    r"[ \t]*\((?:[A-Z][\w'.-]*[ \t]+){1,3}(?:Division|Branch|Chapter|Region|Section)\)"
)
_DIVISION_BEFORE = re.compile(
    r"\b((?:[A-Z][\w'-]*[ \t]+){1,3}(?:branch|region|chapter|wing|division|section)[ \t]+of[ \t]+"
    r"(?:the[ \t]+)?)$"
)
_SEAT_QUALIFIERS = {"MP", "MLA", "MSP", "TD", "MPP", "MHA", "MNA", "MS", "AM"}


def _absorb_division(folded: str, m: Mention, floor: int) -> None:
    if m.name != m.text:
        return  # a name the tables know keeps its form
    after = _DIVISION_AFTER.match(folded, m.end)
    before = _DIVISION_BEFORE.search(folded[max(floor, m.start - 60) : m.start])
    if after:
        m.end = after.end()
    if before and before.group(1).split()[0].lower() not in ("the", "a", "an", "its", "their"):
        m.start -= len(before.group(1))
    if after or before:
        m.text = m.name = folded[m.start : m.end]


def _riding(folded: str, first: Mention, person: Mention) -> bool:
    """ "Edmonton Centre MP Rachel Ostrowski", "Hamilton West MP, Lindsay Forbes, said", "Golden
    Plains mayor Neil Brabham": the name before the title is the place's (an apposition closed by a
    comma, not a list of MPs)."""
    if not (first.is_person and first.kind == "name"):
        return False
    between = folded[first.end : person.start].strip()
    if first.extra.get("qualifier") in _SEAT_QUALIFIERS:
        return not between or between == "," and folded.startswith(",", person.end)
    words = between.split()
    return 0 < len(words) <= 2 and all(w.islower() and is_title(w) for w in words)


def _resolve_acronyms(mentions: list[Mention]) -> None:
    """An organisation keeps the name the article first gave it: "the BJP" after "Bharatiya Janata
    Party (BJP)"; "the Progressive Conservative Party" after "… Party of Manitoba"; "the Working
    Families Party" (and so "WFP") after "the New York Working Families Party"; "the Conservatives"
    after "the Conservative Party"."""
    defined: dict[str, str] = {}
    longer: list[str] = []
    # "Working Families Party" -> "New York Working Families Party": the longer names, by their tails
    by_tail: dict[str, str] = {}
    # "conservative" -> the party's full name as first given, else its first name
    parties: dict[str, str] = {}
    for m in mentions:
        stem = None if m.is_person or not m.name else _party_stem(m.name)
        if stem and (
            stem not in parties
            or m.name.lower().endswith(" party") > parties[stem].lower().endswith(" party")
        ):
            parties[stem] = m.name
    for m in mentions:
        if m.extra.get("bare_acronym") or (not m.is_person and m.text in defined and m.text.isupper()):
            m.name = defined.get(m.text, m.name)
        elif not m.is_person and m.name:
            own, stem = m.name, _party_stem(m.name)
            full = next((name for name in longer if name.startswith(own + " of ")), None)
            if full is None and m.name == m.text and len(own.split()) >= 2:
                full = by_tail.get(own)
            if full is None and stem:
                full = parties[stem] if parties[stem] != own else None
            if full is not None:
                m.name = full
            else:
                words = own.split()
                for i in range(1, len(words) - 1):  # each tail of two words or more
                    by_tail.setdefault(" ".join(words[i:]), own)
                if " of " in own:
                    longer.append(own)
            for name in {own, m.name}:
                initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())
                for acronym in (m.extra.get("acronym"), initials):
                    if acronym and len(acronym) >= 2:
                        defined.setdefault(acronym, m.name)


_PARTY_STEMS = {"tories": "conservative"}
_ONE_WORD_PARTIES = {"labour", "labor", "liberals", "conservatives", "tories", "greens", "nationals"}


def _party_stem(name: str) -> str | None:
    """What names one party in its several forms: "Conservative Party", "Conservatives", "Tories"."""
    low = re.sub(r"^the\s+", "", name.lower())
    if low in _ONE_WORD_PARTIES:
        return _PARTY_STEMS.get(low, low.removesuffix("s"))
    words = low.split()
    if len(words) == 2 and words[1] == "party":
        return _PARTY_STEMS.get(words[0], words[0])
    return None


# A scraped page's link card glued to a name: "Sen. Barack ObamaBarack Hussein ObamaOvernight Defense …
# Powell death leads to bipartisan outpouring of grief MORE (D-Ill.)": the name again, headlines, MORE
_LINK_CARD = re.compile(
    r"(?=[A-Z])\b(?P<last>[A-Z][a-z]+)(?P<card>(?:[A-Z][\w.'-]*\s+){1,3}(?P=last)(?=[A-Z])[^\n]{0,600}?\sMORE\b)"
)


def _without_link_cards(folded: str) -> str:
    """The text with link cards blanked out, offsets kept."""
    if "MORE" not in folded:
        return folded
    return _LINK_CARD.sub(lambda m: m.group("last") + " " * len(m.group("card")), folded)


_JOINED = "joined-calls"  # the rule of "joined the calls for X to resign"


def _answered(state: State, found: list[Found], texts: list[str], published: dt.date | None) -> list[Found]:
    """Denials of claims made before the article named the accuser, once it has: "X called the
    allegation baseless" in the first paragraph, "Y alleged that she was groped by X" further down;
    dated by their own sentence's one exact date (`texts`: the sentences)."""
    made = {(f.actor, f.action, f.target) for f in found}
    out = []
    for actors, sentence, position, rule in state.unanswered:
        exact = [d for d in find_dates(texts[sentence], published) if d.exact]
        span, said = (exact[0].span, exact[0].text) if len(exact) == 1 else (None, None)
        for actor in actors:
            for accuser in state.accusers.get(actor, []):
                if (actor, "deny", accuser) not in made and accuser != actor:
                    made.add((actor, "deny", accuser))
                    out.append(Found(actor, "deny", accuser, sentence, position, rule=rule, span=span,
                                     date_text=said, own_date=span is not None))  # fmt: skip
    return out


def _event_id(article: str, start: int, action: object, actor: str, target: str) -> str:
    """Stable across re-extraction while the sentence and names stay: what corrections name."""
    key = f"{article}|{start}|{getattr(action, 'value', action)}|{actor}|{target}"
    return hashlib.sha1(key.encode()).hexdigest()[:12]


_BULLET = re.compile(r"\s*(?:[-*\u2022]|\d{1,2}[.)])\s+\S")


def _listed_people(folded: str, sentences: list[Sentence], mentions: list[Mention]) -> dict[int, list[str]]:
    """The people of each bulleted list (a paragraph whose every line is a bullet), by paragraph."""
    spans: dict[int, tuple[int, int]] = {}
    for s in sentences:
        a, b = spans.get(s.paragraph, (s.start, s.end))
        spans[s.paragraph] = (min(a, s.start), max(b, s.end))
    out: dict[int, list[str]] = {}
    for paragraph, (a, b) in spans.items():
        lines = [line for line in folded[a:b].split("\n") if line.strip()]
        if len(lines) < 2 or not all(_BULLET.match(line) for line in lines):
            continue
        names: list[str] = []
        for m in mentions:
            if a <= m.start < b and m.is_person and m.name and m.name not in names:
                names.append(m.name)
        if len(names) >= 2:
            out[paragraph] = names
    return out


def _rejoin(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences joined again where the splitter cut after a title or an initial ("Sen. | Ana")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _ends_abbreviated(text[out[-1][0] : out[-1][1]]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _ends_abbreviated(sentence: str) -> bool:
    """_ABBREVIATION_END on the sentence's last words only: searched from every position of a long
    sentence, the pattern costs more than the split itself. The longest abbreviation is far shorter
    than the window, and the window keeps the character before it for the word boundary."""
    tail = len(sentence.rstrip()) - 40
    return _ABBREVIATION_END.search(sentence[tail:] if tail > 0 else sentence) is not None


def _nearest(anchors: list[tuple[int, Span, str]], position: int) -> tuple[int, Span, str] | None:
    """The actor's dated statement nearest before `position`, else the first after it."""
    before = [a for a in anchors if a[0] <= position]
    if before:
        return before[-1]
    return anchors[0] if anchors else None


def _combine(group: list[Found]) -> tuple[Span | None, Found]:
    """The date the mentions agree on (graph.dates.narrow: the most precise, narrowed by the
    others), and the most precise mention, which gives the date text."""
    dated = sorted((f for f in group if f.span is not None and f.span.known), key=lambda f: precision(f.span))
    if not dated:
        return None, group[0]
    return narrow(f.span for f in dated), dated[0]
