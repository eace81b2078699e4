"""The HTML graph view: one self-contained, offline file with a time slider.

The page is built with pyvis (nodes, edges, options) and rendered through the project's own
Jinja template with autoescaping, with pyvis's bundled vis-network script inlined: no network
resource of any kind, and every name, quote and note stays text. What is in force on each day is
computed here with the same as-of logic as the `asof` report and embedded as status changes per
edge; the page only filters.
"""

from __future__ import annotations

import datetime as dt
import math
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph import store
from ..graph.actions import TABLE as ACTION_TABLE
from ..graph.dates import Span
from ..graph.timeline import graph_as_of

__all__ = ["ACTION_STYLES", "KIND_STYLES", "MAX_EDGES", "MAX_NODES", "TooLarge", "graph_view_html"]

# Above these the page is no longer useful to look at (and slow to draw): ask for a smaller view.
MAX_NODES = 5_000
MAX_EDGES = 20_000

KIND_STYLES = {  # kind -> (colour, vis shape)
    "candidate": ("#e4576e", "star"),
    "person": ("#4f8fd6", "dot"),
    "party": ("#3bab6a", "square"),
    "union": ("#f0a030", "triangle"),
    "advocacy group": ("#9b6bd6", "hexagon"),
    "newspaper": ("#8a8a8a", "box"),
    "organization": ("#6fc2b8", "diamond"),
    "race": ("#c0c0c0", "ellipse"),
    "unknown": ("#b0b0b0", "dot"),
}
# action -> (colour, dashes), from the actions table
ACTION_STYLES = {s.value: (s.colour, list(s.dashes) if s.dashes else False) for s in ACTION_TABLE}


class TooLarge(ValueError):
    """The view would be too large to be useful."""


def _day(value: dt.date) -> str:
    return value.isoformat()


def _dates(graph: nx.MultiDiGraph) -> list[dt.date]:
    days: set[dt.date] = set()
    for fact in store.event_log(graph):
        days.update(d for d in (fact.span.earliest, fact.span.latest) if d)
    return sorted(days)


def _changes(status_on, spans, first: dt.date, last: dt.date) -> list[list]:
    """[[day, status], ...]: the status on `first` and on each day within [first, last] where it
    changes. Statuses only change at a bound of the spans or the day after one."""
    candidates = {first}
    for span in spans:
        if span is not None:
            for d in (span.earliest, span.latest):
                if d:
                    candidates.update({d, d + dt.timedelta(days=1)})
    changes: list[list] = []
    for day in sorted(c for c in candidates if first <= c <= last):
        status = status_on(day)
        if not changes or changes[-1][1] != status:
            changes.append([_day(day), status])
    return changes


def _endorsement_status(endorsement):
    """The `asof` logic itself (Endorsement.status_on): in force, uncertain, not in force."""
    return lambda day: endorsement.status_on(day).value


def _fact_status(span: Span):
    """A fact has happened once it certainly happened on or before the day; it is uncertain while it
    may have; before its earliest possible day it has not yet happened."""

    def status(day: dt.date) -> str:
        if span.latest is not None and span.latest <= day:
            return "happened"
        if span.earliest is not None and span.earliest > day:
            return "not yet"
        return "uncertain"

    return status


def _select(graph: nx.MultiDiGraph, candidate: str | None, as_of: dt.date | None) -> nx.MultiDiGraph:
    """What the page shows: with `as_of`, only what may hold on that day (graph_as_of) and the
    entities it touches; with `candidate`, that candidate and everyone related to them."""
    view = graph
    if as_of is not None:
        view = graph_as_of(graph, as_of)
        view = view.subgraph([n for n in view if view.degree(n)])
    if candidate is not None:
        who = store.registry(graph).resolve(candidate).id
        related = set(view.predecessors(who)) | set(view.successors(who)) if who in view else set()
        view = view.subgraph({who} | related)  # nodes the view lacks are ignored
    return view


def _layout(graph: nx.Graph, hubs: list[str]) -> dict:
    """Positions computed once and the same for the same graph. Small graphs: seeded
    Fruchterman-Reingold. Large ones (its cost grows with the square of the nodes): each hub
    (candidate) on a circle, every other node in a sunflower around the hub it is most tied to."""
    if len(graph) <= 500:
        return (
            nx.spring_layout(graph, seed=7, k=2 / math.sqrt(max(len(graph), 1)), method="force")
            if len(graph)
            else {}
        )
    hubs = (
        sorted(hubs, key=lambda h: (-graph.degree(h), h))
        or sorted(graph, key=lambda n: -graph.degree(n))[:50]
    )
    hub_set = set(hubs)
    satellites: dict[str | None, list[str]] = {h: [] for h in hubs}
    satellites[None] = []
    for node in sorted(graph):
        if node in hub_set:
            continue
        near = [h for h in graph.neighbors(node) if h in hub_set]
        home = min(near, key=lambda h: (-graph.degree(h), h)) if near else None
        satellites[home].append(node)
    golden = math.pi * (3 - math.sqrt(5))
    spread = [1.2 * math.sqrt(len(satellites[h]) + 1) for h in hubs]
    radius = max(sum(2 * r for r in spread) / (2 * math.pi), max(spread, default=1) * 1.5)
    positions: dict = {}
    angle = 0.0
    for hub, r in zip(hubs, spread, strict=True):
        angle += r / radius
        cx, cy = radius * math.cos(angle), radius * math.sin(angle)
        angle += r / radius
        positions[hub] = (cx, cy)
        for i, node in enumerate(satellites[hub], start=1):
            positions[node] = (
                cx + 1.2 * math.sqrt(i) * math.cos(i * golden),
                cy + 1.2 * math.sqrt(i) * math.sin(i * golden),
            )
    outer = radius + max(spread, default=1) * 2
    for i, node in enumerate(satellites[None]):
        theta = 2 * math.pi * i / max(len(satellites[None]), 1)
        positions[node] = (outer * math.cos(theta), outer * math.sin(theta))
    span = max(max(abs(x), abs(y)) for x, y in positions.values()) or 1
    return {n: (x / span, y / span) for n, (x, y) in positions.items()}


