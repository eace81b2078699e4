"""Writing an output file: all of it or nothing, to the file the user meant, with the mode they expect.

A regular file (or a new one) is written to a temporary file beside it and renamed over it, so a
reader never sees half a file and a failure leaves the old one intact. A symbolic link is followed:
its target is what gets replaced, the link stays. A character device (/dev/stdout, /dev/null, a
terminal) or a FIFO is written through, as a shell's `>` would; anything else is refused.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["OutputError", "write_atomically"]


class OutputError(OSError):
    """An output that cannot be written, in one line naming the file."""


def write_atomically(path: str | Path, content: str | bytes) -> None:
    """Write `content` to `path`: atomically for regular files, through for devices and FIFOs.
    Raises OutputError in one line; on failure the old file is intact and no temporary is left."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        info = os.stat(path)  # follows links
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise _error(path, err) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(path, info.st_mode, data)
        return
    target = Path(os.path.realpath(path))  # a link's target (even a dangling link's) is replaced
    mode = stat.S_IMODE(info.st_mode) if info else 0o666 & ~_umask()
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as err:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise _error(path, err) from None
    except BaseException:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise


def _write_through(path: Path, mode: int, data: bytes) -> None:
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a folder; give a file name")
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        raise OutputError(f"{path}: not a regular file, a character device or a FIFO: refusing to write")
    try:
        # Non-blocking open: a FIFO that nobody reads is an error, not a hang.
        handle = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as err:
        if err.errno == errno.ENXIO:
            raise OutputError(f"{path}: a FIFO that no process is reading") from None
        raise _error(path, err) from None
    try:
        flags = fcntl.fcntl(handle, fcntl.F_GETFL)
        fcntl.fcntl(handle, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        with os.fdopen(handle, "wb", closefd=True) as out:
            out.write(data)
    except OSError as err:
        raise _error(path, err) from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _error(path: Path, err: OSError) -> OutputError:
    reason = err.strerror or str(err)
    if err.errno == errno.EFBIG:
        reason = "over the file-size limit"
    elif err.errno == errno.ENOSPC:
        reason = "no space left on the device"
    elif err.errno == errno.ENOENT:
        reason = f"no such folder {path.parent}"
    return OutputError(f"cannot write {path}: {reason}")
