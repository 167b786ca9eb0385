"""Honest errors (issue 19): a full drive, a read-only drive or folder, a file another
program holds each say so, in Indonesian and English, with what to do; "damaged, restore
from a backup" only where the file really is damaged. Input at fault is refused (exit 3)
with a sentence, and nothing changes.

The drives are small tmpfs mounts of their own (unmounted after each test). Where the
system does not allow mounting (not root, a container without the capability), or with
``TIPDESK_TEST_PATCH_DRIVE=1``, the same failures are made by patching the writes and
SQLite's answers instead: every test runs either way.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import hashlib
import json
import os
import pathlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import first_case, run
from tipdesk.domain.errors import DiskFull, InUse, NotWritable, RegisterDamaged
from tipdesk.services.register import as_refusal
from tipdesk.storage import connection
from tipdesk.storage.connection import OperationalError, sqlite_code

# What the wrong diagnosis says, in each language: never for a healthy register.
DAMAGED = {"en": "Restore it from a backup", "id": "Pulihkan dari cadangan"}
FULL = {
    "en": "is full, so nothing was saved; the register is not damaged",
    "id": "penuh, jadi tidak ada yang disimpan; register tidak rusak",
}
READ_ONLY_REGISTER = {
    "en": "is on a read-only drive or in a read-only folder",
    "id": "berada di penyimpanan atau folder yang hanya dapat dibaca",
}
READ_ONLY_FOLDER = {
    "en": "TipDesk cannot write in the folder",
    "id": "TipDesk tidak dapat menulis di folder",
}
READ_ONLY_DRIVE = {"en": "the drive is read-only", "id": "penyimpanannya hanya dapat dibaca"}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _digests(folder: Path) -> dict[str, str]:
    """Every file of a register but SQLite's working files beside the database (which it
    may make, empty, while it tries to open), each with its SHA-256."""
    wal = folder / "register.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0, "the log was written"
    return {
        str(p.relative_to(folder)): _digest(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def _mount(*args: str) -> bool:
    try:
        done = subprocess.run(["mount", *args], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def _sqlite_error(text: str, code: int) -> OperationalError:
    exc = OperationalError(text)
    exc.sqlite_errorcode = code
    return exc


class Drive:
    """A small drive of its own at ``root``: a 4 MB tmpfs, or a plain folder whose writes
    fail as a full or read-only drive's would (``patched``)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir()
        self.patches = pytest.MonkeyPatch()
        self.mounted = os.environ.get("TIPDESK_TEST_PATCH_DRIVE") != "1" and _mount(
            "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", str(root)
        )
        self.filler = root / "filler"

    def close(self) -> None:
        self.patches.undo()
        if self.mounted:
            done = subprocess.run(["umount", str(self.root)], capture_output=True)
            if done.returncode != 0:
                subprocess.run(["umount", "-l", str(self.root)], capture_output=True)

    def put(self, register: Path) -> Path:
        return Path(shutil.copytree(register, self.root / register.name))

    def _under(self, path) -> bool:
        try:
            return Path(os.fspath(path)).absolute().is_relative_to(self.root.absolute())
        except TypeError:
            return False

    # --- full ---------------------------------------------------------------------

    def fill(self) -> None:
        if self.mounted:
            # (unbuffered: nothing is left to write when the file is closed)
            with self.filler.open("wb", buffering=0) as handle, contextlib.suppress(OSError):
                while True:
                    handle.write(b"\0" * 4096)
            return
        # What a full drive does: SQLite cannot make its -shm file ("disk I/O error"),
        # the drive reports no space, and every file write fails with ENOSPC.
        self._fail_sqlite("disk I/O error", connection.SQLITE_IOERR)
        self.patches.setattr(connection, "free_space", lambda folder: 0)
        self._fail_writes(errno.ENOSPC, "No space left on device")

    def free(self) -> None:
        if self.mounted:
            self.filler.unlink()
        else:
            self.patches.undo()

    # --- read-only -----------------------------------------------------------------

    def make_read_only(self) -> None:
        if self.mounted:
            assert _mount("-o", "remount,ro", str(self.root))
            return
        from tipdesk.services import register

        def writable(folder, real=connection.writable):
            return not self._under(folder) and real(folder)

        self.patches.setattr(connection, "writable", writable)
        self.patches.setattr(register, "writable", writable)
        self._fail_sqlite("unable to open database file", connection.SQLITE_CANTOPEN)
        self._fail_writes(errno.EROFS, "Read-only file system")

    # --- the patches ------------------------------------------------------------------

    def _fail_sqlite(self, text: str, code: int) -> None:
        real = connection.sqlcipher3.connect
        drive = self

        class Failing:
            """A connection that takes its key but reads nothing, as SQLite does when it
            cannot make the files it keeps beside the database."""

            def __init__(self, conn) -> None:
                self.conn = conn

            def execute(self, sql, *args):
                if sql.startswith(("PRAGMA cipher_log_level", "PRAGMA key")):
                    return self.conn.execute(sql, *args)
                raise _sqlite_error(text, code)

            def close(self) -> None:
                self.conn.close()

        def connect(path, *args, **kwargs):
            conn = real(path, *args, **kwargs)
            return Failing(conn) if drive._under(path) else conn

        self.patches.setattr(connection.sqlcipher3, "connect", connect)

    def _fail_writes(self, code: int, text: str) -> None:
        real_open, real_mkdir = builtins.open, pathlib.Path.mkdir
        drive = self

        def opened(file, mode="r", *args, **kwargs):
            if drive._under(file) and any(c in mode for c in "wxa+"):
                raise OSError(code, text, os.fspath(file))
            return real_open(file, mode, *args, **kwargs)

        def mkdir(path, *args, **kwargs):
            if drive._under(path):
                raise OSError(code, text, str(path))
            return real_mkdir(path, *args, **kwargs)

        self.patches.setattr(builtins, "open", opened)
        self.patches.setattr(pathlib.Path, "mkdir", mkdir)


