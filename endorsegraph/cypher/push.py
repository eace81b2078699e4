"""The graph in Cypher: schema, batched idempotent push, prune, and the dry-run script.

Every node and relationship written carries `dataset`, so a push can be scoped, replaced or pruned
without touching anything else in the database. Writes are `UNWIND $rows ... MERGE` in batches,
each batch its own managed write transaction, through the `CypherSession` seam.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import Any

import networkx as nx

from ..graph import store
from ..graph.actions import TABLE as ACTION_TABLE
from ..graph.actions import Action
from ..graph.dates import Span
from ..graph.eventlog import Fact
from ..graph.intervals import Endorsement
from .engines import CypherSession, NodeTable, RelationshipTable, literal

__all__ = ["REL_TYPES", "PushPlan", "counts", "dry_run_script", "plan", "push"]

REL_TYPES = {s.value: s.cypher_type for s in ACTION_TABLE}
_ACTION_ORDER = {s.value: i for i, s in enumerate(ACTION_TABLE)}
ROLE_LABELS = {"candidate": "Candidate", "endorser": "Endorser", "accuser": "Accuser"}
KIND_LABELS = {"person": "Person", "race": "Race"}  # every other kind is an :Organization
DEFAULT_DATASET = "endorsegraph"
MERGE_BATCH = 1000  # rows per statement by default: Neo4j's transactions stay small
CREATE_BATCH = 5000  # rows per CREATE statement on the embedded engine (larger gains nothing)

SCHEMA = [
    "CREATE CONSTRAINT endorsegraph_entity_key IF NOT EXISTS "
    "FOR (n:Entity) REQUIRE (n.dataset, n.id) IS UNIQUE",
    "CREATE CONSTRAINT endorsegraph_article_key IF NOT EXISTS "
    "FOR (n:Article) REQUIRE (n.dataset, n.id) IS UNIQUE",
    "CREATE INDEX endorsegraph_entity_id IF NOT EXISTS FOR (n:Entity) ON (n.id)",
    "CREATE INDEX endorsegraph_entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
    *(
        f"CREATE INDEX endorsegraph_{t.lower()}_id IF NOT EXISTS FOR ()-[r:{t}]-() ON (r.id)"
        for t in REL_TYPES.values()
    ),
]

_DATE_FIELDS = {
    "ENDORSED": (
        "valid_from",
        "valid_from_not_before",
        "valid_from_not_after",
        "valid_to",
        "valid_to_not_before",
        "valid_to_not_after",
    ),
}
_FACT_DATES = ("date", "not_before", "not_after")


def _iso(day: Any) -> str | None:
    return day.isoformat() if day else None


class _Formats:
    """What many relationships share, worked out once per plan: a span's ISO days (spans repeat
    across thousands of edges), a fact's sources, evidence lines, race and note (a fact is its own
    edge and part of its endorsement's), an actor's title on a day. Spans and facts are keyed by
    identity: the graph holds them while the plan is made, and hashing a Span costs more than
    the work."""

    def __init__(self, registry: Any):
        self.registry = registry
        self.spans: dict[int, tuple[str | None, str | None, str | None]] = {}
        self.intervals: dict[tuple[int, int], tuple[str | None, ...]] = {}
        self.facts: dict[int, _FactParts] = {}
        self.titled = {entity.id for entity in registry if entity.titles}
        self.titles: dict[tuple[str, Any], str | None] = {}

    def span(self, span: Span | None) -> tuple[str | None, str | None, str | None]:
        """The exact day, not_before and not_after, as ISO text."""
        found = self.spans.get(id(span))
        if found is None:
            bounds = span or Span()
            found = (_iso(bounds.exact), _iso(bounds.not_before), _iso(bounds.not_after))
            self.spans[id(span)] = found
        return found

    def interval(self, start: Span, end: Span | None) -> tuple[str | None, ...]:
        """valid_from, its bounds, valid_to, its bounds."""
        key = (id(start), id(end))
        found = self.intervals.get(key)
        if found is None:
            found = self.intervals[key] = self.span(start) + self.span(end)
        return found

    def fact(self, fact: Fact) -> _FactParts:
        found = self.facts.get(id(fact))
        if found is None:
            found = self.facts[id(fact)] = _fact_parts(fact)
        return found

    def title(self, entity_id: str, day: Any) -> str | None:
        if entity_id not in self.titled:  # most entities: no title ever, so no lookup by day
            return None
        key = (entity_id, day)
        if key not in self.titles:
            self.titles[key] = self.registry[entity_id].title_on(day)
        return self.titles[key]

    def merged(self, e: Endorsement) -> tuple[list[str], list[str], str | None, list[str]]:
        """An interval's sources, evidence, race and conflicts, over every fact behind it."""
        facts = e.facts
        if len(facts) == 1:  # most endorsements: the statement that opened them, and nothing since
            only = self.fact(facts[0])
            return only.source_ids, only.evidence, only.race, facts[0].conflicts
        parts = [self.fact(f) for f in facts]
        return (
            list(dict.fromkeys(chain.from_iterable(f.source_ids for f in parts))),
            [x for f in parts for x in f.evidence],
            next((f.race for f in parts if f.race), None),
            [c for f in facts for c in f.conflicts],
        )


