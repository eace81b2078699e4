"""The event log: loaded reports resolved to entities and merged into facts.

The same fact reported by several sources (same actor, action and target after alias resolution,
same rank and group where both give one, compatible dates, no closing event between them) becomes
one `Fact` listing every report; its date is the intersection of theirs, so the most precise wins.
Reports that would be the same fact but for incompatible dates are one fact whose date spans
every claim, with `conflicts` listing each claimed date and its sources: the log never overwrites a
date, and never counts one statement twice.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .actions import CLOSING_ACTIONS, Action, spec
from .actions import VALUE_OF as _VALUE
from .dates import Span, hull, narrow, precision
from .entities import ANY, AmbiguousName, Registry, UnknownName, normalize
from .errors import InputError
from .events import Event, Report, Source

try:  # CPython's own SHA-1: the same digests, a third cheaper per call than OpenSSL's for short keys
    from _sha1 import sha1
except ImportError:  # an interpreter built without it
    from hashlib import sha1

__all__ = ["EventLog", "Fact", "scope_of"]


@dataclass(slots=True)
class Fact:
    """One fact with all the reports behind it. `actor` and `target` are entity ids."""

    actor: str
    action: Action
    target: str
    span: Span
    rank: int | None
    group: str | None
    reports: list[Report]
    conflicts: list[str] = field(default_factory=list)  # "DATE (source, …)" per claim, when they clash
    id: str = ""

    @property
    def date(self):
        return self.span.exact

    @property
    def sources(self) -> list[Source]:
        if len(self.reports) == 1:
            return [self.reports[0].source]
        seen: dict[str, Source] = {}
        for report in self.reports:
            seen.setdefault(report.source.id, report.source)
        return list(seen.values())

    @property
    def source_ids(self) -> list[str]:
        if len(self.reports) == 1:
            return [self.reports[0].source.id]
        return list(dict.fromkeys(r.source.id for r in self.reports))

    @property
    def race(self) -> str | None:
        return next((r.race for r in self.reports if r.race), None)

    @property
    def note(self) -> str | None:
        return next((r.note for r in self.reports if r.note), None)

    @property
    def evidence(self) -> list[tuple[str, str]]:
        """(source id, sentence) for every report that quotes its evidence."""
        return [(r.source.id, r.evidence) for r in self.reports if r.evidence]

    def sort_key(self) -> tuple:
        return (*self.span.sort_key(), _ACTION_ORDER[self.action], self.actor, self.target)


# Within one day: what opens comes before what reaffirms, then what closes.
_ACTION_ORDER = {a: i for i, a in enumerate(Action)}


def _precision(span: Span) -> tuple:
    """The most precise reports first, so they seed the facts; then by day, for a stable order."""
    return (*precision(span), span.earliest or span.latest or dt.date.min)


def _separators(action: Action) -> frozenset[Action]:
    """Actions of the same pair that, lying between two reports, make them different facts."""
    part = spec(action).interval
    if part in ("opens", "reaffirms"):
        return CLOSING_ACTIONS
    if part in ("closes", "closes_open"):
        return frozenset(a for a in Action if spec(a).interval == "opens")
    return frozenset()


_SEPARATORS = {action: _separators(action) for action in Action}


def _fits(value: object, other: object) -> bool:
    """Rank and group match when equal or when one report does not give them."""
    return value is None or other is None or value == other


class EventLog:
    """Resolved, merged facts in time order, plus the registry that names their entities."""

    def __init__(self, registry: Registry, facts: list[Fact]):
        self.registry = registry
        self.facts = sorted(facts, key=Fact.sort_key)
        self.by_id = {f.id: f for f in self.facts}

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.facts)

    def __len__(self) -> int:
        return len(self.facts)

    @classmethod
    def from_events(cls, events: Iterable[Event | Report], registry: Registry) -> EventLog:
        resolved = _resolve([e if type(e) is Report else Report.of(e) for e in events], registry)
        groups: dict[tuple, list[Report]] = defaultdict(list)
        for actor, target, event in resolved:
            groups[(actor, event.action, target)].append(event)
        # What happened between each pair, for the facts several reports make (most have one).
        pairs: dict[tuple[str, str], list[tuple[Action, Span]]] = defaultdict(list)
        merging = {(actor, target) for (actor, _, target), members in groups.items() if len(members) > 1}
        if merging:
            for actor, target, event in resolved:
                if (actor, target) in merging:
                    pairs[(actor, target)].append((event.action, event.span))
        facts: list[Fact] = []
        conflicts: list[tuple[Fact, Fact]] = []
        for (actor, action, target), members in groups.items():
            if len(members) == 1:  # most facts have one report: nothing to merge
                report = members[0]
                facts.append(Fact(actor, action, target, report.span, report.rank, report.group, members))
                continue
            separating = _SEPARATORS[action]
            separators = [s for a, s in pairs[(actor, target)] if a in separating]
            merged, clashes = _merge(actor, action, target, members, separators)
            facts += merged
            conflicts += clashes
        facts = _join_conflicts(facts, conflicts)
        facts.sort(key=_sort_key_of(facts))
        used: set[str] = set()
        spans: dict[int, str] = {}  # id(span) -> its text; the facts keep their spans alive
        value = _VALUE
        for fact in facts:  # _fact_id, inlined: a call per fact is a tenth of the log's time
            span = spans.get(id(fact.span))
            if span is None:
                span = spans[id(fact.span)] = str(fact.span)
            key = f"{fact.actor}|{value[fact.action]}|{fact.target}|{fact.rank}|{fact.group}|{span}"
            fid = sha1(key.encode()).hexdigest()[:12]
            if fid in used:
                fid = _fact_id(fact, used, spans)
            else:
                used.add(fid)
            fact.id = fid
        log = cls.__new__(cls)  # already in order: __init__ would sort again
        log.registry, log.facts, log.by_id = registry, facts, {f.id: f for f in facts}
        return log


def _sort_key_of(facts: list[Fact]):
    """Fact.sort_key, each span's part computed once (facts share their span objects)."""
    span_keys: dict[int, tuple] = {}
    order = _ACTION_ORDER

    def key(fact: Fact) -> tuple:
        span = fact.span
        found = span_keys.get(id(span))  # the facts, and so their spans, live through the sort
        if found is None:
            found = span_keys[id(span)] = span.sort_key()
        return (*found, order[fact.action], fact.actor, fact.target)

    return key


