"""Questions answered over the graph: plain functions returning rows (lists of dicts)."""

from .reports import (
    ASOF_COLUMNS,
    COMPARE_COLUMNS,
    STOOD_BY_COLUMNS,
    TIMELINE_COLUMNS,
    WITHDRAWAL_COLUMNS,
    as_of,
    compare,
    entity_profile,
    resolve,
    stood_by,
    timeline,
    withdrawals,
)

__all__ = [
    "ASOF_COLUMNS",
    "COMPARE_COLUMNS",
    "STOOD_BY_COLUMNS",
    "TIMELINE_COLUMNS",
    "WITHDRAWAL_COLUMNS",
    "as_of",
    "compare",
    "entity_profile",
    "resolve",
    "stood_by",
    "timeline",
    "withdrawals",
]
