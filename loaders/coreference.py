"""Mentions that need the article so far: short names ("Garcia" for the Ana Garcia named before),
acronyms, descriptions ("the union", "the senator") and pronouns, and what one article remembers
as it is read (State). A short name that could mean two people of the article stays unresolved;
names never come from another article.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..graph.dates import Span
from .clauses import MENTION, Clause
from .mentions import Mention, is_title

__all__ = ["ACTS_AS_ORG", "ACTS_FOR", "State", "names", "resolve", "sentence_mentions"]

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
# The lookaheads first: a pattern is otherwise tried at every position (half the cost or more)
_CAPITALIZED = re.compile(
    r"(?=[A-Z])\b(?:(?:O'|D'|Mc|Mac)?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z]?[a-z]+)*|[A-Z]{2,6})\b"
)
_PRONOUN = re.compile(r"(?=[hsti])\b(?:he|she|him|her|they|them|it)\b", re.IGNORECASE)
_DESCRIPTION = re.compile(
    r"(?=t)\bthe\s+(group|union|party|organization|organisation|coalition|committee|senator|lawmaker|"
    r"candidate|governor|mayor|congressman|congresswoman|assemblyman|assemblywoman|councilman|"
    r"councilwoman|comptroller|legislator|president|federation|association|caucus|alliance|club|league|"
    r"network|council|sheriff|alderman|councillor|councilor|prosecutor|commissioner|chairman|chairwoman|"
    r"premier|minister|judge|auditor|speaker|nominee|incumbent|challenger)\b",
    re.IGNORECASE,
)
# Roles read only from a person named with that title ("the sheriff": the one called Sheriff)
_STRICT_ROLES = {"sheriff", "alderman", "councillor", "councilor", "prosecutor", "commissioner", "chairman",
                 "chairwoman", "premier", "minister", "judge", "auditor", "speaker"}  # fmt: skip
_CONTENDERS = {"nominee", "incumbent", "challenger"}
_ORG_DESCRIPTIONS = {"group", "union", "party", "organization", "organisation", "coalition", "committee",
                     "federation", "association", "caucus", "alliance", "club", "league", "network",
                     "council"}  # fmt: skip
_OBJECT_FOLLOWER = re.compile(
    r"(?:to|of|for|from|with|about|over|as|in|on|at|into|after|while|until|because|despite|and|but|through|"
    r"throughout|when|since|during|amid|against|again|now|today|yesterday|last|this|all|too|either|earlier|"
    r"later|publicly|immediately|the\s+(?:same|next|following|previous)\s+day|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b"
)
_WORD_BEFORE = re.compile(r"\b([A-Za-z][\w-]*\.?)\s+$")
_SAYS_AFTER = re.compile(
    r"(?:,[^,;]{0,80},)?\s+(?:also\s+)?(?:said|says|told|added|argued|insisted|wrote|stated|confirmed|announced)\b"
)
_UNION_WORDS = re.compile(
    r"union|local|workers|teachers|teamsters|education\s+association|order\s+of\s+police|nurses|firefighters|"
    r"guild|brotherhood|employees|laborers|labourers|electricians|carpenters|trades"
)
_NAMED_BODIES = {"federation", "association", "coalition", "alliance", "league", "caucus", "club", "network"}


_MALE_TITLES = {"mr", "mr.", "sir", "lord", "congressman", "assemblyman", "councilman", "spokesman",
                "father", "brother", "king", "prince"}  # fmt: skip
_FEMALE_TITLES = {"ms", "ms.", "mrs", "mrs.", "miss", "dame", "lady", "madam", "congresswoman",
                  "assemblywoman", "councilwoman", "chairwoman", "spokeswoman", "alderwoman", "sister",
                  "queen", "princess"}  # fmt: skip
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"}  # fmt: skip
# "Orsini said he ...", "Kim, 41, said she ...", "withdrew his endorsement", "accused Garcia of using her
# Senate office": the pronoun used of a named person tells which pronouns may mean them later
_SELF_REFERENCE = re.compile(
    r"⟦(\d+)⟧(?:,[^,⟦\"]{0,60},)?\s+(?:(?:also|later|then|has|had|have)\s+)?(?:"
    r"(?:said|says|told\s+[\w\s]{1,30}?|added|argued|insisted|wrote|confirmed|announced|tweeted|stated|"
    r"explained|maintained)\s+(?:[a-z]+\s+){0,4}?(?:that\s+)?(?P<subject>he|she)\b|"
    r"(?:[^⟦.;\"]{0,50}?\s)?(?P<possessive>his|her)\s+(?:(?:[a-z]+\s+){0,2})?(?:endorsement|support|backing|"
    r"campaign|bid|candidacy|seat|statement|name|decision|resignation|comments?|remarks?|record|office|party|"
    r"job|post|nomination|run|race|side|innocence|account|position|ward|district|riding|constituency))"
)
_WORD_SEPARATORS = re.compile(r"[\s-]+")
_INCLUDING_SAID = re.compile(
    r"\bincluding\s+((?:⟦\d+⟧(?:,?\s+and\s+|,\s+)?)+),?\s+(?:have\s+|had\s+)?(?:said|say|told\s+[\w\s]{1,20}?|"
    r"announced|insisted|added|wrote|declared)\s+(?:that\s+)?$"
)
# "some Republican leaders said they …", "lawmakers told reporters that they …": people left unnamed
_UNNAMED_SAYERS = re.compile(
    r"(?<![⟦\d⟧])\s(?:[a-z][\w-]*\s+){0,3}?(?<!their\s)(?<!its\s)(?<!his\s)(?<!her\s)(?<!'s\s)(?:leaders|lawmakers|legislators|senators|members|officials|republicans|"
    r"democrats|unions|groups|organi[sz]ations|councill?ors|mps|activists|supporters|donors|colleagues|critics|"
    r"allies|backers|voters|residents|delegates)\s+(?:have\s+|had\s+)?(?:said|say|says|told\s+[\w\s]{1,20}?|"
    r"announced|insisted|added|stated|wrote|declared)\s+(?:that\s+)?$"
)
# An office title right before a capitalised word makes it a surname ("Sen. Biaggi", "Assembly Members Niou")
_TITLES_BEFORE = {
    "sen", "sens", "rep", "reps", "mr", "mrs", "ms", "dr", "cllr", "cllrs", "cr", "gov", "ald", "coun",
    "senator", "senators", "representative", "representatives", "assemblyman", "assemblywoman", "assemblymen",
    "assemblywomen", "assemblymember", "assemblymembers", "congressman", "congresswoman", "councilman",
    "councilwoman", "councilmember", "councilmembers", "councillor", "councillors", "councilor", "councilors",
    "alderman", "aldermen",
}  # fmt: skip
_BODIES_BEFORE = {"assembly", "council"}  # "Assembly Member(s)", "Council Members"


def _titled(text: str, at: int) -> bool:
    """Does an office title stand right before position `at` ("Sens. |Biaggi")? Word look-ups,
    not a pattern: asked of every capitalised word that names no one known."""
    words = text[max(0, at - 30) : at].split()
    if not words or text[at - 1 : at] != " ":
        return False
    last = words[-1].rstrip(".").lower()
    if last in _TITLES_BEFORE:
        return True
    return last in ("member", "members") and len(words) > 1 and words[-2].lower() in _BODIES_BEFORE


_LIST_GOES_ON = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)(?=[A-Z][a-z])")
# what a capitalised word after an office title or in its list cannot be: a surname
_NOT_SURNAME = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Democrats?|Republicans?|The|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)$"
)
_OPENING = re.compile(r"\W*(?:(?:but|and|then|later|on\s+\w+|in\s+\w+)\s+)*")


def title_gender(title: str) -> str | None:
    words = {w.lower() for w in title.replace(".", ". ").split()}
    if words & _MALE_TITLES:
        return "m"
    if words & _FEMALE_TITLES:
        return "f"
    return None


def learn_genders(clause: Clause, state: State, subject: str | None) -> None:
    """What pronouns may mean the people of this sentence: 'X said she ...', 'X ... his campaign',
    and a sentence opening with 'He'/'She' about its subject."""
    mentions = clause.mentions
    shape = clause.shape
    if any(m.kind == "pronoun" for m in mentions):
        shape = MENTION.sub(  # pronouns are mentions: their words back in the shape
            lambda t: (
                mentions[int(t.group(1))].text.lower()
                if mentions[int(t.group(1))].kind == "pronoun"
                else t.group(0)
            ),
            shape,
        )
    for found in _SELF_REFERENCE.finditer(shape):
        mention = mentions[int(found.group(1))]
        word = found.group("subject") or found.group("possessive")
        if mention.name and mention.is_person and mention.kind in ("name", "short"):
            state.genders.setdefault(mention.name, PRONOUN_GENDER[word])
    outside = [i for i in range(len(mentions)) if not clause.in_quote(clause.mention_at[i])]
    if subject and outside:
        first = mentions[outside[0]]
        word = first.text.lower()
        opening = _OPENING.fullmatch(clause.shape[: clause.mention_at[outside[0]]])
        if first.kind == "pronoun" and word in ("he", "she") and opening:
            state.genders.setdefault(subject, PRONOUN_GENDER[word])


@dataclass
class State:
    """What one article has said so far: who was named, who spoke, which actor dated a statement."""

    persons: list[str] = field(default_factory=list)  # resolved person names in order of mention
    person_counts: dict[str, int] = field(default_factory=dict)
    target_counts: dict[str, int] = field(default_factory=dict)  # how often each name was an event's target
    orgs: list[tuple[str, str | None]] = field(default_factory=list)  # (name, kind)
    surnames: dict[str, set[str]] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # person -> the title last seen with the name
    subjects: list[tuple[str, bool]] = field(default_factory=list)  # (name, is_person) of each subject
    anchors: dict[str, list[tuple[int, Span, str]]] = field(default_factory=dict)  # actor -> (at, day, text)
    accusers: dict[str, list[str]] = field(default_factory=dict)  # accused -> accusers
    endorsed: set[tuple[str, str]] = field(default_factory=set)  # (endorser, endorsed) found so far
    last_group: list[str] = field(default_factory=list)  # the last subject that named several actors
    statement_by: list[str] = field(default_factory=list)  # who issued a joint statement just before
    deniers: set[str] = field(default_factory=set)  # who denied something: they stand accused
    claimants: list[str] = field(default_factory=list)  # who made claims against someone (a denial's target)
    first_names: dict[str, set[str]] = field(default_factory=dict)  # "standing by Victor": a first name
    genders: dict[str, str] = field(default_factory=dict)  # person -> "m" or "f", as the text shows it
    article_surnames: dict[str, set[str]] = field(default_factory=dict)  # every full name of the article
    # denials whose accuser the article had not named yet: (actors, sentence, position, rule)
    unanswered: list[tuple[tuple[str, ...], int, int, str]] = field(default_factory=list)

    def saw(self, mention: Mention) -> None:
        if mention.name is None:
            return
        if mention.is_person:
            self.persons.append(mention.name)
            self.person_counts[mention.name] = self.person_counts.get(mention.name, 0) + 1
            words = mention.name.split()
            if len(words) >= 2:
                self.surnames.setdefault(words[-1], set()).add(mention.name)
                self.first_names.setdefault(words[0], set()).add(mention.name)
            if mention.title:
                # every title the person had ("Govan councillor", then "Cllr"): "the councillor" is them
                known, title = self.titles.get(mention.name, ""), mention.title.lower()
                if title not in known:
                    self.titles[mention.name] = f"{known} {title}"
                gender = title_gender(mention.title)
                if gender:
                    self.genders.setdefault(mention.name, gender)
        else:
            self.orgs.append((mention.name, mention.entity_kind))
            # ("WFP" after "the Working Families Party", the short form of "the New York Working …")
            initials = {"".join(w[0] for w in _WORD_SEPARATORS.split(form) if w[:1].isupper())
                        for form in (mention.name, mention.text)}  # fmt: skip
            for acronym in (*sorted(initials), mention.extra.get("acronym")):
                if acronym and len(acronym) >= 2:
                    self.acronyms.setdefault(acronym, mention.name)

    def accused_by(self, accusers: list[str]) -> list[str]:
        """Whom any of `accusers` accused so far, in the order they were first accused."""
        return [person for person, named in self.accusers.items() if any(a in named for a in accusers)]

    def titled(self, word: str, strict: bool = False) -> str | None:
        """ "the mayor": the last person named with that title, else (unless `strict`) the last person
        named."""
        for name in reversed(self.persons):
            if word in self.titles.get(name, ""):
                return name
        return self.persons[-1] if self.persons and not strict else None

    def last_subject(self, person: bool, gender: str | None = None) -> str | None:
        for name, is_person in reversed(self.subjects):
            if is_person == person and self.may_be(name, gender):
                return name
        return None

    def may_be(self, name: str, gender: str | None) -> bool:
        """Could a pronoun of this gender ("m", "f", or None for any) mean this person?"""
        return gender is None or self.genders.get(name, gender) == gender

    def last_org(self, word: str) -> tuple[str, str | None] | None:
        for name, kind in reversed(self.orgs):
            if described(word, name, kind):
                return name, kind
        return None

    def focus(self, exclude: list[str]) -> str | None:
        """The person the article is most about: most often the target of its events so far, then
        most often named."""
        names = [n for n in self.person_counts if n not in exclude]
        if not names:
            return None
        return max(names, key=lambda n: (self.target_counts.get(n, 0), self.person_counts[n]))


def described(word: str, name: str, kind: str | None) -> bool:
    """Could "the `word`" ("the union", "the party") mean the organisation `name`?"""
    low = name.lower()
    if word == "union" and not (kind == "union" or _UNION_WORDS.search(low)):
        return False
    if word == "party" and not (kind == "party" or "party" in low):
        return False
    return not (word in _NAMED_BODIES and word not in low)  # "the association" is no party


def sentence_mentions(
    folded: str,
    start: int,
    end: int,
    names: list[Mention],
    state: State,
    unresolved: list[str],
    article_id: str,
) -> list[Mention]:
    """The sentence's mentions: `names` (found by the gazetteer and proper-name rules) plus the
    short names, acronyms, descriptions and pronouns that need the article so far, in text order.
    A short name that could mean two people is noted in `unresolved` and left without a name."""
    text = folded[start:end]
    taken = [(m.start, m.end) for m in names]
    extra: list[Mention] = []

    def free(a: int, b: int) -> bool:
        for x, y in taken:  # noqa: SIM110 - a plain loop: no generator for each capitalized word
            if a < y and b > x:
                return False
        return True

    surnames = state.surnames
    here: dict[str, set[str]] = {}  # full names earlier in this very sentence, by surname
    full_names = [n for n in names if n.is_person and n.name and " " in n.name]  # in order
    seen = 0
    listing = -1  # where the next surname of a list after an office title would start
    prose = text.rstrip().endswith((".", "!", "?", '"', "'"))  # not a headline: its subject is often left out
    first_names, acronyms = state.first_names, state.acronyms
    for m in _CAPITALIZED.finditer(text):
        a, b = start + m.start(), start + m.end()
        word = m.group(0)
        while seen < len(full_names) and full_names[seen].end <= a:
            name = full_names[seen].name
            here.setdefault(name.split()[-1], set()).add(name)  # type: ignore[union-attr]
            seen += 1
        # most capitalised words can name no one: the dictionaries answer before the overlap test
        later = state.article_surnames.get(word) if prose and word not in surnames else None
        if later and len(later) == 1 and word not in here and free(a, b):
            # "Leahy says he thinks Clinton should drop out" above "Sen. Patrick Leahy …"
            extra.append(Mention(a, b, word, next(iter(later)), kind="short", entity_kind="person"))
            taken.append((a, b))
            continue
        if not (word in surnames or word in here or word in first_names or word in acronyms):
            if (
                (listing == a or _titled(text, m.start()))
                and free(a, b)
                and not is_title(word)
                and not _NOT_SURNAME.match(word)
            ):
                # "Sens. Biaggi, Salazar and Gustavo Rivera": surnames after an office title are people
                named = state.article_surnames.get(word, ())
                full = next(iter(named)) if len(named) == 1 else word  # (the full name may come later)
                extra.append(Mention(a, b, word, full, kind="short", entity_kind="person"))
                taken.append((a, b))
                after = _LIST_GOES_ON.match(text, m.end())
                listing = start + after.end() if after else -1
            continue
        if not free(a, b):
            continue
        people = (
            (state.surnames.get(word, set()) | here.get(word, set()))
            if word in surnames or word in here
            else ()
        )
        if not people and len(state.first_names.get(word, ())) == 1:
            people = state.first_names[word]  # "Kirsten has my full support": the one Kirsten named
        if people:
            if len(people) == 1:
                extra.append(Mention(a, b, word, next(iter(people)), kind="short", entity_kind="person"))
            else:
                listed = ", ".join(sorted(people))
                unresolved.append(f"{article_id}:{a}: '{word}' could mean {listed}: left unresolved")
                extra.append(Mention(a, b, word, None, kind="short", note="ambiguous"))
            taken.append((a, b))
        elif word.isupper() and word in state.acronyms:
            extra.append(Mention(a, b, word, state.acronyms[word], kind="short", entity_kind="organization"))
            taken.append((a, b))
    for m in _DESCRIPTION.finditer(text):
        a, b = start + m.start(), start + m.end()
        if not free(a, b):
            continue
        word = m.group(1).lower()
        if word in _ORG_DESCRIPTIONS:
            here = [n for n in names if n.end <= a and n.name and not n.is_person]
            here = [n for n in here if described(word, n.name, n.entity_kind)]  # type: ignore[arg-type]
            # "The X Party said that Y "is no longer a candidate for the party"": the one just named
            org = (here[-1].name, here[-1].entity_kind) if here else state.last_org(word)
            mention = Mention(a, b, m.group(0), org[0] if org else None, kind="description",
                              entity_kind=(org[1] if org else None) or "organization")  # fmt: skip
        else:
            if folded.startswith("'s", b):
                continue  # "the governor's race": not a person
            person = state.titled(word, strict=word in _STRICT_ROLES or word in _CONTENDERS)
            if person is None and word in _CONTENDERS:
                person = state.focus([])  # "standing by the nominee": the one the article is about
            mention = Mention(a, b, m.group(0), person, kind="description", entity_kind="person")
        mention.possessive = folded.startswith("'s", b) and not ACTS_FOR.match(folded[b : b + 40])
        extra.append(mention)
        taken.append((a, b))
    for m in _PRONOUN.finditer(text):
        a, b = start + m.start(), start + m.end()
        word = m.group(0).lower()
        if not free(a, b):
            continue
        if word == "her":
            after = text[m.end() :].lstrip()
            if not (after[:1] in ("", ".", ",", ";", '"', ")", "!", "?") or _OBJECT_FOLLOWER.match(after)):
                continue  # "her endorsement": a determiner, not a mention
        kind = "organization" if word in ("it", "they", "them") else "person"
        extra.append(Mention(a, b, m.group(0), None, kind="pronoun", entity_kind=kind))
        taken.append((a, b))
    for mention in extra:
        if mention.kind == "short":
            mention.possessive = folded.startswith("'s", mention.end) and not ACTS_FOR.match(
                folded[mention.end : mention.end + 40]
            )
            if mention.is_person:
                _take_title(folded, mention, start, taken)
    return sorted(names + extra, key=lambda m: m.start)


def _take_title(folded: str, mention: Mention, floor: int, taken: list[tuple[int, int]]) -> None:
    """ "Ms Matheson", "Deputy Mayor Fairleigh": the title words in front belong to the short name."""
    start = mention.start
    for _ in range(3):
        word = _WORD_BEFORE.search(folded, max(floor, start - 30), start)
        if not word or not is_title(word.group(1)) or any(a < start and b > word.start() for a, b in taken):
            break
        start = word.start()
    if start < mention.start:
        mention.title = folded[start : mention.start].strip()
        mention.start = start


def resolve(clause: Clause, state: State, index: int, role: str, exclude: Iterable[str] = ()) -> str | None:
    """The name mention `index` stands for: its own, or for a pronoun, the subject already named in
    this sentence, else the last subject before it (as a subject), or of the people just named, the
    one events have been about (as an object)."""
    mentions = clause.mentions
    m = mentions[index]
    if m.kind != "pronoun":
        return m.name
    word = m.text.lower()
    person = word in ("he", "she", "him", "her")
    gender = PRONOUN_GENDER.get(word)
    if word in ("he", "she", "it", "they") and role != "object":
        for j in range(index):
            other = mentions[j]
            named = other.kind != "pronoun" and other.name and other.is_person == person
            if (
                named
                and not clause.in_quote(clause.mention_at[j])
                and not clause.objectish(j)
                and state.may_be(other.name, gender)  # type: ignore[arg-type]
            ):
                return other.name
        name = state.last_subject(person, gender)
        if name:
            return name
        if not person and state.orgs:
            return state.orgs[-1][0]
        return None
    pool = reversed(state.persons) if person else (name for name, _ in reversed(state.orgs))
    earlier = [mentions[j].name for j in range(index) if mentions[j].name and mentions[j].is_person == person]
    exclude = set(exclude)
    recent: list[str] = []
    for name in itertools.chain(reversed(earlier), pool):  # type: ignore[arg-type]
        if name not in exclude and name not in recent and state.may_be(name, gender):
            recent.append(name)
            if len(recent) == 4:
                break
    if not recent:
        return None
    if earlier and gender and recent[0] == earlier[-1]:
        return recent[0]  # "who had backed Rosa Garcia in June, said it would not be supporting her"
    # "urged him to step aside": of the people just named, the one events have been about
    counts = state.target_counts
    if role == "object" and person and earlier and earlier[-1] not in exclude:
        last = max(j for j in range(index) if mentions[j].name == earlier[-1])
        if not _SAYS_AFTER.match(clause.shape, clause.after(last)):
            # "A, who has known B for years, would stand by him": B, named just before (but not
            # the one saying it: "Senator C said the party would stand by her")
            return earlier[-1]
    best = max(recent, key=lambda n: counts.get(n, 0))
    return best if person and counts.get(best, 0) > counts.get(recent[0], 0) else recent[0]


def names(
    clause: Clause, state: State, indexes: list[int], role: str, exclude: Iterable[str] = ()
) -> list[str]:
    """The names of mentions `indexes`, each once ('they' may stand for a group)."""
    out: list[str] = []
    exclude = list(exclude)
    for i in indexes:
        plural = clause.mentions[i].text.lower() in ("they", "them")
        if plural and _UNNAMED_SAYERS.search(clause.shape, 0, clause.mention_at[i]):
            continue  # "some Republican leaders said they would no longer support him": nobody named
        found = _plural(clause, state, i) if plural else []
        found = found or [resolve(clause, state, i, role=role, exclude=exclude)]  # type: ignore[list-item]
        out += [n for n in found if n and n not in out and n not in exclude]
    return out


def _plural(clause: Clause, state: State, index: int) -> list[str]:
    """'they': the group named as subject earlier in this sentence, else the last such group."""
    including = _INCLUDING_SAID.search(clause.shape, 0, clause.mention_at[index])
    if including:  # "top Republicans, including Sen. A and Rep. B, said they could no longer support him"
        return [n for n in (clause.mentions[k].name for k in clause.indexes(including.group(1))) if n]
    for j in range(index):
        named = clause.mentions[j].kind != "pronoun" and clause.subject_like(j)
        if named and not clause.in_quote(clause.mention_at[j]):
            group = clause.left(clause.mention_at[j] + 1)
            found = [clause.mentions[k].name for k in group if clause.mentions[k].name]
            if len(found) > 1:
                return found  # type: ignore[return-value]
    # "The alderman's allies at the Westside Neighborhood Alliance said they": the body just named
    for j in range(index - 1, -1, -1):
        other = clause.mentions[j]
        if (
            other.kind != "pronoun"
            and other.name
            and not other.is_person
            and not clause.in_quote(clause.mention_at[j])
        ):
            return [other.name]
    return list(state.last_group)
