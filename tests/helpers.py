"""Builders the tests share, as plain functions (the fixtures built on them are in
conftest.py): records with given fields, registers and their accounts, offices that sync
with one another and the batches they seal, the command line's environment, and processes
that are started, killed or must end."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest

from tipdesk.domain import records as r
from tipdesk.security import batch as envelope
from tipdesk.security import officekeys as ok
from tipdesk.security.keyslots import KdfParams
from tipdesk.services import sync
from tipdesk.services.casework import cases
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.register import Created, create_register, open_register
from tipdesk.services.session import Session
from tipdesk.storage import sync as store

PASSWORD = "kata-sandi-uji-1"
# Cheap Argon2id for the many registers tests create; the cost is stored per key slot,
# so this exercises the same code as the default.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
TODAY = dt.date(2026, 11, 28)


# --- records ---------------------------------------------------------------------------


def person(**overrides: Any) -> r.Person:
    """Maria Goreti Bria, born 1999 in Kupang, with ``overrides``."""
    values: dict[str, Any] = dict(
        full_name="Maria Goreti Bria",
        sex="female",
        birth_date=dt.date(1999, 3, 14),
        region_code="53.71.01.1001",
        phone="081234567890",
    )
    values.update(overrides)
    return r.Person(**values)


def case(**overrides: Any) -> r.Case:
    """A hotline case of forced labour on a plantation in Malaysia, with ``overrides``."""
    values: dict[str, Any] = dict(
        opened_on=dt.date(2026, 10, 2),
        intake_source="hotline",
        exploitation_types=["forced_labour"],
        labour_sector="agriculture",
        exploitation_country="my",
        exploitation_place="Tawau",
        summary="Dijanjikan kerja di kebun sawit.",
    )
    values.update(overrides)
    return r.Case(**values)


def new_case(
    session: Session, person_overrides: dict[str, Any] | None = None, **case_overrides: Any
) -> r.CaseFile:
    """A new person with a new case, saved as the session's user."""
    file, _ = cases.create_case(session, person(**(person_overrides or {})), case(**case_overrides))
    return file


def provider(session: Session, **overrides: Any) -> r.Provider:
    """The Kupang hospital (or ``overrides``), saved in the provider directory."""
    values: dict[str, Any] = dict(
        name="RSUD Prof. Dr. W. Z. Johannes",
        provider_type="hospital",
        region_code="53.71",
        services_offered=["health"],
    )
    values.update(overrides)
    p = r.Provider(**values)
    cases.create_provider(session, p)
    return p


def letter_settings(**overrides: Any) -> r.LetterSettings:
    """The Kupang office's letterhead, signatory and copies, with ``overrides``."""
    values: dict[str, Any] = dict(
        letterhead=[
            "PEMERINTAH KOTA KUPANG",
            "DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK",
            "UPTD PERLINDUNGAN PEREMPUAN DAN ANAK",
        ],
        address_lines=["Jl. Soeharto No. 57, Kupang", "Telepon (0380) 821234"],
        city="Kupang",
        signatory_title="Kepala UPTD PPA Kota Kupang",
        signatory_name="Yuliana Ndolu, S.Sos",
        signatory_rank="Pembina, IV/a",
        signatory_nip="197805122005012003",
        copies=["Kepala Dinas P3A Kota Kupang", "Arsip"],
    )
    values.update(overrides)
    return r.LetterSettings(**values)


# --- registers and their accounts ------------------------------------------------------


def new_register(folder: Path, *, code: str = "KUP", admin: str = "admin") -> Created:
    """A new register of its own in ``folder`` (the ``register`` fixture copies one
    instead: use this for a second, different register)."""
    office = r.Office(code=code, name="UPTD PPA Kota Kupang", level="district", region_code="53.71")
    return create_register(
        folder, office, r.User(username=admin, role="admin"), PASSWORD, kdf=FAST_KDF
    )


def sign_in(folder: Path, username: str, password: str = PASSWORD) -> Session:
    """A session of ``username`` on the register in ``folder``, on TODAY."""
    s = open_register(folder, username, password)
    s.today = lambda: TODAY
    return s


