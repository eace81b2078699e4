"""Running a named query or literal Cypher on either engine: choose, load, run, close, explain.

The CLI's `cypher` command is this module plus option parsing; notebooks and scripts call
`run_query` directly.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import networkx as nx

from ..graph.entities import Registry
from ..queries.named import named_queries, named_query, parse_param
from .engines import CypherSession, EmbeddedSession, Neo4jError, Neo4jSession, Neo4jSettings
from .push import push

__all__ = [
    "ENGINES",
    "ENTITY_PARAMS",
    "QueryFailed",
    "WriteRefused",
    "catalogue",
    "prepare",
    "resolve_entities",
    "run_query",
    "session_for",
]

# Parameters of the named queries that name an entity: resolved as the CLI resolves names.
ENTITY_PARAMS = ("candidate", "name")

ENGINES = ("embedded", "neo4j")
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)


class QueryFailed(Neo4jError):
    """A query either engine refused, in one line."""


class WriteRefused(QueryFailed):
    """A query that writes, run read-only."""


def catalogue() -> list[dict[str, str]]:
    """The named queries: name, purpose and parameters, one row each."""
    return [
        {
            "name": q.name,
            "purpose": q.purpose,
            "params": ", ".join(f"{p.name} ({p.type}{', optional' if p.optional else ''})" for p in q.params),
        }
        for q in named_queries().values()
    ]


def prepare(query: str, params: Iterable[str]) -> tuple[str, dict[str, Any]]:
    """The Cypher text and bound parameters of a named query (by name) or of literal Cypher, from
    `key=value` parameter strings. Raises ValueError saying what is wrong."""
    given = dict(parse_param(p) for p in params)
    named = named_query(query)
    return (named.text, named.bind(given)) if named else (query, given)


def resolve_entities(query: str, bound: dict[str, Any], registry: Registry) -> dict[str, Any]:
    """A named query's entity parameters as entity ids: aliases and unique surnames accepted as
    everywhere; an unknown name raises UnknownName ("did you mean"), never an empty result."""
    if named_query(query) is None:
        return bound
    out = dict(bound)
    for key in ENTITY_PARAMS:
        if isinstance(out.get(key), str):
            out[key] = registry.resolve(out[key]).id
    return out


@contextlib.contextmanager
def session_for(
    engine: str,
    graph: Callable[[], nx.MultiDiGraph],
    dataset: str,
    settings: Callable[[], Neo4jSettings],
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[CypherSession]:
    """A session on `engine`, closed afterwards: the embedded engine loaded with `graph()` under
    `dataset` (`progress(done, total)` called as rows are written), or a Neo4j server from
    `settings()`."""
    if engine == "neo4j":
        with Neo4jSession(settings()) as session:
            yield session
        return
    if engine != "embedded":
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    session = EmbeddedSession()
    push(session, graph(), dataset, progress=progress)
    yield session


def run_query(
    session: CypherSession, text: str, params: dict[str, Any], write: bool = False
) -> list[dict[str, Any]]:
    """Run `text`; read-only unless `write`. Either engine's error becomes one line. Read-only also
    means reading no files: LOAD CSV (which reads local files, /etc/passwd as gladly as data) is
    refused unless `write`."""
    if not write and _LOAD_CSV.search(text):
        raise WriteRefused("LOAD CSV reads files from this machine: refused in a read-only query")
    try:
        return session.write(text, params) if write else session.read(text, params)
    except Neo4jError as err:
        raise _explained(str(err)) from None
    except Exception as err:  # noqa: BLE001 - the embedded engine's own errors, in one line
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise _explained(f"query failed: {first}") from None


def _explained(message: str) -> QueryFailed:
    if "Read-only" in message or "read access mode" in message:
        return WriteRefused(message)
    return QueryFailed(message)