@dataclass(slots=True)
class _FactParts:
    source_ids: list[str]
    evidence: list[str]
    race: str | None
    note: str | None


def _fact_parts(fact: Fact) -> _FactParts:
    if len(fact.reports) == 1:  # most facts: one report, read once
        (report,) = fact.reports
        source = report.source.id
        evidence = [f"{source}: {report.evidence}"] if report.evidence else []
        return _FactParts([source], evidence, report.race or None, report.note or None)
    return _FactParts(fact.source_ids, _evidence(fact), fact.race, fact.note)


@dataclass
class PushPlan:
    """What a push writes: node rows grouped by labels, article rows, and each relationship type
    as columns (`id`, `actor`, `target`, then its properties and dates, dates as ISO text)."""

    dataset: str
    entities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # label string -> rows
    articles: list[dict[str, Any]] = field(default_factory=list)
    columns: dict[str, dict[str, list[Any]]] = field(default_factory=dict)  # type -> columns

    @property
    def size(self) -> int:
        return (
            sum(map(len, self.entities.values()))
            + len(self.articles)
            + sum(len(c["id"]) for c in self.columns.values())
        )

    @functools.cached_property
    def relationships(self) -> dict[str, list[dict[str, Any]]]:
        """Type -> rows (`id`, `actor`, `target`, `props`, `dates`), for the Cypher statements."""
        out = {}
        for rel, columns in self.columns.items():
            dates = _DATE_FIELDS.get(rel, _FACT_DATES)
            props = [key for key in columns if key not in dates and key not in ("id", "actor", "target")]
            values = zip(*(columns[k] for k in props), strict=True)
            days = zip(*(columns[k] for k in dates), strict=True)
            ends = zip(columns["id"], columns["actor"], columns["target"], values, days, strict=True)
            out[rel] = [
                {"id": i, "actor": a, "target": t, "props": dict(zip(props, v, strict=True)),
                 "dates": dict(zip(dates, d, strict=True))}
                for i, a, t, v, d in ends
            ]  # fmt: skip
        return out


def _labels(kind: str | None, roles: list[str]) -> str:
    labels = [KIND_LABELS.get(kind or "", "Organization" if kind else "")]
    labels += [ROLE_LABELS[r] for r in roles if r in ROLE_LABELS]
    return ":".join(label for label in labels if label)


def _evidence(fact: Fact) -> list[str]:
    return [f"{source}: {sentence}" for source, sentence in fact.evidence]


def _transposed(keys: tuple[str, ...], rows: list[tuple]) -> dict[str, list[Any]]:
    """Rows of values in the order of `keys` as one list per key (in C, not cell by cell)."""
    columns = zip(*rows, strict=True) if rows else ([] for _ in keys)
    return dict(zip(keys, map(list, columns), strict=True))


