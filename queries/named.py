"""The library of named Cypher queries (queries/cypher/*.cypher) and typed parameter values.

Each file starts with comment lines: `// NAME: purpose`, more description, and one
`// @param NAME TYPE [optional]: description` line per parameter (TYPE is string, date or int).
Values reach the query only as $parameters.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = ["NamedQuery", "Param", "named_queries", "named_query", "parse_param"]

_PARAM_LINE = re.compile(r"^//\s*@param\s+(\w+)\s+(string|date|int)(\s+optional)?\s*:?\s*(.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    optional: bool
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    purpose: str
    params: tuple[Param, ...]

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Parameters for a run: declared ones checked and coerced, optional ones default to null."""
        declared = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise ValueError(
                f"query '{self.name}' has no parameter '{unknown[0]}' "
                f"(it takes: {', '.join(declared) or 'none'})"
            )
        bound: dict[str, Any] = {}
        for p in self.params:
            if p.name not in given or given[p.name] is None:
                if not p.optional:
                    raise ValueError(f"query '{self.name}' needs the parameter {p.name}=… ({p.description})")
                bound[p.name] = None
                continue
            value = given[p.name]
            if p.type == "date" and isinstance(value, str):
                value = _date(value, p.name)
            if p.type == "date" and not isinstance(value, dt.date):
                raise ValueError(f"parameter {p.name} must be a date (date:YYYY-MM-DD)")
            if p.type == "string" and not isinstance(value, str):
                value = str(value)
            bound[p.name] = value
        return bound


def _folder():
    return resources.files("endorsegraph.queries") / "cypher"


def _parse(name: str, text: str) -> NamedQuery:
    lines = text.splitlines()
    purpose = lines[0].removeprefix("//").strip() if lines and lines[0].startswith("//") else ""
    purpose = purpose.removeprefix(f"{name}:").strip()
    params = tuple(
        Param(m.group(1), m.group(2), bool(m.group(3)), m.group(4).strip())
        for m in (_PARAM_LINE.match(line.strip()) for line in lines)
        if m
    )
    return NamedQuery(name, text, purpose, params)


def named_queries() -> dict[str, NamedQuery]:
    """Every named query, by name."""
    out = {}
    for entry in sorted(_folder().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            name = entry.name.removesuffix(".cypher")
            out[name] = _parse(name, entry.read_text(encoding="utf-8"))
    return out


def named_query(name: str) -> NamedQuery | None:
    return named_queries().get(name)


def _date(text: str, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"parameter {name}: '{text}' is not a date (YYYY-MM-DD)") from None


def _int64(value: int, key: str) -> int:
    """Cypher integers are 64-bit: a bigger one is refused here, in one line, not by the engine."""
    if not -(2**63) <= value < 2**63:
        raise ValueError(f"parameter {key}: the number is outside 64-bit integers")
    return value


def parse_param(text: str) -> tuple[str, Any]:
    """`key=value` with a typed value: date:YYYY-MM-DD, str:TEXT, int:N, float:X, whole and decimal
    numbers as numbers, true/false, null; anything else is a string."""
    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep or not re.fullmatch(r"[A-Za-z_]\w*", key):
        raise ValueError(f"parameter '{text}' is not key=value")
    prefix, colon, rest = raw.partition(":")
    if colon and prefix in ("date", "str", "int", "float"):
        try:
            value: Any = {
                "date": lambda v: _date(v, key),
                "str": str,
                "int": int,
                "float": float,
            }[prefix](rest)
        except ValueError as err:
            raise ValueError(f"parameter {key}: {err}") from None
        return key, _int64(value, key) if isinstance(value, int) else value
    if re.fullmatch(r"-?\d+", raw):
        return key, _int64(int(raw) if len(raw) < 30 else 2**64, key)
    if re.fullmatch(r"-?\d+\.\d*(e-?\d+)?", raw):
        return key, float(raw)
    if raw in ("true", "false"):
        return key, raw == "true"
    if raw == "null":
        return key, None
    return key, raw
