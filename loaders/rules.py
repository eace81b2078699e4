"""Extraction rules, read from the data file `rules.jsonl` shipped beside this module: regular
expressions over a sentence's *shape* (the lowercased sentence with every mention replaced by a
placeholder ⟦i⟧), each with the action it makes and where its roles come from.

Matching (matching.py) is separate from deciding who did what to whom (roles.py reads the roles).
The file is checked as it is read: a bad line is an InputError naming `file:line: problem`.

The file holds one JSON object a line (blank lines and `#` lines are comments), of three kinds:
- `{"define": NAME, "pattern": P}`: a piece of pattern; `{NAME}` in any later pattern stands for it.
- `{"call": ACTION, "pattern": P, "noun": WORD}`: what a call asks for (`call_to_withdraw`,
  `call_to_resign`), read from the `what` group of a call rule, in file order.
- `{"also_eventful": [WORD, ...]}`: words besides the rules' hints that make a paragraph worth
  spaCy's sentence splitter (quotation marks, the event words --explain reports).
- `{"rule": NAME, "action": A, "pattern": P, "hints": [...], "actor": ..., "target": ...,
  "in_quotes": false, "modal_ok": false, "claims": true}`: a rule. `action` is an action of
  graph/actions.py, `call` (whose actions come from the `what` group) or `support` (a stand-by when
  the target stands accused in the article, else an endorsement); `hints` are substrings a
  sentence must hold for the pattern to be worth trying; `in_quotes`: only inside quotations, spoken
  by the speaker; `modal_ok`: fires after will/could/… (a call is modal by nature); `claims`: its
  match keeps later rules off the same words; `endorsed_first`: only of a target the actor endorsed
  earlier in the article ("would not be supporting him").

Actor roles (ACTOR_ROLES, with the groups each needs): `left` is the nearest subject-like mention
group before the trigger (not possessive, not the object of a preposition, not inside a relative
clause that does not hold the trigger); `act` is the pattern's `act` group; `speaker` is who a
quotation (or an embedded post) is attributed to; `org` is the `act`/`act2` group, else the
organisation the sentence names, else the last one named ("X has been dropped as the party's
candidate"); `sayer` is who speaks of the `tgt` ("A said B retains her support"); `party` is the
organisation that chose a candidate: the `act` group, else an organisation as the subject, else the
organisation in view ("Local members picked X as their candidate").
Target roles (TARGET_ROLES): `tgt` is the pattern's `tgt` group (a withdrawal or stand-by without one
takes the person named after the trigger, else the article's focus); `left` as above; `accuser` is who
accused the actor in this article (or whose claims are named: "denied Kim's account"); `other` is
another person named in the sentence; `his` is the last person named before the trigger ("called
for his resignation"); `race` is the pattern's `race`/`race2` group (else "race"); `focus` is the
person the article is most about ("X made the allegation Tuesday").
Every pattern has a `trig` group (where the event's words stand); a call has a `what` group.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..graph.actions import ACTIONS
from ..graph.errors import InputError

__all__ = ["ACTOR_ROLES", "CALL_ACTIONS", "GROUP", "HINTS", "RULES", "RULE_SET", "TARGET_ROLES", "CallKind",
           "Rule", "RuleSet", "load_rules", "read_rules", "validate"]  # fmt: skip

ACTOR_ROLES: dict[str, tuple[str, ...]] = {
    "left": (),
    "act": ("act",),
    "speaker": (),
    "org": (),
    "sayer": ("tgt",),
    "party": (),
}
TARGET_ROLES: dict[str, tuple[str, ...]] = {
    "tgt": (), "left": (), "accuser": (), "other": (), "his": (), "race": ("race",), "focus": (),
}  # fmt: skip
CALL_ACTIONS = ("call_to_withdraw", "call_to_resign")
_RULE_KEYS = {"rule", "action", "pattern", "hints", "actor", "target", "in_quotes", "modal_ok", "claims",
              "endorsed_first"}  # fmt: skip
_FLAGS = ("in_quotes", "modal_ok", "claims", "endorsed_first")
_NAME = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")  # a definition's name; regex counts are digits: {0,3}


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    # an action; or "call" (withdraw and/or resign, read from the `what` group); or "support": a
    # stand-by when the target stands accused in the article ("backed her the same day"), else an endorsement
    action: str
    pattern: re.Pattern
    actor: str = "left"  # a key of ACTOR_ROLES
    target: str = "tgt"  # a key of TARGET_ROLES
    in_quotes: bool = False  # only inside quotations, spoken by the speaker
    modal_ok: bool = False  # a call is modal by nature; other actions are skipped after will/could/…
    hints: tuple[str, ...] = ()  # substrings a sentence must hold for the pattern to be worth trying
    claims: bool = True  # its match keeps later rules off the same words ("denied Kim's claims": both read)
    endorsed_first: bool = False  # only of a target the actor is known to have endorsed in this article
    origin: str = ""  # file:line it was read from


@dataclass(frozen=True, slots=True)
class CallKind:
    """What a call asks the target to do, recognised in the call's `what` group."""

    action: str  # call_to_withdraw or call_to_resign
    pattern: re.Pattern
    noun: str  # "resignation": a `what` starting with it asks for this too

    def asked(self, what: str) -> bool:
        return bool(self.pattern.search(what)) or what.startswith(self.noun)


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    calls: tuple[CallKind, ...]
    definitions: dict[str, str]  # name -> expanded pattern piece
    also_eventful: tuple[str, ...] = ()  # words besides the hints that make a paragraph worth splitting well
    # Every hint once: a sentence is checked for each, then only rules whose hints it holds are tried.
    hints: tuple[str, ...] = field(init=False)
    # Words without which a paragraph holds nothing a rule could fire on: every rule's hints (but
    # those under three characters, such as "'s", which nearly every paragraph holds: their rules
    # need longer hints of other rules too), and the file's `also_eventful` words.
    paragraph_words: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        hints = tuple(sorted({hint for rule in self.rules for hint in rule.hints}))
        object.__setattr__(self, "hints", hints)
        words = {h for h in hints if len(h) >= 3} | set(self.also_eventful)
        object.__setattr__(self, "paragraph_words", tuple(sorted(words)))


