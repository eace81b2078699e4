"""Role assignment: given a rule's match in a sentence, who did what to whom. The roles a rule
names (rules.ACTOR_ROLES, rules.TARGET_ROLES) are read here and nowhere else; ROLE_READERS says
which are handled, and a test holds them equal.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..graph.dates import Span
from .clauses import MENTION, Clause
from .coreference import State, names, resolve
from .matching import Hit
from .rules import CallKind

__all__ = ["ACTOR_READERS", "ANY_COUNT", "TARGET_READERS", "Assignment", "Found", "assign", "cause",
           "sentence_rank"]  # fmt: skip

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
_AFTER_A_SPAN_OF_TIME = re.compile(r"\b(?:day|days|hours?|weeks?)\s*$")
_CAUSED = ("withdraw", "call", "stand_by")  # actions with stated triggers worth keeping
_CONDITION = re.compile(r"\b(?:if|unless|should\s+(?:the|these|it))\b")
_PLUPERFECT = re.compile(r"\bhad(?:\s+(?:previously|already|earlier|once|initially|first|also))?\s*$")
_RANK = re.compile(  # the lookahead first: the pattern is otherwise tried at every position
    r"(?=[afhirst])(?:\b(?:as\s+)?(?:its|their|his|her|the)\s+(first|second|third|fourth|fifth|top|no\.\s*(\d))[\s-]*"
    r"(?:choice|pick|place|preference|ranked|option)?|\b(first|second|third|fourth|fifth)[\s-]+(?:choice|pick)\b|"
    r"\branked\s+\S+\s+(first|second|third|fourth|fifth)\b)"
)
_RANKS = {"first": 1, "top": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_ORDINAL_AFTER = re.compile(rf"\s+(?:as\s+(?:its|their|his|her)\s+)?({'|'.join(_RANKS)})\b")
_RANKED = ("endorse", "withdraw", "stand_by")
ANY_COUNT = -1  # "several": any number of names will do
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "several": ANY_COUNT, "a dozen": 12}  # fmt: skip
# "Five City Council members", "Two Labour councillors": actors counted now, named in a later sentence
_COUNTED = re.compile(
    r"(?:^|[,;]\s*|\s-\s+|\b(?:and|but)\s+)(?:the\s+)?(?:(?:more\s+than|at\s+least|nearly|over|about|some)\s+)?"
    r"(?P<count>two|three|four|five|six|seven|eight|nine|ten|several|"
    r"a dozen|eleven|twelve|\d{1,3})\s+(?:[\w.'⟦⟧-]+\s+){0,4}?"
    r"(?:members|signatories|signers|councillors|councilors|lawmakers|mps|mlas|tds|aldermen|"
    r"senators|officials|legislators|representatives|leaders|unions|groups|organizations|organisations|activists|democrats|"
    r"republicans|mayors|candidates)\b"
)
_OF_THE_GROUP = re.compile(r"^\s+of\s+(?:the\s+)?⟦\d+⟧")
_OFFICE_OF = re.compile(
    r",\s+(?:the\s+)?(?:\w+\s+)?(?:president|chair(?:man|woman|person)?|leader|head|director|spokes(?:man|woman|"
    r"person)|secretary|founder|co-founder|general\s+secretary)\s+of\s+(?:the\s+)?⟦(\d+)⟧"
)
_APPOSITION = re.compile(r"'s\s+[\w\s-]{0,40}?,\s+(?:[a-z][\w-]*\s+){0,3}⟦(\d+)⟧")
_CLAIMS_OF = re.compile(
    r"'s\s+(?:\w+\s+){0,2}?(?:allegation|accusation|claim|charge|account|version|complaint)"
)
_WITH_BEFORE = re.compile(r"\bwith\s+$")
_CLAIMS_DENIED = re.compile(
    r"\b(?:allegations?|accusations?|claims?|charges?|complaints?|account)\b", re.IGNORECASE
)
_SUBORDINATE_BETWEEN = re.compile(
    r"\b(?:until|unless|after|before|because|since|while|although|when|pending)\b"
)
_AND_UNNAMED = re.compile(
    r"\s+and\s+(?:a\s+(?:group|number|handful|slate|bloc|coalition)\s+of|several|other|a\s+dozen)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:lawmakers|legislators|officials|senators|members|councill?ors|mps|unions|groups|organi[sz]ations|leaders)\b"
)
_NOMINEE = re.compile(
    r"(?:\s*\([a-z]{2,6}\))?\s+(?:(?:[\w-]+\s+)?(?:nominee|candidate|leader|mp|mla|councillor|member|hopeful|"
    r"challenger|incumbent)\s+)?⟦(\d+)⟧"
)
# "its president, Walt Kubiak,", "The local's business manager, Ray Kaminski,": who speaks for a body
_OFFICER = re.compile(
    r"(?:⟦(?P<org>\d+)⟧'s|\b(?P<own>its|their)|\bthe\s+(?P<word>local|union|group|party|federation|association|"
    r"council|alliance|committee|league|coalition|caucus|club|network|branch|organi[sz]ation)(?:'s)?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:president|chair(?:man|woman|person)?|spokes(?:man|woman|person)|business\s+manager|"
    r"manager|secretary|director|leader|head|treasurer|organi[sz]er|conven[eo]r|executive)\s*,\s+$"
)
_ENDORSED_BEFORE = re.compile(
    r"\b(?:endorsed|backed|supported|endorsing|backing)\s+(?:[\w-]+\s+){0,2}?⟦(\d+)⟧"
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
class Assignment:
    """What a hit made: events, or why it made none."""

    found: list[Found]
    failure: str | None = None  # no actor found, no target found, hypothetical; None: no reason known


def sentence_rank(clause: Clause) -> int | None:
    """The sentence's rank phrase, when it has exactly one."""
    found = list(_RANK.finditer(clause.shape))
    return _rank_of(found[0]) if len(found) == 1 else None


