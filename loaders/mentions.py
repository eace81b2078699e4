"""Names in article text: the gazetteer (entities and alias tables), unknown proper names, title
phrases in front of names, short names and pronouns.

Everything here works on one article's text after `fold` (straight quotes, no accents: the same
length as the original, so offsets carry over). Nothing is shared between articles.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from ..graph.entities import Registry
from .tries import longest_first

__all__ = ["Gazetteer", "Mention", "absorb_qualifier", "absorb_title", "fold", "guess_kind", "is_title"]

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "—": "-"})


def fold(text: str) -> str:
    """Straight quotes and unaccented letters, character for character (offsets are kept)."""
    text = text.translate(_QUOTES)
    if text.isascii():
        return text
    out = []
    for char in text:
        if ord(char) < 128:
            out.append(char)
            continue
        base = unicodedata.normalize("NFKD", char)[:1]
        out.append(base if base.isascii() and base.isalpha() else char)
    return "".join(out)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    name: str | None  # the entity meant: a registry name or a proper name; None if unresolved
    kind: str = "name"  # name, short, pronoun, description
    title: str | None = None
    possessive: bool = False
    entity_kind: str | None = None  # person, party, union, ... when known or guessed
    note: str | None = None  # why a short name or pronoun stayed unresolved
    extra: dict = field(default_factory=dict)

    @property
    def is_person(self) -> bool:
        return self.entity_kind in (None, "person") and self.kind != "description"


TITLE_WORDS = {
    "state", "city", "county", "federal", "u.s.", "us", "mayoral", "presidential", "gubernatorial",
    "senate", "house", "assembly", "council", "comptroller", "candidate", "candidates", "senator",
    "senators", "sen.", "sens.", "rep.", "reps.", "representative", "representatives", "assemblyman",
    "assemblywoman", "assemblymember", "member", "members", "councilmember", "councilman",
    "councilwoman", "councillor", "governor", "gov.", "lt.", "lieutenant", "mayor", "president",
    "minister", "prime", "chancellor", "leader", "chair", "chairman", "chairwoman", "secretary",
    "attorney", "general", "district", "borough", "deputy", "vice", "congressman", "congresswoman",
    "congressmember", "mp", "mep", "premier", "former", "incumbent", "mayor-elect", "advocate",
    "public", "speaker", "majority", "minority", "whip", "activist", "lobbyist", "commissioner",
    "treasurer", "auditor", "judge", "sheriff", "alderman", "alderwoman", "delegate", "senator-elect",
    "dr.", "mr.", "mrs.", "ms.", "democratic", "republican", "progressive", "labour", "conservative",
    "democrat", "nominee", "aide", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson",
    "founder", "captain", "detective", "sergeant", "commander", "writer", "author", "lawyer", "businessman",
    "businesswoman", "producer", "screenwriter",
    "journalist", "columnist", "strategist", "consultant", "pastor", "entrepreneur",
    "staffer", "novelist", "broadcaster", "presenter", "comedian", "actor", "actress",
    "filmmaker",
    # honorifics and offices of UK, Irish, Canadian, Australian and New Zealand copy (often no full stop)
    "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "cllr", "cr", "coun.", "councilor", "ald.",
    "alderperson", "td", "mla", "msp", "supt", "det", "insp", "taoiseach", "tanaiste",
    "assemblyperson", "legislator", "lawmaker", "freeholder", "selectman", "trustee",
    "executive", "chief", "director", "organiser", "organizer", "convener", "convenor", "head",
    "opposition", "shadow", "backbench", "backbencher", "veteran", "fellow", "tory", "rep", "sen", "gov",
    "lt", "hon", "hon.", "co-chair", "co-chairman", "co-chairwoman", "co-founder", "co-president", "justice",
    "retired", "clerk", "constable", "comrade", "supervisor", "assessor", "magistrate", "mpp", "mha", "mna",
    "sitting", "outgoing", "aldermen", "alderwomen", "councilmen", "councilwomen", "congressmen",
    "congresswomen", "assemblymen", "assemblywomen", "undersheriff", "commonwealth's", "state's",
    "prosecutor", "reeve", "warden", "provost", "alder", "ward",
}  # fmt: skip


def is_title(word: str) -> bool:
    low = word.lower().rstrip(",")
    return low in TITLE_WORDS or (low.endswith("s") and low[:-1] in TITLE_WORDS)


_TITLE_JOINERS = {"and", "of", "the", "for", "then", "&"}
ORG_WORDS = {
    "party", "union", "federation", "local", "association", "council", "coalition", "committee",
    "movement", "alliance", "caucus", "club", "network", "foundation", "fund", "pac", "workers",
    "teachers", "league", "society", "institute", "congress", "front", "vote", "action", "project",
    "organization", "organisation", "group", "times", "post", "news", "tribune", "journal", "guild",
    "brotherhood", "teamsters", "democrats", "republicans", "socialists", "greens", "nurses",
    "communities", "change", "justice", "forward", "together", "sunrise", "riders",
    "collective", "ledger", "sentinel", "herald", "gazette", "courier", "chronicle", "observer",
    "examiner", "star", "globe", "record", "dispatch", "inquirer", "register", "press",
    "bee", "mail", "telegraph", "standard", "voices", "conference", "board",
    "firefighters", "laborers", "labourers", "electricians", "police", "officers",
    "deputies", "troopers", "carpenters", "pilots", "trades", "chamber", "assembly", "executive",
    "democratic", "initiative", "trust", "conservatives", "liberals", "nationals",
    "women", "womens", "mothers", "families", "students", "youth", "veterans", "agenda", "daily", "weekly",
    "forum", "tenants", "residents", "traders",
}  # fmt: skip
_NOT_NAMES = {
    "the", "a", "an", "and", "but", "or", "in", "on", "at", "as", "after", "before", "when", "while",
    "since", "this", "that", "these", "those", "several", "many", "some", "other", "it", "he", "she",
    "they", "we", "i", "you", "his", "her", "their", "its", "our", "if", "so", "for", "of", "to",
    "with", "by", "from", "nonetheless", "however", "meanwhile", "still", "also", "only", "about",
    "according", "under", "over", "through", "during", "until", "why", "what", "who", "how", "where",
    "there", "here", "then", "now", "not", "no", "yes", "new", "photo", "credit", "mornings",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "mayor", "governor", "senator", "president", "both", "each", "all",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "dozens", "dozen", "hundreds", "separately", "together", "former", "late",
}  # fmt: skip
_TRAILING_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                       "yesterday"}  # fmt: skip
_AFFILIATIONS = {"democrat", "republican", "tory", "liberal", "conservative", "progressive", "socialist"}
_PLACE_ENDINGS = {
    "city", "county", "state", "avenue", "boulevard", "north", "south", "east", "west", "central", "rural",
    "urban", "vale", "end", "heights", "park", "valley", "hills", "lake", "beach", "bay", "harbour", "harbor",
    "springs", "falls", "ridge", "river", "point", "island", "creek", "township", "ward", "district",
    "riding", "electorate", "constituency", "square", "street", "road", "hall", "court", "centre", "center",
}  # fmt: skip
# Parties and bodies whose names look like people's ("Fine Gael"): known organisations of any race
KNOWN_ORGANIZATIONS = {
    "fine gael": "party", "fianna fail": "party", "sinn fein": "party", "plaid cymru": "party",
    "labour": "party", "tories": "party", "likud": "party", "te pati maori": "party",
    "liberal democrat": "party", "liberal democrats": "party", "lib dem": "party", "lib dems": "party",
    "social democrats": "party", "scottish greens": "party", "green party": "party",
}  # fmt: skip
_PLACES = {
    "new york", "new york city", "nyc", "manhattan", "brooklyn", "queens", "bronx", "staten island",
    "albany", "washington", "london", "paris", "berlin", "madrid", "rome", "toronto", "ottawa",
    "chicago", "los angeles", "san francisco", "boston", "philadelphia", "upper manhattan",
    "long island", "united states", "america", "europe", "canada", "germany", "france", "britain",
    "united kingdom", "scotland", "wales", "ireland", "spain", "italy", "mexico", "australia",
}  # fmt: skip

_WORD = r"(?:(?:O'|D'|Mc|Mac)?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z]?[a-z]+)*|[A-Z]\.)"
_PARTICLE = r"(?:de|del|della|la|le|van|von|der|den|da|di|du|bin|al|el|dos|das)"
# Names never run over a line break (a headline's last word is not the first of the next line's name)
# Each whole-text pattern opens with a lookahead for the characters a match can start with: sre then
# passes over every other position at once instead of trying the pattern there (several times faster)
_PERSON = re.compile(rf"(?=[A-Z])\b{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_WORD}){{1,6}}\b")
_ORG_PIECE = r"(?:[A-Z][A-Za-z]+(?:-[A-Za-z]+)*(?:'s|(?<=s)')?|[A-Z]{2,}|\d+(?:st|nd|rd|th)?)"
_ORG_JOINER = r"(?:(?:of|for|and|de)[ \t]+(?:the[ \t]+)?|the[ \t]+|&[ \t]+)"
_ORG = re.compile(rf"(?=[A-Z\d])\b{_ORG_PIECE}(?:[ \t]+{_ORG_JOINER}?{_ORG_PIECE}){{1,6}}\b")


_PARTY_WORDS = {"party", "democrats", "republicans", "conservatives", "liberals", "nationals", "greens",
                "tories", "socialists", "unionists", "nationalists"}  # fmt: skip


_NEWSPAPER_WORDS = {"times", "post", "news", "tribune", "journal", "ledger", "sentinel", "herald", "gazette",
                    "courier", "chronicle", "observer", "examiner", "dispatch", "inquirer", "telegraph",
                    "globe", "bee", "daily", "weekly"}  # fmt: skip


def guess_kind(name: str) -> str:
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", name)}
    if words & _PARTY_WORDS:
        return "party"
    if words & {"union", "local", "teamsters", "workers", "federation", "guild", "brotherhood", "nurses"}:
        return "union"
    last = re.findall(r"[A-Za-z]+", name)[-1:]
    if (
        words & {"times", "post", "news", "tribune", "journal"}
        or last
        and last[0].lower() in _NEWSPAPER_WORDS
    ):
        return "newspaper"
    if words & ORG_WORDS:
        return "advocacy group"
    return "person"


class Gazetteer:
    """Finds the registry's names and aliases that may mean an entity in race `scope` in folded
    text (case-sensitive, longest first): another race's entities and aliases are never found."""

    def __init__(self, registry: Registry, scope: str | None = None):
        self.registry = registry
        self.by_form: dict[str, tuple[str, str | None]] = {}  # folded form -> (entity name, kind)
        for form, entity in registry.forms(scope):
            folded = fold(form)
            if len(folded) >= 2:
                self.by_form.setdefault(folded, (entity.name, entity.kind))
        pattern = _starting_with(self.by_form) + r"(?<![\w])" + longest_first(self.by_form) + r"(?![\w])"
        self.pattern = re.compile(pattern) if self.by_form else None

    def find(self, text: str) -> list[Mention]:
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            name, kind = self.by_form[m.group(0)]
            out.append(Mention(m.start(), m.end(), m.group(0), name, entity_kind=kind))
        return out