def scope_of(event: Event | Report) -> str | None:
    """The race an event's names are resolved in: its race, else the scope its loader gave it
    (an article's folder), else None (records with no race)."""
    return event.race or event.scope


def _target_kind(event: Event | Report) -> str | None:
    # The target of a candidate's exit is the race they left.
    return event.target_kind or _RACE_KIND.get(event.action)


_RACE_KIND = {a: "race" for a in Action if spec(a).interval == "ends_all"}


class _Names:
    """Every distinct (scope, name) of the events resolved once, after all sources are read, in an
    order that does not depend on the order of the sources: alias tables' targets, then aliases
    records teach, then full names, then single words (surnames of people named in full in the
    same race, else new entities of that race)."""

    def __init__(self, events: list[Report], registry: Registry):
        self.registry = registry
        self.resolved: dict[tuple[str | None, str], str | LookupError | ValueError] = {}
        self.kinds: dict[tuple[str | None, str], set[str]] = defaultdict(set)
        kinds = self.kinds
        # Each distinct actor and target once, with its kind (events repeat names and kinds a great
        # deal); every name is a key. Apart, not as pairs: a cycle has nearly as many pairs as events.
        actors = set(map(operator.attrgetter("race", "scope", "actor", "actor_kind"), events))
        targets = set(map(operator.attrgetter("race", "scope", "target", "target_kind", "action"), events))
        for race, scope, actor, actor_kind in actors:
            found = kinds[(race or scope, actor)]
            if actor_kind:
                found.add(actor_kind)
        for race, scope, target, target_kind, action in targets:
            found = kinds[(race or scope, target)]
            if kind := target_kind or _RACE_KIND.get(action):
                found.add(kind)

    def pending_aliases(self) -> list[str]:
        """Apply the alias-table rows whose entity first appears in a record; problems as lines."""
        registry, problems = self.registry, []
        named: set[str] | None = None
        for where, alias, target, scope in registry.pending_aliases:
            try:
                entity = registry.resolve(target, scope if scope is not None else ANY)
            except UnknownName as err:
                if named is None:
                    named = {normalize(name) for _, name in self.kinds}
                if normalize(target) not in named:
                    problems.append(f"{where}: entity: {err}")
                    continue
                entity = registry.create(target)
            except AmbiguousName as err:
                problems.append(f"{where}: entity: {err}")
                continue
            registry.add_alias(alias, entity.id, scope, where)
        registry.pending_aliases.clear()
        return problems

    def resolve(self, key: tuple[str | None, str]) -> None:
        if key in self.resolved:
            return
        scope, name = key
        try:
            entity = self.registry.ensure(name, scope=scope)
            for kind in sorted(self.kinds.get(key, ())):
                if entity.kind is None:
                    self.registry.describe(entity, kind)
            self.resolved[key] = entity.id
        except (AmbiguousName, ValueError) as err:
            self.resolved[key] = err

    def run(self, events: list[Report]) -> list[str]:
        problems = self.pending_aliases()
        for event in events:
            if event.aliases:
                key = (scope_of(event), event.actor)
                self.resolve(key)
                if isinstance(self.resolved[key], str):
                    for alias in event.aliases:
                        self.registry.add_alias(alias, self.resolved[key], key[0])  # type: ignore[arg-type]
        keys = sorted(self.kinds, key=lambda k: (k[0] or "", k[1]))
        for key in keys:
            if " " in normalize(key[1]):
                self.resolve(key)
        for key in keys:
            self.resolve(key)
        return problems