_ENDORSEMENT_KEYS = (
    "id", "actor", "target", "rank", "group", "implied", "ended_by", "source_ids", "evidence",
    "event_id", "event_source_ids", "note", "conflicts", "interval_conflicts", "race", "event_race",
    "actor_title", *_DATE_FIELDS["ENDORSED"],
)  # fmt: skip


def _endorsement_columns(formats: _Formats, edges: list[tuple[str, str, Endorsement]]) -> dict[str, list]:
    rows = []
    fact, title, interval = formats.fact, formats.title, formats.interval
    for u, v, e in edges:
        opening = e.opened_by
        if opening is None:  # implied: known only from a later withdrawal or stand-by
            source_ids, evidence, race, conflicts = formats.merged(e)
            opened = (None, None, [], None, [], None)
        else:
            parts = fact(opening)
            if e.closed_by is None and not e.reaffirmed_by:
                source_ids, evidence, race, conflicts = (
                    parts.source_ids, parts.evidence, parts.race, opening.conflicts
                )  # fmt: skip
            else:
                source_ids, evidence, race, conflicts = formats.merged(e)
            opened = (opening.group, opening.id, parts.source_ids, parts.note, opening.conflicts, parts.race)
        group, event_id, event_source_ids, note, event_conflicts, event_race = opened
        rows.append(
            (
                e.id, u, v, e.rank, group, e.implied, e.ended_by, source_ids, evidence, event_id,
                event_source_ids, note, event_conflicts, conflicts, race, event_race,
                title(u, e.start.latest), *interval(e.start, e.end),
            )
        )  # fmt: skip
    return _transposed(_ENDORSEMENT_KEYS, rows)


_FACT_KEYS = (
    "id", "actor", "target", "rank", "group", "race", "note", "source_ids", "evidence", "conflicts",
    "actor_title", "endorsement", "implied", "inferred_from", *_FACT_DATES,
)  # fmt: skip


def _fact_columns(formats: _Formats, edges: list[tuple[str, str, dict[str, Any]]]) -> dict[str, list]:
    rows = []
    for u, v, data in edges:
        fact: Fact = data["fact"]
        parts = formats.fact(fact)
        interval: Endorsement | None = data["endorsement"]
        rows.append(
            (
                fact.id, u, v, data["rank"], fact.group, parts.race, parts.note, parts.source_ids,
                parts.evidence, fact.conflicts, formats.title(fact.actor, fact.span.latest),
                interval.id if interval else None, bool(interval and interval.implied),
                data.get("inferred_from"),  # a withdrawal read from opposition
                *formats.span(fact.span),
            )
        )  # fmt: skip
    return _transposed(_FACT_KEYS, rows)


def plan(graph: nx.MultiDiGraph, dataset: str = DEFAULT_DATASET) -> PushPlan:
    """What a push of `graph` writes."""
    out = PushPlan(dataset)
    registry = store.registry(graph)
    formats = _Formats(registry)
    for node, data in graph.nodes(data=True):
        entity = registry[node]
        row = {
            "id": node,
            "props": {
                "name": entity.name,
                "kind": entity.kind,
                "aliases": list(entity.aliases),
                "titles": [t.title for t in entity.titles],
                "roles": list(data["roles"]),
            },
        }
        out.entities.setdefault(_labels(entity.kind, data["roles"]), []).append(row)
    sources = {}
    parts = formats.facts
    for fact in store.event_log(graph):
        parts[id(fact)] = _fact_parts(fact)  # every edge's facts are the log's: read each once here
        for source in fact.sources:
            sources.setdefault(source.id, source)
    out.articles = [
        {"id": s.id, "props": {"url": s.url, "outlet": s.outlet}, "published": _iso(s.published)}
        for s in sources.values()
    ]
    by_action: dict[str, list[tuple[str, str, Any]]] = {}
    for u, v, data in graph.edges(data=True):
        action = data["action"]
        edges = by_action.get(action)
        if edges is None:
            edges = by_action[action] = []
        edges.append((u, v, data["endorsement"] if action == "endorse" else data))
    for action, edges in by_action.items():
        columns = (
            _endorsement_columns(formats, edges) if action == "endorse" else _fact_columns(formats, edges)
        )
        # Queries read the action and its order within a day from the relationship itself, so a new
        # row of the actions table needs no new Cypher.
        columns["action"], columns["action_order"] = (
            [action] * len(edges),
            [_ACTION_ORDER[action]] * len(edges),
        )
        out.columns[REL_TYPES[action]] = columns  # one type per action (ACTION_OF below)
    return out