def add_account(session: Session, username: str, role: str, password: str = PASSWORD) -> None:
    """Another account in the session's register, with its own key slot."""
    from tipdesk.services.access import users

    users.add_user(
        session,
        r.User(username=username, display_name=username.title(), role=role),
        password,
        kdf=FAST_KDF,
    )


def second_user(session: Session, username: str, role: str) -> Session:
    """A new account ``username`` in the session's register, signed in."""
    add_account(session, username, role)
    return sign_in(session.folder, username)


def erase(session: Session, case_number: str) -> None:
    """Erase the person of ``case_number`` as a supervisor of the session's register (the
    one way to remove a person; an admin may not)."""
    from tipdesk.services.casework import privacy

    if session.user.role == "supervisor":
        privacy.erase_person(session, case_number, "entered_by_mistake")
        return
    supervisor = second_user(session, "eraser", "supervisor")
    try:
        privacy.erase_person(supervisor, case_number, "entered_by_mistake")
    finally:
        supervisor.close()


def demo_register(
    folder: Path, count: int, *, seed: int, accounts: dict[str, str] | None = None
) -> Path:
    """A new register in ``folder`` with ``count`` demo cases made by its admin, then an
    account for each of ``accounts`` (username -> role); returns the folder."""
    created = new_register(folder)
    with sign_in(created.folder, "admin") as s:
        add_demo_cases(s, count, seed=seed)
        for username, role in (accounts or {}).items():
            add_account(s, username, role)
    return created.folder


def copy_register(template: Path, where: Path) -> Path:
    """A copy of the (closed) register folder ``template`` at ``where / "register"``."""
    return Path(shutil.copytree(template, where / "register"))


def triggers(db: Any) -> list[tuple[str, str]]:
    """Every trigger of the register, by name, with its SQL."""
    return db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()


# --- offices that sync -----------------------------------------------------------------


class Office:
    """One office's register, opened as its admin."""

    folder: Path
    code: str
    session: Session

    def __init__(self, folder: Path, code: str, level: str, region: str) -> None:
        self.folder, self.code = folder, code
        create_register(
            folder,
            r.Office(code=code, name=f"Kantor {code}", level=level, region_code=region),
            r.User(username="admin", role="admin"),
            PASSWORD,
            kdf=FAST_KDF,
        )
        self.session = self.open()

    @classmethod
    def copy_of(cls, office: Office, where: Path) -> Office:
        """A copy of ``office``'s register (closed) in ``where``, under the same folder
        name, opened as its admin: the same office, a register of the test's own."""
        copy = cls.__new__(cls)
        copy.folder = Path(shutil.copytree(office.folder, where / office.folder.name))
        copy.code = office.code
        copy.session = copy.open()
        return copy

    def open(self) -> Session:
        """A new session of the admin on the register."""
        return sign_in(self.folder, "admin")

    def reopen(self) -> None:
        """Close the session and sign in again (as the next program would)."""
        self.session.close()
        self.session = self.open()

    def export(self, to: Office, out: Path) -> Path:
        """The next batch to ``to``, written at ``out`` (a file, or a folder)."""
        return sync.export_batch(self.session, to.code, out).path

    def case(self, number: str) -> r.CaseFile:
        """The case file ``number`` as this office holds it."""
        return cases.open_case(self.session, number)


def enrol(a: Office, b: Office, tmp: Path, profile: str | None = None) -> None:
    """``a`` and ``b`` trust each other's key file (``a`` sends ``profile`` to ``b``);
    the key files are written in ``tmp``."""
    for src, dst in ((a, b), (b, a)):
        path, fingerprint = sync.export_key_file(src.session, tmp / f"{src.code}.tipkey")
        sync.trust_key_file(
            dst.session,
            path.read_bytes(),
            fingerprint.lower().replace("-", " "),
            profile=profile if dst is a else None,
        )


def stick_in(where: Path) -> Path:
    """An empty folder ``where / "stick"``: the USB stick batches travel on."""
    stick = where / "stick"
    stick.mkdir()
    return stick


