"""A progress bar for long loads: on standard error when it is a terminal, and only once the load
has taken a few seconds (a load served from the cache never flashes one); nothing when piped."""

from __future__ import annotations

import os
import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["LoadProgress"]


class LoadProgress:
    """`progress(step, done, total)` for `api.load`; use as a context manager around the load."""

    def __init__(self, console: Console | None = None, after: float = 2.0):
        self.console = console  # None: standard error's
        self.after = after
        self.state: tuple[str, int, int] | None = None
        self.bar = None
        self.task = None
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def __enter__(self) -> LoadProgress | None:
        if self.console is None:
            # Piped (and rich not told otherwise): no bar, and rich is not even loaded.
            if not (sys.stderr.isatty() or os.environ.get("FORCE_COLOR")):
                return None
            from rich.console import Console

            self.console = Console(stderr=True)
        if not self.console.is_terminal:
            return None
        self.timer = threading.Timer(self.after, self._show)
        self.timer.daemon = True
        self.timer.start()
        return self

    def __call__(self, step: str, done: int, total: int) -> None:
        with self.lock:
            self.state = (step, done, total)
            if self.bar is not None:
                self.bar.update(self.task, description=f"loading: {step}", completed=done, total=total)

    def _show(self) -> None:
        from rich.progress import Progress

        with self.lock:
            if self.timer is None:  # the load ended meanwhile
                return
            step, done, total = self.state or ("reading", 0, 1)
            self.bar = Progress(console=self.console, transient=True)
            self.task = self.bar.add_task(f"loading: {step}", completed=done, total=total)
            self.bar.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            if self.bar is not None:
                self.bar.stop()
                self.bar = None
