"""Removing a user with a re-key survives a kill at any point (issue 19, item 1).

A child process runs ``tipdesk users remove`` and is killed with SIGKILL: at the Nth
file-system step it takes (before or after each rename, sync and delete), and at random
moments. Then a remaining user opens the register, which must work and say in the log
that a half-done re-key was finished or rolled back; the removed user's copy of the old
``register.keys`` (taken before the removal) must open nothing after a finished removal,
and after a rolled-back one the user is still there and removing them again completes.
No temporary file is left behind.
"""

from __future__ import annotations

import json
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.helpers import PASSWORD, add_account, copy_register, dead_pid, new_register, sign_in
from tipdesk.domain.errors import RegisterDamaged, UnknownUser
from tipdesk.security.keyslots import KeyFile
from tipdesk.services import backup
from tipdesk.services.access import rekey, users
from tipdesk.services.check import check_register
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.register import register_users
from tipdesk.storage import files
from tipdesk.storage.connection import open_database

ROOT = Path(__file__).resolve().parents[3]
REMOVED = "budi"

# The child: os.replace, os.rename, os.fsync and os.unlink (every rename, sync and delete
# TipDesk makes) count their calls; at the Nth, before or after it runs, the process
# kills itself. It says "calls=<n>" on stderr if it lives to the end.
CHILD = r"""
import os, signal, sys
folder, kill_at, when = sys.argv[1], int(sys.argv[2]), sys.argv[3]
calls = [0]

def counted(real):
    def call(*args, **kwargs):
        calls[0] += 1
        if calls[0] == kill_at and when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        result = real(*args, **kwargs)
        if calls[0] == kill_at and when == "after":
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return call

for name in ("replace", "rename", "fsync", "unlink"):
    setattr(os, name, counted(getattr(os, name)))

if when == "signal":      # the parent kills us at a moment of its choosing
    from tipdesk.services.access import rekey
    real_rekey = rekey.rekey
    def announced(*args, **kwargs):
        print("start", flush=True)
        result = real_rekey(*args, **kwargs)
        print("done", flush=True)
        return result
    rekey.rekey = announced

from tipdesk.cli import main
code = main(["users", "remove", folder, "budi", "--user", "admin"])
sys.stderr.write(f"calls={calls[0]}\n")
sys.exit(code)
"""


def _env(tmp: Path) -> dict:
    env = dict(
        os.environ,
        TIPDESK_PASSWORD=PASSWORD,
        TIPDESK_LANG="en",
        XDG_STATE_HOME=str(tmp / "state"),
        XDG_DATA_HOME=str(tmp / "data"),
        PYTHONPATH=str(ROOT),
    )
    env.pop("TIPDESK_USER", None)
    return env


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A register with an admin, the user to remove and one who stays, cases, and a daily
    backup that holds the user's slot; with the user's copy of the key file."""
    base = tmp_path_factory.mktemp("rekey")
    created = new_register(base / "register")
    with sign_in(created.folder, "admin") as s:
        add_account(s, REMOVED, "caseworker")
        add_account(s, "ani", "caseworker")
        add_demo_cases(s, 400, seed=3)
        backup.daily_backup(s)
    stolen = base / "stolen.keys"
    shutil.copy(created.folder / "register.keys", stolen)
    old_key = KeyFile.load(stolen).unlock(REMOVED, PASSWORD)
    return {"folder": created.folder, "stolen": stolen, "old_key": old_key, "base": base}


def _run_child(folder: Path, kill_at: int, when: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(kill_at), when],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _started_rekey(folder: Path, env: dict) -> subprocess.Popen:
    """A child removing the user, once it says its re-key has started."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), "0", "signal"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "start"
    return child


def _opens_with(folder: Path, key: bytes) -> bool:
    try:
        open_database(folder / "register.db", key).close()
    except RegisterDamaged:
        return False
    return True


def _backup_slots(folder: Path) -> list[list[str]]:
    found = []
    for path in backup.backups_in(folder):
        with zipfile.ZipFile(path) as zf:
            found.append([s["name"] for s in json.loads(zf.read("register.keys"))["slots"]])
        backup.read_manifest(path)  # still a whole backup
    return found


def _leftovers(folder: Path) -> list[str]:
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if files.is_temp_name(p.name) or p.name.endswith(("-journal", ".rekey"))
    )


