"""Documents are never in clear on disk (issue 24): a canary image's bytes and its file
name are looked for, byte by byte, in both registers' folders, a backup, the batches and
their parts, the statistics export, a report and the temporary folder; backups carry
documents and a restore brings them back; ``check`` finds a document without its bytes
and bytes without their document."""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from tests.helpers import PASSWORD, new_case, send
from tipdesk.services import backup
from tipdesk.services.casework import documents
from tipdesk.services.check import check_register
from tipdesk.services.register import open_register
from tipdesk.services.reports import build_report
from tipdesk.services.reports.files import write_report
from tipdesk.services.reports.stats_export import export_stats
from tipdesk.storage import documents as store

CANARY_NAME = "KTP-Ermelinda-Tnunay-5371015403990001.png"


def canary_png() -> bytes:
    """A PNG no other file could hold by chance (random pixels)."""
    image = Image.frombytes("RGB", (160, 120), os.urandom(160 * 120 * 3))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def marks(data: bytes) -> list[bytes]:
    """Pieces of ``data`` a leak would show: its start, middle and end (64 bytes each)."""
    return [data[:64], data[len(data) // 2 : len(data) // 2 + 64], data[-64:]]


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()]


def leaks(paths: list[Path], needles: list[bytes]) -> list[str]:
    found = []
    for path in paths:
        data = path.read_bytes()
        found += [f"{path}: bytes" for needle in needles if needle in data]
        if CANARY_NAME.encode() in data or CANARY_NAME.encode("utf-16-le") in data:
            found.append(f"{path}: file name")
        if "Ermelinda" in path.name:
            found.append(f"{path}: in a file's name")
    return found


def test_a_canary_document_is_found_nowhere_in_clear(offices, tmp_path, monkeypatch):
    district, province, stick = offices
    before_temp = set(Path(tempfile.gettempdir()).iterdir())
    file = new_case(district.session)
    original = canary_png()
    kept = documents.attach(
        district.session,
        file.case.case_number,
        original,
        kind="identity_card",
        file_name=CANARY_NAME,
        attached_to="person",
        scale=False,
    )
    assert documents.read_document(district.session, kept.id)[1] == original
    backup.make_backup(district.session, tmp_path)
    # the statistics and the anonymised export (made here, where the case is)
    export_stats(district.session, tmp_path / "statistik.csv", k=2)
    report = build_report(district.session, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    write_report(district.session, report, tmp_path / "laporan.csv", "csv")
    batch = district.export(province, stick)
    send(district, province, stick / "again.tipbatch")
    assert store.read_bytes(province.session.db, kept.id) == original
    needles = marks(original)
    everywhere = files_under(district.folder, province.folder, stick, tmp_path / "state")
    everywhere += [*tmp_path.glob("*.tipbackup"), tmp_path / "statistik.csv"]
    everywhere.append(tmp_path / "laporan.csv")
    assert batch in everywhere and list(stick.glob("*.tipdocs"))
    assert leaks(everywhere, needles) == []
    new_in_temp = [
        p for p in set(Path(tempfile.gettempdir()).iterdir()) - before_temp if p.is_file()
    ]
    assert leaks(new_in_temp, needles) == []


def test_a_backup_carries_documents_and_a_restore_brings_them_back(session, tmp_path):
    file = new_case(session)
    data = canary_png()
    kept = documents.attach(
        session, file.case.case_number, data, kind="photo", file_name="x.png", scale=False
    )
    made = backup.make_backup(session, tmp_path)
    target = tmp_path / "restored"
    backup.restore_backup(made.path, target, "admin", PASSWORD)
    with open_register(target, "admin", PASSWORD) as restored:
        assert documents.read_document(restored, kept.id)[1] == data
        report = check_register(restored)
        assert report.checks["documents"] == []


@pytest.mark.parametrize("missing", ["bytes", "orphan"])
def test_check_finds_a_document_without_bytes_and_bytes_without_a_document(session, missing):
    file = new_case(session)
    kept = documents.attach(
        session, file.case.case_number, canary_png(), kind="photo", file_name="x.png"
    )
    assert check_register(session).checks["documents"] == []
    with session.db.atomic():  # damage no path of the app can make
        if missing == "bytes":
            session.db.execute("DELETE FROM document_bytes")
        else:
            session.db.execute("DROP TRIGGER documents_purged")
            session.db.execute("DELETE FROM documents")
    [line] = check_register(session).checks["documents"]
    assert kept.id in line
    assert ("missing" if missing == "bytes" else "orphan") in line