@pytest.fixture
def drive(tmp_path):
    made = Drive(tmp_path / "drive")
    try:
        yield made
    finally:
        made.close()


def _number(capsys, demo: Path) -> str:
    return first_case(capsys, demo)[0]["case_number"]


def _refused(capsys, monkeypatch, *argv) -> dict[str, str]:
    """The command's one-line refusal in each language (exit 3, no traceback)."""
    said = {}
    for lang in ("en", "id"):
        monkeypatch.setenv("TIPDESK_LANG", lang)
        code, _, err = run(capsys, *argv)
        assert code == 3, (lang, argv, err)
        assert "Traceback" not in err and "unexpected" not in err and "tak terduga" not in err
        assert len(err.strip().splitlines()) == 1, err
        said[lang] = err
    monkeypatch.setenv("TIPDESK_LANG", "en")
    return said


# --- a full drive -----------------------------------------------------------------------


def test_a_full_drive_is_said_in_both_languages_and_never_called_damaged(
    env, demo, drive, capsys, monkeypatch
):
    number = _number(capsys, demo)
    # a risk level the case does not hold, so that the update changes something
    held = json.loads(run(capsys, "show", demo, number, "--json")[1])["case"]["risk_level"]
    change = "case.risk_level=" + ("low" if held == "high" else "high")
    register = drive.put(demo)
    before = _digests(register)
    drive.fill()
    for argv in (
        ("search", register, "a"),
        ("show", register, number),
        ("update", register, number, "--set", change),
        ("check", register),
    ):
        said = _refused(capsys, monkeypatch, *argv)
        for lang in ("en", "id"):
            assert FULL[lang] in said[lang] and str(register) in said[lang], said
            assert DAMAGED[lang] not in said[lang], said
    assert _digests(register) == before, "a refusal changed the register"
    drive.free()
    # Once there is room, the same register is whole and works: it never was damaged.
    assert run(capsys, "check", register)[0] == 0
    code, out, _ = run(capsys, "update", register, number, "--set", change)
    assert code == 0 and "Saved" in out