def _rank_of(m: re.Match) -> int | None:
    if m.group(2):
        return int(m.group(2))
    word = next(g for g in (m.group(1), m.group(3), m.group(4)) if g)
    return _RANKS.get(word)


def _ranks(clause: Clause, rule_name: str, targets: str | None) -> dict[str, int]:
    """The ranked-choice position of each target: the ordinal right after it ("ranked Ortiz
    first and Kemp second", "backed Rhee as its second choice")."""
    out: dict[str, int] = {}
    for index in clause.indexes(targets):
        name = clause.mentions[index].name
        after = clause.shape[clause.after(index) :][:70]
        ordinal = _ORDINAL_AFTER.match(after)
        phrase = _RANK.search(after.split(";")[0])
        if ordinal and (rule_name == "ranked" or phrase):
            out[name] = _RANKS[ordinal.group(1)]  # type: ignore[index]
        elif phrase:
            out[name] = _rank_of(phrase)  # type: ignore[index]
    return out


def cause(clause: Clause, trig: int) -> str | None:
    """The trigger the sentence states for its event ("in light of the allegations")."""
    text = clause.article.text[clause.sentence.start : clause.sentence.end]
    found = [m for m in _CAUSE.finditer(text) if not _AFTER_A_SPAN_OF_TIME.search(text[: m.start()])]
    if not found:
        return None
    position = trig - clause.sentence.start
    best = min(found, key=lambda m: abs(m.start() - position))
    return " ".join(best.group(0).split()).rstrip(" ,;:")


# --- actors
def _by_speaker(clause: Clause, state: State, hit: Hit, speakers: tuple[str, ...]) -> list[str]:
    """Who speaks the quotation: its speaker, or each of those who issued the joint statement it
    quotes; a quoted 'we' said by an organisation's officer is the organisation."""
    organization = (
        _speaker_organization(clause, speakers[0])
        if len(speakers) == 1 and hit.match.group(0).lstrip().startswith("we")
        else None
    )
    return [organization] if organization else list(speakers)


