"""Leftovers (issue 19, item 5): every temporary name TipDesk writes ends ``.tipdesk-tmp``,
and what a killed process left is removed by the next open of the register, or the next
write to the same folder, with a line in the log that names no file; what another
running process is writing, and the files of SQLite or of anyone else, are left alone.

Each test kills (SIGKILL) a child process stopped in the middle of its write."""

from __future__ import annotations

import datetime as dt
import fnmatch
import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.helpers import (
    PASSWORD,
    TODAY,
    copy_offices,
    dead_pid,
    new_case,
    new_register,
    sign_in,
    stick_in,
)
from tipdesk import cli
from tipdesk.services import backup, letters, sync
from tipdesk.services.register import open_register
from tipdesk.storage import files

SUFFIX = ".tipdesk-tmp"
NAME = "Maria Goreti Bria"  # new_case's person: never in the log
SPAWN = multiprocessing.get_context("spawn")


# --- the child that is killed ----------------------------------------------------------


def _child(job: str, args: list[str], stop_at: str, marker: str) -> None:
    """Child process: run ``job`` and stop for good, once ``marker`` is written, at the
    first flush of a file whose path matches the pattern ``stop_at`` (a restore: once the
    register is built, before it takes its name), to be killed there."""
    real_fsync = os.fsync

    def stop() -> None:
        Path(marker).write_text(str(os.getpid()))
        time.sleep(600)

    def fsync(fd: int) -> None:
        if fnmatch.fnmatch(os.readlink(f"/proc/self/fd/{fd}"), stop_at):
            stop()
        real_fsync(fd)

    os.fsync = fsync
    os.environ.setdefault("TIPDESK_PASSWORD", PASSWORD)
    if job == "demo":
        cli.main(["demo", args[0], "--cases", "1"])
    elif job == "letter":
        letters.save_pdf(b"%PDF-1.4\n" + b"0" * 100_000, Path(args[0]))
    elif job == "restore":
        backup._check_and_record = lambda *a, **k: stop()
        backup.restore_backup(Path(args[0]), Path(args[1]), "admin", PASSWORD)
    else:
        session = sign_in(Path(args[0]), "admin")
        if job == "daily":
            backup.daily_backup(session)
        elif job == "backup":
            backup.make_backup(session, Path(args[1]))
        elif job == "export":
            sync.export_batch(session, "NTT", Path(args[1]))
        elif job == "report":
            from tipdesk.services.reports import build_report
            from tipdesk.services.reports.files import write_report

            made = build_report(session, TODAY - dt.timedelta(days=365), TODAY)
            write_report(session, made, Path(args[1]), "pdf")
    Path(marker).write_text("finished without stopping")


def killed_in_the_middle(tmp_path: Path, job: str, args: list, stop_at: str) -> None:
    marker = tmp_path / f"{job}.stopped"
    child = SPAWN.Process(
        target=_child, args=(job, [str(a) for a in args], str(stop_at), str(marker))
    )
    child.start()
    deadline = time.monotonic() + 120
    while not marker.exists() and child.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert marker.exists() and marker.read_text() == str(child.pid), (
            "the child did not stop inside its write"
        )
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.join()
    assert child.exitcode == -signal.SIGKILL


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if SUFFIX in p.name)


def a_new_process_from_now(monkeypatch) -> None:
    """As if this were the next process: started after the killed one."""
    monkeypatch.setattr(files, "PROCESS_STARTED", time.time())
    time.sleep(0.05)  # (file times come from a coarser clock)


def still_running_files(folder: Path) -> list[Path]:
    """A temporary file of a process still running (this one), written long ago, and one
    of a process that has ended, written after the next process started (say, on another
    computer sharing the folder): both stay."""
    ours = folder / f".letter.pdf.{os.getpid()}-{'a' * 12}{SUFFIX}"
    newer = folder / f".letter.pdf.{dead_pid()}-{'b' * 12}{SUFFIX}"
    for path, when in ((ours, time.time() - 3600), (newer, time.time() + 600)):
        path.write_bytes(b"in the making")
        os.utime(path, (when, when))
    return [ours, newer]


def removals(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "tipdesk.storage.files"]


