"""-o writes the file the user meant, whole or not at all, with the mode they expect."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from endorsegraph.cli import cli
from endorsegraph.outputs.files import OutputError, write_atomically


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_symlink_is_followed_and_stays_a_link(tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    write_atomically(link, "new\n")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == "new\n"
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "made-by-the-write.csv")
    write_atomically(dangling, "x\n")
    assert dangling.is_symlink() and (tmp_path / "made-by-the-write.csv").read_text() == "x\n"


def test_mode_of_an_existing_file_is_kept_and_a_new_one_follows_the_umask(tmp_path):
    existing = tmp_path / "shared.csv"
    existing.write_text("old\n")
    existing.chmod(0o664)
    write_atomically(existing, "new\n")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o664
    old = os.umask(0o027)
    try:
        write_atomically(tmp_path / "new.csv", "new\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640  # not 0600


def test_character_devices_are_written_through_and_never_replaced(tmp_path):
    before = os.stat("/dev/null")
    write_atomically("/dev/null", "x" * 100)
    after = os.stat("/dev/null")
    assert (before.st_ino, before.st_rdev) == (after.st_ino, after.st_rdev) and stat.S_ISCHR(after.st_mode)
    with pytest.raises(OutputError, match=r"cannot write /dev/full: no space left on the device"):
        write_atomically("/dev/full", "x")


def test_a_fifo_is_written_through_or_refused_when_nobody_reads(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="a FIFO that no process is reading"):
        write_atomically(fifo, "x")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    for _ in range(200):  # wait until the reader has the FIFO open
        try:
            write_atomically(fifo, "through the pipe\n")
            break
        except OutputError:
            threading.Event().wait(0.01)
    reader.join(10)
    assert received == [b"through the pipe\n"] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_missing_folder_and_folder_target_are_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["withdrawals", "--csv", "-o", str(tmp_path / "nope" / "w.csv")])
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error")] == [
        f"error: cannot write {tmp_path / 'nope' / 'w.csv'}: no such folder {tmp_path / 'nope'}"
    ]
    with pytest.raises(OutputError, match="is a folder"):
        write_atomically(tmp_path, "x")


def test_file_size_limit_leaves_the_old_file_and_no_temporary(tmp_path):
    """A process limited to 1 KiB per file: one error line, exit 1, old file intact."""
    old = tmp_path / "w.csv"
    old.write_text("the old report\n")
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))\n"
        "from endorsegraph.__main__ import main\n"
        f"sys.argv = ['endorsegraph', 'timeline', '--csv', '-o', {str(old)!r}]\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    errors = [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]
    assert (result.returncode, errors) == (1, [f"error: cannot write {old}: over the file-size limit"])
    assert old.read_text() == "the old report\n" and _leftovers(tmp_path) == []


def test_cli_writes_to_dev_stdout(tmp_path):
    code = (
        "import sys\nfrom endorsegraph.__main__ import main\n"
        "sys.argv = ['endorsegraph', 'withdrawals', '--csv', '-o', '/dev/stdout']\nmain()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.startswith("date,not_before,not_after,endorser")