def _by_act(clause: Clause, state: State, hit: Hit, speakers: tuple[str, ...]) -> list[str]:
    return names(clause, state, clause.indexes(hit.match.groupdict().get("act")), "subject")


def _by_org(clause: Clause, state: State, hit: Hit, speakers: tuple[str, ...]) -> list[str]:
    """The organisation dropping its candidate: named, else the one in view."""
    groups = hit.match.groupdict()
    named = clause.indexes(groups.get("act") or groups.get("act2"))
    return names(clause, state, named, "subject") or _organization(clause, state)


def _by_party(clause: Clause, state: State, hit: Hit, speakers: tuple[str, ...]) -> list[str]:
    """The organisation that chose its candidate: named, the subject when an organisation, else the
    one in view ("Local members picked X as their candidate")."""
    named = clause.indexes(hit.match.groupdict().get("act"))
    left = [i for i in clause.left(hit.trig) if not clause.mentions[i].is_person]
    return names(clause, state, named or left, "subject") or _organization(clause, state)


def _by_sayer(clause: Clause, state: State, hit: Hit, speakers: tuple[str, ...]) -> list[str]:
    """ "A said B retains her support": who speaks of the target."""
    return names(clause, state, clause.left(hit.match.start("tgt")), "subject")


def _by_left(clause: Clause, state: State, hit: Hit, speakers: tuple[str, ...]) -> list[str]:
    left = clause.left(hit.trig)
    actors = names(clause, state, left, "subject")
    if hit.rule.action != "call" and len(left) == 1 and (organization := officer_of(clause, state, left[0])):
        # "The local's business manager, X, said the board voted to endorse Y"; but a call is the
        # caller's own: "the party's district secretary, X, went further, calling on Y to withdraw"
        return [organization]
    if not actors and hit.rule.action == "call":
        including = re.search(
            rf"\bincluding\s+(?P<g>{clause.group.pattern})", clause.shape[hit.match.end("trig") :]
        )
        if including:
            actors = names(clause, state, clause.indexes(including.group("g")), "subject")
    return actors


ACTOR_READERS = {
    "speaker": _by_speaker, "act": _by_act, "org": _by_org, "sayer": _by_sayer, "left": _by_left,
    "party": _by_party,
}  # fmt: skip


def _speaker_organization(clause: Clause, speaker: str | None) -> str | None:
    """The organization a quoted 'we' speaks for: "said Rosa Kim, president of the X"."""
    for i in range(len(clause.mentions)):
        if clause.mentions[i].name != speaker or clause.in_quote(clause.mention_at[i]):
            continue
        office = _OFFICE_OF.match(clause.shape[clause.after(i) :])
        if office:
            return clause.mentions[int(office.group(1))].name
    return None


def officer_of(clause: Clause, state: State, index: int) -> str | None:
    """The organisation a person in apposition to its office speaks for ("its president, X,"):
    the organisation acts, and the person is never the one acted upon."""
    m = _OFFICER.search(clause.shape[max(0, clause.mention_at[index] - 80) : clause.mention_at[index]])
    if not m or not clause.mentions[index].is_person:
        return None
    if m.group("org"):
        org = clause.mentions[int(m.group("org"))]
        return org.name if not org.is_person else None
    if m.group("word"):
        found = state.last_org(m.group("word").lower())
        return found[0] if found else None
    for j in range(index - 1, -1, -1):  # "its": the organisation named last before
        if clause.mentions[j].name and not clause.mentions[j].is_person:
            return clause.mentions[j].name
    return state.orgs[-1][0] if state.orgs else None


def _organization(clause: Clause, state: State) -> list[str]:
    """The organisation a sentence speaks of (the subject first), else the last one named."""
    for i, m in enumerate(clause.mentions):
        if m.name and not m.is_person and not clause.in_quote(clause.mention_at[i]):
            return [m.name]
    return [state.orgs[-1][0]] if state.orgs else []


