"""The one error type for bad input: every problem names its place ("file:line: field ...")."""

from __future__ import annotations

__all__ = ["InputError"]


class InputError(ValueError):
    """Bad input. `problems` holds one line per problem, each starting with "file:line:"."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))
