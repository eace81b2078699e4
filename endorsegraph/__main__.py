"""`python -m endorsegraph` and the `endorsegraph` command: Ctrl-C at any moment, start-up included,
is one line, not a traceback."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import cli  # the heavy imports happen here, inside the handler

        cli()
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