def _resolve(events: list[Report], registry: Registry) -> list[tuple[str, str, Report]]:
    names = _Names(events, registry)
    problems = names.run(events)
    out: list[tuple[str, str, Report]] = []
    seen: set[tuple] = set()
    # An ambiguous name is one problem, stated at its first use with the count of the others.
    ambiguous: dict[tuple[str | None, str], list] = {}
    resolved = names.resolved
    # What describing an entity with a kind or title gave: once set, an entity's kind never
    # changes, so the same (entity, kind, title) always gives the same answer.
    described: dict[tuple, ValueError | None] = {}

    def describe(found: str, kind: str | None, title: str | None) -> ValueError | None:
        key = (found, kind, title)
        try:
            return described[key]
        except KeyError:
            pass
        try:
            registry.describe(registry[found], kind, title)
            result = None
        except ValueError as err:
            result = err
        described[key] = result
        return result

    for event in events:
        scope = event.race or event.scope
        actor = resolved[(scope, event.actor)]
        target = resolved[(scope, event.target)]
        target_kind = event.target_kind or _RACE_KIND.get(event.action)
        if (
            type(actor) is str
            and type(target) is str
            and (
                not (event.actor_kind or event.actor_title)
                or describe(actor, event.actor_kind, event.actor_title) is None
            )
            and (
                not (target_kind or event.target_title)
                or describe(target, target_kind, event.target_title) is None
            )
        ):
            # Loading the same source twice must change nothing.
            span = event.span
            key = (
                event.source.id,
                actor,
                event.action,
                target,
                span.earliest,
                span.latest,
                event.rank,
                event.group,
                event.evidence,
            )
            if key not in seen:
                seen.add(key)
                out.append((actor, target, event))
            continue
        where = event.origin or event.source.id
        for role, name, found, kind, title in (
            ("actor", event.actor, actor, event.actor_kind, event.actor_title),
            ("target", event.target, target, target_kind, event.target_title),
        ):
            if isinstance(found, AmbiguousName):
                uses = ambiguous.setdefault((scope, name), [len(problems), 0])
                if uses[1] == 0:
                    problems.append(f"{where}: {role}: {found}")
                uses[1] += 1
                break
            if not isinstance(found, str):
                problems.append(f"{where}: {role}: {found}")
                break
            err = describe(found, kind, title) if (kind or title) else None
            if err is not None:
                problems.append(f"{where}: {role}: '{name}' {err}")
                break
    for at, count in ambiguous.values():
        if count > 1:
            problems[at] += f" (and {count - 1} more use{'s' if count > 2 else ''} of the same name)"
    if problems:
        raise InputError(problems)
    return out


