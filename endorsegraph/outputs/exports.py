"""The graph for other tools: GraphML, GEXF (Gephi, with a timeline), node-link JSON, neo4j-admin CSV.

Every format carries the same nodes (entity id, name, kind, roles, aliases, titles) and edges (one
per endorsement interval, one per other fact; key, action, relationship_type (Neo4j's), id, dates
and their bounds, rank, implied, ended_by, inferred_from, group, race, note, facts, sources,
credits), and the credit each licensed source asks for (FiveThirtyEight CC BY 4.0, Wikipedia CC
BY-SA 4.0).

GraphML and GEXF cannot hold None, lists or dates, so they are encoded on purpose:
- None: the attribute is left out of that node or edge (both formats have optional attributes);
- lists (roles, aliases, titles, facts, sources, credits): a JSON array as text, '["a", "b"]';
  `decode` turns them back, and GraphML names them in the graph attribute `list_attributes`;
- dates: ISO 8601 text, 2021-04-30 (GEXF's own timeformat "date").
GEXF edges also get `start`/`end` for Gephi's timeline: the day the endorsement certainly held
from (its exact start, else the latest day it may have started) to the day it certainly held until
(its exact end, else the earliest day it may have ended); a fact's edge spans its day or bounds.
Node-link JSON keeps None (null) and lists; dates are ISO text.
neo4j-csv is the push's rows (cypher.push.plan) in the layout `neo4j-admin database import full`
reads: typed headers (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, `name:date`,
`name:string[]`, ...), one file per node label group and relationship type, and import.sh.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from ..cypher.push import plan
from ..graph import store
from ..graph.actions import spec
from ..graph.dates import Span
from ..graph.eventlog import Fact
from ..graph.intervals import Endorsement
from .tables import write_atomically

__all__ = ["FORMATS", "LIST_ATTRIBUTES", "credits", "decode", "export", "neo4j_files", "portable"]

FORMATS = ("graphml", "gexf", "json", "neo4j-csv")
LIST_ATTRIBUTES = ("roles", "aliases", "titles", "facts", "sources", "credits")
ARRAY_DELIMITERS = (";", "|", "¦", "\u001f")  # the first no value contains is used


def _iso(day: Any) -> str | None:
    return day.isoformat() if day else None


def _span(prefix: str, span: Span | None) -> dict[str, str | None]:
    span = span or Span()
    return {
        prefix: _iso(span.exact),
        f"{prefix}_not_before": _iso(span.not_before),
        f"{prefix}_not_after": _iso(span.not_after),
    }


def _credits(facts: Iterable[Fact]) -> list[str]:
    seen: dict[str, None] = {}
    for fact in facts:
        for source in fact.sources:
            if source.credit:
                seen[source.credit] = None
    return list(seen)


def credits(graph: nx.MultiDiGraph) -> list[str]:
    """The credits the graph's licensed sources ask for, each once."""
    return _credits(store.event_log(graph))