@pytest.fixture
def log(caplog):
    caplog.set_level(logging.INFO, logger="tipdesk.storage.files")
    return caplog


# --- the next open of the register -----------------------------------------------------

_NEXT_OPEN = """
import logging, sys
from pathlib import Path
logging.basicConfig(filename=sys.argv[2], level=logging.INFO, format="%(name)s %(message)s")
from tipdesk.services.register import open_register
open_register(Path(sys.argv[1]), "admin", sys.argv[3]).close()
"""


def test_a_killed_daily_backup_is_removed_by_the_next_open_in_a_new_process(tmp_path):
    register = new_register(tmp_path / "register").folder
    with sign_in(register, "admin") as s:
        new_case(s)
    backups = register / "backups"
    killed_in_the_middle(
        tmp_path, "daily", [register], f"{backups}/.register-*-daily.tipbackup.*{SUFFIX}"
    )
    left = temps(backups)
    # the database copy, and the backup file it was being zipped into
    assert len(left) == 2 and all(n.startswith(".") and n.endswith(SUFFIX) for n in left)
    assert any(n.startswith(".backup.db.") for n in left)
    assert not backup.daily_backups(register)
    kept = still_running_files(backups)
    sqlite_own = [
        backups / "register-20261128T101500Z-before-m099_x.db-journal",
        backups / "register-20261128T101500Z-before-m099_x.db-wal",
    ]
    for path in sqlite_own:
        path.write_bytes(b"not ours")
        os.utime(path, (0, 0))
    log_file = tmp_path / "tipdesk.log"

    subprocess.run(
        [sys.executable, "-c", _NEXT_OPEN, str(register), str(log_file), PASSWORD],
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )

    assert temps(backups) == sorted(p.name for p in kept)
    assert all(path.read_bytes() == b"not ours" for path in sqlite_own)
    text = log_file.read_text()
    assert (
        "tipdesk.storage.files removed 2 temporary file(s) an interrupted TipDesk left "
        "in the register's backups folder"
    ) in text
    assert not any(name in text for name in left)
    assert (register / "register.db").exists() and (register / "register.keys").exists()


def test_the_next_open_cleans_each_folder_of_the_register_and_says_how_many(
    tmp_path, monkeypatch, log
):
    register = new_register(tmp_path / "register").folder
    gone = dead_pid()
    planted = []
    for where in (register, register / "backups", register / "inbox", register / "outbox"):
        for i in range(1 + (where.name == "inbox")):
            path = files.temp_path(where / f"{i}.tipbatch")
            path = path.with_name(path.name.replace(f".{os.getpid()}-", f".{gone}-"))
            path.write_bytes(b"x")
            planted.append(path)
    a_new_process_from_now(monkeypatch)
    with open_register(register, "admin", PASSWORD, write=False):  # tipdesk check
        assert all(path.exists() for path in planted)  # writes nothing
    assert not removals(log)
    with open_register(register, "admin", PASSWORD):
        pass
    assert not any(path.exists() for path in planted)
    assert sorted(removals(log)) == sorted(
        f"removed {n} temporary file(s) an interrupted TipDesk left in the register's {what}"
        for n, what in (
            (1, "folder"),
            (1, "backups folder"),
            (2, "inbox folder"),
            (1, "outbox folder"),
        )
    )


# --- the next write to the same folder -------------------------------------------------


def test_a_killed_backup_to_a_folder_is_removed_by_the_next_backup_there_and_the_next_open(
    tmp_path, monkeypatch, log
):
    register = new_register(tmp_path / "register").folder
    stick = tmp_path / "stick"
    stick.mkdir()
    killed_in_the_middle(tmp_path, "backup", [register, stick], f"{stick}/.*{SUFFIX}")
    [left] = temps(stick)
    assert left.startswith(".KUP-") and ".tipbackup." in left and left.endswith(SUFFIX)
    [copy] = temps(register / "backups")
    assert copy.startswith(".backup.db.") and copy.endswith(SUFFIX)
    a_new_process_from_now(monkeypatch)
    kept = still_running_files(stick)
    with sign_in(register, "admin") as s:
        assert temps(register / "backups") == []
        made = backup.make_backup(s, stick)
    assert temps(stick) == sorted(p.name for p in kept)
    assert made.path.exists()
    assert removals(log) == [
        "removed 1 temporary file(s) an interrupted TipDesk left in the register's backups folder",
        "removed 1 temporary file(s) an interrupted TipDesk left in the folder a "
        ".tipbackup was being written to",
    ]