def _starting_with(forms: dict[str, object]) -> str:
    """A lookahead for the first characters of `forms` (see _PERSON)."""
    return "(?=[" + "".join(re.escape(char) for char in sorted({form[0] for form in forms})) + "])"


def _strip_leading(text: str, start: int, titles: bool = False) -> tuple[str, int]:
    """Drop leading function words and numbers (and, for people, titles) from a candidate name."""
    words = text.split(" ")
    while words and (
        (words[0].lower() in _NOT_NAMES and not (words[0] == "New" and not titles and len(words) > 2))
        or not words[0]
        or words[0].isdigit()
        or (titles and is_title(words[0]))
    ):
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


def _is_place(name: str) -> bool:
    low = name.lower()
    return low in _PLACES or low.split()[-1] in _PLACE_ENDINGS


_HONORIFICS = {"cllr", "cr", "coun", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "councillor", "councilor",
               "mp",
               "td", "mla", "msp", "senator", "ald", "alderman", "assemblymember",
               "councilmember"}  # fmt: skip
# "state Supreme Court", "Pierce County Superior Court": institutions, never people
_INSTITUTIONS = {"court", "commission", "department", "authority", "university", "college", "hospital",
                 "school", "agency", "bureau", "ministry", "tribunal", "parliament",
                 "legislature"}  # fmt: skip
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:the|its|their|his|her|neighbou?ring|seat\s+of|riding\s+of|town\s+of|"
    r"(?:candidate|nominee|MP|member|TD|MLA|MSP|councill?or)\s+(?:for|in))\s+)$"
)
_PLACE_AFTER = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?:by-election|seat|candidate|electorate|riding|race|constituency|"
    r"ward|district|council|primary|election|contest|area|region|branch)\b"
)


