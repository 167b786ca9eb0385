"""Backups and restores: one encrypted file, consistent while the register is written,
refused when damaged, truncated or not a backup, and nothing left behind on a refusal."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import threading
import zipfile
from pathlib import Path

import pytest

from tests.helpers import FAST_KDF, PASSWORD, add_account, new_case, new_register, send, sign_in
from tipdesk.domain.errors import (
    BackupDamaged,
    BackupTooNew,
    NotABackup,
    NotPermitted,
    OutputExists,
    RegisterExists,
    WrongPassword,
)
from tipdesk.services import backup
from tipdesk.services.access import audit
from tipdesk.services.casework import cases
from tipdesk.services.check import check_register
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.register import open_register
from tipdesk.storage import migrate


def leftovers(parent: Path, name: str) -> list[str]:
    """Anything a restore to ``parent / name`` may have left beside it."""
    return [p.name for p in parent.iterdir() if p.name.startswith(f".{name}")]


@pytest.fixture
def demo(session):
    add_demo_cases(session, 40, seed=5)
    return session


def demo_names(session) -> set[str]:
    return {row["full_name"] for row in session.db.query("SELECT full_name FROM persons")}


def test_a_backup_is_one_encrypted_zip_with_a_manifest(demo, tmp_path):
    result = backup.make_backup(demo, tmp_path)
    assert result.path.parent == tmp_path and result.path.name.startswith("KUP-")
    assert result.path.suffix == ".tipbackup" and result.cases == 40
    raw = result.path.read_bytes()
    assert result.size == len(raw) and result.sha256 == hashlib.sha256(raw).hexdigest()
    with zipfile.ZipFile(result.path) as zf:
        assert sorted(zf.namelist()) == ["manifest.json", "register.db", "register.keys"]
        manifest = json.loads(zf.read("manifest.json"))
        db_bytes, keys = zf.read("register.db"), zf.read("register.keys")
    assert manifest["format"] == "tipdesk-backup/1"
    assert manifest["office_code"] == "KUP" and manifest["office_id"] == demo.office.id
    assert manifest["migrations"] == migrate.known()
    assert manifest["members"]["register.db"] == {
        "sha256": hashlib.sha256(db_bytes).hexdigest(),
        "size": len(db_bytes),
    }
    assert manifest["members"]["register.keys"]["sha256"] == hashlib.sha256(keys).hexdigest()
    assert keys == (demo.folder / "register.keys").read_bytes()
    assert not db_bytes.startswith(b"SQLite format 3")  # encrypted
    [row] = audit.entries(demo, actions=("backup",))
    assert row.detail["sha256"] == result.sha256 and row.detail["kind"] == "manual"
    # Nothing but the backup was left behind (the database copy is removed).
    assert [p.name for p in (demo.folder / "backups").iterdir()] == []


def test_backup_bytes_hold_no_name(demo, tmp_path):
    names = demo_names(demo)
    assert len(names) >= 30
    result = backup.make_backup(demo, tmp_path / "copy.tipbackup")
    raw = result.path.read_bytes()
    for name in names:
        assert name.encode() not in raw and name not in result.path.name
        for part in name.split():
            if len(part) >= 6:
                assert part.encode() not in raw, part


def test_backup_while_another_connection_writes_restores_consistently(demo, tmp_path):
    query = sorted(demo_names(demo))[0].split()[-1]
    expected = [row["case_number"] for row in cases.find_cases(demo, query, limit=100)]
    assert expected
    written: list[str] = []
    started, stop = threading.Event(), threading.Event()

    def writer() -> None:
        other = sign_in(demo.folder, "admin")  # the app's own connection
        try:
            while not stop.is_set():
                file = new_case(other, {"full_name": f"Zyxwortel Nomor{len(written)}"})
                written.append(file.case.case_number)
                if len(written) >= 3:
                    started.set()
        finally:
            other.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert started.wait(30)
        result = backup.make_backup(demo, tmp_path / "busy.tipbackup")
    finally:
        stop.set()
        thread.join(30)
    restored = backup.restore_backup(result.path, tmp_path / "restored", "admin", PASSWORD)
    session = sign_in(restored.folder, "admin")
    try:
        assert check_register(session).ok
        assert [
            row["case_number"] for row in cases.find_cases(session, query, limit=100)
        ] == expected
        # Every case the writer had committed when the copy was taken, and none half-made:
        # the restored ones are the first k, in order, each whole.
        copied = sorted(
            row["case_number"] for row in cases.find_cases(session, "Zyxwortel", limit=1000)
        )
        assert 3 <= len(copied) <= len(written)
        assert copied == sorted(written[: len(copied)])
        for number in copied:
            assert cases.open_case(session, number).person.full_name.startswith("Zyxwortel")
        assert restored.cases == 40 + len(copied)
        [row] = audit.entries(session, actions=("restore",))
        assert row.detail["backup_created_at"] == result.created_at
    finally:
        session.close()


def test_refuses_an_existing_file(session, tmp_path):
    out = tmp_path / "taken.tipbackup"
    out.write_bytes(b"keep me")
    with pytest.raises(OutputExists):
        backup.make_backup(session, out)
    assert out.read_bytes() == b"keep me"


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def _db_data_offset(path: Path) -> int:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("register.db")
    return info.header_offset + 4096  # well past the member's local header


def test_a_flipped_byte_in_the_database_is_refused_and_nothing_is_created(session, tmp_path):
    new_case(session)
    result = backup.make_backup(session, tmp_path / "b.tipbackup")
    _flip(result.path, _db_data_offset(result.path))
    target = tmp_path / "restored"
    with pytest.raises(BackupDamaged) as refused:
        backup.restore_backup(result.path, target, "admin", PASSWORD)
    assert refused.value.params["reason"] == "member_hash"
    assert not target.exists() and leftovers(tmp_path, "restored") == []


def test_a_changed_database_with_a_fresh_crc_is_refused_by_its_hash(session, tmp_path):
    new_case(session)
    result = backup.make_backup(session, tmp_path / "b.tipbackup")
    with zipfile.ZipFile(result.path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    db = bytearray(members["register.db"])
    db[5000] ^= 0x01
    members["register.db"] = bytes(db)
    forged = tmp_path / "forged.tipbackup"
    with zipfile.ZipFile(forged, "w") as zf:  # zipfile computes the new CRC
        for name, data in members.items():
            zf.writestr(name, data)
    with pytest.raises(BackupDamaged) as refused:
        backup.restore_backup(forged, tmp_path / "restored", "admin", PASSWORD)
    assert refused.value.params["reason"] == "member_hash"
    assert not (tmp_path / "restored").exists() and leftovers(tmp_path, "restored") == []


def test_truncated_or_foreign_files_are_refused(session, tmp_path):
    result = backup.make_backup(session, tmp_path / "b.tipbackup")
    raw = result.path.read_bytes()
    cut = tmp_path / "cut.tipbackup"
    cut.write_bytes(raw[: len(raw) // 2])
    target = tmp_path / "restored"
    with pytest.raises(BackupDamaged) as refused:
        backup.restore_backup(cut, target, "admin", PASSWORD)
    assert refused.value.params["reason"] == "truncated"
    other = tmp_path / "other.tipbackup"
    other.write_bytes(b"age-encryption.org/v1\n-> X25519 not a backup at all")
    with pytest.raises(NotABackup):
        backup.restore_backup(other, target, "admin", PASSWORD)
    some_zip = tmp_path / "photos.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("photo.jpg", b"\xff\xd8")
    some_zip.write_bytes(buffer.getvalue())
    with pytest.raises(NotABackup):
        backup.restore_backup(some_zip, target, "admin", PASSWORD)
    with pytest.raises(NotABackup):
        backup.restore_backup(tmp_path / "missing.tipbackup", target, "admin", PASSWORD)
    assert not target.exists() and leftovers(tmp_path, "restored") == []


def test_a_backup_from_a_newer_tipdesk_is_refused_as_newer(session, tmp_path):
    result = backup.make_backup(session, tmp_path / "b.tipbackup")
    for change in (
        {"format": "tipdesk-backup/2"},
        {"migrations": [*migrate.known(), "m099_from_the_future"]},
    ):
        with zipfile.ZipFile(result.path) as zf:
            members = {name: zf.read(name) for name in zf.namelist()}
        manifest = {**json.loads(members["manifest.json"]), **change}
        members["manifest.json"] = json.dumps(manifest).encode()
        newer = tmp_path / "newer.tipbackup"
        newer.unlink(missing_ok=True)
        with zipfile.ZipFile(newer, "w") as zf:
            for name, data in members.items():
                zf.writestr(name, data)
        with pytest.raises(BackupTooNew):
            backup.restore_backup(newer, tmp_path / "restored", "admin", PASSWORD)
        assert not (tmp_path / "restored").exists()


def test_restoring_into_a_folder_that_is_not_empty_is_refused(session, tmp_path):
    result = backup.make_backup(session, tmp_path / "b.tipbackup")
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("someone's files")
    with pytest.raises(RegisterExists):
        backup.restore_backup(result.path, target, "admin", PASSWORD)
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert leftovers(tmp_path, "busy") == []
    # An empty folder is fine.
    empty = tmp_path / "empty"
    empty.mkdir()
    assert backup.restore_backup(result.path, empty, "admin", PASSWORD).folder == empty
    assert (empty / "register.db").is_file() and (empty / "register.keys").is_file()


def test_a_wrong_password_is_refused_and_leaves_no_folder(session, tmp_path):
    result = backup.make_backup(session, tmp_path / "b.tipbackup")
    target = tmp_path / "restored"
    with pytest.raises(WrongPassword):
        backup.restore_backup(result.path, target, "admin", "not-the-password")
    assert not target.exists() and leftovers(tmp_path, "restored") == []


def test_the_recovery_code_restores_with_a_new_password(tmp_path):
    created = new_register(tmp_path / "kup")
    session = sign_in(created.folder, "admin")
    new_case(session)
    result = backup.make_backup(session, tmp_path / "b.tipbackup")
    session.close()
    target = tmp_path / "restored"
    with pytest.raises(WrongPassword):
        backup.restore_backup(
            result.path,
            target,
            "admin",
            "a-new-password",
            recovery_code="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
            kdf=FAST_KDF,
        )
    assert not target.exists() and leftovers(tmp_path, "restored") == []
    backup.restore_backup(
        result.path,
        target,
        "admin",
        "a-new-password",
        recovery_code=created.recovery_code.lower(),
        kdf=FAST_KDF,
    )
    restored = sign_in(target, "admin", "a-new-password")
    try:
        assert cases.find_cases(restored, "Maria")
        [row] = audit.entries(restored, actions=("restore",))
        assert row.detail["by_recovery_code"] is True
    finally:
        restored.close()
    with pytest.raises(WrongPassword):
        open_register(target, "admin", PASSWORD)


def test_only_admins_and_supervisors_back_up_and_only_admins_restore(session, tmp_path):
    new_case(session)
    add_account(session, "budi", "caseworker")
    add_account(session, "sari", "supervisor")
    worker = sign_in(session.folder, "budi")
    try:
        with pytest.raises(NotPermitted):
            backup.make_backup(worker, tmp_path / "w.tipbackup")
        assert not (tmp_path / "w.tipbackup").exists()
    finally:
        worker.close()
    supervisor = sign_in(session.folder, "sari")
    try:
        result = backup.make_backup(supervisor, tmp_path / "s.tipbackup")
    finally:
        supervisor.close()
    for username in ("sari", "budi"):
        with pytest.raises(NotPermitted):
            backup.restore_backup(result.path, tmp_path / "restored", username, PASSWORD)
        assert not (tmp_path / "restored").exists() and leftovers(tmp_path, "restored") == []
    backup.restore_backup(result.path, tmp_path / "restored", "admin", PASSWORD)
    assert (tmp_path / "restored" / "register.db").is_file()


def test_daily_backup_makes_one_a_day_and_keeps_fourteen(session):
    new_case(session)
    backups = session.folder / "backups"
    before_migration = backups / "register-20260101T000000Z-before-m006_access.db"
    before_migration.write_bytes(b"an encrypted pre-migration copy")
    start = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)
    made = []
    for day in range(20):
        now = start + dt.timedelta(days=day)
        path = backup.daily_backup(session, now=now)
        assert path is not None and path.parent == backups
        assert path.name == f"register-{now:%Y%m%dT%H%M%SZ}-daily.tipbackup"
        made.append(path)
        assert backup.daily_backup(session, now=now + dt.timedelta(hours=1)) is None
    kept = sorted(p.name for p in backups.iterdir() if p.suffix == ".tipbackup")
    assert kept == sorted(p.name for p in made[-14:])
    assert before_migration.read_bytes() == b"an encrypted pre-migration copy"
    assert [p for p in backups.iterdir() if p.name.startswith(".")] == []
    # A daily backup restores like any other.
    restored = backup.restore_backup(
        made[-1], session.folder.parent / "restored", "admin", PASSWORD
    )
    assert restored.cases == 1


def test_after_a_restore_new_changes_still_reach_the_province(offices, tmp_path):
    """Changes made after the backup reached the province before the laptop was lost;
    the restored copy's new changes must not be skipped as already received, and the
    province's changes it lost come back after one round trip."""
    import shutil

    district, province, stick = offices
    first = new_case(district.session)
    send(district, province, stick / "1.tipbatch")
    saved = backup.make_backup(district.session, tmp_path / "saved.tipbackup").path
    for _ in range(3):  # after the backup: sent, then the laptop is lost
        new_case(district.session, {"full_name": "Hilang Setelah Cadangan"})
    send(district, province, stick / "2.tipbatch")
    district.session.close()
    shutil.rmtree(district.folder)
    backup.restore_backup(saved, district.folder, "admin", PASSWORD)
    district.reopen()
    file = district.case(first.case.case_number)
    file.case.risk_level = "high"
    cases.save_case_file(district.session, file.person, file.case)
    summary = send(district, province, stick / "3.tipbatch")
    assert summary.applied >= 1
    assert province.case(first.case.case_number).case.risk_level == "high"
    # The province's own work on the district's cases (lost with the laptop) comes back
    # after one round trip: its batch waits for a gap, our acknowledgement heals it.
    f = province.case(first.case.case_number)
    f.case.summary = "Dari provinsi."
    cases.save_case_file(province.session, f.person, f.case)
    for n in range(3):
        send(province, district, stick / f"p{n}.tipbatch")
        send(district, province, stick / f"d{n}.tipbatch")
    assert district.case(first.case.case_number).case.summary == "Dari provinsi."
    # (The cases the district made after its backup stay at the province, which had
    # them; they are not sent back: docs/DECISIONS.md, "2026-12-01: A restored register
    # numbers its new changes far ahead".)
    assert len(cases.find_cases(province.session, "Hilang")) == 3
    district.session.close()
    province.session.close()


def test_a_backup_that_cannot_be_audited_is_not_left_behind(session, tmp_path, monkeypatch):
    """The audit row is written before the file takes its name: every backup file that
    exists is in the audit trail."""

    def busy(*args, **kwargs):
        raise TimeoutError("the audit could not be written")

    stick = tmp_path / "stick"
    stick.mkdir()
    out = stick / "unaudited.tipbackup"
    with monkeypatch.context() as patched:
        patched.setattr(audit, "record_raw", busy)
        with pytest.raises(TimeoutError):
            backup.make_backup(session, out)
    assert list(stick.iterdir()) == []
    made = backup.make_backup(session, out)
    [row] = [e for e in audit.entries(session) if e.action == "backup"]
    assert row.detail["size"] == made.size == out.stat().st_size