def _settle_and_judge(
    template, folder: Path, caplog, monkeypatch, heard: list[str] | None = None
) -> str:
    """Open the register as the user who stays, as the next program would; check it is
    wholly before or wholly after the removal, and return which ("old" or "new")."""
    intent = KeyFile.load(folder / "register.keys").rekey
    replaced = not _opens_with(folder, template["old_key"])
    # The next program started after the killed one ended: its leftovers are old.
    monkeypatch.setattr(files, "PROCESS_STARTED", time.time())
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="tipdesk"), sign_in(folder, "ani") as s:
        assert s.user.username == "ani"
    said = " ".join(r.getMessage() for r in caplog.records if r.name == rekey.__name__)
    if heard is not None:
        heard.append(said)
    if intent:
        assert "finished" in said or "rolled back" in said, (intent, replaced)
    elif replaced:  # (killed after its last step: nothing left to settle)
        assert said == ""
    assert KeyFile.load(folder / "register.keys").rekey is None
    assert _leftovers(folder) == []
    stolen_key = KeyFile.load(template["stolen"]).unlock(REMOVED, PASSWORD)
    if _opens_with(folder, stolen_key):
        # Rolled back (or never started): the user is wholly there...
        assert "finished" not in said
        assert REMOVED in register_users(folder)
        sign_in(folder, REMOVED).close()
        assert all(REMOVED in slots for slots in _backup_slots(folder))
        return "old"
    # ...or wholly gone: their old key file opens nothing, their slot is nowhere.
    assert "rolled back" not in said
    assert REMOVED not in register_users(folder)
    with pytest.raises(UnknownUser):
        sign_in(folder, REMOVED)
    assert all(REMOVED not in slots for slots in _backup_slots(folder))
    with sign_in(folder, "admin") as s:
        assert {a.username: a.status for a in users.list_accounts(s)}[REMOVED] == "removed"
        assert check_register(s).ok
    return "new"


def _remove_again(template, folder: Path) -> None:
    """After a rollback the removal can be made again, and then it holds."""
    with sign_in(folder, "admin") as s:
        removed = users.remove_user(s, REMOVED, rekey=True)
        assert removed.rekeyed and removed.backups == 1
        assert check_register(s).ok
    assert not _opens_with(folder, template["old_key"])
    assert REMOVED not in register_users(folder)
    assert all(REMOVED not in slots for slots in _backup_slots(folder))
    sign_in(folder, "ani").close()
    assert _leftovers(folder) == []


@pytest.mark.slow
def test_a_removal_killed_at_every_step_is_finished_or_rolled_back(
    template, tmp_path, caplog, monkeypatch
):
    env = _env(tmp_path)
    # How many counted steps a whole removal takes.
    whole = _run_child(copy_register(template["folder"], tmp_path / "whole"), 0, "never", env)
    assert whole.returncode == 0, whole.stderr
    steps = int(whole.stderr.rsplit("calls=", 1)[1].split()[0])
    assert steps >= 10
    runs = [(n, when) for n in range(1, steps + 1) for when in ("before", "after")]
    folders = {
        run: copy_register(template["folder"], tmp_path / f"{run[0]}-{run[1]}") for run in runs
    }
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = dict(
            zip(
                runs,
                pool.map(lambda run: _run_child(folders[run], run[0], run[1], env), runs),
                strict=True,
            )
        )
    outcomes, heard = {}, []
    for run in runs:
        assert results[run].returncode == -signal.SIGKILL, (run, results[run].stderr)
        folder = folders[run]
        outcomes[run] = _settle_and_judge(template, folder, caplog, monkeypatch, heard)
        if outcomes[run] == "old":
            _remove_again(template, folder)
    # The kills fell on both sides of the commit point, and on half-done re-keys of both
    # kinds.
    assert {"old", "new"} <= set(outcomes.values()), outcomes
    assert any("finished" in said for said in heard)
    assert any("rolled back" in said for said in heard)


