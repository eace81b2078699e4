"""What changed between two snapshots of FiveThirtyEight's 2020 tracker: switches, new, dropped.

The tracker overwrites an endorser's row when they switch, so a switch is seen only by comparing
snapshots. Endorsers are matched by name (middle initials, punctuation and suffixes ignored), state
and position. A switch closes the old endorsement with `supersede` (never a withdrawal) on the day
of the new endorsement; an endorsement that disappeared (the endorser left the tracker, or is listed
without a pick) is closed with `supersede` between the two snapshot days and flagged as dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..graph.events import Event
from .fivethirtyeight import (
    RACE,
    Snapshot,
    TrackerRow,
    candidate_ids,
    endorse_event,
    endorser_id,
    name_key,
    row_source,
)

__all__ = ["CHANGE_COLUMNS", "SnapshotDiff", "change_events", "diff", "snapshot_events"]

CHANGE_COLUMNS = ("change", "endorser", "position", "state", "from", "to", "date", "not_before", "not_after",
                  "why", "source")  # fmt: skip


@dataclass
class SnapshotDiff:
    old: Snapshot
    new: Snapshot
    switches: list[tuple[TrackerRow, TrackerRow]] = field(default_factory=list)  # (old row, new row)
    new_endorsements: list[tuple[TrackerRow | None, TrackerRow]] = field(default_factory=list)
    dropped: list[tuple[TrackerRow, TrackerRow | None]] = field(default_factory=list)

    def dropped_between(self) -> tuple[dt.date | None, dt.date | None]:
        """Bounds of the day a dropped endorsement ended: after the old snapshot (it was listed
        then), by the new one."""
        after = self.old.day + dt.timedelta(days=1) if self.old.day else None
        return after, self.new.day

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        """JSON-ready rows in three lists, columns as CHANGE_COLUMNS."""
        lo, hi = self.dropped_between()
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        switches = [
            _row("switch", new, old.endorsee, new.endorsee, iso(new.date), None, None, None, new.url)
            for old, new in self.switches
        ]
        fresh = [
            _row("new", new, None, new.endorsee, iso(new.date), None, None, None, new.url)
            for _, new in self.new_endorsements
        ]
        dropped = [
            _row("dropped", old, old.endorsee, None, None, iso(lo), iso(hi), _why_dropped(now), old.url)
            for old, now in self.dropped
        ]
        return {"switches": switches, "new": fresh, "dropped": dropped}


def _row(change, row, before, after, date, lo, hi, why, url) -> dict[str, Any]:
    values = (change, row.endorser, row.position, row.state, before, after, date, lo, hi, why, url)
    return dict(zip(CHANGE_COLUMNS, values, strict=True))


def _why_dropped(now: TrackerRow | None) -> str:
    return "no longer in the tracker" if now is None else "in the tracker without a pick"


def diff(old: Snapshot, new: Snapshot) -> SnapshotDiff:
    """Endorsers whose pick changed, endorsements new in `new`, and those that disappeared; each
    list in the order of the new endorsement's date (dropped ones by endorser)."""
    result = SnapshotDiff(old, new)
    before, after = old.by_endorser(), new.by_endorser()
    for key, now in after.items():
        then = before.get(key)
        if not now.endorsee:
            continue
        if then is None or not then.endorsee:
            result.new_endorsements.append((then, now))
        elif name_key(then.endorsee) != name_key(now.endorsee):
            result.switches.append((then, now))
    for key, then in before.items():
        now = after.get(key)
        if then.endorsee and (now is None or not now.endorsee):
            result.dropped.append((then, now))
    by_day = lambda pair: (pair[1].date or dt.date.max, pair[1].endorser.casefold())  # noqa: E731
    result.switches.sort(key=by_day)
    result.new_endorsements.sort(key=by_day)
    result.dropped.sort(key=lambda pair: pair[0].endorser.casefold())
    return result


def change_events(old: Snapshot, new: Snapshot, candidates: dict[str, str]) -> list[Event]:
    """The `supersede` events two consecutive snapshots imply (their `endorse` events are read
    from the rows themselves)."""
    d = diff(old, new)
    span = f"{old.day or 'undated'} and {new.day or 'undated'}"
    events: list[Event] = []
    for then, now in d.switches:
        assert then.endorsee and now.endorsee
        dates = (
            {"date": now.date} if now.date else {"not_before": d.dropped_between()[0], "not_after": new.day}
        )
        events.append(
            Event(
                actor=endorser_id(now),
                action="supersede",
                target=candidates[name_key(then.endorsee)],
                **dates,
                race=RACE,
                source=row_source(now, new.path),
                note=f"switched to {now.endorsee} (FiveThirtyEight snapshots of {span})",
                origin=f"{new.path}:{now.line}",
            )
        )
    lo, hi = d.dropped_between()
    for then, now in d.dropped:
        assert then.endorsee
        events.append(
            Event(
                actor=endorser_id(then),
                action="supersede",
                target=candidates[name_key(then.endorsee)],
                not_before=lo,
                not_after=hi,
                race=RACE,
                source=row_source(then, old.path),
                note=f"dropped from the FiveThirtyEight tracker between {span} ({_why_dropped(now)})",
                origin=f"{old.path}:{then.line}",
            )
        )
    return events


def snapshot_events(snapshots: list[Snapshot]) -> list[Event]:
    """One `endorse` event per row with an endorsee, in every snapshot (the same endorsement in two
    snapshots is one fact with one source), plus what consecutive snapshots say changed: see `diff`."""
    candidates = candidate_ids(snapshots)
    events = [
        endorse_event(row, snapshot, candidates)
        for snapshot in snapshots
        for row in snapshot.rows
        if row.endorsee
    ]
    ordered = sorted(snapshots, key=_by_day)
    for old, new in zip(ordered, ordered[1:], strict=False):
        events += change_events(old, new, candidates)
    return events


def _by_day(snapshot: Snapshot) -> tuple:
    return (snapshot.day or dt.date.min, str(snapshot.path))
