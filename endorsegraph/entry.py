"""The `endorsegraph` command's entry point: Ctrl-C at any moment, start-up included, is one line."""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> None:
    try:
        from .cli import cli  # the heavy imports happen here, inside the handler

        cli()
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        sys.exit(130)