_SEAT_BEFORE = re.compile(
    r"\b(?:(?:candidate|nominee|candidacy|MP|MLA|councillor|member)\s+(?:in|for)(?:\s+the)?|(?:seat|riding|ward|"
    r"constituency|electorate|division)\s+of|ridings?\s+(?:of|in)|by-election\s+in)\s+$"
)
_SEAT_AFTER = re.compile(
    r"\s+(?:(?:assembly|parliamentary|federal|state|council|provincial|legislative)\s+)?(?:by-election|seat|riding|"
    r"constituency|electorate|ward)\b"
)


_OFFICE_HOLDER_AFTER = re.compile(
    r"\s+(?:councill?or|council\s+member|mayor|mp|msp|mla|mpp|senator|alderman|lawmaker|legislator|politician|"
    r"businessman|businesswoman|resident|native|activist|campaigner)s?\b"
)
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|the)\s+$")


def _place_in_context(text: str, start: int, end: int, name: str) -> bool:
    """ "the Kestrel Vale by-election", "its Waikato East candidate": a place, though shaped like a name."""
    if name.lower() in _PLACES:
        return True
    if _SEAT_BEFORE.search(text[max(0, start - 40) : start]) and not text.startswith("'", end):
        return True  # "its candidate in Calgary Skyview", "the seat of Bass"
    if _SEAT_AFTER.match(text, end):
        return True  # "the Bakshi Ka Talab assembly seat", "the Kestrel Vale by-election"
    if _OFFICE_HOLDER_AFTER.match(text, end) and _INDEFINITE_BEFORE.search(text[max(0, start - 6) : start]):
        return True  # "Cllr Lesley Waugh, a North Tyneside councillor who …": the councillor's place
    if name.split()[-1].lower() not in _PLACE_ENDINGS:
        return False
    return bool(_PLACE_BEFORE.search(text[max(0, start - 20) : start]) or _PLACE_AFTER.match(text, end))


