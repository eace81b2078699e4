"""Scoring the article extractor against hand-labelled gold events.

Gold: JSON lines with article, actor, action, target, date (or null), optional date_alternatives
(the format of ../shared/eval/seed_events.jsonl). An extracted event matches a gold one on article,
actor, action and target after alias resolution; its date is judged separately, on the gold events
that have a date: right if the extracted exact day is the gold date or one of its alternatives.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..graph.actions import ACTIONS
from ..graph.entities import AmbiguousName, Registry, UnknownName, normalize
from ..graph.errors import InputError
from ..graph.events import Event
from .records import jsonl_records

__all__ = ["read_gold", "score"]


def read_gold(path: Path) -> list[dict[str, Any]]:
    gold, problems = [], []
    for number, record in jsonl_records(path):
        missing = [k for k in ("article", "actor", "action", "target") if not record.get(k)]
        if missing:
            problems.append(f"{path}:{number}: missing {', '.join(missing)}")
        elif record["action"] not in ACTIONS:
            problems.append(
                f"{path}:{number}: action '{record['action']}' is not one of: {', '.join(ACTIONS)}"
            )
        else:
            gold.append(record)
    if problems:
        raise InputError(problems)
    return gold


def _key(registry: Registry, name: str) -> str:
    try:
        return registry.resolve(name).id
    except (UnknownName, AmbiguousName):
        # "The Puget Ledger" and "Puget Ledger" name one newspaper: a leading article is not the name
        return re.sub(r"^the ", "", normalize(name))


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1, 4)}  # fmt: skip


def score(
    gold: list[dict[str, Any]],
    events: Iterable[Event],
    registry: Registry,
    articles: Iterable[str],
    undated: Iterable[str] = (),
) -> dict[str, Any]:
    """Precision, recall and F1 overall and per action, date accuracy, misses and false positives.
    Only the gold events of `articles` (the files given) count. `undated` names the articles with
    no publication date: any date their events carry is listed (a date must never be invented)."""
    scope = set(articles)
    wanted: dict[tuple, dict[str, Any]] = {}
    for g in gold:
        if g["article"] in scope:
            key = (g["article"], _key(registry, g["actor"]), g["action"], _key(registry, g["target"]))
            wanted.setdefault(key, g)
    got: dict[tuple, Event] = {}
    for e in events:
        key = (e.source.id, _key(registry, e.actor), e.action.value, _key(registry, e.target))
        got.setdefault(key, e)
    tp, fp, fn = Counter(), Counter(), Counter()
    for key in wanted.keys() | got.keys():
        action = key[2]
        if key in wanted and key in got:
            tp[action] += 1
        elif key in got:
            fp[action] += 1
        else:
            fn[action] += 1
    dated = correct = 0
    wrong_dates = []
    for key, g in wanted.items():
        if g.get("date") and key in got:
            dated += 1
            allowed = {g["date"], *g.get("date_alternatives", [])}
            extracted = got[key].date.isoformat() if got[key].date else None
            if extracted in allowed:
                correct += 1
            else:
                wrong_dates.append({**_row(g), "gold_date": g["date"], "extracted": _when(got[key])})
    undated_set = set(undated)
    invented = [
        {**_event_row(e), "when": _when(e)}
        for e in got.values()
        if e.source.id in undated_set
        and (e.date or e.not_before or e.not_after)
        and not re.search(r"\b\d{4}\b", e.date_text or "")  # a date with its year is stated, not invented
    ]
    return {
        "articles": len(scope),
        "gold_events": len(wanted),
        "extracted_events": len(got),
        "overall": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "per_action": {
            a: _prf(tp[a], fp[a], fn[a]) for a in ACTIONS if tp[a] or fp[a] or fn[a]
        },
        "dates": {"dated_gold_matched": dated, "correct": correct,
                  "accuracy": round(correct / dated, 4) if dated else 1.0, "wrong": wrong_dates},
        "invented_dates": invented,
        "misses": [_row(wanted[k]) for k in sorted(wanted.keys() - got.keys())],
        "false_positives": [_event_row(got[k]) for k in sorted(got.keys() - wanted.keys())],
    }  # fmt: skip


def _row(g: dict[str, Any]) -> dict[str, Any]:
    return {k: g[k] for k in ("article", "actor", "action", "target")}


def _event_row(e: Event) -> dict[str, Any]:
    return {"article": e.source.id, "actor": e.actor, "action": e.action.value, "target": e.target,
            "evidence": e.evidence}  # fmt: skip


def _when(e: Event) -> str | None:
    if e.date:
        return e.date.isoformat()
    if e.not_before or e.not_after:
        return f"{e.not_before or ''}..{e.not_after or ''}"
    return None
