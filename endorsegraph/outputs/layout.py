"""Where the graph view draws each node: computed once in Python, the same for the same graph.

A reader takes a node lying on an edge for one end of it (an endorsement that had not happened), and
two candidates' names printed over each other for one blot. So after the force layout the hubs
(candidates) are pushed apart until their labels cannot touch, and every node is nudged off the
edges it is not part of. Positions are in the page's pixels.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["HUB_GAP", "clearance", "layout", "node_radius"]

HUB_GAP = 340.0  # px between hubs: more than two hub labels' half-widths side by side
MARGIN = 14.0  # px of white between a node's edge and a line it is not part of
# Nudging is O(nodes × edges) per pass: above this the layout is used as it is.
MAX_WORK = 200_000
LEAF_GAP = 64.0  # px of arc between neighbouring leaves on a hub's ring


def node_radius(degree: int) -> float:
    """The drawn size of a node (vis-network `size`): grows with its relationships."""
    return 10.0 + min(30.0, 2.0 * degree)


def _force(graph: nx.Graph) -> dict:
    return nx.spring_layout(graph, seed=7, k=2 / math.sqrt(max(len(graph), 1)), method="force")


def _sunflower(graph: nx.Graph, hubs: list[str]) -> dict:
    """Large graphs (the force layout's cost grows with the square of the nodes): each hub on a
    circle, every other node in a sunflower around the hub it is most tied to."""
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


def _segment_distances(points: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distances from each point to each segment a→b, and the nearest point of each segment."""
    ab = b - a  # (m, 2)
    length = np.maximum((ab**2).sum(axis=1), 1e-9)
    t = ((points[:, None, :] - a[None, :, :]) * ab[None, :, :]).sum(axis=2) / length[None, :]
    t = np.clip(t, 0.0, 1.0)
    nearest = a[None, :, :] + t[:, :, None] * ab[None, :, :]
    return np.sqrt(((points[:, None, :] - nearest) ** 2).sum(axis=2)), nearest


def clearance(positions: dict, graph: nx.Graph, degrees: dict | None = None) -> float:
    """The smallest gap (px) between a node's drawn disc and an edge it is not part of; positive
    means no node touches a line it does not belong to."""
    nodes = list(positions)
    edges = [(u, v) for u, v in graph.edges() if u != v]
    if not edges or not nodes:
        return math.inf
    degrees = degrees or dict(graph.degree())
    index = {n: i for i, n in enumerate(nodes)}
    points = np.array([positions[n] for n in nodes], dtype=float)
    a = np.array([positions[u] for u, _ in edges], dtype=float)
    b = np.array([positions[v] for _, v in edges], dtype=float)
    distance, _ = _segment_distances(points, a, b)
    for j, (u, v) in enumerate(edges):
        distance[index[u], j] = distance[index[v], j] = np.inf
    radii = np.array([node_radius(degrees.get(n, 0)) for n in nodes])
    return float((distance - radii[:, None]).min())


def _push_hubs_apart(points: np.ndarray, hubs: list[int]) -> None:
    """Move hubs closer than HUB_GAP apart along the line between them, half each."""
    if len(hubs) < 2:
        return
    rows = np.array(hubs)
    upper = np.triu(np.ones((len(rows), len(rows)), dtype=bool), k=1)
    for _ in range(50):
        hub_points = points[rows]
        delta = hub_points[None, :, :] - hub_points[:, None, :]  # [i, j] = j - i
        gap = np.hypot(delta[..., 0], delta[..., 1])
        close = upper & (gap < HUB_GAP)
        if not close.any():
            return
        i, j = np.nonzero(close)
        direction = np.where(
            gap[i, j][:, None] > 1e-6,
            delta[i, j] / np.maximum(gap[i, j], 1e-6)[:, None],
            np.array([1.0, 0.0]),
        )
        shift = direction * ((HUB_GAP - gap[i, j]) / 2 + 1)[:, None]
        moves = np.zeros_like(hub_points)
        np.add.at(moves, i, -shift)
        np.add.at(moves, j, shift)
        points[rows] += moves


def _nudge_off_edges(
    points: np.ndarray, edges: list[tuple[int, int]], radii: np.ndarray, fixed: set[int]
) -> None:
    """Move each node that lies on (or too near) an edge it is not part of away from that edge,
    and nodes that overlap each other apart, until nothing is too near or the passes run out."""
    a_idx = np.array([u for u, _ in edges])
    b_idx = np.array([v for _, v in edges])
    own = np.zeros((len(points), len(edges)), dtype=bool)
    own[a_idx, np.arange(len(edges))] = True
    own[b_idx, np.arange(len(edges))] = True
    best, stale = None, 0
    for _ in range(120):
        distance, nearest = _segment_distances(points, points[a_idx], points[b_idx])
        distance[own] = np.inf
        need = radii[:, None] + MARGIN
        short = distance < need
        gaps = points[:, None, :] - points[None, :, :]
        apart = np.sqrt((gaps**2).sum(axis=2)) + np.eye(len(points)) * 1e9
        crowded = apart < (radii[:, None] + radii[None, :] + MARGIN)
        if not short.any() and not crowded.any():
            return
        left = int(short.sum() + crowded.sum())
        best, stale = (left, 0) if best is None or left < best else (best, stale + 1)
        if stale >= 8:  # no longer getting better (a crowded graph): stop, near is better than slow
            return
        for i in np.nonzero(short.any(axis=1) | crowded.any(axis=1))[0]:
            if i in fixed:
                continue
            step = np.zeros(2)
            for j in np.nonzero(short[i])[0]:
                away = points[i] - nearest[i, j]
                norm = float(np.hypot(*away))
                if norm < 1e-6:  # exactly on the line: step across it
                    edge = points[b_idx[j]] - points[a_idx[j]]
                    away, norm = np.array([-edge[1], edge[0]]), float(np.hypot(*edge)) or 1.0
                step += away / norm * (need[i, 0] - distance[i, j] + 2)
            for k in np.nonzero(crowded[i])[0]:
                away = gaps[i, k]
                norm = float(np.hypot(*away)) or 1.0
                step += away / norm * ((radii[i] + radii[k] + MARGIN - apart[i, k]) / 2 + 1)
            points[i] += step


def _ring_leaves(graph: nx.Graph, nodes: list[str], points: np.ndarray, index: dict) -> None:
    """Nodes tied to one hub only (most endorsers) go on a ring around it, evenly spaced in the
    order the force layout gave them, far enough out that no leaf sits on a neighbour's line."""
    leaves: dict[str, list[str]] = {}
    for node in nodes:
        neighbours = [n for n in graph.neighbors(node) if n != node]
        if len(neighbours) == 1 and graph.degree(neighbours[0]) > 1:
            leaves.setdefault(neighbours[0], []).append(node)
    for hub, ring in leaves.items():
        if len(ring) < 3:
            continue
        centre = points[index[hub]]
        offsets = np.array([points[index[n]] - centre for n in ring])
        angles = np.arctan2(offsets[:, 1], offsets[:, 0])
        order = [ring[i] for i in np.argsort(angles, kind="stable")]
        radius = max(
            float(np.median(np.hypot(offsets[:, 0], offsets[:, 1]))), LEAF_GAP * len(ring) / (2 * math.pi)
        )
        start = float(np.sort(angles)[0])
        for k, node in enumerate(order):
            theta = start + 2 * math.pi * k / len(order)
            points[index[node]] = centre + radius * np.array([math.cos(theta), math.sin(theta)])


def layout(graph: nx.Graph, hubs: list[str], degrees: dict | None = None) -> dict:
    """Pixel positions: force layout (or sunflowers when large), hubs apart, nodes off edges."""
    if not len(graph):
        return {}
    degrees = degrees or dict(graph.degree())
    raw = _force(graph) if len(graph) <= 500 else _sunflower(graph, hubs)
    scale = 120 * math.sqrt(len(graph))
    nodes = sorted(graph)
    index = {n: i for i, n in enumerate(nodes)}
    points = np.array([raw[n] for n in nodes], dtype=float) * scale
    hub_rows = [index[h] for h in hubs if h in index]
    if len(nodes) <= 500:
        _ring_leaves(graph, nodes, points, index)
    _push_hubs_apart(points, hub_rows)
    edges = [(index[u], index[v]) for u, v in graph.edges() if u != v]
    if edges and len(nodes) * len(edges) <= MAX_WORK:
        radii = np.array([node_radius(degrees.get(n, 0)) for n in nodes])
        for _ in range(3):  # nudging can bring hubs closer again: alternate until both hold
            _nudge_off_edges(points, edges, radii, set())
            before = points.copy()
            _push_hubs_apart(points, hub_rows)
            if np.array_equal(before, points):
                break
        else:
            _nudge_off_edges(points, edges, radii, set())
    return {n: (round(float(points[i][0]), 1), round(float(points[i][1]), 1)) for n, i in index.items()}


# Label sizes in canvas pixels, estimated from the font size (the page's fonts are not known here):
# a generous average character width, so an estimate errs towards leaving a label out.
CHAR_WIDTH = 0.6
LABEL_PAD = 6.0
MAX_PLACED = 600  # above this many nodes only hubs are named (and any node on hover)


def label_box(position: tuple[float, float], text: str, radius: float, font: float, inside: bool) -> tuple:
    """(left, top, right, bottom) of a node's label as vis-network draws it: centred below the
    node, or inside it for box and ellipse shapes."""
    x, y = position
    width = CHAR_WIDTH * font * len(text) + 2 * LABEL_PAD
    height = 1.3 * font + LABEL_PAD
    top = y - height / 2 if inside else y + radius + 2
    return (x - width / 2, top, x + width / 2, top + height)


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    positions: dict,
    names: dict[str, str],
    radii: dict[str, float],
    hubs: list[str],
    fonts: tuple[float, float],
    inside: set[str] = frozenset(),
) -> list[str]:
    """The nodes whose names can be printed without touching another label or node: every hub
    first (font fonts[0]), then the others by number of relationships (font fonts[1]). The rest
    show their name on hover."""
    if len(positions) > MAX_PLACED:  # the check is quadratic; so many names would not be read anyway
        return [h for h in hubs if h in positions]
    discs = {n: (x - radii[n], y - radii[n], x + radii[n], y + radii[n]) for n, (x, y) in positions.items()}
    kept: list[tuple] = []
    chosen: list[str] = []
    order = [h for h in hubs if h in positions] + sorted(
        (n for n in positions if n not in hubs), key=lambda n: (-radii[n], names[n])
    )
    for node in order:
        hub = node in hubs
        box = label_box(
            positions[node], names[node], radii[node], fonts[0] if hub else fonts[1], node in inside
        )
        clear = not any(_overlap(box, other) for other in kept) and not any(
            _overlap(box, disc) for other, disc in discs.items() if other != node
        )
        if hub or clear:
            kept.append(box)
            chosen.append(node)
    return chosen