def portable(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with plain values only (text, whole numbers, booleans, lists of text, None),
    the same node ids and edge keys: what every export writes."""
    out = nx.MultiDiGraph()
    registry = store.registry(graph)
    out.graph.update(name="endorsegraph", credits=credits(graph))
    for node, data in graph.nodes(data=True):
        entity = registry[node]
        out.add_node(
            node,
            name=entity.name,
            kind=entity.kind,
            roles=list(data.get("roles", [])),
            aliases=list(entity.aliases),
            titles=[t.title for t in entity.titles],
        )
    for u, v, key, data in graph.edges(keys=True, data=True):
        action = data["action"]
        common = {
            "action": action,
            "relationship_type": spec(action).cypher_type,
            "rank": data.get("rank"),
            "facts": list(data["facts"]),
            "sources": list(data["sources"]),
        }
        if action == "endorse":
            e: Endorsement = data["endorsement"]
            values = {
                "id": e.id,
                **_span("valid_from", e.start),
                **_span("valid_to", e.end),
                "implied": e.implied,
                "ended_by": e.ended_by,
                "group": e.group,
                "race": e.opened_by.race if e.opened_by else None,
                "note": e.opened_by.note if e.opened_by else None,
                "credits": _credits(e.facts),
            }
        else:
            fact: Fact = data["fact"]
            values = {
                "id": fact.id,
                **_span("date", fact.span),
                "inferred_from": data.get("inferred_from"),
                "group": fact.group,
                "race": fact.race,
                "note": fact.note,
                "credits": _credits([fact]),
            }
        out.add_edge(u, v, key=key, **common, **values)
    return out


def _encoded(graph: nx.MultiDiGraph, timeline: bool) -> nx.MultiDiGraph:
    """GraphML/GEXF values: None left out, lists as JSON text; GEXF edges get start/end."""
    out = nx.MultiDiGraph()

    def plain(data: dict[str, Any]) -> dict[str, Any]:
        return {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
            for k, v in data.items()
            if v is not None
        }

    for node, data in graph.nodes(data=True):
        out.add_node(node, **plain(data), **({"label": data["name"]} if timeline else {}))
    for u, v, key, data in graph.edges(keys=True, data=True):
        extra: dict[str, Any] = {}
        if timeline:  # GEXF: our `id` becomes the edge's id, the key an attribute `key`
            extra = _timeline(data)
        out.add_edge(u, v, key=key, **plain(data), **{k: x for k, x in extra.items() if x is not None})
    return out


def _timeline(data: dict[str, Any]) -> dict[str, str | None]:
    """Gephi's start/end: where the edge certainly held (see the module's docstring)."""
    if data["action"] == "endorse":
        start = data["valid_from"] or data["valid_from_not_after"]
        end = data["valid_to"] or data["valid_to_not_before"]
    else:
        start = data["date"] or data["date_not_before"]
        end = data["date"] or data["date_not_after"]
    return {"start": start, "end": end}


def decode(graph: nx.Graph) -> nx.Graph:
    """Undo the GraphML/GEXF encoding in place (JSON text back to lists) and return the graph."""
    for _, data in graph.nodes(data=True):
        _decode(data)
    for *_, data in graph.edges(data=True):
        _decode(data)
    return graph


def _decode(data: dict[str, Any]) -> None:
    for name in LIST_ATTRIBUTES:
        if isinstance(data.get(name), str):
            data[name] = json.loads(data[name])


def _text_of(graph: nx.MultiDiGraph, fmt: str, credited: list[str]) -> str:
    if fmt == "json":
        data = nx.node_link_data(graph, edges="links")
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    buffer = io.BytesIO()
    if fmt == "graphml":
        encoded = _encoded(graph, timeline=False)
        encoded.graph.update(
            name="endorsegraph",
            credits=json.dumps(credited, ensure_ascii=False),
            list_attributes=json.dumps(LIST_ATTRIBUTES),
        )
        nx.write_graphml(encoded, buffer, named_key_ids=True)
    elif fmt == "gexf":
        encoded = _encoded(graph, timeline=True)
        text = "; ".join(credited)
        encoded.graph.update(name=f"endorsegraph (credits: {text})" if text else "endorsegraph")
        nx.write_gexf(encoded, buffer)
    else:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    return buffer.getvalue().decode("utf-8")


def export(graph: nx.MultiDiGraph, fmt: str, path: str | Path) -> dict[str, int]:
    """Write the graph as `fmt` to `path` (neo4j-csv: a folder), atomically; returns the counts
    written (nodes, edges)."""
    path = Path(path)
    data = portable(graph)
    if fmt == "neo4j-csv":
        files = neo4j_files(graph)
        _write_folder(path, files)
    else:
        write_atomically(path, _text_of(data, fmt, credits(graph)))
    return {"nodes": data.number_of_nodes(), "edges": data.number_of_edges()}


# --- neo4j-admin import -----------------------------------------------------------------------

# The push's date values (ISO text in its rows), typed `date` for the import.
_DATE_COLUMNS = {
    *(f"{p}{s}" for p in ("valid_from", "valid_to") for s in ("", "_not_before", "_not_after")),
    "date",
    "not_before",
    "not_after",
    "published",
}


_KNOWN_TYPES = {"rank": "long", "action_order": "long", "implied": "boolean"}


def _column_type(name: str, values: list[Any]) -> str:
    if name in _DATE_COLUMNS:
        return "date"
    if name in _KNOWN_TYPES:
        return _KNOWN_TYPES[name]
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "long"
    if present and all(isinstance(v, list) for v in present):
        return "string[]"
    return "string"


def _delimiter(rows: Iterable[dict[str, Any]]) -> str:
    texts = [str(x) for row in rows for v in row.values() if isinstance(v, list) for x in v]
    texts += [str(row.get(":LABEL", "")) for row in rows]
    for delimiter in ARRAY_DELIMITERS:
        if not any(delimiter in t for t in texts):
            return delimiter
    raise ValueError("every array delimiter occurs in the data")


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _table(records: list[dict[str, Any]], fixed: list[tuple[str, str]], delimiter: str) -> str:
    """A CSV file: the fixed columns (header, record key) then every property, typed."""
    names = sorted({k for r in records for k in r if k not in {key for _, key in fixed}})
    types = {n: _column_type(n, [r.get(n) for r in records]) for n in names}
    header = [h for h, _ in fixed] + [f"{n}:{types[n]}" for n in names]

    def cell(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, list):
            return delimiter.join(str(x) for x in value)
        if isinstance(value, bool):
            return "true" if value else "false"
        return value

    rows = [[cell(r.get(key)) for _, key in fixed] + [cell(r.get(n)) for n in names] for r in records]
    return _csv(header, rows)


def neo4j_files(graph: nx.MultiDiGraph, dataset: str = "endorsegraph") -> dict[str, str]:
    """File name -> text: the push's nodes and relationships for `neo4j-admin database import`,
    and import.sh with the command that reads them."""
    p = plan(graph, dataset)
    entities = [
        {
            "id": row["id"],
            ":LABEL": ["Entity", *filter(None, labels.split(":"))],
            "dataset": dataset,
            **row["props"],
        }
        for labels, rows in p.entities.items()
        for row in rows
    ]
    articles = [
        {
            "id": row["id"],
            ":LABEL": ["Article"],
            "dataset": dataset,
            "published": row["published"],
            **row["props"],
        }
        for row in p.articles
    ]
    relationships = {
        rel: [
            {"start": r["actor"], "end": r["target"], ":TYPE": rel, "id": r["id"], "dataset": dataset,
             **r["props"], **r["dates"]}
            for r in rows
        ]
        for rel, rows in p.relationships.items()
    }  # fmt: skip
    delimiter = _delimiter([*entities, *articles, *(r for rows in relationships.values() for r in rows)])
    node_id = lambda space: [("id:ID(" + space + ")", "id"), (":LABEL", ":LABEL")]  # noqa: E731
    files = {
        "entities.csv": _table(entities, node_id("Entity"), delimiter),
        "articles.csv": _table(articles, node_id("Article"), delimiter),
    }
    ends = [(":START_ID(Entity)", "start"), (":END_ID(Entity)", "end"), (":TYPE", ":TYPE")]
    for rel, rows in sorted(relationships.items()):
        files[f"relationships_{rel}.csv"] = _table(rows, ends, delimiter)
    # Entity and article ids live in separate id spaces; the relationship id is a property.
    relationships_args = " ".join(
        f"--relationships=import/{name}" for name in files if name.startswith("rel")
    )
    delimiter_arg = "TAB" if delimiter == "\t" else f"U+{ord(delimiter):04X}"
    files["import.sh"] = (
        "#!/bin/sh\n"
        "# Import into an empty database (stop it first); copy these files to the server's import/ folder.\n"
        "# Credits of the licensed sources: " + ("; ".join(credits(graph)) or "none") + "\n"
        f"neo4j-admin database import full --array-delimiter={delimiter_arg} "
        f"--nodes=import/entities.csv --nodes=import/articles.csv {relationships_args} "
        '"${1:-neo4j}"\n'
    )
    return files


def _write_folder(path: Path, files: dict[str, str]) -> None:
    """Write every file into a new folder, then move it into place: a reader never sees half."""
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise FileExistsError(f"{path} exists and is not an empty folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=path.parent))
    try:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        staging.chmod(0o755)
        if path.exists():
            path.rmdir()
        staging.rename(path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
