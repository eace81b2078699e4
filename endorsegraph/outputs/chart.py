"""Charts as a newsroom graphic carries them: a title that says what happened, a subtitle saying how
to read it, direct labels, notes, and the source credit, in PNG, SVG or one offline HTML page with
hover tooltips.

What is plotted comes from chart_data (also the `--data` CSV and the alt text); this module only
draws. Colours are Okabe-Ito (the actions table's colours), safe for colour-blind readers; SVG keeps
its labels as text, so they can be searched, translated and edited.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import textwrap
import xml.etree.ElementTree as ET
from collections import Counter

import networkx as nx

from ..graph.actions import spec
from .chart_data import Cascade, Chart, InForce, Intervals, build_chart, plural, short_day, short_span
from .window import Window

__all__ = ["FORMATS", "draw", "render"]

FORMATS = ("html", "png", "svg")
# Okabe-Ito, for one band per candidate (the actions' own colours mark events).
# Vermillion (withdrawals) and orange (accusations) are left out so a band is never read as either.
SERIES = ("#0072B2", "#CC79A7", "#56B4E9", "#009E73", "#000000", "#F0E442")
INK, MUTED, GRID = "#222222", "#666666", "#e6e6e6"
WIDTH = 10.0  # inches
SVG_NS = "http://www.w3.org/2000/svg"


def _text(value: str) -> str:
    """Text for matplotlib, which would read $…$ as mathematics."""
    return value.replace("$", r"\$")


class _Tips:
    """Tooltips by SVG group id: the drawing names its marks, the export attaches the text."""

    def __init__(self) -> None:
        self.by_id: dict[str, str] = {}

    def __call__(self, artist, text: str):
        gid = f"eg-tip-{len(self.by_id)}"
        artist.set_gid(gid)
        self.by_id[gid] = text
        return artist


def _colour(action: str) -> str:
    return spec(action).colour


def _sources(sources) -> str:
    return "Sources: " + "; ".join(sources) if sources else ""


def _panel_height(panel) -> float:
    if isinstance(panel, Cascade):
        return max(3.2, 0.27 * (len(panel.withdrawals) + 3))
    if isinstance(panel, Intervals):
        return max(2.2, 0.3 * len(panel.rows) + 0.4)
    return 3.6


def _margins(panel) -> tuple[float, float]:
    """(left, right) in inches: room for row labels, or for the direct labels of a cascade."""
    if isinstance(panel, Intervals):
        longest = max((len(r) for r in panel.rows), default=10)
        return min(3.2, 0.35 + 0.075 * longest), 2.4
    if isinstance(panel, Cascade):
        return 0.8, 2.4
    return 0.8, 2.7


def _figure(chart: Chart):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "none",  # labels stay text
            "svg.hashsalt": "endorsegraph",  # the same chart, the same file
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans"],
            "font.size": 9,
            "axes.edgecolor": "#999999",
            "axes.labelcolor": INK,
            "xtick.color": "#444444",
            "ytick.color": "#444444",
            "hatch.linewidth": 0.8,
        }
    )
    notes = [line for note in chart.notes for line in textwrap.wrap(note, 150)]
    title = textwrap.wrap(chart.title, 80)
    header, footer = (
        0.95 + 0.28 * (len(title) - 1),
        0.45 + 0.17 * len(notes) + 0.13 * (len(chart.credit) > 170),
    )
    heights = [_panel_height(p) for p in chart.panels]
    per_panel = 0.4 + 0.7  # panel title above, ticks and axis label below
    total = header + sum(heights) + per_panel * len(heights) + footer
    figure = plt.figure(figsize=(WIDTH, total), dpi=110)
    figure.patch.set_facecolor("white")
    figure.text(
        0.3 / WIDTH, 1 - 0.2 / total, _text("\n".join(title)), fontsize=14, weight="bold", color=INK, va="top"
    )
    figure.text(0.3 / WIDTH, 1 - (header - 0.35) / total, _text(chart.subtitle), fontsize=9.5, color=MUTED)
    axes, top = [], header
    for panel, height in zip(chart.panels, heights, strict=True):
        left, right = _margins(panel)
        top += 0.4
        bottom = total - top - height
        axes.append(
            figure.add_axes((left / WIDTH, bottom / total, (WIDTH - left - right) / WIDTH, height / total))
        )
        top += height + 0.7
    y = footer - 0.12
    for line in notes:
        figure.text(0.3 / WIDTH, y / total, _text(line), fontsize=8, color=INK, va="top")
        y -= 0.17
    figure.text(
        0.3 / WIDTH,
        0.1 / total,
        _text("\n".join(textwrap.wrap(chart.credit, 170))),
        fontsize=7.5,
        color=MUTED,
        va="bottom",
    )
    return plt, figure, axes


def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_axisbelow(True)


def _panel_title(ax, text: str) -> None:
    ax.set_title(_text(text), loc="left", fontsize=10.5, weight="bold", color=INK, pad=8)


def _cascade(ax, panel: Cascade, tips: _Tips) -> None:
    withdraw, accuse = _colour("withdraw"), _colour("accuse")
    first, last = panel.steps[0][0], panel.steps[-1][0]
    n = len(panel.withdrawals)
    xs = [d for d, _, _ in panel.steps] + [last + 1]
    certain = [c for _, c, _ in panel.steps]
    possible = [p for _, _, p in panel.steps]
    _style(ax)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    if possible != certain:
        ax.fill_between(
            xs,
            certain + certain[-1:],
            possible + possible[-1:],
            step="post",
            color=withdraw,
            alpha=0.14,
            linewidth=0,
            label="may have withdrawn by then",
        )
    ax.step(
        xs,
        certain + certain[-1:],
        where="post",
        color=withdraw,
        linewidth=2,
        label="certainly withdrawn by then",
    )
    for w in panel.withdrawals:
        tip = f"{w.endorser} withdrew: {w.span}"
        if w.span.exact:
            tip += f" (day {w.first})"
            mark = ax.plot(
                [w.first], [w.position - 0.5], "o", color=withdraw, markersize=6, markeredgecolor="white"
            )[0]
            end = w.first
        else:
            lo = w.first if w.first is not None else first - 0.5
            hi = w.last if w.last is not None else last + 1
            mark = ax.plot(
                [lo, hi],
                [w.position - 0.5] * 2,
                color=withdraw,
                linewidth=3,
                alpha=0.55,
                marker="|",
                markersize=9,
                solid_capstyle="butt",
            )[0]
            bounds = ["?" if d is None else str(d) for d in (w.first, w.last)]
            tip += f" (days {bounds[0]} to {bounds[1]})"
            end = hi
        tips(
            mark,
            "\n".join(
                filter(None, [tip, f"joint statement: {w.group}" if w.group else "", _sources(w.sources)])
            ),
        )
        label = ax.text(
            end + 0.16, w.position - 0.5, _text(w.label), fontsize=8, va="center", color=INK, clip_on=False
        )
        tips(label, tip)
    ax.plot([], [], "o", color=withdraw, markeredgecolor="white", label="a withdrawal (its endorser)")
    ax.plot([], [], color=withdraw, linewidth=3, alpha=0.55, marker="|", label="known only within dates")
    top = n + 2.5
    line = ax.axvline(0, color=accuse, linewidth=1.8, label="accusation")
    tips(line, f"{panel.trigger.text}\n{_sources(panel.trigger.sources)}")
    ax.text(
        -0.12,
        top - 0.3,
        _text(f"{panel.trigger.accuser}'s accusation"),
        ha="right",
        va="top",
        fontsize=8.5,
        color=INK,
        weight="bold",
    )
    ax.text(-0.12, top - 1.1, _text(str(panel.trigger.span)), ha="right", va="top", fontsize=8, color=MUTED)
    for accusation, offset in panel.others:
        if offset is not None and first <= offset <= last:
            line = ax.axvline(offset, color=accuse, linewidth=1.2, linestyle="--", label="another accusation")
            tips(line, accusation.text)
            ax.text(offset + 0.1, top - 0.3, _text(accusation.text), va="top", fontsize=8, color=INK)
    ax.text(
        last + 1,
        panel.total + 0.9,
        f"{panel.total} withdrawn",
        ha="right",
        va="bottom",
        fontsize=9,
        weight="bold",
        color=withdraw,
    )
    ax.set_xlim(first - 0.5, last + 1)
    ax.set_ylim(0, top)
    ax.set_xticks(range(first, last + 1))
    ax.set_xticklabels(
        [f"{d}\n{short_day(panel.day0 + dt.timedelta(days=d))}" for d in range(first, last + 1)], fontsize=8
    )
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(
        _text(f"Days after {panel.trigger.accuser}'s accusation ({panel.trigger.span})"), fontsize=8.5
    )
    ax.set_ylabel("Withdrawals, cumulative", fontsize=8.5)
    ax.legend(loc="lower left", bbox_to_anchor=(1.01, 0), fontsize=7.5, frameon=False)
    _panel_title(ax, f"{panel.candidate}: {plural(panel.total, 'withdrawal')}")


def _date_axis(ax, window: Window) -> None:
    import matplotlib.dates as mdates

    span = (window.last - window.first).days
    ax.set_xlim(mdates.date2num(window.first) - 0.5, mdates.date2num(window.last) + 1)
    step = max(1, round(span / 8))
    ticks = [window.first + dt.timedelta(days=i) for i in range(0, span + 1, step)]
    ax.set_xticks([mdates.date2num(t) for t in ticks])
    ax.set_xticklabels([short_day(t) for t in ticks], fontsize=8)
    ax.set_xlabel(f"{window.first.year}" if window.first.year == window.last.year else "", fontsize=8.5)


def _shown(accusations, window: Window) -> list:
    return [a for a in accusations if a.day is not None and a.day in window]


def _accusation_lines(ax, accusations, window: Window, tips: _Tips, y_text: float, step: float) -> None:
    """A line per accusation in the window, its label on its own line (`step` apart) so two close
    accusations never print over each other."""
    import matplotlib.dates as mdates

    for n, accusation in enumerate(_shown(accusations, window)):
        x = mdates.date2num(accusation.day)
        line = ax.axvline(
            x,
            color=_colour("accuse"),
            linewidth=1.6,
            linestyle="-" if n == 0 else "--",
            label="accusation" if n == 0 else "another accusation",
        )
        tips(line, f"{accusation.text}\n{_sources(accusation.sources)}")
        ax.text(
            x + 0.15,
            y_text + n * step,
            _text(f"{accusation.accuser}'s accusation, {short_span(accusation.span)}"),
            fontsize=8,
            color=INK,
            va="top",
        )


def _intervals(ax, panel: Intervals, tips: _Tips) -> None:
    import matplotlib.dates as mdates

    endorse, withdraw, stand_by = _colour("endorse"), _colour("withdraw"), _colour("stand_by")
    lo_x = mdates.date2num(panel.window.first) - 0.5
    hi_x = mdates.date2num(panel.window.last) + 1
    num = mdates.date2num
    _style(ax)
    ax.grid(axis="x", color=GRID, linewidth=0.8)
    height = 0.56

    def block(row: int, start: float, end: float, certain: bool, tip: str) -> None:
        start, end = max(start, lo_x), min(end, hi_x)
        if end <= start:
            return
        if certain:
            patch = ax.barh(
                row, end - start, left=start, height=height, color=endorse, alpha=0.85, linewidth=0
            )
        else:
            patch = ax.barh(
                row,
                end - start,
                left=start,
                height=height,
                facecolor="white",
                edgecolor=endorse,
                hatch="////",
                linewidth=0,
                alpha=0.9,
            )
        for bar in patch:
            tips(bar, tip)

    for bar in panel.bars:
        ended = f" to {bar.end} ({bar.ended_by})" if bar.end is not None else ", still in force"
        tip = f"{bar.endorser} endorsed {panel.candidate}: from {bar.start}{ended}"
        tip += "\nknown only from a later withdrawal or stand-by" if bar.implied else ""
        tip += f"\n{_sources(bar.sources)}"
        start_lo = num(bar.start.earliest) if bar.start.earliest else lo_x
        start_hi = num(bar.start.latest) if bar.start.latest else None
        end_lo = num(bar.end.earliest) if bar.end is not None and bar.end.earliest else None
        end_hi = num(bar.end.latest) if bar.end is not None and bar.end.latest else None
        if bar.end is None:
            end_lo = end_hi = hi_x
        certain_from = start_hi if start_hi is not None else None
        certain_to = end_lo if end_lo is not None else None
        if certain_from is None:  # the start is unknown altogether: nothing is certain before its end
            block(bar.row, start_lo, end_hi or hi_x, False, tip)
            continue
        block(bar.row, start_lo, certain_from, False, tip)
        block(bar.row, certain_from, certain_to if certain_to is not None else certain_from, True, tip)
        if certain_to is None:
            block(bar.row, certain_from, end_hi or hi_x, False, tip)
        elif end_hi is not None and end_hi > certain_to:
            block(bar.row, certain_to, end_hi, False, tip)
        if bar.start.latest and bar.start.latest < panel.window.first and bar.start.earliest:
            mark = ax.plot([lo_x + 0.15], [bar.row], "<", color="white", markersize=5)[0]
            tips(mark, f"began {bar.start}, before this window")
        if bar.ended_by == "exit_race" and end_hi is not None and end_hi <= hi_x:
            mark = ax.plot(
                [end_hi], [bar.row], "|", color=_colour("exit_race"), markersize=11, markeredgewidth=2
            )[0]
            tips(mark, f"{panel.candidate} left the race: {bar.end}")
    for m in panel.markers:
        colour = withdraw if m.action == "withdraw" else stand_by
        verb = "withdrew" if m.action == "withdraw" else "stood by"
        tip = f"{m.endorser} {verb}: {m.span}\n{_sources(m.sources)}"
        if m.span.exact:
            if m.span.exact not in panel.window:
                continue
            style = (
                dict(marker="X", markersize=8) if m.action == "withdraw" else dict(marker="o", markersize=6.5)
            )
            mark = ax.plot(
                [num(m.span.exact)], [m.row], linestyle="none", color=colour, markeredgecolor="white", **style
            )[0]
        elif m.span.known:
            lo = num(m.span.earliest) if m.span.earliest else lo_x
            hi = num(m.span.latest) if m.span.latest else hi_x
            mark = ax.plot(
                [max(lo, lo_x), min(hi, hi_x)],
                [m.row] * 2,
                color=colour,
                linewidth=2.2,
                marker="|",
                markersize=10,
                markeredgewidth=2,
            )[0]
        else:
            continue
        tips(mark, tip)
    ax.set_yticks(range(len(panel.rows)))
    ax.set_yticklabels([_text(r) for r in panel.rows], fontsize=8.5)
    stacked = max(len(_shown(panel.accusations, panel.window)), 1)
    ax.set_ylim(len(panel.rows) - 0.4, -1.4 - 0.8 * (stacked - 1))
    ax.tick_params(axis="y", length=0)
    _date_axis(ax, panel.window)
    _accusation_lines(ax, panel.accusations, panel.window, tips, -1.3 - 0.8 * (stacked - 1), 0.8)
    import matplotlib.patches as mpatches

    handles = [
        mpatches.Patch(color=endorse, alpha=0.85, label="endorsement certainly in force"),
        mpatches.Patch(facecolor="white", edgecolor=endorse, hatch="////", label="may have been in force"),
        ax.plot([], [], "X", color=withdraw, markeredgecolor="white", markersize=8, label="withdrawal")[0],
        ax.plot(
            [], [], color=withdraw, marker="|", linewidth=2.2, label="withdrawal known only within dates"
        )[0],
        ax.plot([], [], "o", color=stand_by, markeredgecolor="white", label="stood by")[0],
        ax.plot(
            [],
            [],
            "|",
            color=_colour("exit_race"),
            markersize=11,
            markeredgewidth=2,
            label="candidate left the race",
        )[0],
        ax.plot([], [], "<", color="#777777", label="began before this window")[0],
        ax.plot([], [], color=_colour("accuse"), linewidth=1.6, label="accusation")[0],
    ]
    present = {
        "withdrawal": any(m.action == "withdraw" and m.span.exact for m in panel.markers),
        "withdrawal known only within dates": any(
            m.action == "withdraw" and not m.span.exact for m in panel.markers
        ),
        "stood by": any(m.action == "stand_by" for m in panel.markers),
        "candidate left the race": any(
            b.ended_by == "exit_race" and b.end is not None and b.end.latest in panel.window
            for b in panel.bars
        ),
        "began before this window": any(
            b.start.latest and b.start.earliest and b.start.latest < panel.window.first for b in panel.bars
        ),
        "accusation": bool(_shown(panel.accusations, panel.window)),
    }
    handles = [h for h in handles if present.get(h.get_label(), True)]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7.5, frameon=False)
    left = sum(1 for m in panel.markers if m.action == "withdraw")
    _panel_title(ax, f"{panel.candidate}: {plural(len(panel.rows), 'endorser')}, {left} withdrew")


def _in_force(ax, panel: InForce, tips: _Tips) -> None:
    import matplotlib.dates as mdates

    _style(ax)
    ax.grid(axis="y", color=GRID, linewidth=0.8)
    num = mdates.date2num
    top = max((max(s.possible) for s in panel.series), default=1)
    withdrawing = [s for s in panel.series if any(span.exact in panel.window for span, _ in s.withdrawals)]
    k = max(len(withdrawing), 1)
    ranged_row = 0
    for i, s in enumerate(panel.series):
        colour = SERIES[i % len(SERIES)]
        xs = [num(d) for d in s.days] + [num(s.days[-1]) + 1]
        lower, upper = s.certain + s.certain[-1:], s.possible + s.possible[-1:]
        ax.fill_between(
            xs,
            lower,
            upper,
            step="post",
            color=colour,
            alpha=0.28,
            linewidth=0,
            label=_text(f"{s.candidate} (band)"),
        )
        ax.step(xs, lower, where="post", color=colour, linewidth=0.9)
        ax.step(xs, upper, where="post", color=colour, linewidth=0.9, linestyle=(0, (3, 2)))
        by_day = Counter(span.exact for span, _ in s.withdrawals if span.exact in panel.window)
        names: dict[dt.date, list[str]] = {}
        for span, who in s.withdrawals:
            if span.exact:
                names.setdefault(span.exact, []).append(who)
        width = 0.8 / k
        for day, count in sorted(by_day.items()):
            x = num(day) + 0.1 + withdrawing.index(s) * width
            bars = ax.bar(
                x, count, width=width, align="edge", color=_colour("withdraw"), alpha=0.9, linewidth=0
            )
            tips(bars[0], f"{s.candidate}: {count} withdrew on {day}: " + ", ".join(names[day]))
            ax.text(
                x + width / 2,
                count + 0.2,
                str(count),
                ha="center",
                va="bottom",
                fontsize=7.5,
                color=_colour("withdraw"),
                weight="bold",
            )
        for span, who in s.withdrawals:
            if span.exact or not span.known:
                continue
            ranged_row += 1
            lo = num(span.earliest) if span.earliest else xs[0]
            hi = num(span.latest) if span.latest else xs[-1]
            y = -0.7 * ranged_row
            mark = ax.plot(
                [lo, hi], [y, y], color=_colour("withdraw"), linewidth=2, marker="|", markersize=7
            )[0]
            tips(mark, f"{who} withdrew from {s.candidate}: {span}")
    for day in panel.window.days():  # a hover target per day, whatever is drawn there
        lines = [day.isoformat()]
        for s in panel.series:
            j = s.days.index(day)
            lines.append(f"{s.candidate}: {s.certain[j]} certainly, {s.possible[j]} possibly in force")
        tips(
            ax.axvspan(num(day), num(day) + 1, color="white", alpha=0.0, linewidth=0, zorder=-1),
            "\n".join(lines),
        )
    if any(s.withdrawals for s in panel.series):
        import matplotlib.patches as mpatches

        ax.add_patch(
            mpatches.Rectangle((0, 0), 0, 0, color=_colour("withdraw"), label="withdrawals that day")
        )
    if ranged_row:
        ax.plot(
            [],
            [],
            color=_colour("withdraw"),
            linewidth=2,
            marker="|",
            label="a withdrawal known only within dates",
        )
    ax.plot([], [], color="#555555", linewidth=0.9, label="lower edge: certainly in force")
    ax.plot(
        [], [], color="#555555", linewidth=0.9, linestyle=(0, (3, 2)), label="upper edge: possibly in force"
    )
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylabel("Endorsements", fontsize=8.5)
    _date_axis(ax, panel.window)
    stacked = len(_shown(panel.accusations, panel.window))
    step = 0.09 * (top * 1.25 + 1)
    ax.set_ylim(-0.7 * ranged_row - 0.6, top * 1.25 + 1 + step * max(stacked - 1, 0))
    _accusation_lines(
        ax, panel.accusations, panel.window, tips, top * 1.25 + 0.8 + step * (stacked - 1), -step
    )
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7.5, frameon=False)
    _panel_title(
        ax, panel.note or f"In force, {short_day(panel.window.first)} to {short_day(panel.window.last)}"
    )


def _attach_tips(svg: bytes, chart: Chart, tips: _Tips, as_attribute: bool) -> str:
    """The SVG with its alt text (<title>/<desc>) and a tooltip on every named mark: as <title>
    children (native tooltips, screen readers) or as data-tip attributes (the HTML page's own)."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(svg)
    root.set("role", "img")
    root.set("aria-labelledby", "eg-chart-title eg-chart-desc")
    title = ET.Element(f"{{{SVG_NS}}}title", id="eg-chart-title")
    title.text = chart.title
    desc = ET.Element(f"{{{SVG_NS}}}desc", id="eg-chart-desc")
    desc.text = chart.alt_text
    root.insert(0, desc)
    root.insert(0, title)
    for group in root.iter(f"{{{SVG_NS}}}g"):
        text = tips.by_id.get(group.get("id", ""))
        if text is None:
            continue
        if as_attribute:
            group.set("data-tip", text)
            group.set("class", "eg-tip")
        else:
            tip = ET.Element(f"{{{SVG_NS}}}title")
            tip.text = text
            group.insert(0, tip)
    return ET.tostring(root, encoding="unicode")


PAGE_SCRIPT = """
(function () {
  "use strict";
  const tip = document.getElementById("eg-tooltip");
  function show(event) {
    const mark = event.target.closest("[data-tip]");
    if (!mark) { tip.hidden = true; return; }
    tip.textContent = mark.getAttribute("data-tip");
    tip.hidden = false;
    const x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    const y = Math.min(event.clientY + 14, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = Math.max(4, x) + "px";
    tip.style.top = Math.max(4, y) + "px";
  }
  document.addEventListener("mousemove", show);
  document.addEventListener("mouseleave", function () { tip.hidden = true; });
})();
"""


def _page(chart: Chart, svg: str) -> str:
    title = html.escape(chart.title)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n"
        "body { margin: 1em; font: 14px/1.4 system-ui, sans-serif; color: #222; background: #fff; }\n"
        "figure { margin: 0; max-width: 1100px; }\n"
        "figure svg { width: 100%; height: auto; display: block; }\n"
        ".eg-tip { cursor: pointer; }\n"
        "#eg-tooltip { position: fixed; z-index: 10; max-width: 28em; padding: 0.4em 0.6em;\n"
        "  white-space: pre-line; background: #fff; border: 1px solid #999; border-radius: 3px;\n"
        "  box-shadow: 0 1px 4px rgba(0,0,0,.2);\n"
        "  font-size: 13px; pointer-events: none; }\n"
        "details { margin-top: 0.6em; color: #444; max-width: 1100px; }\n"
        "</style></head>\n<body>\n"
        f'<figure aria-describedby="eg-alt">\n{svg}\n'
        f'<figcaption><details><summary>Description</summary><p id="eg-alt">{html.escape(chart.alt_text)}</p>'
        "</details></figcaption>\n</figure>\n"
        '<div id="eg-tooltip" role="tooltip" hidden></div>\n'
        f"<script>{PAGE_SCRIPT}</script>\n"
        f'<script type="application/json" id="eg-chart">{_json(chart)}</script>\n'
        "</body></html>\n"
    )


