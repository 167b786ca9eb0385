"""The command line's log: what an open of the register cleaned up or settled is written
to the user's log file (never a name), as the desktop app's is."""

from __future__ import annotations

import os

from tests.cli.conftest import run
from tipdesk import paths


def test_leftovers_a_killed_command_left_are_logged_by_the_next_one(env, demo, capsys):
    # What a backup killed by a power cut leaves: a temporary name of a process long gone.
    left = demo / "backups" / ".register-x.tipbackup.999999-0123456789ab.tipdesk-tmp"
    left.write_bytes(b"half a backup")
    os.utime(left, (0, 0))
    code, _, _ = run(capsys, "search", demo, "a")
    assert code == 0 and not left.exists()
    text = paths.log_file().read_text(encoding="utf-8")
    assert (
        "removed 1 temporary file(s) an interrupted TipDesk left in the register's backups folder"
    ) in text
    assert left.name not in text