def _counted(clause: Clause, trig: int) -> int | None:
    """How many actors "Five council members" counts before the trigger without naming them."""
    counted = _COUNTED.search(clause.shape[:trig])
    if not counted:
        return None
    between = _OF_THE_GROUP.sub("", clause.shape[counted.end() : trig])
    if MENTION.search(between):
        return None
    count = counted.group("count")
    return int(count) if count.isdigit() else _COUNT_WORDS[count]


# --- targets
def _to_left(clause: Clause, state: State, hit: Hit, actors: list[str]) -> list[str]:
    return names(clause, state, clause.left(hit.trig), "subject", exclude=actors)


def _to_accuser(clause: Clause, state: State, hit: Hit, actors: list[str]) -> list[str]:
    """Who the actor denies: whose claims the denial names ("denied Kim's account"), else
    everyone who accused them in this article, else a person named after the denial, not one
    merely nearby ("in an interview with")."""
    actor, after, trig = actors[0], hit.match.end("trig"), hit.match.start("trig")
    mentions = clause.mentions
    named = next((i for i in range(len(mentions)) if clause.mention_at[i] >= trig), None)
    if (
        named is not None
        and mentions[named].possessive
        and mentions[named].name not in (None, actor)
        and _CLAIMS_OF.match(clause.shape[clause.after(named) :])
    ):
        return [mentions[named].name]  # type: ignore[list-item]
    known = state.accusers.get(actor)
    if known:
        return list(known)
    for i in range(len(mentions)):
        if clause.mention_at[i] >= after and mentions[i].kind in ("name", "short"):
            name = mentions[i].name
            before = clause.shape[max(0, clause.mention_at[i] - 12) : clause.mention_at[i]]
            if name and name != actor and mentions[i].is_person and not _WITH_BEFORE.search(before):
                return [name]
    # "Okafor denied the account": whoever made the claims, though no rule read them as an accusation
    return next(([name] for name in reversed(state.claimants) if name != actor), [])


def _to_his(clause: Clause, state: State, hit: Hit, actors: list[str]) -> list[str]:
    """ "called for his resignation": the last person before, not the actor."""
    for i in range(len(clause.mentions) - 1, -1, -1):
        m = clause.mentions[i]
        if clause.mention_at[i] < hit.trig and m.is_person and m.kind != "pronoun" and m.name not in actors:
            return [m.name] if m.name else []
    return [n for n in reversed(state.persons) if n not in actors][:1]


def _to_other(clause: Clause, state: State, hit: Hit, actors: list[str]) -> list[str]:
    """ "X's accusation": whom X accused before, else a person named after it ("against Y"), else
    the one the article is about, else another person in the sentence ("Tony Braga said the
    union … and that Lisowski's accusation changes nothing" is no accusation of Braga)."""
    accused = state.accused_by(actors)
    if accused:
        return accused[-1:]
    people = [
        (clause.mention_at[i], m.name) for i, m in enumerate(clause.mentions)
        if m.name and m.name not in actors and m.is_person and not clause.in_quote(clause.mention_at[i])
    ]  # fmt: skip
    after = [name for at, name in people if at > hit.trig]
    focus = state.focus(actors)
    return after[:1] or ([focus] if focus else [name for _, name in people][:1])


def _to_focus(clause: Clause, state: State, hit: Hit, actors: list[str]) -> list[str]:
    """ "X made the allegation Tuesday": the person the article is about."""
    focus = state.focus(actors)
    return [focus] if focus else []


def _to_race(clause: Clause, state: State, hit: Hit, actors: list[str]) -> list[str]:
    groups = hit.match.groupdict()
    return [(groups.get("race") or groups.get("race2") or "race").strip()]


