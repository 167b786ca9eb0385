"""The analysts' de-identified copy (issue 19): what an analyst's key opens, and that
their figures are an admin's."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from tests.helpers import (
    FAST_KDF,
    PASSWORD,
    TODAY,
    add_account,
    copy_register,
    new_case,
    new_register,
    sign_in,
)
from tipdesk.domain import records as r
from tipdesk.domain.errors import (
    AnalysisCopyNotReady,
    DiskFull,
    NotPermitted,
    RegisterDamaged,
    RoleNeedsNewPassword,
)
from tipdesk.security.keyslots import KeyFile
from tipdesk.services import backup, register, reports
from tipdesk.services.access import analysis, audit, users
from tipdesk.services.casework import cases, documents, listing, privacy
from tipdesk.services.check import check_register
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.reports.stats_export import export_stats
from tipdesk.storage import analysis as analysis_store
from tipdesk.storage.connection import OperationalError, open_database

CANARY_NAME = "Kanariawati Zyzzyva"
CANARY_NIK = "5371014112089731"
CANARY_NOTE = "catatan-kanari-qwertyuiop"
CANARY_PLACE = "Jalan Kanari Nomor Tujuh"
# A document (issue 24): its file name and a line of its contents.
CANARY_FILE = "KTP-kanari-asdfghjkl.pdf"
CANARY_SCAN = "isi-dokumen-kanari-zxcvbnm"
CANARIES = (CANARY_NAME, CANARY_NIK, CANARY_NOTE, CANARY_PLACE, CANARY_FILE, CANARY_SCAN)
PAGE, RESERVE = 4096, 80  # SQLCipher 4's page size and per-page IV + HMAC


def _plain_pages(data: bytes, key: bytes, *, wal: bool = False) -> bytes:
    """Every page of a SQLCipher 4 file (or of its write-ahead log) decrypted with the raw
    ``key``: free pages and old frames included, not only what SQL reaches. A wrong key
    gives noise."""
    out = io.BytesIO()
    step, start = (PAGE + 24, 32) if wal else (PAGE, 0)
    for offset in range(start, len(data) - step + 1, step):
        frame = data[offset : offset + step]
        page_no = int.from_bytes(frame[:4], "big") if wal else offset // PAGE + 1
        page = frame[24:] if wal else frame
        skip = 16 if page_no == 1 else 0  # page 1 starts with the file's salt
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out.write(decryptor.update(page[skip : PAGE - RESERVE]) + decryptor.finalize())
    return out.getvalue()


def _every_file(folder: Path) -> list[tuple[str, bytes]]:
    """Every file in the register folder, and every member of every zip in it."""
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        found.append((str(path.relative_to(folder)), data))
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                found += [(f"{path.name}:{n}", zf.read(n)) for n in zf.namelist()]
    return found


def _readable(folder: Path, key: bytes) -> bytes:
    """All that ``key`` decrypts of every file in ``folder``, as one text to search."""
    return b"".join(
        _plain_pages(data, key, wal=name.endswith("-wal")) for name, data in _every_file(folder)
    )


@pytest.fixture(scope="module")
def office_made(tmp_path_factory):
    """A register (closed) with an analyst, a case worker, 300 demo cases and a canary
    case, and a daily backup; and the canary's case number."""
    created = new_register(tmp_path_factory.mktemp("analysis") / "register")
    with sign_in(created.folder, "admin") as s:
        add_account(s, "ana", "analyst")
        add_account(s, "ani", "caseworker")
        add_demo_cases(s, 300, seed=5, reference=TODAY)
        file = new_case(
            s,
            {
                "full_name": CANARY_NAME,
                "nik": CANARY_NIK,
                "address": CANARY_PLACE,
                "birth_date": dt.date(2008, 12, 1),
            },
            summary=f"Ringkasan {CANARY_NOTE}",
            exploitation_place=CANARY_PLACE,
            opened_on=dt.date(2026, 11, 2),
        )
        cases.add_note(
            s, r.CaseNote(case_id=file.case.id, noted_on=TODAY, text=f"Catatan {CANARY_NOTE}")
        )
        documents.attach(
            s,
            file.case.case_number,
            f"%PDF-1.4\n% {CANARY_SCAN}\n%%EOF\n".encode(),
            kind="identity_card",
            file_name=CANARY_FILE,
        )
        backup.daily_backup(s)
    return {"folder": created.folder, "case": file.case.case_number}


@pytest.fixture
def office(tmp_path, office_made):
    """A copy of ``office_made`` of the test's own (in tmp_path/register)."""
    return {**office_made, "folder": copy_register(office_made["folder"], tmp_path)}