def validate(rules: Iterable[Rule]) -> None:
    """Every rule's roles are known and its pattern has the groups they need (a `trig` always, a
    `what` for calls, a `tgt` unless the target is found otherwise): raises InputError naming each
    rule's file:line (or the rule) and its problem."""
    problems = []
    rules = list(rules)
    names = [r.name for r in rules]
    for rule in rules:
        where = f"{rule.origin}: rule {rule.name}" if rule.origin else f"rule {rule.name}"
        groups = set(rule.pattern.groupindex)
        needed = {"trig"} | set(ACTOR_ROLES.get(rule.actor, ())) | set(TARGET_ROLES.get(rule.target, ()))
        if rule.actor not in ACTOR_ROLES:
            problems.append(f"{where}: unknown actor role '{rule.actor}'")
        if rule.target not in TARGET_ROLES:
            problems.append(f"{where}: unknown target role '{rule.target}'")
        if rule.target == "tgt" and rule.action not in ("withdraw", "stand_by"):
            needed.add("tgt")  # only withdrawals and stand-bys fall back on the person named next
        if rule.action == "call":
            needed.add("what")
        elif rule.action not in ACTIONS and rule.action != "support":
            problems.append(f"{where}: unknown action '{rule.action}'")
        if missing := needed - groups:
            problems.append(f"{where}: pattern lacks group(s) {', '.join(sorted(missing))}")
        if not rule.hints:
            problems.append(f"{where}: no hints (the paragraph filter could not admit it)")
        if names.count(rule.name) > 1:
            problems.append(f"{where}: name used twice")
    if problems:
        raise InputError(list(dict.fromkeys(problems)))


def read_rules(lines: Iterable[str], path: str = "rules.jsonl") -> RuleSet:
    """The rules of a rules file's lines; any problem is an InputError naming `path:line`."""
    definitions: dict[str, str] = {}
    rules: list[Rule] = []
    calls: list[CallKind] = []
    also_eventful: list[str] = []
    problems: list[str] = []
    for number, line in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"{where}: not a JSON object ({err.msg})")
            continue
        if isinstance(row, dict) and set(row) == {"also_eventful"}:
            words = row["also_eventful"]
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                problems.append(f'{where}: "also_eventful" must be a list of words')
            else:
                also_eventful += words
            continue
        if not isinstance(row, dict) or not isinstance(row.get("pattern"), str):
            problems.append(f'{where}: a line needs a "pattern" string')
            continue
        unknown = [name for name in _NAME.findall(row["pattern"]) if name not in definitions]
        if unknown:
            problems.append(f"{where}: pattern uses {{{unknown[0]}}}, not defined above it")
            continue
        text = _NAME.sub(lambda m: definitions[m.group(1)], row["pattern"])
        try:
            pattern = re.compile(text)
        except re.error as err:
            problems.append(f"{where}: pattern does not compile ({err})")
            continue
        if "define" in row:
            definitions[str(row["define"])] = text
        elif "call" in row:
            if row["call"] not in CALL_ACTIONS or not isinstance(row.get("noun"), str):
                problems.append(
                    f'{where}: a call line needs "call" (one of {", ".join(CALL_ACTIONS)}) and "noun"'
                )
                continue
            calls.append(CallKind(row["call"], pattern, row["noun"]))
        elif "rule" in row:
            extra = set(row) - _RULE_KEYS
            hints = row.get("hints", [])
            if extra:
                problems.append(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
            elif not isinstance(hints, list) or not all(isinstance(h, str) and h for h in hints):
                problems.append(f'{where}: "hints" must be a list of words')
            elif not all(isinstance(row.get(flag, False), bool) for flag in _FLAGS):
                problems.append(f"{where}: {', '.join(_FLAGS)} must be true or false")
            else:
                rules.append(
                    Rule(
                        str(row["rule"]), str(row.get("action")), pattern,
                        actor=str(row.get("actor", "left")), target=str(row.get("target", "tgt")),
                        hints=tuple(hints), origin=where, **{f: row[f] for f in _FLAGS if f in row},
                    )
                )  # fmt: skip
        else:
            problems.append(f'{where}: a line needs "define", "call" or "rule"')
    if problems:
        raise InputError(problems)
    validate(rules)
    if sorted(c.action for c in calls) != sorted(CALL_ACTIONS):
        raise InputError([f'{path}: needs one "call" line for each of {", ".join(CALL_ACTIONS)}'])
    return RuleSet(tuple(rules), tuple(calls), definitions, tuple(also_eventful))


def load_rules(path: str | Path | None = None) -> RuleSet:
    """The rules file at `path`, else the one shipped with the package."""
    if path is not None:
        return read_rules(Path(path).read_text(encoding="utf-8").splitlines(), str(path))
    shipped = resources.files(__package__).joinpath("rules.jsonl")
    return read_rules(shipped.read_text(encoding="utf-8").splitlines(), "rules.jsonl")


RULE_SET = load_rules()
RULES = RULE_SET.rules
HINTS = RULE_SET.hints
GROUP = RULE_SET.definitions["GROUP"]