def test_a_write_that_finds_the_drive_full_says_so(env, demo, capsys, monkeypatch):
    """SQLITE_FULL in the middle of a save: the register stops growing (here by SQLite's
    own page limit), the save is refused as a full drive, and nothing is half-written."""
    from tipdesk.services import register as register_service

    number = _number(capsys, demo)
    real = register_service.open_database

    def no_room(path, key, **kwargs):
        db = real(path, key, **kwargs)
        # No free page inside the file either (the analysis copy's notes, once dropped,
        # leave some): every new page would have to grow it.
        db.execute("VACUUM")
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    with monkeypatch.context() as patched:
        patched.setattr(register_service, "open_database", no_room)
        said = _refused(
            capsys,
            monkeypatch,
            "update",
            demo,
            number,
            "--set",
            "case.summary=" + "Bekerja di kebun. " * 150,
        )
    for lang in ("en", "id"):
        assert FULL[lang] in said[lang] and DAMAGED[lang] not in said[lang], said
    assert run(capsys, "check", demo)[0] == 0
    code, out, _ = run(capsys, "show", demo, number, "--json")
    assert code == 0 and "Bekerja di kebun" not in out


# --- a read-only drive ------------------------------------------------------------------


def test_a_healthy_register_on_a_read_only_drive_is_said_read_only_never_damaged(
    env, demo, drive, capsys, monkeypatch
):
    number = _number(capsys, demo)
    register = drive.put(demo)
    before = _digests(register)
    drive.make_read_only()
    for argv in (("search", register, "a"), ("show", register, number), ("check", register)):
        said = _refused(capsys, monkeypatch, *argv)
        for lang in ("en", "id"):
            assert READ_ONLY_REGISTER[lang] in said[lang], said
            assert DAMAGED[lang] not in said[lang], said
            assert "not intact" not in said[lang] and "tidak utuh" not in said[lang]
    assert "The register is not damaged" in said["en"]
    assert _digests(register) == before


def test_a_backup_to_a_read_only_folder_is_refused_and_writes_nothing(
    env, demo, drive, capsys, monkeypatch
):
    drive.make_read_only()
    before = sorted(os.listdir(drive.root))
    for out in (drive.root, drive.root / "copy.tipbackup"):
        said = _refused(capsys, monkeypatch, "backup", demo, "--out", out)
        for lang in ("en", "id"):
            assert READ_ONLY_FOLDER[lang] in said[lang] and READ_ONLY_DRIVE[lang] in said[lang]
            assert f"'{drive.root}'" in said[lang], said  # the folder, not a temporary name
    assert sorted(os.listdir(drive.root)) == before


def test_init_where_the_folder_cannot_be_made_is_refused_and_makes_nothing(
    env, drive, capsys, monkeypatch
):
    drive.make_read_only()
    base = (
        "--office-name",
        "UPTD PPA",
        "--office-code",
        "KUP",
        "--level",
        "district",
        "--admin",
        "ani",
    )
    for target in (drive.root / "register", drive.root / "new" / "deeper" / "register"):
        said = _refused(capsys, monkeypatch, "init", target, *base)
        for lang in ("en", "id"):
            assert READ_ONLY_FOLDER[lang] in said[lang] and READ_ONLY_DRIVE[lang] in said[lang]
    assert os.listdir(drive.root) == []
    # A name the system refuses (too long for any file system TipDesk runs on)
    before = sorted(os.listdir(env))
    said = _refused(capsys, monkeypatch, "init", env / ("a" * 300) / "register", *base)
    assert "the folder cannot be created there" in said["en"]
    assert "folder itu tidak dapat dibuat di sana" in said["id"]
    assert sorted(os.listdir(env)) == before