def test_an_analysts_key_decrypts_no_name_nik_note_or_address_anywhere(office):
    folder = office["folder"]
    keys = KeyFile.load(folder / "register.keys")
    analyst_keys = keys.unlock_keys("ana", PASSWORD)
    # Their slot opens the analysis copy, never the register itself.
    with pytest.raises(RegisterDamaged):
        open_database(folder / "register.db", analyst_keys[0])
    copy = open_database(folder / "analysis.db", analyst_keys[0])
    assert copy.execute("SELECT count(*) FROM cases").fetchone()[0] == 301
    copy.close()
    readable = b"".join(_readable(folder, key) for key in analyst_keys)
    assert office["case"].encode() in readable  # (the scan does decrypt the copy)
    found = [c for c in CANARIES if c.encode() in readable]
    assert found == []
    # The same scan with the register's key finds every one of them.
    admin_readable = _readable(folder, keys.unlock("admin", PASSWORD))
    assert all(c.encode() in admin_readable for c in CANARIES)


def test_an_analyst_signs_in_to_the_copy_and_can_do_nothing_else(office):
    with sign_in(office["folder"], "ana") as s:
        assert s.analysis and s.user.role == "analyst" and s.office.code == "KUP"
        rows = listing.list_cases(s, listing.CaseFilter(), limit=500)
        assert len(rows) == 301 and not any(row.full_name or row.register_number for row in rows)
        for action in (
            lambda: cases.open_case(s, office["case"]),
            lambda: cases.find_cases(s, "Kanariawati"),
            lambda: audit.entries(s),
            lambda: users.list_accounts(s),
        ):
            with pytest.raises(NotPermitted):
                action()
        assert analysis_store.holds_personal_columns(s.db) == []


def _all_tables(report) -> dict:
    return {
        key: [(row.key, row.values) for row in table.rows] for key, table in report.tables.items()
    }


def test_an_analysts_report_is_an_admins_figure_for_figure(office, tmp_path):
    folder = office["folder"]
    with sign_in(folder, "admin") as s:
        # Values at the edges of the age: born after the case opened, only an estimate,
        # an estimate out of bounds, no opening date.
        new_case(s, {"birth_date": None, "estimated_age": 15}, opened_on=dt.date(2024, 2, 29))
        new_case(s, {"birth_date": dt.date(2000, 2, 29)}, opened_on=dt.date(2025, 2, 28))
        # ...and values an import of an earlier version may have let in (DESIGN.md 5b).
        odd = [row.case_number for row in listing.list_cases(s, listing.CaseFilter(), limit=4)]
        for number, person_sql, case_sql in zip(
            odd,
            (
                "birth_date = '2026-06-01'",
                "birth_date = '2024-02-30'",
                "birth_date = NULL, estimated_age = 200",
                "birth_date = '1990-01-01'",
            ),
            (
                "opened_on = '2026-01-05'",
                "opened_on = opened_on",
                "opened_on = opened_on",
                "opened_on = NULL",
            ),
            strict=True,
        ):
            s.db.execute(
                f"UPDATE persons SET {person_sql} WHERE id = (SELECT person_id "
                "FROM cases WHERE case_number = ?)",
                [number],
            )
            s.db.execute(f"UPDATE cases SET {case_sql} WHERE case_number = ?", [number])
        s.db.conn.commit()
        analysis.keep_current(s)
        periods = [
            (dt.date(2020, 1, 1), TODAY),
            (dt.date(2026, 1, 1), TODAY),
            (dt.date(2024, 2, 1), dt.date(2024, 3, 31)),
        ]
        admin = [_all_tables(reports.build_report(s, a, b)) for a, b in periods]
        table = reports.build_report(s, *periods[0]).tables["sex_age"]
        cell = (table.rows[0].key, table.columns[0])
        admin_cells = [
            row.case_number for row in reports.cases_behind(s, *periods[0], "sex_age", *cell)
        ]
        admin_stats = export_stats(s, tmp_path / "admin.csv")
    with sign_in(folder, "ana") as s:
        analyst = [_all_tables(reports.build_report(s, a, b)) for a, b in periods]
        analyst_cells = [
            row.case_number for row in reports.cases_behind(s, *periods[0], "sex_age", *cell)
        ]
        analyst_stats = export_stats(s, tmp_path / "analyst.csv")
    assert analyst == admin
    assert analyst_cells == admin_cells and analyst_cells
    assert (tmp_path / "analyst.csv").read_bytes() == (tmp_path / "admin.csv").read_bytes()
    assert (analyst_stats.exported, analyst_stats.suppressed, analyst_stats.without_consent) == (
        admin_stats.exported,
        admin_stats.suppressed,
        admin_stats.without_consent,
    )
    assert admin_stats.exported > 100


def _figure(folder: Path, username: str) -> dict:
    with sign_in(folder, username) as s:
        report = reports.build_report(s, dt.date(2000, 1, 1), TODAY)
        return {row.key: row.values[0] for row in report.tables["summary"].rows}