def _tooltip(lines: list[str]) -> str:
    return "\n".join(line for line in lines if line)


def graph_view_html(
    graph: nx.MultiDiGraph,
    candidate: str | None = None,
    as_of: dt.date | None = None,
    title: str | None = None,
) -> str:
    """The view as one HTML document. Raises TooLarge above MAX_NODES nodes or MAX_EDGES edges."""
    from pyvis.network import Network

    view = _select(graph, candidate, as_of)
    if view.number_of_nodes() > MAX_NODES or view.number_of_edges() > MAX_EDGES:
        raise TooLarge(
            f"the view would hold {view.number_of_nodes()} nodes and {view.number_of_edges()} edges, "
            f"more than {MAX_NODES} nodes or {MAX_EDGES} edges can usefully show: "
            "narrow it with --candidate NAME or --as-of DATE"
        )
    registry = store.registry(graph)
    days = _dates(graph) or [as_of or dt.date.today()]
    first, last = days[0], days[-1]
    if as_of is not None:
        last = max(min(last, as_of), first)
    # The layout is computed once, here, and deterministic for the same graph: the page keeps it.
    simple = nx.Graph(view.to_undirected(as_view=True))
    positions = _layout(simple, [n for n, d in view.nodes(data=True) if "candidate" in d["roles"]])
    scale = 120 * math.sqrt(max(len(simple), 1))
    degrees = dict(view.degree())
    net = Network(directed=True, cdn_resources="in_line")
    for node, data in sorted(view.nodes(data=True)):
        entity = registry[node]
        kind = "candidate" if "candidate" in data["roles"] else (entity.kind or "unknown")
        colour, shape = KIND_STYLES.get(kind, KIND_STYLES["unknown"])
        x, y = positions.get(node, (0.0, 0.0))
        net.add_node(
            node,
            label=entity.name,
            title=_tooltip(
                [
                    entity.name,
                    f"kind: {entity.kind or 'unknown'}",
                    f"titles: {'; '.join(t.title for t in entity.titles)}" if entity.titles else "",
                    f"roles: {', '.join(data['roles'])}" if data["roles"] else "",
                ]
            ),
            color=colour,
            shape=shape,
            size=10 + min(30, 2 * degrees.get(node, 0)),
            x=round(float(x) * scale, 1),
            y=round(float(y) * scale, 1),
            physics=False,
        )
    changes: dict[str, list[list]] = {}
    meta: dict[str, dict[str, Any]] = {}
    parallel: dict[tuple[str, str], int] = {}
    for u, v, key, data in sorted(view.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        action = data["action"]
        colour, dashes = ACTION_STYLES[action]
        count = parallel.get((u, v), 0)
        parallel[(u, v)] = count + 1
        if action == "endorse":
            e = data["endorsement"]
            when = f"{e.start} → {e.end}" if e.end else f"from {e.start}"
            changes[key] = _changes(_endorsement_status(e), (e.start, e.end), first, last)
            detail = [
                f"valid: {when}" + (f" (ended by {e.ended_by})" if e.ended_by else ""),
                "implied: no endorsement on record" if e.implied else "",
            ]
            label = str(e.start) if e.start.known else ""
        else:
            span = data["span"]
            changes[key] = _changes(_fact_status(span), (span,), first, last)
            detail = [f"date: {span}"]
            label = str(span) if span.known else ""
        meta[key] = {"action": action, "from": registry[u].name, "to": registry[v].name}
        net.add_edge(
            u,
            v,
            id=key,
            label=label,
            title=_tooltip(
                [
                    f"{registry[u].name} — {action} — {registry[v].name}",
                    *detail,
                    f"rank: {data['rank']}" if data.get("rank") else "",
                    f"group: {data['fact'].group}" if data.get("fact") and data["fact"].group else "",
                    f"sources: {'; '.join(data['sources'])}",
                ]
            ),
            color=colour,
            dashes=dashes,
            arrows="to",
            width=2,
            font={"size": 10, "align": "middle"},
            smooth={"type": "curvedCW", "roundness": 0.15 * count} if count else {"enabled": False},
        )
    net.set_options(
        '{"physics": {"enabled": false}, "interaction": {"hover": true, "tooltipDelay": 120},'
        ' "edges": {"selectionWidth": 2}, "layout": {"randomSeed": 7}}'
    )
    # pyvis renders our own template (autoescaped), given the extra data as template globals.
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("endorsegraph.outputs", "templates"), autoescape=select_autoescape(default=True)
    )
    lib = Path(str(resources.files("pyvis"))) / "templates" / "lib" / "vis-9.1.2"
    env.globals.update(
        page_title=title
        or (f"Endorsements around {registry.resolve(candidate).name}" if candidate else "Endorsements"),
        vis_js=(lib / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script"),
        vis_css=(lib / "vis-network.css").read_text(encoding="utf-8").replace("</style", "<\\/style"),
        days=[_day(first + dt.timedelta(days=i)) for i in range((last - first).days + 1)],
        start_day=_day(as_of or last),
        changes=changes,
        edge_meta=meta,
        kinds=[(kind, *style) for kind, style in KIND_STYLES.items()],
        actions=[(action, colour, bool(dashes)) for action, (colour, dashes) in ACTION_STYLES.items()],
    )
    net.templateEnv = env
    net.path = "graph_view.html"
    return net.generate_html()