def _to_tgt(clause: Clause, state: State, hit: Hit, actors: list[str]) -> list[str]:
    indexes = clause.indexes(hit.match.groupdict().get("tgt"))
    if len(indexes) == 1 and clause.mentions[indexes[0]].possessive and hit.rule.action != "call":
        # "endorsed Lozano's main opponent, community organizer Sandra Nwosu": the apposition
        apposition = _APPOSITION.match(clause.shape[clause.after(indexes[0]) :])
        indexes = [int(apposition.group(1))] if apposition else []
    indexes = [_nominee(clause, i) for i in indexes]
    targets = names(clause, state, indexes, "object", exclude=actors)
    if not targets and hit.rule.action == "withdraw":
        # "a club that endorsed Peter Lim ..., voted to rescind that endorsement": the one endorsed
        # ("whose editorial board endorsed her …, retracting its recommendation": the pronoun resolved)
        earlier = [int(i) for i in _ENDORSED_BEFORE.findall(clause.shape[: hit.trig])[-1:]]
        named = [resolve(clause, state, i, role="object", exclude=actors) for i in earlier]
        targets = [
            n for i, n in zip(earlier, named, strict=True)
            if n and clause.mentions[i].is_person and n not in actors
        ]  # fmt: skip
    if not targets and hit.rule.action in ("withdraw", "stand_by"):
        targets = _after_or_focus(clause, state, hit.match.end("trig"), actors)
    return targets


TARGET_READERS = {
    "tgt": _to_tgt, "left": _to_left, "accuser": _to_accuser, "his": _to_his, "other": _to_other,
    "race": _to_race, "focus": _to_focus,
}  # fmt: skip


def _nominee(clause: Clause, index: int) -> int:
    """ "support for Samajwadi Party (SP) nominee Arvind Tripathi": the person, not the party."""
    if clause.mentions[index].is_person:
        return index
    m = _NOMINEE.match(clause.shape, clause.after(index))
    return int(m.group(1)) if m and clause.mentions[int(m.group(1))].is_person else index


def _after_or_focus(clause: Clause, state: State, after: int, actors: list[str]) -> list[str]:
    """The person named after the trigger, else the one the article is about; not a possessive or
    one past a subordinator ("withdrew its endorsement until Kim's account could be reviewed")."""
    for i in range(len(clause.mentions)):
        at = clause.mention_at[i]
        if at >= after and (
            _SUBORDINATE_BETWEEN.search(clause.shape, after, at)
            or clause.mentions[i].possessive
            and _CLAIMS_OF.match(clause.shape, clause.after(i))
        ):
            break
        if at >= after and not clause.in_quote(at) and not officer_of(clause, state, i):
            name = resolve(clause, state, i, role="object", exclude=actors)
            if name and clause.mentions[i].is_person:
                return [name]
    focus = state.focus(actors)
    if focus is None:  # the article's first sentence: the one person it names
        named = {m.name for m in clause.mentions if m.kind == "name" and m.is_person and m.name not in actors}
        focus = next(iter(named)) if len(named) == 1 else None
    return [focus] if focus else []


def _may_deny(state: State, actors: list[str], accuser: str) -> bool:
    """Only the accused denies: "the union called Ames's claims a smear" is no denial of Ames."""
    accused = set(state.accused_by([accuser]))
    return not accused or bool(accused & set(actors))


_REPORTING = re.compile(
    r"\b(?:stor(?:y|ies)|reports?|reported|reporting|articles?|investigations?|published|released)\b"
)


def _reports(clause: Clause, actor: str, trig: int) -> bool:
    """A newspaper whose story alleges something reports it (an editorial board's accusation is its own)."""
    for i, m in enumerate(clause.mentions):
        if m.name == actor and m.entity_kind == "newspaper" and clause.mention_at[i] < trig:
            return bool(_REPORTING.search(clause.shape, clause.after(i), trig))
    return False