def _exploitation(folder: Path, username: str) -> dict:
    with sign_in(folder, username) as s:
        report = reports.build_report(s, dt.date(2000, 1, 1), TODAY)
        return {
            **{row.key: row.values for row in report.tables["exploitation"].rows},
            **{row.key: row.values for row in report.tables["summary"].rows},
        }


def test_the_copy_follows_every_save_delete_erasure_and_bulk_load(office):
    folder = office["folder"]
    seen = [_exploitation(folder, "ana")]

    def step(action) -> None:
        with sign_in(folder, "sita" if seen[1:] and len(seen) == 5 else "admin") as s:
            action(s)
        now = _exploitation(folder, "ana")
        assert now == _exploitation(folder, "admin")
        assert now != seen[-1]
        seen.append(now)

    def edit(s) -> None:
        file = cases.open_case(s, office["case"])
        file.case.exploitation_types = ["sexual_exploitation", "forced_marriage"]
        cases.save_case_file(s, file.person, file.case)
        add_account(s, "sita", "supervisor")

    def delete(s) -> None:
        other = listing.list_cases(s, listing.CaseFilter(), limit=1)[0].case_number
        cases.delete_case(s, other)

    step(lambda s: new_case(s, opened_on=dt.date(2026, 11, 20)))
    step(edit)
    step(lambda s: add_demo_cases(s, 40, seed=9, reference=TODAY))  # lifted triggers
    step(delete)
    step(lambda s: privacy.erase_person(s, office["case"], "person_request"))
    with sign_in(folder, "ana") as s:
        assert (
            s.db.execute(
                "SELECT deleted FROM cases WHERE case_number = ?", [office["case"]]
            ).fetchone()[0]
            == 1
        )


def test_a_refresh_cut_short_is_made_good_at_the_next(office, monkeypatch):
    folder = office["folder"]
    with sign_in(folder, "admin") as s:
        new_case(s, opened_on=dt.date(2026, 11, 20))
        real = analysis_store.set_meta

        def crash(*args, **kwargs):
            raise KeyboardInterrupt  # the program stops inside the copy's write

        monkeypatch.setattr(analysis_store, "set_meta", crash)
        with pytest.raises(KeyboardInterrupt):
            new_case(s, opened_on=dt.date(2026, 11, 21))
        monkeypatch.setattr(analysis_store, "set_meta", real)
    assert _figure(folder, "ana") != _figure(folder, "admin")  # (until the next)
    with sign_in(folder, "admin") as s:
        new_case(s, opened_on=dt.date(2026, 11, 22))
    assert _figure(folder, "ana") == _figure(folder, "admin")


def test_notes_the_copy_holds_leave_the_register_even_after_a_failed_drop(office, monkeypatch):
    folder = office["folder"]

    def notes() -> int:
        with sign_in(folder, "admin") as s:
            return s.db.execute("SELECT count(*) FROM _analysis_dirty").fetchone()[0]

    def refuse(*args, **kwargs):
        raise OperationalError("database or disk is full")

    with sign_in(folder, "admin") as s:
        monkeypatch.setattr(analysis_store, "drop_applied", refuse)
        for day in (20, 21, 22):
            new_case(s, opened_on=dt.date(2026, 11, day))
    monkeypatch.undo()
    # The copy holds the three cases; their notes stayed (the drop failed at the end).
    assert _figure(folder, "ana") == _figure(folder, "admin")
    with sign_in(folder, "admin") as s:
        assert s.db.execute("SELECT count(*) FROM _analysis_dirty").fetchone()[0] > 0
        new_case(s, opened_on=dt.date(2026, 11, 23))
    assert notes() == 0  # dropped when a session ends
    assert _figure(folder, "ana") == _figure(folder, "admin")


def test_a_register_put_back_from_a_backup_gets_its_copy_made_again(office, tmp_path):
    folder = office["folder"]
    saved = tmp_path / "saved"
    shutil.copytree(folder, saved)
    with sign_in(folder, "admin") as s:
        for day in (10, 11, 12):
            new_case(s, opened_on=dt.date(2026, 11, day))
    newer_copy = (folder / "analysis.db").read_bytes()
    # An office IT person copies the register files back by hand, keeping the newer copy.
    shutil.copy(saved / "register.db", folder / "register.db")
    for name in ("register.db-wal", "register.db-shm"):
        (folder / name).unlink(missing_ok=True)
    (folder / "analysis.db").write_bytes(newer_copy)
    assert _figure(folder, "admin") == _figure(folder, "ana")


