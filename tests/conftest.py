"""Shared fixtures: every test works on registers of its own in tmp_path, most of them
copies of templates made once per test run (the builders are in tests/helpers.py)."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import (
    FAST_KDF,  # noqa: F401  (tests/cli and tests/ui import these from here)
    PASSWORD,  # noqa: F401
    TODAY,  # noqa: F401
    Office,
    add_account,  # noqa: F401
    case,  # noqa: F401
    close_all,
    copy_offices,
    district_and_province,
    kill_helpers,  # noqa: F401
    new_case,  # noqa: F401
    new_register,
    outcome_within,  # noqa: F401
    provider,  # noqa: F401
    sign_in,
    stick_in,
    two_districts,
)
from tipdesk.services.register import Created
from tipdesk.services.session import Session


@pytest.fixture(scope="session")
def register_template(tmp_path_factory: pytest.TempPathFactory) -> Created:
    """One new register, made once per test run; each test gets a copy of it."""
    return new_register(tmp_path_factory.mktemp("template") / "register")


@pytest.fixture
def register(tmp_path: Path, register_template: Created) -> Created:
    """A new register of its own for the test: a copy of the template (a millisecond)
    rather than a new one (a seventh of a second: keys, migrations, office keys). Tests
    that need two different registers call :func:`new_register` for the second."""
    folder = tmp_path / "register"
    shutil.copytree(register_template.folder, folder)
    return dataclasses.replace(register_template, folder=folder)


@pytest.fixture
def session(register: Created) -> Iterator[Session]:
    """The admin signed in to ``register``, on TODAY."""
    s = sign_in(register.folder, "admin")
    yield s
    s.close()


@pytest.fixture(scope="session")
def enrolled_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Office, Office]:
    """KUP and its province NTT, enrolled with each other, made once per test run and
    closed: ``offices`` copies them."""
    district, province, _ = district_and_province(tmp_path_factory.mktemp("pair"))
    close_all((district, province))
    return district, province


@pytest.fixture
def offices(tmp_path: Path, enrolled_pair: tuple[Office, Office]) -> Iterator[tuple]:
    """The district KUP and the province NTT, enrolled with each other, each signed in as
    its admin (registers of the test's own, in tmp_path/kup and tmp_path/ntt), and an
    empty stick (tmp_path/stick)."""
    district, province = copy_offices(enrolled_pair, tmp_path)
    yield district, province, stick_in(tmp_path)
    close_all((district, province))


@pytest.fixture(scope="session")
def enrolled_trio(tmp_path_factory: pytest.TempPathFactory) -> tuple[Office, Office, Office]:
    """KUP and BEL, both enrolled with their province NTT, made once per test run and
    closed: ``three_offices`` copies them."""
    kup, bel, ntt, _ = two_districts(tmp_path_factory.mktemp("trio"))
    close_all((kup, bel, ntt))
    return kup, bel, ntt


@pytest.fixture
def three_offices(tmp_path: Path, enrolled_trio: tuple[Office, Office, Office]) -> Iterator[tuple]:
    """KUP and BEL, both enrolled with the province NTT, each signed in as its admin
    (in tmp_path/kup, tmp_path/bel and tmp_path/ntt), and an empty stick."""
    kup, bel, ntt = copy_offices(enrolled_trio, tmp_path)
    yield kup, bel, ntt, stick_in(tmp_path)
    close_all((kup, bel, ntt))