def district_and_province(
    where: Path, *, profile: str | None = None
) -> tuple[Office, Office, Path]:
    """New registers of the district KUP and its province NTT, enrolled with each other
    (KUP sending ``profile``), and an empty stick (the ``offices`` fixture copies such a
    pair instead)."""
    district = Office(where / "kup", "KUP", "district", "53.71")
    province = Office(where / "ntt", "NTT", "province", "53")
    enrol(district, province, where, profile=profile)
    return district, province, stick_in(where)


def two_districts(where: Path) -> tuple[Office, Office, Office, Path]:
    """New registers of KUP and BEL, both enrolled with the province NTT, and an empty
    stick (the ``three_offices`` fixture copies such a trio instead)."""
    a = Office(where / "kup", "KUP", "district", "53.71")
    b = Office(where / "bel", "BEL", "district", "53.04")
    province = Office(where / "ntt", "NTT", "province", "53")
    enrol(a, province, where)
    enrol(b, province, where)
    return a, b, province, stick_in(where)


def send(sender: Office, receiver: Office, out: Path) -> sync.ImportSummary:
    """``sender``'s next batch to ``receiver``, written at ``out`` (a file, or a folder
    for a neutral random name: the stick) and imported by ``receiver``."""
    return sync.import_batch(receiver.session, sender.export(receiver, out))


def copy_offices(offices: Iterable[Office], where: Path) -> list[Office]:
    """Copies of ``offices`` (closed) in ``where``, each opened: see Office.copy_of."""
    return [Office.copy_of(office, where) for office in offices]


def close_all(offices: Iterable[Office]) -> None:
    """Close each office's session."""
    for office in offices:
        office.session.close()


def synced_rows(session: Session, table: str) -> dict[str, dict]:
    """Every row of a synced table by id, without local or stamping columns."""
    found = {}
    for row in session.db.query(f"SELECT * FROM {table}"):
        for column in ("rid", "updated_at", "updated_by"):
            row.pop(column, None)
        found[row["id"]] = row
    return found


def same(
    a: Office,
    b: Office,
    tables: Sequence[str] = ("persons", "cases", "services", "referrals", "case_notes"),
) -> None:
    """``a`` and ``b`` hold the same rows in ``tables``."""
    for table in tables:
        assert synced_rows(a.session, table) == synced_rows(b.session, table), table


def set_case(office: Office, number: str, **fields: Any) -> None:
    """Save a change of ``fields`` to the case ``number`` at ``office``, as a person would."""
    f = office.case(number)
    for name, value in fields.items():
        setattr(f.case, name, value)
    cases.save_case_file(office.session, f.person, f.case)


# Every table an import may write, and the sync bookkeeping beside them.
STATE_TABLES = (
    *r.SYNCED_RECORDS,
    "_changes",
    "peers",
    "batches",
    "conflicts",
    "office_keys",
)


def state(office: Office) -> dict[str, str]:
    """A digest of each of STATE_TABLES at ``office``: equal before and after means the
    office was left exactly as it was."""
    db = office.session.db
    return {
        t: hashlib.sha256(
            repr(db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()).encode()
        ).hexdigest()
        for t in STATE_TABLES
    }


def row(office: Office, table: str, record_id: str) -> dict:
    """The row ``record_id`` of ``table`` as ``office`` stores it."""
    return store.rows_by_id(office.session.db, table, [record_id])[record_id]


def sealed_as(
    sender: Office,
    receiver: Office,
    entries: Sequence[dict],
    *,
    seq_from: int,
    seq_to: int,
    to_recovery_key: bool = True,
) -> bytes:
    """A batch signed with ``sender``'s real key and encrypted to ``receiver``'s (and its
    recovery key, unless not ``to_recovery_key``), holding ``entries`` whatever they say,
    under a manifest with this seq range."""
    card = ok.read_card(_peer(sender, receiver)["card"].encode())
    recipients = [card.age_recipient]
    if to_recovery_key:
        recipients.append(card.recovery_recipient)
    return envelope.seal(
        origin=sender.session.office.id,
        origin_code=sender.code,
        destination=card.office_id,
        destination_fingerprint=ok.fingerprint(card),
        seq_from=seq_from,
        seq_to=seq_to,
        ack_upto=0,
        schema_version=sync.SCHEMA_VERSION,
        counts={},
        profile="full",
        changes=b"".join(json.dumps(e, separators=(",", ":")).encode() + b"\n" for e in entries),
        signing_key=sync._secrets(sender.session).signing_key,
        recipients=recipients,
    )