@pytest.mark.slow
def test_a_removal_killed_at_random_moments_is_finished_or_rolled_back(
    template, tmp_path, caplog, monkeypatch
):
    env = _env(tmp_path)
    # How long the re-key itself takes here, between the child's "start" and "done".
    timings = []
    for i in range(2):
        folder = copy_register(template["folder"], tmp_path / f"timing-{i}")
        child = _started_rekey(folder, env)
        began = time.monotonic()
        assert child.stdout.readline().strip() == "done"
        timings.append(time.monotonic() - began)
        child.wait(timeout=60)
    span = max(timings)
    rng = random.Random(19)
    outcomes = []
    for i in range(10):
        folder = copy_register(template["folder"], tmp_path / f"random-{i}")
        child = _started_rekey(folder, env)
        time.sleep(rng.uniform(0, span))
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        outcome = _settle_and_judge(template, folder, caplog, monkeypatch)
        if outcome == "old":
            _remove_again(template, folder)
        outcomes.append(outcome)
    assert len(outcomes) == 10


def test_a_rollback_puts_back_the_new_key_others_had_not_followed_yet(template, tmp_path):
    """A user who has not signed in since an earlier re-key keeps reaching the register
    when a later one is rolled back."""
    folder = copy_register(template["folder"], tmp_path)
    with sign_in(folder, "admin") as s:
        add_account(s, "cici", "caseworker")
        users.remove_user(s, "ani", rekey=True)  # cici has a pending key now
        before = KeyFile.load(folder / "register.keys").slots
        tmp = files.temp_path(folder / "register.db")
        tmp.write_bytes(b"half an export")
        keys = KeyFile.load(folder / "register.keys")
        keys.rekey = {
            "stage": "ready",
            "db": tmp.name,
            "pid": dead_pid(),
            "salt": "00" * 16,
            "removed": REMOVED,
            "next": [],
            "before": before,
        }
        for slot in keys.slots:
            slot.pop("pending", None)
        keys.save()
    assert rekey.settle(folder) == "rolled_back"
    assert not tmp.exists()
    sign_in(folder, "cici").close()
    sign_in(folder, REMOVED).close()


def test_another_program_with_the_register_open_stops_a_rekey(template, tmp_path):
    from tipdesk.domain.errors import RegisterBusy

    folder = copy_register(template["folder"], tmp_path)
    with sign_in(folder, "ani"), sign_in(folder, "admin") as s:
        with pytest.raises(RegisterBusy):
            users.remove_user(s, REMOVED, rekey=True)
        assert REMOVED in register_users(folder)
        assert _leftovers(folder) == []
        assert KeyFile.load(folder / "register.keys").rekey is None
        assert check_register(s).ok  # the session goes on, as before
    with sign_in(folder, "admin") as s:
        assert users.remove_user(s, REMOVED, rekey=True).rekeyed


def test_removing_a_user_takes_their_slot_out_of_the_backups(template, tmp_path):
    folder = copy_register(template["folder"], tmp_path)
    assert [REMOVED in slots for slots in _backup_slots(folder)] == [True]
    junk = folder / "backups" / "copied-by-hand.tipbackup"
    junk.write_bytes(b"not a backup")  # left as it is, and no obstacle
    seen = []
    with sign_in(folder, "admin") as s:
        removed = users.remove_user(
            s, REMOVED, rekey=False, progress=lambda d, t: seen.append((d, t))
        )
    assert removed.backups == 1 and seen and seen[-1][0] == seen[-1][1]
    junk.unlink()
    assert [REMOVED in slots for slots in _backup_slots(folder)] == [False]
    restored = backup.restore_backup(
        backup.backups_in(folder)[0], tmp_path / "restored", "admin", PASSWORD
    )
    assert restored.username == "admin"
    with pytest.raises(UnknownUser):
        sign_in(tmp_path / "restored", REMOVED)
    assert _leftovers(folder) == []


def test_a_rekey_reports_progress_to_the_end(template, tmp_path):
    folder = copy_register(template["folder"], tmp_path)
    seen = []
    with sign_in(folder, "admin") as s:
        users.remove_user(s, REMOVED, rekey=True, progress=lambda d, t: seen.append((d, t)))
    assert len(seen) > 2 and seen[-1][0] == seen[-1][1]
    assert all(d <= t for d, t in seen)


def test_the_copy_an_earlier_version_left_is_removed_at_the_next_open(
    template, tmp_path, monkeypatch
):
    folder = copy_register(template["folder"], tmp_path)
    old = folder / ".register.db.0123456789ab.rekey"
    old.write_bytes(os.urandom(4096))
    other = folder / "notes.rekey"  # not a name TipDesk ever wrote
    other.write_bytes(b"x")
    monkeypatch.setattr(files, "PROCESS_STARTED", time.time() + 1)
    sign_in(folder, "ani").close()
    assert not old.exists() and other.exists()