def _json(chart: Chart) -> str:
    """What the page shows, for scripts and tests (escaped so it cannot close the script)."""
    data = {"kind": chart.kind, "title": chart.title, "panels": [p.kind for p in chart.panels]}
    data["totals"] = [p.total for p in chart.panels if isinstance(p, Cascade)]
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render(chart: Chart, fmt: str = "svg") -> bytes:
    """The chart as PNG, SVG or an offline HTML page (hover tooltips, no network)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}: use one of {', '.join(FORMATS)}")
    plt, figure, axes = _figure(chart)
    tips = _Tips()
    try:
        for ax, panel in zip(axes, chart.panels, strict=True):
            if isinstance(panel, Cascade):
                _cascade(ax, panel, tips)
            elif isinstance(panel, Intervals):
                _intervals(ax, panel, tips)
            elif isinstance(panel, InForce):
                _in_force(ax, panel, tips)
        buffer = io.BytesIO()
        if fmt == "png":
            figure.savefig(
                buffer,
                format="png",
                metadata={"Title": chart.title, "Description": chart.alt_text, "Source": chart.credit},
            )
            return buffer.getvalue()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": chart.title})
    finally:
        plt.close(figure)
    if fmt == "svg":
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n' + _attach_tips(buffer.getvalue(), chart, tips, False)
        ).encode()
    return _page(chart, _attach_tips(buffer.getvalue(), chart, tips, True)).encode("utf-8")


def draw(
    graph: nx.MultiDiGraph,
    candidates: list[str] | None = None,
    kind: str | None = None,
    fmt: str = "svg",
    window: Window | None = None,
) -> bytes:
    """build_chart, then render: the chart of `kind` for these candidates in `fmt`."""
    return render(build_chart(graph, candidates, kind, window), fmt)