def _inline(rows: list[dict[str, Any]], *assignments: str) -> str:
    """The properties of `rows` written inline in a CREATE pattern (`{dataset: $dataset, id: …,
    name: row.props.name, …}`): on the embedded engine a third faster than SET r += row.props.
    A null property is not created, as SET leaves it."""
    keys = dict.fromkeys(key for row in rows for key in row["props"])
    fields = ["dataset: $dataset", "id: row.id"]
    fields += [f"`{key}`: row.props.`{key}`" for key in keys]
    return "{" + ", ".join([*fields, *assignments]) + "}"


def entity_statement(labels: str, rows: list[dict[str, Any]] | None = None) -> str:
    """MERGE the entities (their labels replaced); with `rows`, CREATE them (a new dataset)."""
    if rows is not None:
        return (
            "UNWIND $rows AS row\n"
            f"CREATE (n:{':'.join(['Entity', *filter(None, [labels])])} {_inline(rows)})\n"
            "RETURN count(n) AS written"
        )
    return (
        "UNWIND $rows AS row\n"
        "MERGE (n:Entity {dataset: $dataset, id: row.id})\n"
        "SET n += row.props\n"
        "REMOVE n:Person:Organization:Race:Candidate:Endorser:Accuser\n"
        + (f"SET n:{labels}\n" if labels else "")
        + "RETURN count(n) AS written"
    )


def article_statement(rows: list[dict[str, Any]] | None = None) -> str:
    if rows is not None:
        return (
            "UNWIND $rows AS row\n"
            f"CREATE (n:Article {_inline(rows, 'published: date(row.published)')})\n"
            "RETURN count(n) AS written"
        )
    return (
        "UNWIND $rows AS row\n"
        "MERGE (n:Article {dataset: $dataset, id: row.id})\n"
        "SET n += row.props, n.published = date(row.published)\n"
        "RETURN count(n) AS written"
    )


ARTICLE_STATEMENT = article_statement()


def relationship_statement(rel: str, rows: list[dict[str, Any]] | None = None) -> str:
    dates = _DATE_FIELDS.get(rel, _FACT_DATES)
    match = (
        "UNWIND $rows AS row\n"
        "MATCH (a:Entity {dataset: $dataset, id: row.actor})\n"
        "MATCH (b:Entity {dataset: $dataset, id: row.target})\n"
    )
    if rows is not None:
        inline = _inline(rows, *(f"{d}: date(row.dates.{d})" for d in dates))
        return match + f"CREATE (a)-[r:{rel} {inline}]->(b)\nRETURN count(r) AS written"
    assignments = ", ".join(f"r.{d} = date(row.dates.{d})" for d in dates)
    return (
        match + f"MERGE (a)-[r:{rel} {{dataset: $dataset, id: row.id}}]->(b)\n"
        f"SET r += row.props, {assignments}\n"
        "RETURN count(r) AS written"
    )