def test_check_gives_no_verdict_when_the_drive_fails_under_it(env, demo, capsys, monkeypatch):
    """A stick pulled out half-way through ``check`` (SQLite: "disk I/O error") is not a
    damaged register: check says the drive failed, and what to do."""
    from tipdesk.storage import integrity

    def pulled_out(db):
        raise _sqlite_error("disk I/O error", connection.SQLITE_IOERR)

    monkeypatch.setattr(integrity, "foreign_keys", pulled_out)
    said = _refused(capsys, monkeypatch, "check", demo)
    assert "failed to read or write" in said["en"] and "gagal dibaca" in said["id"]
    for lang in ("en", "id"):
        assert DAMAGED[lang] not in said[lang]
        assert "not intact" not in said[lang] and "tidak utuh" not in said[lang]


# --- another program holds a file ---------------------------------------------------------


def test_a_file_held_by_another_program_is_said_in_use(env, demo, capsys, monkeypatch, tmp_path):
    """Windows refuses to replace a file another program has open (a sharing violation,
    WinError 32): made here by patching the last step of every safe write."""
    real = os.replace

    def held(src, dst, *args, **kwargs):
        if str(dst).endswith(".tipbackup"):
            exc = PermissionError(errno.EACCES, "The process cannot access the file", str(dst))
            exc.winerror = 32
            raise exc
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", held)
    out = tmp_path / "stick"
    out.mkdir()
    said = _refused(capsys, monkeypatch, "backup", demo, "--out", out)
    assert "is in use by another program" in said["en"]
    assert "sedang dipakai program lain" in said["id"]
    assert os.listdir(out) == []


# --- item 4: input at fault is refused with a sentence ------------------------------------


def test_a_key_file_with_invalid_base64_is_refused_and_left_as_it_is(
    env, demo, capsys, monkeypatch
):
    keys = demo / "register.keys"
    data = json.loads(keys.read_text())
    data["slots"][0]["wrapped"] = "!!not base64!!"
    keys.write_text(json.dumps(data))
    before = _digests(demo)
    for argv in (("search", demo, "a"), ("check", demo), ("users", "list", demo)):
        said = _refused(capsys, monkeypatch, *argv)
        assert "register.keys" in said["en"] and "a key is not valid base64" in said["en"]
        assert "base64 yang sah" in said["id"]
    assert _digests(demo) == before


def test_a_key_file_with_malformed_slots_is_refused(env, demo, capsys, monkeypatch):
    keys = demo / "register.keys"
    good = json.loads(keys.read_text())
    broken = []
    for change in (
        lambda d: d["slots"][0]["kdf"].update(time_cost="3"),
        lambda d: d["slots"][0]["kdf"].update(memory_kib=1 << 40),
        lambda d: d["slots"][0].update(nonce="AAAA"),
        lambda d: d["slots"][0].pop("wrapped"),
        lambda d: d.update(slots={"a": 1}),
        lambda d: d.update(failures={"demo": {"count": "x", "last": 0}}),
    ):
        data = json.loads(json.dumps(good))
        change(data)
        broken.append(data)
    for data in broken:
        keys.write_text(json.dumps(data))
        before = _digests(demo)
        said = _refused(capsys, monkeypatch, "search", demo, "a")
        assert "The key file register.keys" in said["en"] and "is damaged" in said["en"]
        assert _digests(demo) == before


def test_a_key_file_nested_too_deeply_is_refused(env, demo, capsys, monkeypatch):
    keys = demo / "register.keys"
    for text in (
        '{"format": "tipdesk-keys/1", "slots": ' + "[" * 200_000 + "]" * 200_000 + "}",
        "[" * 200_000 + "]" * 200_000,
    ):
        keys.write_text(text)
        before = _digests(demo)
        said = _refused(capsys, monkeypatch, "search", demo, "a")
        assert "register.keys is not readable" in said["en"]
        assert "register.keys tidak dapat dibaca" in said["id"]
        assert _digests(demo) == before
    shallow = {"format": "tipdesk-keys/1", "slots": json.loads("[" * 300 + "]" * 300)}
    keys.write_text(json.dumps(shallow))
    said = _refused(capsys, monkeypatch, "search", demo, "a")
    assert "a key slot is malformed" in said["en"]


