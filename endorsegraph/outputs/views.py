"""The HTML graph view: one self-contained, offline file with a time slider.

The page is built with pyvis (nodes, edges, options) and rendered through the project's own
Jinja template with autoescaping, with pyvis's bundled vis-network script inlined: no network
resource of any kind, and every name, quote and note stays text. What is in force on each day is
computed here with the same as-of logic as the `asof` report and embedded as status changes per
edge; the page only filters.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph import store
from ..graph.actions import TABLE as ACTION_TABLE
from ..graph.dates import Span
from ..graph.timeline import graph_as_of
from .layout import layout, node_radius, place_labels
from .window import Window, accusations, story_window

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


READABLE_EXTENT = 800.0
HUB_FONT = {
    "size": 24,
    "face": "system-ui, sans-serif",
    "color": "#111111",
    "background": "rgba(255,255,255,0.88)",
    "strokeWidth": 0,
    "bold": {"color": "#111111"},
}
NODE_FONT = {
    "size": 15,
    "face": "system-ui, sans-serif",
    "color": "#333333",
    "background": "rgba(255,255,255,0.8)",
}
HOVER_FONT = {
    "size": 14,
    "face": "system-ui, sans-serif",
    "color": "#111111",
    "background": "rgba(255,255,255,0.88)",
}
EDGE_FONT = {"size": 12, "align": "horizontal", "background": "rgba(255,255,255,0.9)", "strokeWidth": 0}


class TooLarge(ValueError):
    """The view would be too large to be useful."""


def _day(value: dt.date) -> str:
    return value.isoformat()


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


def _kind(entity, data: dict) -> str:
    return "candidate" if "candidate" in data["roles"] else (entity.kind or "unknown")


def _tooltip(lines: list[str]) -> str:
    return "\n".join(line for line in lines if line)


def view_window(
    graph: nx.MultiDiGraph,
    candidate: str | None = None,
    as_of: dt.date | None = None,
    window: Window | None = None,
) -> tuple[Window, dt.date]:
    """The slider's days and the day the page opens on. Default: the story window
    (window.story_window) opening on the first accusation in it; `as_of` ends the slider there and
    opens on it."""
    registry = store.registry(graph)
    chosen = [registry.resolve(candidate).id] if candidate else None
    window = window or story_window(graph, chosen)
    if as_of is not None:
        if as_of < window.first:  # before the story: the same number of days, ending there
            return Window(as_of - (window.last - window.first), as_of), as_of
        last = min(window.last, as_of)
        return Window(window.first, last), last
    dated = [a for a in accusations(graph, chosen or store.intervals_by_candidate(graph)) if a.span.latest]
    triggers = [a.span.exact or a.span.latest for a in dated if (a.span.exact or a.span.latest) in window]
    return window, min(triggers) if triggers else window.last


# The slider plays in about this long, whatever the number of days.
PLAY_MS = 6000


def graph_view_html(
    graph: nx.MultiDiGraph,
    candidate: str | None = None,
    as_of: dt.date | None = None,
    title: str | None = None,
    window: Window | None = None,
) -> str:
    """The view as one HTML document. Raises TooLarge above MAX_NODES nodes or MAX_EDGES edges.

    The slider covers `window` (default: view_window), what happened before it shows as it stood on
    its first day; the page opens on the trigger day. Only hubs (candidates) carry labels; any
    other name, and an edge's date, shows on hover."""
    from pyvis.network import Network

    view = _select(graph, candidate, as_of)
    if view.number_of_nodes() > MAX_NODES or view.number_of_edges() > MAX_EDGES:
        raise TooLarge(
            f"the view would hold {view.number_of_nodes()} nodes and {view.number_of_edges()} edges, "
            f"more than {MAX_NODES} nodes or {MAX_EDGES} edges can usefully show: "
            "narrow it with --candidate NAME or --as-of DATE"
        )
    registry = store.registry(graph)
    shown, start_day = view_window(graph, candidate, as_of, window)
    first, last = shown.first, shown.last
    # The layout is computed once, here, and deterministic for the same graph: the page keeps it.
    simple = nx.Graph(view.to_undirected(as_view=True))
    degrees = dict(view.degree())
    hubs = sorted(n for n, d in view.nodes(data=True) if "candidate" in d["roles"])
    positions = layout(simple, hubs, degrees)
    names = {node: registry[node].name for node in view}
    radii = {node: node_radius(degrees.get(node, 0)) for node in view}
    inside = {n for n in view if _kind(registry[n], view.nodes[n]) in ("newspaper", "race")}
    # The page opens fitted to the whole graph: a wide layout is drawn small, so its fonts grow with
    # it and names stay readable at the opening zoom (READABLE_EXTENT px fit a page unscaled).
    extent = max((max(abs(x), abs(y)) for x, y in positions.values()), default=0.0)
    grow = max(1.0, extent / READABLE_EXTENT)
    hub_font, node_font, hover_font = (
        {**f, "size": round(f["size"] * grow)} for f in (HUB_FONT, NODE_FONT, HOVER_FONT)
    )
    labelled = place_labels(positions, names, radii, hubs, (hub_font["size"], node_font["size"]), inside)
    net = Network(directed=True, cdn_resources="in_line")
    for node, data in sorted(view.nodes(data=True)):
        entity = registry[node]
        colour, shape = KIND_STYLES.get(_kind(entity, data), KIND_STYLES["unknown"])
        x, y = positions.get(node, (0.0, 0.0))
        hub = node in hubs
        net.add_node(
            node,
            # Hubs are always labelled, over a white ground so arrowheads never hide the name; others
            # where their name touches no other label or node (place_labels), the rest on hover.
            label=entity.name if node in labelled else " ",
            font=hub_font if hub else node_font,
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
            size=radii[node],
            x=x,
            y=y,
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
        meta[key] = {"action": action, "from": registry[u].name, "to": registry[v].name, "label": label}
        net.add_edge(
            u,
            v,
            id=key,
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
            font=EDGE_FONT,
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
        days=[_day(d) for d in shown.days()],
        start_day=_day(start_day),
        play_ms=max(40, min(400, PLAY_MS // max(len(shown.days()), 1))),
        names=names,
        hubs=hubs,
        labelled=labelled,
        hover_font=hover_font,
        changes=changes,
        edge_meta=meta,
        kinds=[(kind, *style) for kind, style in KIND_STYLES.items()],
        actions=[(action, colour, bool(dashes)) for action, (colour, dashes) in ACTION_STYLES.items()],
    )
    net.templateEnv = env
    net.path = "graph_view.html"
    return net.generate_html()