def assign(
    clause: Clause,
    state: State,
    hit: Hit,
    speakers: tuple[str, ...],
    rank: int | None,
    calls: tuple[CallKind, ...],
) -> Assignment:
    """The events `hit` makes in `clause`: its rule's actor and target roles read, calls turned into
    the actions asked for, ranks, titles and the stated cause attached. `speakers`: who speaks the
    sentence's quotation (several for a joint statement). Records in `state` who was a
    target and who accused whom."""
    rule, trig = hit.rule, hit.trig
    actors = ACTOR_READERS[rule.actor](clause, state, hit, speakers)
    awaiting = 0
    if not actors and rule.actor == "left":
        counted = _counted(clause, trig)
        if counted is not None:
            awaiting, actors = counted, [""]  # named in a following sentence, see Extractor.extract
    if rule.action == "accuse":  # "The Post released a story alleging that X …": reported, not accused
        actors = [a for a in actors if not _reports(clause, a, trig)]
    if not actors:
        return Assignment([], "no actor found")
    targets = [t for t in TARGET_READERS[rule.target](clause, state, hit, actors) if t and t not in actors]
    if rule.endorsed_first:
        targets = [t for t in targets if any((a, t) in state.endorsed for a in actors)]
    if rule.action == "deny":
        if not targets and _CLAIMS_DENIED.search(clause.text):
            # "Korski called an allegation baseless" before the article names who made it
            state.unanswered.append((tuple(actors), clause.number, clause.text_position(trig), rule.name))
        targets = [t for t in targets if _may_deny(state, actors, t)]
    if not targets:
        return Assignment([], "no target found")
    if rule.action == "call":
        what = hit.match.groupdict().get("what") or ""
        if _CONDITION.search(what[:90]):
            return Assignment([], "hypothetical")  # "should resign if the allegations are substantiated"
        actions = [kind.action for kind in calls if kind.asked(what)]
    elif rule.action == "support":  # "backed her the same day", after she was accused: standing by her
        accused = any(state.accusers.get(t) or t in state.deniers for t in targets)
        # "The FOP, which had backed him in March, ...": a past endorsement retold, not a stand-by
        retold = bool(_PLUPERFECT.search(clause.shape[:trig])) or clause.in_relative(trig) is not None
        actions = ["stand_by" if accused and not retold else "endorse"]
    else:
        actions = [rule.action]
    position = clause.text_position(trig)
    stated = cause(clause, position) if any(a.startswith(c) for a in actions for c in _CAUSED) else None
    pluperfect = bool(_PLUPERFECT.search(clause.shape[:trig]))
    titles = {m.name: m.title for m in clause.mentions}
    ranks = _ranks(clause, rule.name, hit.match.groupdict().get("tgt"))
    fallback = rank if not ranks else None  # one rank phrase in the sentence, tied to no target
    out = []
    for action in actions:
        for actor in actors:
            for target in targets:
                if action != "deny":  # a denial's target is the accuser, not whom the article is about
                    state.target_counts[target] = state.target_counts.get(target, 0) + 1
                if action == "deny":
                    state.deniers.add(actor)
                if action == "endorse":
                    state.endorsed.add((actor, target))
                if action == "accuse" and actor not in state.accusers.setdefault(target, []):
                    state.accusers[target].append(actor)
                out.append(
                    Found(
                        actor, action, target, clause.number, position,
                        rank=ranks.get(target, fallback) if action in _RANKED else None,
                        actor_title=titles.get(actor), target_title=titles.get(target),
                        pluperfect=pluperfect, awaiting=awaiting, rule=rule.name, cause=stated,
                    )
                )  # fmt: skip
    act = hit.match.groupdict().get("act")
    if act and out and _AND_UNNAMED.match(clause.shape, hit.match.end("act")):
        # "lost the support of the WFP and a group of lawmakers …": the group is named later
        first = out[0].actor
        out += [dataclasses.replace(f, actor="", awaiting=ANY_COUNT) for f in out if f.actor == first]
    return Assignment(out)