def received_upto(receiver: Office, sender: Office) -> int:
    """The last change number ``receiver`` has taken in from ``sender``."""
    return _peer(receiver, sender)["received_upto"]


def _peer(office: Office, other: Office) -> dict:
    """``office``'s record of ``other``, which it has enrolled."""
    peer = store.peer_by(office.session.db, code=other.code)
    assert peer is not None, f"{office.code} has not enrolled {other.code}"
    return peer


# --- the command line -------------------------------------------------------------------


def cli_environment(monkeypatch: pytest.MonkeyPatch, home: Path, *, user: str = "") -> None:
    """What a command run in this process reads: PASSWORD, English, ``user`` (else no
    TIPDESK_USER), and state and data folders under ``home``."""
    monkeypatch.setenv("TIPDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("TIPDESK_LANG", "en")
    if user:
        monkeypatch.setenv("TIPDESK_USER", user)
    else:
        monkeypatch.delenv("TIPDESK_USER", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


# --- processes --------------------------------------------------------------------------


def outcome_within(action: Callable[[], object], seconds: float) -> object:
    """What ``action()`` returned or raised, run on a thread of its own; the test fails
    if it is still running after ``seconds`` (for when waiting for ever is the bug)."""
    outcome: list = []

    def run() -> None:
        try:
            outcome.append(action())
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    return outcome[0]


def exit_code_of(target: Callable[..., object], *args: object, timeout: float = 120) -> int | None:
    """Run ``target(*args)`` in a new (spawned) process and return its exit code (None if
    it is still running after ``timeout`` seconds)."""
    child = multiprocessing.get_context("spawn").Process(target=target, args=args)
    child.start()
    child.join(timeout=timeout)
    return child.exitcode


def process_ended(pid: int) -> bool:
    """Whether process ``pid`` has ended (Linux): gone, or ended and not yet reaped by
    whoever inherited it."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return status in ("Z", "X")


def ends_within(pid: int, seconds: float) -> bool:
    """Whether process ``pid`` ends within ``seconds``."""
    deadline = time.monotonic() + seconds
    while not process_ended(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return process_ended(pid)


def kill_helpers(name: str) -> None:
    """Kill this process's helper processes called ``name``, as the system would when
    memory runs short."""
    for process in multiprocessing.active_children():
        if process.name == name and process.pid is not None:
            os.kill(process.pid, signal.SIGKILL)
            process.join()


def dead_pid() -> int:
    """The id of a process that has ended (free until the system hands it out again)."""
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    return ended.pid


# --- the case journey (issue 22) --------------------------------------------------------

# Free text of the journey's records, each a word found nowhere else: an erasure must
# leave none of them, and a de-identified copy must hold none.
JOURNEY_TEXT = {
    "assessments": "Gelisahmalam",
    "plan_goals": "Kursusjahitbiru",
    "legal_steps": "LP/B/777/Qz/2026",
    "restitution": "Kwitansiungu",
    "lpsk_requests": "Rumahamanhijau",
    "returns": "Bandaraeltari",
    "reintegration_checkups": "Warungkelontong",
}


def journey_records(case_id: str) -> list[Any]:
    """One record of each kind of the case journey for the case ``case_id``, valid on
    TODAY, each holding its word of JOURNEY_TEXT in a personal field (the check-up after
    the return it follows: add them in order, then set ``return_id``)."""
    day = dt.date(2026, 10, 5)
    return [
        r.Assessment(
            case_id=case_id,
            kind="biopsychosocial",
            assessed_on=day,
            needs=["mental_health", "livelihood"],
            findings=f"Tidur terganggu, {JOURNEY_TEXT['assessments']}.",
        ),
        r.PlanGoal(
            case_id=case_id,
            goal=f"Ikut {JOURNEY_TEXT['plan_goals']}",
            domain="livelihood",
            target_on=dt.date(2027, 3, 1),
            review_on=dt.date(2026, 12, 15),
        ),
        r.LegalStep(
            case_id=case_id,
            kind="police_report",
            step_on=day,
            reference_number=JOURNEY_TEXT["legal_steps"],
            authority="Polda NTT",
            perpetrators=2,
            perpetrator_relationship="acquaintance",
        ),
        r.Restitution(
            case_id=case_id,
            requested_on=dt.date(2026, 10, 20),
            requested_amount=85_000_000,
            note=JOURNEY_TEXT["restitution"],
        ),
        r.LpskRequest(
            case_id=case_id,
            requested_on=dt.date(2026, 10, 21),
            protection_types=["physical_protection", "restitution_facilitation"],
            note=JOURNEY_TEXT["lpsk_requests"],
        ),
        r.Return(
            case_id=case_id,
            origin_region="53.71",
            escort="migrant_worker_agency",
            departed_on=dt.date(2026, 10, 3),
            arrived_on=dt.date(2026, 10, 4),
            handover_on=dt.date(2026, 10, 4),
            note=f"Dijemput di {JOURNEY_TEXT['returns']}",
        ),
        r.ReintegrationCheckup(
            case_id=case_id,
            checked_on=dt.date(2026, 11, 20),
            status="on_track",
            next_on=dt.date(2027, 2, 20),
            note=f"Membuka {JOURNEY_TEXT['reintegration_checkups']}",
        ),
    ]


# A small PDF, as a scanner writes one, for a document of a case.
SCAN = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def add_document(session: Session, case_number: str, data: bytes = SCAN, **fields: Any) -> Any:
    """A document (a police report, unless ``fields`` say otherwise) of the case."""
    from tipdesk.services.casework import documents

    fields = {"kind": "police_report", "file_name": "laporan.pdf", **fields}
    return documents.attach(session, case_number, data, **fields)


def add_simfoni_entry(session: Session, case_number: str, reference: str = "") -> Any:
    """That the case was entered into SIMFONI-PPA (a reference made from its number)."""
    from tipdesk.services.casework import simfoni

    return simfoni.record_entry(session, case_number, reference or f"SIMFONI/{case_number}")


def add_journey(session: Session, case_id: str) -> dict[str, Any]:
    """journey_records of the case, added as the session's user: ``{table: record}``."""
    from tipdesk.services.casework import journey

    added: dict[str, Any] = {}
    for record in journey_records(case_id):
        if isinstance(record, r.ReintegrationCheckup):
            record.return_id = added["returns"].id
        journey.add_record(session, record)
        added[journey.JOURNEY[type(record)].table] = record
    return added


def add_transfer_and_link(session: Session, case_id: str, person_id: str) -> None:
    """A transfer of the case to another office (XYZ, recorded here as an office of the
    province) and a link of its person to a person of XYZ's: one row of each table of
    issue 23, written as the services write them (captured, stamped)."""
    from tipdesk.storage import rows

    other = r.Office(code="XYZ", name="Kantor XYZ", level="district", region_code="53.04")
    with session.write() as db:
        other.id = other.origin = session.new_id()
        rows.insert(db, other, session.stamp)
        transfer = r.Transfer(
            case_id=case_id,
            person_id=person_id,
            from_office=session.office.id,
            to_office=other.id,
            reason="Korban pindah ke kabupaten lain.",
            requested_on=TODAY,
            requested_by=session.user.username,
        )
        transfer.id, transfer.origin = session.new_id(), session.office.id
        rows.insert(db, transfer, session.stamp)
        link = r.PersonLink(
            person_a=person_id,
            person_b=session.new_id(),
            office_a=session.office.id,
            office_b=other.id,
            case_number_b="XYZ-2026-00001",
            reasons=["same_nik"],
            linked_on=TODAY,
            linked_by=session.user.username,
        )
        link.id, link.origin = session.new_id(), session.office.id
        rows.insert(db, link, session.stamp)