def test_removing_an_analyst_leaves_their_old_key_file_opening_nothing(office, tmp_path):
    folder = office["folder"]
    stolen = tmp_path / "stolen.keys"
    shutil.copy(folder / "register.keys", stolen)
    with sign_in(folder, "admin") as s:
        add_account(s, "bima", "analyst")
        users.remove_user(s, "ana", rekey=True)
        later = new_case(s, opened_on=dt.date(2026, 11, 25)).case.case_number
    old_keys = KeyFile.load(stolen).unlock_keys("ana", PASSWORD)
    for old_key in old_keys:
        with pytest.raises(RegisterDamaged):
            open_database(folder / "analysis.db", old_key)
        readable = _readable(folder, old_key)
        assert later.encode() not in readable and office["case"].encode() not in readable
    with sign_in(folder, "bima") as s:  # the other analyst follows the new key
        assert s.analysis
    assert _figure(folder, "bima") == _figure(folder, "admin")


def test_an_analyst_of_an_earlier_version_is_moved_to_the_copy_and_a_rekey_advised(office):
    folder = office["folder"]
    with sign_in(folder, "admin") as s:
        add_account(s, "lama", "caseworker")
        users.set_role(s, "lama", "analyst", password=PASSWORD, kdf=FAST_KDF)
        # As TipDesk before issue 19 left it: the analyst's slot wraps the register key.
        KeyFile.load(folder / "register.keys").set_user_slot("lama", PASSWORD, s.key, FAST_KDF)
        held_key = s.key
    with sign_in(folder, "lama") as s:
        assert s.analysis
    assert KeyFile.load(folder / "register.keys").user_kind("lama") == "analyst"
    with sign_in(folder, "admin") as s:
        lines = check_register(s).checks["analysts"]
        assert any("lama" in line for line in lines)
        users.rekey_database(s)
        assert check_register(s).checks["analysts"] == []
    with pytest.raises(RegisterDamaged):
        open_database(folder / "register.db", held_key)


def test_a_role_to_or_from_analyst_comes_with_a_new_password(office):
    folder = office["folder"]
    with sign_in(folder, "admin") as s:
        with pytest.raises(RoleNeedsNewPassword):
            users.set_role(s, "ani", "analyst")
        users.set_role(s, "ani", "analyst", password="kata-sandi-baru-2", kdf=FAST_KDF)
    with sign_in(folder, "ani", "kata-sandi-baru-2") as s:
        assert s.analysis
    with sign_in(folder, "admin") as s:
        users.set_role(s, "ani", "supervisor", password="kata-sandi-baru-3", kdf=FAST_KDF)
    with sign_in(folder, "ani", "kata-sandi-baru-3") as s:
        assert not s.analysis and cases.open_case(s, office["case"])


def test_analysts_sign_ins_reach_the_registers_trail_and_nothing_forged_does(office):
    folder = office["folder"]
    with sign_in(folder, "ana") as s:
        audit.record_apart(s, "locked", entity="users", record_id="ana")  # idle lock
        register.verify_password(s, PASSWORD)  # and back
        # Whoever holds the copy's key could write to its trail, as anybody.
        audit.record_raw(s.db, "case_deleted", username="admin", entity="cases")
    with sign_in(folder, "admin") as s:
        rows = audit.entries(s, username="ana")
        assert [e.action for e in rows] == ["unlocked", "locked", "sign_in"]
        assert {e.detail.get("in") for e in rows} == {"analysis_copy"}
        assert not [e for e in audit.entries(s, username="admin") if e.action == "case_deleted"]
        assert check_register(s).ok


def test_an_analyst_before_the_copy_exists_is_told_what_to_do(office):
    folder = office["folder"]
    for name in ("analysis.db", "analysis.db-wal", "analysis.db-shm"):
        (folder / name).unlink(missing_ok=True)
    with pytest.raises(AnalysisCopyNotReady):
        sign_in(folder, "ana")
    sign_in(folder, "ani").close()
    with sign_in(folder, "ana") as s:
        assert s.analysis


def test_the_copy_holds_the_columns_reports_read_and_no_personal_field(office):
    with sign_in(office["folder"], "admin") as s:
        assert analysis.path_of(s.folder).exists()
    for table in analysis_store.TABLES:
        record = analysis_store.RECORDS[table]
        assert not set(r.personal_fields(record)) & analysis_store.kept(table)


def test_a_save_stands_when_the_copy_cannot_be_written(office, monkeypatch):
    folder = office["folder"]

    def full(*args, **kwargs):
        raise DiskFull(path=str(folder))

    with sign_in(folder, "admin") as s:
        monkeypatch.setattr(analysis, "open_database", full)
        saved = new_case(s, opened_on=dt.date(2026, 11, 26))  # no error
        monkeypatch.undo()
        assert cases.open_case(s, saved.case.case_number, audit=False).case.id
    stale = _figure(folder, "ana")
    admin = _figure(folder, "admin")  # (its sign-in brings the copy up to date)
    assert stale["new_cases"] == admin["new_cases"] - 1
    assert _figure(folder, "ana") == admin