_MEMBERS_OF = re.compile(r"(?:Members|Leaders|Officials|Delegates|Officers) of (?:the )?(?=\S+ \S)")


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_OFFICE_AFTER = re.compile(
    r"(?:Members?|Speaker|President|Majority|Minority)$"
)  # "Assembly Member", "Council President"


def _organizations_listed(name: str, start: int) -> list[tuple[str, int]]:
    """ "Harlow Teachers Union and the Riverside Tenants Alliance": two organisations, each a full
    name ending in an organisation word; anything else ("Friends and Neighbors of X") stays one."""
    cut = re.search(r" and (?:the )?", name)
    if cut:
        first, second = name[: cut.start()], name[cut.end() :]
        if all(is_title(w) for w in second.split()) and first.split()[-1].lower() in ORG_WORDS:
            return [(first, start)]  # "the Working Families Party and Assembly members X and Y"
        if all(  # ("WFP and the United Federation of Teachers": an acronym is a name too)
            (len(p.split()) >= 2 and p.split()[-1].lower() in ORG_WORDS or _ACRONYM.fullmatch(p))
            and " and " not in p
            for p in (first, second)
        ):
            return [(first, start), (second, start + cut.end())]
    return [(name, start)]


# Parties named by one word ("Labour has withdrawn its support", "the Liberals cut loose X"); a word
# in front of a name or title ("Labour MP Ann Lee", "Scottish Labour candidate") is a title, not an actor.
_PARTY_WORD = re.compile(
    r"(?=[LCTGNO])(?<![\w'-])(Labour|Labor|Liberals|Conservatives|Tories|Greens|Nationals|Likud|One Nation)"
    r"(?![\w-])"
)
# "the SNP has dropped", "the BJP's list": an organisation's acronym (resolved to its full name when
# the article defines it: "Bharatiya Janata Party (BJP)"); countries and news outlets are not actors
_BARE_ACRONYM = re.compile(r"(?=[A-Z])(?<=\b[Tt]he )([A-Z]{2,5})\b(?!\s+[A-Z])")
_NOT_ACTORS = {"US", "UK", "EU", "UN", "USA", "NHS", "BBC", "ABC", "CBC", "CNN", "AP", "FBI", "IEC", "NYC",
               "UAE", "NATO", "IRS", "CIA", "DOJ", "NPR", "PBS", "ITV", "RTE", "SABC", "AEC"}  # fmt: skip


# Nouns a party word modifies ("the Labour logo", "two Labour councillors"): then it names no actor
_PARTY_MODIFIED = {
    "candidate", "candidates", "councillors", "backbenchers", "figures", "sources", "activists", "members",
    "voters", "supporters", "officials", "insiders", "colleagues", "ticket", "label", "logo", "banner",
    "whip", "group", "leadership", "government", "party", "campaign", "headquarters", "list", "selection",
}  # fmt: skip


