"""The one seam every Cypher statement goes through: a session that reads and writes.

`EmbeddedSession` runs Cypher in-process on kglite (the only module that imports it: its API
moves fast, so it is pinned to one minor version in pyproject.toml); `Neo4jSession` runs the same
statements on a Neo4j server through the official driver, in managed transactions.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

__all__ = [
    "CypherSession",
    "EmbeddedSession",
    "Neo4jError",
    "Neo4jSession",
    "Neo4jSettings",
    "NodeTable",
    "RelationshipTable",
    "run_script",
]


class CypherSession(Protocol):
    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a query that must not write; a write is refused by the engine."""
        ...

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a statement in its own write transaction."""
        ...


def _native(value: Any) -> Any:
    """Driver values as plain Python (neo4j.time.Date -> datetime.date, and so on)."""
    if hasattr(value, "to_native"):
        return value.to_native()
    if isinstance(value, list):
        return [_native(v) for v in value]
    if isinstance(value, dict):
        return {k: _native(v) for k, v in value.items()}
    return value


class EmbeddedSession:
    """Neo4j-dialect Cypher in-process on a kglite graph."""

    # `push` writes a dataset the graph does not hold yet with CREATE, not MERGE: in-process, with
    # no concurrent writer, nothing can appear between the check and the write.
    creates_new_datasets = True

    def __init__(self) -> None:
        import kglite

        # kglite warns on stderr about relationship types a graph lacks; queries name them freely.
        kglite.set_query_warning_policy("silent")
        self.graph = kglite.KnowledgeGraph()

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        with self.graph.begin_read() as tx:
            return list(tx.cypher(query, params=dict(params or {})))

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        with self.graph.begin() as tx:
            rows = list(tx.cypher(query, params=dict(params or {})))
        return rows

    def empty(self) -> bool:
        """Whether the graph holds no node at all (what `bulk_create` needs)."""
        return not self.read("MATCH (n) RETURN count(n) AS n")[0]["n"]

    def bulk_create(self, nodes: Iterable[NodeTable], relationships: Iterable[RelationshipTable]) -> None:
        """Write whole tables through kglite's own loaders, several times cheaper per row than
        Cypher, into a graph that holds nothing yet (`empty()`). They key nodes by `id` alone and
        merge relationships of a type loaded twice from the same node type, which is only right
        in an empty graph where each table is loaded once. Everything is loaded into a new graph
        that replaces this one only once every table is in, so a failure leaves nothing written."""
        import kglite

        if not self.empty():
            raise ValueError("bulk_create writes into an empty graph only")
        staged = kglite.KnowledgeGraph()
        for table in nodes:
            if not table.columns["id"]:
                continue
            title = table.title or "id"
            staged.add_nodes(_frame(table.columns), table.type, "id", title, labels=table.labels)
        for rel in relationships:
            if not rel.columns["actor"]:
                continue
            frame = _frame(rel.columns)
            staged.add_relationships(frame, rel.type, rel.source_type, "actor", rel.target_type, "target")
        self.graph = staged


@dataclass
class NodeTable:
    """Nodes of one primary label and one set of further labels, as columns of equal length
    (`id` first; None: no such property on that node)."""

    type: str
    labels: list[str]
    columns: dict[str, list[Any]]
    title: str | None = None  # the column kglite shows nodes by (its `title`); None: the id


@dataclass
class RelationshipTable:
    """Relationships of one type as columns: `actor` and `target` hold the ids of the nodes they
    join, the rest are properties (None: no such property on that relationship)."""

    type: str
    columns: dict[str, list[Any]] = field(default_factory=dict)
    source_type: str = "Entity"
    target_type: str = "Entity"


def _frame(columns: Mapping[str, list[Any]]) -> Any:
    """A pandas DataFrame of `columns` as kglite's loaders read it: a column of whole numbers with
    gaps stays integers (pandas would make it floats, and `r.rank` would read 2.0)."""
    import pandas as pd  # on the bulk path only: pandas takes a third of a second to import

    prepared: dict[str, Any] = {}
    for name, values in columns.items():
        first = next((v for v in values if v is not None), None)
        whole = isinstance(first, int) and not isinstance(first, bool)
        prepared[name] = pd.array(values, dtype="Int64") if whole and None in values else values
    return pd.DataFrame(prepared)


class Neo4jError(RuntimeError):
    """A Neo4j problem stated in one line for the user."""


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str = "neo4j"
    password: str | None = None
    database: str | None = None

    @classmethod
    def from_environment(
        cls,
        uri: str | None = None,
        user: str | None = None,
        database: str | None = None,
        ask_password: Callable[[], str] | None = None,
    ) -> Neo4jSettings:
        """Options win over NEO4J_URI, NEO4J_USERNAME, NEO4J_DATABASE; the password comes only from
        NEO4J_PASSWORD or `ask_password` (a hidden prompt), never from the command line."""
        uri = uri or os.environ.get("NEO4J_URI") or "bolt://localhost:7687"
        if not re.match(r"^(bolt|neo4j)(\+s|\+ssc)?://", uri):
            raise Neo4jError(
                f"unsupported Neo4j URI '{redacted(uri)}': use bolt://, neo4j://, bolt+s:// or neo4j+s://"
            )
        if urlsplit(uri).password is not None or "@" in urlsplit(uri).netloc:
            # Never echo it: error lines end up in terminals, logs and bug reports.
            raise Neo4jError(
                f"the URI '{redacted(uri)}' holds a user name or password: give the user with --user "
                "or NEO4J_USERNAME and the password in NEO4J_PASSWORD (change that password: it was "
                "typed on a command line)"
            )
        password = os.environ.get("NEO4J_PASSWORD")
        if password is None and ask_password is not None:
            password = ask_password()
        return cls(
            uri,
            user or os.environ.get("NEO4J_USERNAME") or "neo4j",
            password,
            database or os.environ.get("NEO4J_DATABASE") or None,
        )


def redacted(uri: str) -> str:
    """`uri` with any user name and password replaced by ***."""
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]))


class Neo4jSession:
    """A Neo4j driver session; reads in read transactions, writes in managed write transactions."""

    def __init__(self, settings: Neo4jSettings, connection_timeout: float = 10.0):
        import neo4j
        from neo4j import exceptions

        self.settings = settings
        self._errors = exceptions
        self._timeout = connection_timeout
        auth = (settings.user, settings.password or "")
        try:
            self._driver = neo4j.GraphDatabase.driver(
                settings.uri,
                auth=auth,
                connection_timeout=connection_timeout,
                # The Bolt handshake waits this long (60 s by default) for a server that is not Bolt.
                connection_acquisition_timeout=connection_timeout,
                max_transaction_retry_time=5,
            )
            self._driver.verify_connectivity()
        except Exception as err:  # noqa: BLE001 - every driver error becomes one clear line
            raise self._explain(err) from None
        self._session = self._driver.session(database=settings.database)

    def _explain(self, err: Exception) -> Neo4jError:
        """One line for the user, whatever the driver raised."""
        problem = self._describe(err)
        return Neo4jError(" ".join(str(problem).split()))

    def _describe(self, err: Exception) -> Neo4jError:
        e, s = self._errors, self.settings
        if isinstance(err, e.AuthError):
            return Neo4jError(f"Neo4j at {s.uri} refused user '{s.user}': wrong user name or password")
        if "Bolt handshake" in str(err):
            return Neo4jError(
                f"{s.uri} did not answer as a Bolt server in {self._timeout:g} s "
                "(is it another service, such as Neo4j's HTTP port? Bolt is usually 7687)"
            )
        if isinstance(err, e.ServiceUnavailable | OSError):
            return Neo4jError(f"cannot reach Neo4j at {s.uri}: {err}")
        code = getattr(err, "code", "") or ""
        if "DatabaseNotFound" in code:
            return Neo4jError(f"Neo4j at {s.uri} has no database named '{s.database}'")
        if isinstance(err, e.Neo4jError):
            return Neo4jError(f"Neo4j error {code}: {getattr(err, 'message', err)}")
        return Neo4jError(f"Neo4j at {s.uri}: {err}")

    def _run(self, mode: str, query: str, params: Mapping[str, Any] | None) -> list[dict[str, Any]]:
        def work(tx: Any) -> list[dict[str, Any]]:
            return [_native(dict(record)) for record in tx.run(query, dict(params or {}))]

        try:
            runner = self._session.execute_read if mode == "read" else self._session.execute_write
            return runner(work)
        except self._errors.Neo4jError as err:
            raise self._explain(err) from None
        except (self._errors.ServiceUnavailable, self._errors.SessionExpired, OSError) as err:
            raise self._explain(err) from None

    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._run("read", query, params)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._run("write", query, params)

    def close(self) -> None:
        self._session.close()
        self._driver.close()

    def __enter__(self) -> Neo4jSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def literal(value: Any) -> str:
    """A Python value as a Cypher literal (for self-contained scripts only; queries use $params)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return f"date('{value.isoformat()}')"
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace("'", "\\'")
        escaped = re.sub(r"[\x00-\x1f\u2028\u2029]", lambda m: f"\\u{ord(m.group()):04x}", escaped)
        return f"'{escaped}'"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, Mapping):
        items = ", ".join(f"`{str(k).replace('`', '``')}`: {literal(v)}" for k, v in value.items())
        return "{" + items + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def script_statements(text: str) -> list[str]:
    """The statements of a script written by `push --dry-run`: each ends with ';' at a line end
    (string literals in such scripts never hold a raw line break)."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in re.split(r";\s*(?:\n|$)", body) if s.strip()]


def run_script(session: CypherSession, text: str) -> int:
    """Run every statement of a script; returns how many ran."""
    statements = script_statements(text)
    for statement in statements:
        session.write(statement)
    return len(statements)
