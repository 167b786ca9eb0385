"""Shared fixtures: every test builds its own register in tmp_path."""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tipdesk.domain import records as r
from tipdesk.security.keyslots import KdfParams
from tipdesk.services.casework import cases
from tipdesk.services.register import create_register, open_register

PASSWORD = "kata-sandi-uji-1"
# Cheap Argon2id for the many registers tests create; the cost is stored per key slot,
# so this exercises the same code as the default.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
TODAY = dt.date(2026, 11, 28)


def new_register(folder: Path, *, code: str = "KUP", admin: str = "admin"):
    office = r.Office(code=code, name="UPTD PPA Kota Kupang", level="district", region_code="53.71")
    return create_register(
        folder, office, r.User(username=admin, role="admin"), PASSWORD, kdf=FAST_KDF
    )


@pytest.fixture(scope="session")
def register_template(tmp_path_factory):
    """One new register, made once per test run; each test gets a copy of it."""
    return new_register(tmp_path_factory.mktemp("template") / "register")


@pytest.fixture
def register(tmp_path: Path, register_template):
    """A new register of its own for the test: a copy of the template (a millisecond)
    rather than a new one (a seventh of a second: keys, migrations, office keys). Tests
    that need two different registers call :func:`new_register` for the second."""
    folder = tmp_path / "register"
    shutil.copytree(register_template.folder, folder)
    return dataclasses.replace(register_template, folder=folder)


@pytest.fixture
def session(register):
    s = open_register(register.folder, "admin", PASSWORD)
    s.today = lambda: TODAY
    yield s
    s.close()


def person(**overrides) -> r.Person:
    values = dict(
        full_name="Maria Goreti Bria",
        sex="female",
        birth_date=dt.date(1999, 3, 14),
        region_code="53.71.01.1001",
        phone="081234567890",
    )
    values.update(overrides)
    return r.Person(**values)


def case(**overrides) -> r.Case:
    values = dict(
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


def new_case(session, person_overrides=None, **case_overrides) -> r.CaseFile:
    file, _ = cases.create_case(session, person(**(person_overrides or {})), case(**case_overrides))
    return file


def provider(session, **overrides) -> r.Provider:
    values = dict(
        name="RSUD Prof. Dr. W. Z. Johannes",
        provider_type="hospital",
        region_code="53.71",
        services_offered=["health"],
    )
    values.update(overrides)
    p = r.Provider(**values)
    cases.create_provider(session, p)
    return p


def add_account(session, username: str, role: str, password: str = PASSWORD) -> None:
    """Another account in the session's register, with its own key slot."""
    from tipdesk.services.access import users

    users.add_user(
        session,
        r.User(username=username, display_name=username.title(), role=role),
        password,
        kdf=FAST_KDF,
    )


def sign_in(folder: Path, username: str, password: str = PASSWORD):
    s = open_register(folder, username, password)
    s.today = lambda: TODAY
    return s


def erase(session, case_number: str) -> None:
    """Erase the person of ``case_number`` as a supervisor of the session's register (the
    one way to remove a person; an admin may not)."""
    from tipdesk.services.casework import privacy

    if session.user.role == "supervisor":
        privacy.erase_person(session, case_number, "entered_by_mistake")
        return
    add_account(session, "eraser", "supervisor")
    supervisor = sign_in(session.folder, "eraser")
    try:
        privacy.erase_person(supervisor, case_number, "entered_by_mistake")
    finally:
        supervisor.close()


def triggers(db) -> list[tuple[str, str]]:
    """Every trigger of the register, by name, with its SQL."""
    return db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()


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


def process_ended(pid: int) -> bool:
    """Whether process ``pid`` has ended (Linux): gone, or ended and not yet reaped by
    whoever inherited it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")


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
        if process.name == name:
            os.kill(process.pid, signal.SIGKILL)
            process.join()