def _party_word_modifies(text: str, start: int, end: int) -> bool:
    """ "Scottish Labour", "New South Wales Labor" (a longer name), "Labour MP Ann Lee" (a title),
    "the Labour logo": the party word is part of something else."""
    before = re.search(r"([A-Z][\w'-]*)\s+$", text[max(0, start - 30) : start])
    if before and before.group(1).lower() not in _NOT_NAMES:
        return True
    return _modified_after(text, end)


def _modified_after(text: str, end: int) -> bool:
    """ "Labour MP", "Labour Party", "the Labour logo": what follows the party word makes it part of
    a title or of a longer name."""
    after = re.match(r"\s+([\w.'-]+)", text[end : end + 30])
    return bool(after) and (
        after.group(1)[:1].isupper() or is_title(after.group(1)) or after.group(1) in _PARTY_MODIFIED
    )


_BEFORE_PARTY = re.compile(r"(?<![\w'-])((?:[A-Z][a-z'-]+[ \t]+){1,3})$")


def _regional_party(text: str, start: int, end: int) -> int | None:
    """ "Scottish Labour has dropped …", "New South Wales Labor": where the party's longer name
    starts, when capitalised words before the party word make one (and nothing after makes it a
    title or a longer name)."""
    if _modified_after(text, end):
        return None
    before = _BEFORE_PARTY.search(text, max(0, start - 40), start)
    if not before:
        return None
    for word in re.finditer(r"\S+", before.group(1)):  # "But Scottish Labour": from "Scottish"
        low = word.group(0).lower()
        if (low not in _NOT_NAMES or low == "new") and not is_title(word.group(0)):  # "New South Wales"
            return before.start(1) + word.start()
    return None


class _Remembered(dict):
    """What a function of one matched text alone gave (names recur within and across articles),
    forgotten all at once past a size, so memory stays bounded."""

    def remember(self, key: str, value: tuple) -> tuple:
        if len(self) >= 20_000:
            self.clear()
        self[key] = value
        return value


_ORG_CACHE = _Remembered()
_PERSON_CACHE = _Remembered()


def _organizations_in(matched: str) -> tuple[tuple[str, int, str], ...]:
    """The organisations an _ORG match names: (name, offset in the match, kind)."""
    name, start = _strip_leading(matched, 0)
    if name.endswith("'s") and name[:-2].split()[-1:] and name[:-2].split()[-1].lower() in ORG_WORDS:
        name = name[:-2]  # "the Tamsin Labour Party's candidate": the party, then a possessive
    members = _MEMBERS_OF.match(name)  # "Members of Inland Laborers Local 238": the local acts
    if members:
        name, start = name[members.end() :], start + members.end()
    words = name.split()
    # "Dan Whitaker for Congress": a person running for an office, not an organization
    if re.fullmatch(r"\S+ \S+ for (?:Congress|Senate|Mayor|Governor|President|Assembly|Council)", name):
        return ()
    untitled, _ = _strip_leading(name, 0, titles=True)
    if len(untitled.split()) >= 2 and not {w.lower().rstrip("'") for w in untitled.split()} & ORG_WORDS:
        return ()  # "Council Member Ana Ruiz": a titled person
    titled = [i for i, w in enumerate(words) if is_title(w)]
    rest = words[titled[-1] + 1 :] if titled else []
    if (
        2 <= len(rest) <= 3
        and (words[titled[-1]].lower() not in ORG_WORDS or words[titled[-1]] == "Justice")
        and all(re.fullmatch(_WORD, w) for w in rest)
        and not {w.lower() for w in rest} & ORG_WORDS
    ):
        return ()  # "Supreme Court Justice Jane Roe": a titled person
    if {w.lower().rstrip(".") for w in words} & _HONORIFICS:
        return ()  # "Labour's Cllr Niamh Colleran and …": people, not an organisation
    # ("Clydeside Transport Workers' Branch": a plural possessive is an organisation word too;
    # "Assembly" of "Assembly Member Yuh-Line Niou" is an office's, not a body's)
    bodies = {
        w.lower().rstrip("'")
        for i, w in enumerate(words)
        if not _OFFICE_AFTER.match(" ".join(words[i + 1 : i + 2]))
    }
    if len(words) >= 2 and bodies & ORG_WORDS and not _is_place(name):
        listed = _organizations_listed(name, start)
        return tuple(
            (part, at, "organization" if _ACRONYM.fullmatch(part) else guess_kind(part))
            for part, at in listed
        )
    return ()