def prune_statements(p: PushPlan) -> Iterator[tuple[str, dict[str, Any]]]:
    """Remove what this dataset wrote earlier and the sources no longer contain."""
    for rel in REL_TYPES.values():
        keep = [row["id"] for row in p.relationships.get(rel, [])]
        yield (
            f"MATCH ()-[r:{rel} {{dataset: $dataset}}]->() WHERE NOT r.id IN $ids "
            "DELETE r RETURN count(*) AS deleted",
            {"ids": keep},
        )
    yield (
        "MATCH (n:Article {dataset: $dataset}) WHERE NOT n.id IN $ids "
        "DETACH DELETE n RETURN count(*) AS deleted",
        {"ids": [row["id"] for row in p.articles]},
    )
    yield (
        "MATCH (n:Entity {dataset: $dataset}) WHERE NOT n.id IN $ids "
        "DETACH DELETE n RETURN count(*) AS deleted",
        {"ids": [row["id"] for rows in p.entities.values() for row in rows]},
    )


def statements(
    p: PushPlan, batch_size: int = 1000, prune: bool = False, schema: bool = True, create: bool = False
) -> Iterator[tuple[str, dict[str, Any], int]]:
    """(statement, parameters, rows written) in order: schema, nodes, relationships, prune.
    `create`: CREATE instead of MERGE, for a dataset the database does not hold yet."""
    if batch_size < 1:
        raise ValueError("batch size must be 1 or more")
    for statement in SCHEMA if schema else ():
        yield statement, {}, 0
    # CREATE statements write their rows' properties inline, so they are built from the rows.
    entities, articles = sorted(p.entities.items()), p.articles
    groups = [(entity_statement(labels, rows if create else None), rows) for labels, rows in entities]
    groups.append((article_statement(articles if create else None), articles))
    groups += [
        (relationship_statement(rel, rows if create else None), rows)
        for rel, rows in sorted(p.relationships.items())
    ]
    for statement, rows in groups:
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            yield statement, {"rows": batch, "dataset": p.dataset}, len(batch)
    if prune:
        for statement, params in prune_statements(p):
            yield statement, {**params, "dataset": p.dataset}, 0


def tables(p: PushPlan) -> tuple[list[NodeTable], list[RelationshipTable]]:
    """The plan as whole columns, for an engine's bulk loader: what the CREATE statements write,
    property for property (dates as dates; a null is no property)."""
    days: dict[str | None, dt.date | None] = {None: None}

    def day(text: str | None) -> dt.date | None:
        found = days.get(text, days)
        if found is days:
            found = days[text] = dt.date.fromisoformat(text)  # type: ignore[arg-type]
        return found  # type: ignore[return-value]

    def columns(rows: list[dict[str, Any]], *parts: str) -> dict[str, Any]:
        out: dict[str, Any] = {"id": [row["id"] for row in rows], "dataset": [p.dataset] * len(rows)}
        for part in parts:
            dicts = [row[part] for row in rows]
            keys = list(dict.fromkeys(chain.from_iterable(dicts)))
            if len(keys) > 1 and set(map(len, dicts)) == {len(keys)}:
                # Every row has every key (as plan writes them): transposed in C, not cell by cell.
                out.update(
                    zip(keys, map(list, zip(*map(itemgetter(*keys), dicts), strict=True)), strict=True)
                )
            else:
                out.update((key, [d.get(key) for d in dicts]) for key in keys)
        return out

    nodes = []
    for labels, rows in sorted(p.entities.items()):
        nodes.append(NodeTable("Entity", labels.split(":") if labels else [], columns(rows, "props"), "name"))
    articles = columns(p.articles, "props")
    articles["published"] = [day(row["published"]) for row in p.articles]
    # kglite titles a node that Cypher created without a name '<label>_<id>': so does this path.
    articles["title"] = [f"Article_{i}" for i in articles["id"]]
    nodes.append(NodeTable("Article", [], articles, "title"))
    relationships = []
    for rel, planned in sorted(p.columns.items()):
        table = {**planned, "dataset": [p.dataset] * len(planned["id"])}
        for key in _DATE_FIELDS.get(rel, _FACT_DATES):
            table[key] = [day(text) for text in table[key]]
        relationships.append(RelationshipTable(rel, table))
    return nodes, relationships