def test_a_killed_restore_is_removed_by_the_next_restore_beside_it(tmp_path, monkeypatch, log):
    register = new_register(tmp_path / "register").folder
    with sign_in(register, "admin") as s:
        new_case(s)
        file = backup.make_backup(s, tmp_path / "copy.tipbackup").path
    target = tmp_path / "restored" / "register"
    killed_in_the_middle(tmp_path, "restore", [file, target], "never")
    [left] = temps(target.parent)
    assert left.startswith(".register.") and left.endswith(SUFFIX)
    assert (target.parent / left / "register.db").is_file()  # a whole register, hidden
    assert not target.exists()
    a_new_process_from_now(monkeypatch)
    kept = still_running_files(target.parent)
    result = backup.restore_backup(file, target, "admin", PASSWORD)
    assert result.folder == target and (target / "register.db").is_file()
    assert temps(target.parent) == sorted(p.name for p in kept)
    assert removals(log) == [
        "removed 1 temporary file(s) an interrupted TipDesk left in "
        "the folder a register is restored into"
    ]


def test_a_killed_new_demo_register_is_removed_by_the_next_one(tmp_path, monkeypatch, log):
    parent = tmp_path / "registers"
    parent.mkdir()
    folder = parent / "demo"
    monkeypatch.setenv("TIPDESK_PASSWORD", "demo")
    killed_in_the_middle(tmp_path, "demo", [folder], f"{parent}/.demo.*{SUFFIX}/*")
    [left] = temps(parent)
    assert left.startswith(".demo.") and left.endswith(SUFFIX) and (parent / left).is_dir()
    assert not folder.exists()
    a_new_process_from_now(monkeypatch)
    kept = still_running_files(parent)
    assert cli.main(["demo", str(folder), "--cases", "1"]) == cli.EXIT_OK
    assert (folder / "register.db").is_file()
    assert temps(parent) == sorted(p.name for p in kept)
    assert removals(log) == [
        "removed 1 temporary file(s) an interrupted TipDesk left in "
        "the folder a register is created in"
    ]


@pytest.fixture
def offices(tmp_path, enrolled_pair):
    """KUP (closed) with a case for NTT, NTT signed in, and an empty stick."""
    district, province = copy_offices(enrolled_pair, tmp_path)
    new_case(district.session)
    district.session.close()
    yield district, province, stick_in(tmp_path)
    province.session.close()


def test_a_killed_export_to_a_stick_is_removed_by_the_next_export_there(
    tmp_path, offices, monkeypatch, log
):
    district, _province, stick = offices
    killed_in_the_middle(tmp_path, "export", [district.folder, stick], f"{stick}/.*{SUFFIX}")
    [left] = temps(stick)
    assert left.startswith(".") and ".tipbatch." in left and left.endswith(SUFFIX)
    assert not list(stick.glob("*.tipbatch"))
    a_new_process_from_now(monkeypatch)
    kept = still_running_files(stick)
    (stick / "notes.tmp").write_text("someone else's")
    (stick / f".{left[1:].split('.')[0]}.tmp").write_text("someone else's")
    with sign_in(district.folder, "admin") as s:
        made = sync.export_batch(s, "NTT", stick).path
    assert made.exists() and made.parent == stick
    assert temps(stick) == sorted(p.name for p in kept)
    assert (stick / "notes.tmp").exists() and (stick / f".{left[1:].split('.')[0]}.tmp").exists()
    assert removals(log) == [
        "removed 1 temporary file(s) an interrupted TipDesk left in "
        "the folder a .tipbatch was being written to"
    ]