def test_a_value_that_is_not_utf8_is_refused_and_saves_nothing(env, demo, capsys, monkeypatch):
    number = _number(capsys, demo)
    shown = run(capsys, "show", demo, number, "--json")[1]
    # On Linux, bytes that are not UTF-8 reach sys.argv as surrogate escapes (PEP 383).
    for item in (
        "case.summary=Bekerja di \udcff kebun",
        "person.nik=53710\udce9",
        "person.full_name=Maria \udcc3",
    ):
        said = _refused(capsys, monkeypatch, "update", demo, number, "--set", item)
        field = item.split("=")[0]
        assert f"The text given for --set {field} is not valid UTF-8" in said["en"]
        assert f"Teks untuk --set {field} bukan UTF-8 yang sah" in said["id"]
        assert "\\udc" not in said["en"] and "Bekerja" not in said["en"]  # value not shown
    said = _refused(capsys, monkeypatch, "update", demo, number, "--set", "na\udcffme=x")
    assert "The text given for --set is not valid UTF-8" in said["en"]
    assert run(capsys, "show", demo, number, "--json")[1] == shown
    if os.name == "posix":  # the real way in: bytes on the command line
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "tipdesk",
                "update",
                str(demo),
                number,
                "--set",
                b"case.summary=Bekerja di \xff kebun",
            ],
            capture_output=True,
            env=dict(os.environ, TIPDESK_LANG="en"),
            timeout=120,
        )
        assert done.returncode == 3, done.stderr
        assert b"is not valid UTF-8" in done.stderr and b"Traceback" not in done.stderr
        assert run(capsys, "show", demo, number, "--json")[1] == shown


# --- the words the desktop app shows come from the same place ---------------------------


def test_the_app_gets_the_same_refusals_for_drive_errors(tmp_path):
    folder = tmp_path / "register"
    folder.mkdir()
    assert isinstance(as_refusal(_sqlite_error("database or disk is full", 13), folder), DiskFull)
    assert isinstance(as_refusal(OSError(errno.ENOSPC, "full", str(folder / "x"))), DiskFull)
    refused = as_refusal(OSError(errno.EROFS, "ro", str(folder / ".x.tmp")))
    assert isinstance(refused, NotWritable) and refused.params["path"] == str(folder)
    assert isinstance(as_refusal(OSError(errno.EBUSY, "busy", str(folder))), InUse)
    damaged = as_refusal(_sqlite_error("database disk image is malformed", 11), folder)
    assert isinstance(damaged, RegisterDamaged)
    # A fault of the code is not explained away as the drive's (nor as damage).
    assert as_refusal(_sqlite_error("no such column: x", 1), folder) is None
    assert as_refusal(OSError(errno.ENOENT, "gone")) is None
    # An older sqlcipher3 gives no sqlite_errorcode: SQLite's words are enough.
    assert sqlite_code(OperationalError("attempt to write a readonly database")) == 8
    assert sqlite_code(OperationalError("database or disk is full")) == 13


def test_the_desktop_app_says_a_full_drive_in_the_same_words(qapp, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from tipdesk.ui import i18n
    from tipdesk.ui.dialogs import errors

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    shown, warned = [], []
    monkeypatch.setattr(errors.ExceptionDialog, "exec", lambda self: shown.append(self))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    for lang in ("en", "id"):
        i18n.install(lang, qapp)
        errors.report(
            None,
            OSError(errno.ENOSPC, "No space left on device", str(tmp_path / ".copy.tipbackup.tmp")),
        )
        errors.report(None, _sqlite_error("database or disk is full", 13))
    i18n.install("en", qapp)
    assert shown == [], "a full drive was shown as an unexpected error"
    assert [FULL["en"] in w for w in warned[:2]] == [True, True]
    assert [FULL["id"] in w for w in warned[2:]] == [True, True]
    assert f"'{tmp_path}'" in warned[0]
