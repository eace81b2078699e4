"""The one error type for bad input: every problem names its place ("file:line: field ...")."""

from __future__ import annotations

__all__ = ["MAX_LINE", "InputError", "clip"]

MAX_LINE = 400  # characters of one error or warning line; input echoed in it can be any size


def clip(line: str, limit: int = MAX_LINE) -> str:
    """`line` cut to `limit` characters, saying how much was left out."""
    if len(line) <= limit:
        return line
    return f"{line[: limit - 30]}… ({len(line) - limit + 30:,} more characters)"


class InputError(ValueError):
    """Bad input. `problems` holds one line per problem, each starting with "file:line:"."""

    def __init__(self, problems: list[str]):
        self.problems = [clip(" ".join(str(p).splitlines())) for p in problems]
        super().__init__("\n".join(self.problems))