def holds(session: CypherSession, dataset: str) -> bool:
    """Whether the database holds anything of `dataset` (a push writes entities first, and a
    relationship always joins two of them)."""
    return any(
        session.read(
            f"MATCH (n:{label}) WHERE n.dataset = $dataset RETURN count(n) AS n", {"dataset": dataset}
        )[0]["n"]
        for label in ("Entity", "Article")
    )


def counts(session: CypherSession, dataset: str) -> dict[str, int]:
    """Nodes and relationships of one dataset, by label and type."""
    result = {}
    for label in ("Entity", "Article"):
        rows = session.read(
            f"MATCH (n:{label}) WHERE n.dataset = $dataset RETURN count(n) AS n", {"dataset": dataset}
        )
        result[label] = rows[0]["n"]
    for rel in REL_TYPES.values():
        rows = session.read(
            f"MATCH ()-[r:{rel}]->() WHERE r.dataset = $dataset RETURN count(r) AS n", {"dataset": dataset}
        )
        result[rel] = rows[0]["n"]
    return result


@contextlib.contextmanager
def _collector_off() -> Iterator[None]:
    """Planning makes a few dicts per relationship and frees none of them: the cyclic collector
    would walk them again and again for nothing (40% of the planning time at 100k relationships)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def push(
    session: CypherSession,
    graph: nx.MultiDiGraph,
    dataset: str = DEFAULT_DATASET,
    batch_size: int | None = None,
    prune: bool = False,
    progress: Callable[[int, int], None] | None = None,
    schema: bool = True,
) -> dict[str, int]:
    """Write the graph through `session`; returns the dataset's counts afterwards. Pushing the
    same graph again changes no count. `batch_size`: rows per statement (default 1000 for MERGE,
    5000 for CREATE). `schema=False` skips the constraints and indexes, for Bolt servers that do
    not speak Neo4j's schema syntax."""
    # The embedded engine loads an empty graph with its bulk loader, and writes a dataset not yet
    # there with CREATE in large batches (MERGE looks up every row first); Neo4j and existing
    # datasets keep MERGE batches.
    bulk = hasattr(session, "bulk_create") and session.empty()  # type: ignore[attr-defined]
    create = getattr(session, "creates_new_datasets", False) and not holds(session, dataset)
    with _collector_off():
        p = plan(graph, dataset)
        if bulk:
            session.bulk_create(*tables(p))  # type: ignore[attr-defined]
    if bulk:
        for statement in SCHEMA if schema else ():
            session.write(statement)
        if progress:
            progress(p.size, p.size)
        return counts(session, dataset)
    batch_size = batch_size or (CREATE_BATCH if create else MERGE_BATCH)
    done = 0
    for statement, params, rows in statements(p, batch_size, prune, schema, create):
        session.write(statement, params)
        done += rows
        if progress and rows:
            progress(done, p.size)
    return counts(session, dataset)


_PARAM = re.compile(r"\$(rows|dataset|ids)\b")


def dry_run_script(
    graph: nx.MultiDiGraph, dataset: str = DEFAULT_DATASET, batch_size: int = 1000, prune: bool = False
) -> str:
    """The push as a self-contained script cypher-shell can run (`cypher-shell -f FILE`): the same
    statements with their parameters written in as literals, each ending with ';'."""
    p = plan(graph, dataset)
    lines = [
        f"// endorsegraph push of dataset {dataset!r}: {p.size} rows.",
        "// Run with: cypher-shell -a bolt://HOST:7687 -u USER -f THIS_FILE",
    ]
    for statement, params, _ in statements(p, batch_size, prune):
        lines.append(_PARAM.sub(lambda m, values=params: literal(values[m.group(1)]), statement) + ";")
    return "\n".join(lines) + "\n"


# The action each relationship type stands for, for queries that read the graph back.
ACTION_OF = {rel: action for action, rel in REL_TYPES.items()}
assert set(ACTION_OF.values()) == {a.value for a in Action}
