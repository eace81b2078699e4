"""Progress bars for long work (loads, extraction, push): on standard error when it is a terminal,
and only once the work has lasted a moment (quick commands and loads served from the cache never
flash one); nothing when piped, where rich is not even loaded."""

from __future__ import annotations

import os
import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["Bar", "LoadProgress"]


class Bar:
    """`bar(done, total)` as the work goes; use as a context manager, which gives None when piped.
    The bar appears from a timer, not from an update, because a load's updates are few and far
    apart (a file read, the names resolved): it must show up between them."""

    def __init__(self, what: str, console: Console | None = None, after: float = 1.0):
        self.what = what
        self.console = console  # None: standard error's
        self.after = after
        self.state: tuple[str, int, int | None] = (what, 0, None)
        self.bar = None
        self.task = None
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def __enter__(self) -> Bar | None:
        if self.console is None:
            # rich takes FORCE_COLOR as "standard error is a terminal"
            if not (sys.stderr.isatty() or os.environ.get("FORCE_COLOR")):
                return None
            from rich.console import Console

            self.console = Console(stderr=True)
        if not self.console.is_terminal:
            return None
        self.timer = threading.Timer(self.after, self._show)
        self.timer.daemon = True
        if self.after <= 0:
            self._show()  # at once, not whenever the timer's thread gets to run
        else:
            self.timer.start()
        return self

    def __call__(self, done: int, total: int) -> None:
        self.update(self.what, done, total)

    def update(self, description: str, done: int, total: int | None) -> None:
        with self.lock:
            self.state = (description, done, total)
            if self.bar is not None:
                self.bar.update(self.task, description=description, completed=done, total=total)

    def _show(self) -> None:
        from rich.progress import Progress

        with self.lock:
            if self.timer is None:  # the work ended meanwhile
                return
            description, done, total = self.state
            self.bar = Progress(console=self.console, transient=True)
            self.task = self.bar.add_task(description, completed=done, total=total)
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


class LoadProgress(Bar):
    """`progress(step, done, total)` for `api.load`; a load served from the cache takes about a
    second, so its bar waits two."""

    def __init__(self, console: Console | None = None, after: float = 2.0):
        super().__init__("loading: reading", console, after)

    def __call__(self, step: str, done: int, total: int) -> None:  # type: ignore[override]
        self.update(f"loading: {step}", done, total)