def _merge(
    actor: str, action: Action, target: str, reports: list[Report], separators: list[Span]
) -> tuple[list[Fact], list[tuple[Fact, Fact]]]:
    facts: list[Fact] = []
    conflicts: list[tuple[Fact, Fact]] = []
    for report in sorted(reports, key=lambda e: _precision(e.span)):
        span = report.span
        same_statement = [
            f
            for f in facts
            if _fits(f.rank, report.rank)
            and _fits(f.group, report.group)
            and not any(
                (f.span.certainly_before(s) and s.certainly_before(span))
                or (span.certainly_before(s) and s.certainly_before(f.span))
                for s in separators
            )
        ]
        home = next((f for f in same_statement if f.span.compatible(span)), None)
        if home is not None:
            home.span = narrow((home.span, span))
            home.rank = home.rank if home.rank is not None else report.rank
            home.group = home.group or report.group
            home.reports.append(report)
            continue
        fact = Fact(actor, action, target, span, report.rank, report.group, [report])
        # Same statement, incompatible date: keep both and flag both.
        conflicts += [(fact, other) for other in same_statement]
        facts.append(fact)
    return facts, conflicts


def _claim(fact: Fact) -> str:
    """ "2024-04-05 (Harbor Gazette, Millbrook Ledger)": a date and who reported it (outlet, else id)."""
    who = dict.fromkeys(s.outlet or s.id for s in fact.sources)
    return f"{fact.span} ({', '.join(who)})"


def _join_conflicts(facts: list[Fact], conflicts: list[tuple[Fact, Fact]]) -> list[Fact]:
    """One statement reported with incompatible dates is one fact: its date spans every claimed
    date (it happened then, if any report is right) and `conflicts` lists each claim with its
    sources, so no report is overwritten and no withdrawal or accusation is counted twice. An
    endorsement or stand-by stated again on another day may be a new statement: each stays, and
    lists the other claims as its conflicts."""
    if not conflicts:
        return facts
    group: dict[int, list[Fact]] = {id(f): [f] for f in facts}
    for a, b in conflicts:
        if group[id(a)] is not group[id(b)]:
            merged = group[id(a)] + group[id(b)]
            for f in merged:
                group[id(f)] = merged
    out: list[Fact] = []
    done: set[int] = set()
    for fact in facts:
        members = group[id(fact)]
        if id(members[0]) in done:
            continue
        done.add(id(members[0]))
        if len(members) == 1:
            out.append(fact)
            continue
        members = sorted(members, key=lambda f: f.span.sort_key())
        if spec(fact.action).interval in ("opens", "reaffirms"):
            # Endorsing or standing by again is a statement of its own: keep each, flag each.
            claims = [_claim(f) for f in members]
            for f, claim in zip(members, claims, strict=True):
                f.conflicts = [c for c in claims if c != claim]
            out += members
            continue
        first = members[0]
        first.conflicts = [_claim(f) for f in members]
        first.span = hull(f.span for f in members)
        first.reports = [r for f in members for r in f.reports]
        out.append(first)
    return out


def _fact_id(fact: Fact, used: set[str], spans: dict[int, str] | None = None) -> str:
    """Stable id from what the fact says, so re-loading the same data gives the same ids."""
    span = spans.get(id(fact.span)) if spans is not None else None
    if span is None:
        span = str(fact.span)
        if spans is not None:
            spans[id(fact.span)] = span
    key = f"{fact.actor}|{_VALUE[fact.action]}|{fact.target}|{fact.rank}|{fact.group}|{span}"
    digest = sha1(key.encode()).hexdigest()
    fid = digest[:12]
    while fid in used:
        digest = sha1(digest.encode()).hexdigest()
        fid = digest[:12]
    used.add(fid)
    return fid