@pytest.mark.parametrize("job", ["letter", "report"])
def test_a_killed_pdf_save_is_removed_by_the_next_save_there(tmp_path, monkeypatch, log, job):
    register = new_register(tmp_path / "register").folder
    folder = tmp_path / f"Surat untuk {NAME}"
    folder.mkdir()
    out = folder / f"{job} {NAME}.pdf"
    killed_in_the_middle(
        tmp_path, job, [out] if job == "letter" else [register, out], f"{folder}/.*{SUFFIX}"
    )
    [left] = temps(folder)
    assert left.startswith(f".{job} {NAME}.pdf.") and left.endswith(SUFFIX)
    assert not out.exists()
    a_new_process_from_now(monkeypatch)
    kept = still_running_files(folder)
    letters.save_pdf(b"%PDF-1.4\n", out)
    assert out.exists()
    assert temps(folder) == sorted(p.name for p in kept)
    assert removals(log) == [
        "removed 1 temporary file(s) an interrupted TipDesk left in "
        "the folder a .pdf was being written to"
    ]
    assert NAME not in log.text and "Surat" not in log.text


# --- what is never removed ---------------------------------------------------------------


def test_only_our_stale_names_are_removed(tmp_path):
    gone, old = dead_pid(), time.time() - 3600
    ours = [
        f".register.keys.{gone}-{'c' * 12}{SUFFIX}",
        f".backup.db.{gone}-{'d' * 12}{SUFFIX}-journal",  # SQLite's, beside our temp
        f".register.{gone}-{'e' * 12}{SUFFIX}",
    ]  # a folder being built
    others = [
        "register.db",
        "register.db-wal",
        "register.db-shm",
        "register.db-journal",
        f"register.keys.{gone}-{'c' * 12}{SUFFIX}",  # not hidden
        f".register.keys.{gone}-{'c' * 12}.tmp",
        f".register.keys.{gone}{SUFFIX}",
        f".register.keys.x{gone}-{'c' * 12}{SUFFIX}",
        f".register.keys.99999999999999-{'c' * 12}{SUFFIX}",
        f".register.keys.{gone}-{'C' * 12}{SUFFIX}",
        f"{SUFFIX}",
        f".{gone}-{'c' * 12}{SUFFIX}.backup",
    ]
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        others.append(f".register.keys.{sleeper.pid}-{'f' * 12}{SUFFIX}")  # still running
        for name in ours + others:
            path = tmp_path / name
            if name.startswith(".register.") and not name.startswith(".register.keys"):
                (path / "register").mkdir(parents=True)
                (path / "register" / "register.db").write_bytes(b"x")
                os.utime(path / "register" / "register.db", (old, old))
                os.utime(path / "register", (old, old))
            else:
                path.write_bytes(b"x")
            os.utime(path, (old, old))
        assert sorted(files.remove_leftovers(tmp_path)) == sorted(ours)
    finally:
        sleeper.kill()
        sleeper.wait()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(others)


def test_a_folder_being_built_stays_while_anything_in_it_is_newer_than_the_start(tmp_path):
    old = time.time() - 3600
    building = tmp_path / f".register.{dead_pid()}-{'a' * 12}{SUFFIX}"
    (building / "backups").mkdir(parents=True)
    (building / "register.db").write_bytes(b"written just now")
    for path in (building / "backups", building):
        os.utime(path, (old, old))
    assert files.remove_leftovers(tmp_path, started=time.time() - 60) == []
    os.utime(building / "register.db", (old, old))
    assert files.remove_leftovers(tmp_path, started=time.time() - 60) == [building.name]
    assert not building.exists()


def test_a_killed_throwaway_folder_is_removed_by_the_next_one(tmp_path, monkeypatch, log):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old = time.time() - 3600
    stale = tmp_path / f".tipdesk-demo.{dead_pid()}-{'a' * 12}{SUFFIX}"
    (stale / "register").mkdir(parents=True)
    for path in (stale / "register", stale):
        os.utime(path, (old, old))
    with files.temporary_folder("bench") as made:
        assert made.parent == tmp_path and made.name.startswith(".tipdesk-bench.")
        assert made.name.endswith(SUFFIX) and (made.stat().st_mode & 0o777) == 0o700
        assert not stale.exists()
    assert not made.exists()
    assert removals(log) == [
        "removed 1 temporary file(s) an interrupted TipDesk left in the system's temporary folder"
    ]
