"""The timeline chart: endorsements in force per candidate over time, with withdrawal markers and
the accusations that set them off. PNG, SVG, or an offline HTML page holding the SVG."""

from __future__ import annotations

import datetime as dt
import html
import io

import networkx as nx

from ..graph import store
from ..graph.intervals import Endorsement, Status

__all__ = ["FORMATS", "timeline_chart"]

FORMATS = ("html", "png", "svg")
COLOURS = ("#d62f2f", "#2f6fd6", "#2e9d4f", "#a02fd6", "#f07b10", "#7b4f2f", "#555555")


def _text(value: str) -> str:
    """Text for matplotlib, which would read $…$ as mathematics."""
    return value.replace("$", r"\$")


def _candidates(graph: nx.MultiDiGraph, names: list[str] | None) -> list[str]:
    registry = store.registry(graph)
    if names:
        return [registry.resolve(n).id for n in names]
    by_candidate = store.intervals_by_candidate(graph)
    ranked = sorted(by_candidate, key=lambda c: (-len(by_candidate[c]), registry[c].name))
    return ranked[:5]


def _bounds(endorsements: list[Endorsement], accusations) -> tuple[dt.date, dt.date]:
    days = []
    for e in endorsements:
        for span in (e.start, e.end):
            if span is not None:
                days += [d for d in (span.earliest, span.latest) if d]
    days += [d for f in accusations for d in (f.span.earliest, f.span.latest) if d]
    if not days:
        raise ValueError("nothing dated to chart for these candidates")
    first, last = min(days), max(days)
    triggers = [f.span.exact or f.span.latest for f in accusations if f.span.exact or f.span.latest]
    if triggers:  # the story is the cascade around the accusations: start three weeks before
        first = max(first, min(triggers) - dt.timedelta(days=21))
    pad = dt.timedelta(days=max(2, (last - first).days // 20))
    return first - pad, last + pad


def timeline_chart(graph: nx.MultiDiGraph, candidates: list[str] | None = None, fmt: str = "svg") -> bytes:
    """Active endorsements per candidate over time (solid: certainly in force; band: may be),
    withdrawals marked, accusations annotated."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}: use one of {', '.join(FORMATS)}")
    registry = store.registry(graph)
    chosen = _candidates(graph, candidates)
    by_candidate = store.intervals_by_candidate(graph)
    endorsements = {c: by_candidate.get(c, []) for c in chosen}
    accusations = [
        d["fact"] for c in chosen for _, _, d in graph.in_edges(c, data=True) if d["action"] == "accuse"
    ]
    first, last = _bounds([e for es in endorsements.values() for e in es], accusations)
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    plt.rcParams.update({"svg.fonttype": "path", "font.size": 9})
    figure, axes = plt.subplots(figsize=(11, 5.5), dpi=100)
    top = 1
    for n, candidate in enumerate(chosen):
        colour = COLOURS[n % len(COLOURS)]
        statuses = [[e.status_on(day) for e in endorsements[candidate]] for day in days]
        certain = [sum(s == Status.IN_FORCE for s in row) for row in statuses]
        possible = [sum(s != Status.NOT_IN_FORCE for s in row) for row in statuses]
        top = max(top, *possible)
        name = _text(registry[candidate].name)
        axes.step(days, certain, where="post", color=colour, linewidth=2, label=f"{name}: in force")
        axes.fill_between(days, certain, possible, step="post", color=colour, alpha=0.15, linewidth=0)
        for _, _, data in graph.in_edges(candidate, data=True):
            if data["action"] != "withdraw":
                continue
            span = data["span"]
            day = span.exact or span.latest
            if day is None or not first <= day <= last:
                continue
            height = certain[(day - first).days]
            axes.plot([day], [height], marker="v", color=colour, markersize=7, linestyle="none")
            if not span.exact and span.earliest:
                axes.hlines(
                    height, span.earliest, span.latest, color=colour, linewidth=1, linestyles="dotted"
                )
    for fact in accusations:
        day = fact.span.exact or fact.span.latest
        if day is None:
            continue
        axes.axvline(day, color="#f07b10", linestyle="--", linewidth=1)
        who = _text(f"{registry[fact.actor].name} accuses {registry[fact.target].name} ({fact.span})")
        axes.annotate(who, (day, top + 0.5), rotation=90, va="top", ha="right", fontsize=8, color="#a05000")
    axes.set_ylim(0, top + 1.5)
    axes.set_ylabel("endorsements in force (band: may be in force)")
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    axes.plot([], [], marker="v", color="#444", linestyle="none", label="withdrawal")
    axes.legend(loc="upper left", fontsize=8)
    axes.set_title(_text("Endorsements over time: " + ", ".join(registry[c].name for c in chosen)))
    figure.autofmt_xdate()
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png" if fmt == "png" else "svg")
    plt.close(figure)
    if fmt != "html":
        return buffer.getvalue()
    svg = buffer.getvalue().decode("utf-8")
    svg = svg[svg.index("<svg") :]  # drop the XML prologue and DOCTYPE: the page has its own
    title = html.escape("Endorsements over time: " + ", ".join(registry[c].name for c in chosen))
    page = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>\n'
        f'<body style="margin:1em;font-family:sans-serif">\n{svg}\n</body></html>\n'
    )
    return page.encode("utf-8")