def _person_in(matched: str) -> tuple[str, int, tuple[str, ...]] | tuple[()]:
    """The name a _PERSON match may be, as (name, offset in the match, words), or () when it
    cannot be one whatever the text around it."""
    name, start = _strip_leading(matched, 0, titles=True)
    words = name.split()
    titled = [i for i, w in enumerate(words) if is_title(w)]
    if titled and titled[-1] < len(words) - 2:  # "Fremont Hills Councilmember Ike Sorensen"
        cut = titled[-1] + 1
        start += len(" ".join(words[:cut])) + 1
        words = words[cut:]
        name = " ".join(words)
    while len(words) > 2 and words[-1].lower() in _TRAILING_NOT_NAMES:  # "Mitt Romney Saturday"
        name = name[: -len(words[-1]) - 1]
        words = words[:-1]
    if len(words) > 4:
        return ()
    if len(words) < 2 or words[-1].lower() in _NOT_NAMES or words[-1].lower() in _AFFILIATIONS:
        return ()  # ("a New York Democrat": an affiliation, not a name)
    return name, start, tuple(words)  # shared by every match of this text: never changed


def proper_names(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Capitalized sequences the gazetteer does not know: organizations (with an organization word)
    and people (two to four name words). Places and sentence-initial words are left out."""
    out: list[Mention] = []
    spans = sorted(taken)  # non-overlapping; kept sorted so each check is a bisection
    starts = [a for a, _ in spans]

    def free(s: int, e: int) -> bool:
        i = bisect.bisect_right(starts, s) - 1
        return all(not (e > a and s < b) for a, b in spans[max(i, 0) : i + 2])

    def take(mention: Mention) -> None:
        i = bisect.bisect_left(starts, mention.start)
        starts.insert(i, mention.start)
        spans.insert(i, (mention.start, mention.end))
        out.append(mention)

    for m in _ORG.finditer(text):
        found = _ORG_CACHE.get(m.group(0))
        if found is None:
            found = _ORG_CACHE.remember(m.group(0), _organizations_in(m.group(0)))
        for part, at, kind in found:
            at += m.start()
            if free(at, at + len(part)):
                take(Mention(at, at + len(part), part, part, entity_kind=kind))
    for m in _PARTY_WORD.finditer(text):
        start, end = m.start(1), m.end(1)
        if _party_word_modifies(text, start, end):
            start = _regional_party(text, start, end)  # type: ignore[assignment]
            if start is None:
                continue
        if free(start, end):
            take(Mention(start, end, text[start:end], text[start:end], entity_kind="party"))
    for m in _ACRONYM_ORG.finditer(text):  # "the GMB union": the acronym names the organization
        start, end = m.start(1), m.end(1)
        if free(start, end):
            noun = m.group(2).lower()
            kind = "union" if noun == "union" else "party" if noun == "party" else "advocacy group"
            take(Mention(start, end, m.group(1), m.group(1), entity_kind=kind))
    for m in _BARE_ACRONYM.finditer(text):
        word = m.group(1)
        if (
            word not in _NOT_ACTORS
            and not is_title(word)
            and word.lower() not in ORG_WORDS
            and free(m.start(1), m.end(1))
        ):
            mention = Mention(m.start(1), m.end(1), m.group(1), m.group(1), entity_kind="organization")
            mention.extra["bare_acronym"] = True
            take(mention)
    by_suffix: dict[str, set[str]] = {}  # "Te Rangi" -> {"Moana Te Rangi"}: full names by their tails
    initialed: dict[str, str] = {}  # "Scott Stringer" -> "Scott M. Stringer": names without middle initials
    by_surname: dict[str, list[str]] = {}  # "Fenn" -> ["Rosalind Fenn"]: the full names met, by surname
    candidates = []
    for m in _PERSON.finditer(text):
        person = _PERSON_CACHE.get(m.group(0))
        if person is None:
            person = _PERSON_CACHE.remember(m.group(0), _person_in(m.group(0)))
        if person:
            name, start, words = person
            candidates.append((name, start + m.start(), words))
    # a name read as a place once ("the Kasba Peth seat") is that place everywhere in the article
    places = {n for n, at, _ in candidates if _place_in_context(text, at, at + len(n), n)}
    candidates = _prose_forms(text, candidates)
    for name, start, words in candidates:
        if name in places or words[-1].lower() in _INSTITUTIONS:
            continue
        if any(is_title(w) for w in words):
            continue
        end = start + len(name)
        if not free(start, end):
            continue
        kind = KNOWN_ORGANIZATIONS.get(name.lower())
        if kind is None and _ORG_BEFORE.search(text[max(0, start - 30) : start]):
            kind = "advocacy group"  # "the campaign group Open Terraces Scotland"
        full = name
        if kind is None:  # "Ms Te Rangi" after "Moana Te Rangi": the same person
            longer = by_suffix.get(name, set())
            full = next(iter(longer)) if len(longer) == 1 else name
            # "Scott M. Stringer", then "Scott Stringer": one person, named as the article first did
            full = initialed.setdefault(_without_initials(full), full)
            full = _shortened(full, by_surname.setdefault(full.split()[-1], []))
            tail = full.split()
            for i in range(1, len(tail)):
                by_suffix.setdefault(" ".join(tail[i:]), set()).add(full)
        take(Mention(start, end, name, full, entity_kind=kind or "person"))
    return out


_MIDDLE_INITIAL = re.compile(r"(?<=\S) [A-Z]\.(?= \S)")


def _shortened(name: str, met: list[str]) -> str:
    """ "Ros Fenn" after "Rosalind Fenn" (or before it): one person, a first name shortened; the
    name as first met. `met` (the names met with this surname) learns a new one."""
    first = name.split()[0].lower()
    same = [
        other
        for other in met
        if other == name
        or len(other.split()) == len(name.split())
        and min(len(first), len(other.split()[0])) >= 3
        and abs(len(first) - len(other.split()[0])) >= 3  # (Ros, Rosalind; not Eric, Erica or Dan, Dana)
        and (other.lower().startswith(first) or first.startswith(other.split()[0].lower()))
        and other.split()[1:] == name.split()[1:]
    ]
    if len(same) == 1:
        return same[0]
    if not same:
        met.append(name)
    return name


def _without_initials(name: str) -> str:
    """ "Scott M. Stringer" -> "Scott Stringer" (a first initial stays: "J. Smith" is not "Smith")."""
    return _MIDDLE_INITIAL.sub("", name)


_PROSE_END = (".", "!", "?", '"', "'", "\u201d", "\u2019")


def _in_prose(text: str, at: int) -> bool:
    """Whether `at` lies in a line of prose: a sentence's end closes it and no photo credit does.
    Headlines, captions, bylines and datelines are not prose: their capitals say little."""
    line = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1].rstrip()
    return line.endswith(_PROSE_END) and not line.endswith(")")


_VERB_LIKE = re.compile(r"(?:ing|ed)$")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"')\u201d]?\s+|\n\s*)$")


def _verb_first(text: str, at: int, name: str) -> bool:
    """ "Citing Cunningham's record, …": a participle opening a sentence, not a first name (Ted, Fred)."""
    first = name.split()[0]
    opens = _SENTENCE_START.search(text[max(0, at - 3) : at])
    return len(first) > 4 and bool(_VERB_LIKE.search(first)) and bool(opens)


def _prose_forms(
    text: str, candidates: list[tuple[str, int, tuple[str, ...]]]
) -> list[tuple[str, int, tuple[str, ...]]]:
    """A name met only in a headline or caption may carry the capitalised words in front of it
    ("… support for Kothrud Independent Meera Kulkarni", "Challenger Ana Ferreira, centre, …"):
    when the prose names a tail of it on its own, that tail is the name there too."""
    in_prose = {name for name, at, _ in candidates if _in_prose(text, at)}
    tails = {
        name.split()[-1]: name
        for name, at, _ in candidates
        if name in in_prose and not _verb_first(text, at, name)
    }
    out = []
    for name, start, words in candidates:
        if (
            len(words) == 2
            and tails.get(words[1], name) != name
            and (name not in in_prose or _verb_first(text, start, name))
        ):
            # "High-profile Obama backers urge …" above "Sen. Barack Obama", "Citing Cunningham's
            # record, …" beside "Cal Cunningham": a headline's or a sentence's first word, not a name
            continue
        if len(words) >= 3 and name not in in_prose:
            cut = next((i for i in range(1, len(words) - 1) if " ".join(words[i:]) in in_prose), None)
            if cut is not None:
                start += len(name) - len(" ".join(words[cut:]))
                name, words = " ".join(words[cut:]), words[cut:]
        out.append((name, start, words))
    return out


_ORG_BEFORE = re.compile(
    r"\b(?:group|body|union|organi[sz]ation|association|coalition|network|lobby|newspaper|paper|charity|"
    r"movement|outfit|campaign|caucus|club|collective|alliance|party)\s+$"
)


# What may follow a person's name and belongs to it: "(D-Nev.)", ", R-Bowling Green", "(26th)",
# " MP", " of Nevada" (the trailing comma of an apposition stays outside: it shapes the clause).
_QUALIFIER = re.compile(
    r"\s*\((?:[DRI]|Ind|Dem|Rep|Lab|Con|LD|SNP|DFL)[.,]?\s*[-–]?\s*[A-Z][\w.' ]{0,25}\)"
    r"|,\s+[DRI]-[A-Z][\w.']*(?:\s+[A-Z][\w.']*){0,2}(?=,)"
    r"|\s+\((?:Ward\s+)?\d+(?:st|nd|rd|th)?(?:\s+Ward)?\)"
    r"|\s+(?:MP|MLA|MSP|TD|MEP|MPP|MHA|MNA|MS|AM)\b"
    r"|\s+of\s+(?:[A-Z][a-z]+\.?)(?:\s+[A-Z][a-z]+\.?){0,2}(?:\s+\d{1,3}(?!\d))?(?=[\s,.;:)]|$)"
)


def absorb_qualifier(text: str, mention: Mention) -> int:
    """Extend a person mention over the party, state, ward or seat that follows it; returns the old end."""
    end = mention.end
    match = _QUALIFIER.match(text, end)
    if match:
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", match.group(0))}
        if words & ORG_WORDS or words & _NOT_QUALIFIERS:
            return end
        mention.end = match.end()
        mention.extra["qualifier"] = match.group(0).strip(" ,()")
    return end


_NOT_QUALIFIERS = {"the", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                   "january", "february", "march", "april", "june", "july", "august", "september",
                   "october", "november", "december", "state", "city", "county"}  # fmt: skip

_ACRONYM_ORG = re.compile(  # "the GMB union", "the 32BJ SEIU labor union"
    r"(?=[A-Z\d])\b((?:\d+[A-Z]{1,4}\s+)?[A-Z]{2,6}|\d+[A-Z]{1,4})\s+(?:labou?r\s+|trade\s+|workers'?\s+)?"
    r"(union|party|group|coalition|caucus|alliance|federation|association|council|committee)\b"
)
_TITLE_TAIL = re.compile(r"((?:[\w.'-]+\s+){1,8})$")


def absorb_title(text: str, mention: Mention, floor: int) -> None:
    """Extend a name mention leftwards over the title phrase in front of it ("State Senators",
    "New York City comptroller and mayoral candidate", "Gov."); the phrase becomes its title."""
    window = text[max(floor, mention.start - 90) : mention.start]
    window = window[window.rfind("\n") + 1 :]  # a title never runs over a line break
    match = _TITLE_TAIL.search(window)
    if not match:
        return
    words = match.group(1).split()
    keep: list[str] = []
    for word in reversed(words):
        low = word.lower().rstrip(",")
        if (
            word.endswith(",")
            or (word.endswith("'s") and not is_title(low))
            or (word.endswith(".") and not is_title(low))
        ):
            break  # an apposition, a possessive, or the end of the sentence before
        if is_title(low) or low in _TITLE_JOINERS or low.startswith("then-") or word[:1].isupper():
            keep.insert(0, word)
            continue
        further = words[: len(words) - len(keep) - 1]
        if (
            keep
            and further
            and further[-1].islower()
            and is_title(further[-1])
            and keep[0].islower()
            and is_title(keep[0])
            and low.isalpha()
            and low not in _NOT_NAMES
        ):
            keep.insert(0, word)  # "shadow housing minister": the portfolio between two title words
            continue
        break
    # "Daines and Sen. Mike Lee": a name before "and" is another person, not part of the title
    for i in range(len(keep) - 1, 0, -1):
        if keep[i].lower() in ("and", "&") and not is_title(keep[i - 1]):
            keep = keep[i + 1 :]
            break
    while keep and keep[0].lower() in _TITLE_JOINERS:
        keep.pop(0)
    if not any(is_title(w) for w in keep):
        return
    title = " ".join(keep)
    at = window.rfind(title)
    if at < 0 or window[at + len(title) :].strip():
        return  # the phrase is broken by odd spacing: leave the name as it is
    mention.start = mention.start - len(window) + at
    mention.title = title
