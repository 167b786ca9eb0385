"""Property: whatever the edits and however batches travel (late, lost, repeated),
offices that finally exchange batches both ways hold the same records."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import Office, close_all, copy_offices, new_case, stick_in, synced_rows
from tipdesk.services import sync
from tipdesk.services.casework import cases

FIELDS = {
    "risk_level": ("low", "medium", "high"),
    "summary": ("Ringkasan A.", "Ringkasan B.", "Ringkasan C."),
    "alias": ("Nona", "Ina", "Ata"),
}

edit = st.tuples(
    st.just("edit"),
    st.sampled_from(["A", "P", "B"]),
    st.sampled_from(["A", "B"]),
    st.sampled_from(sorted(FIELDS)),
    st.integers(0, 2),
)
send = st.tuples(
    st.just("send"), st.sampled_from(["AP", "PA", "BP", "PB"]), st.booleans(), st.booleans()
)  # delivered?, delivered twice?
steps = st.lists(st.one_of(edit, send), min_size=1, max_size=14)


def _edit(office: Office, number: str, name: str, value: str) -> None:
    file = cases.open_case(office.session, number)
    if name == "alias":
        file.person.alias = value
    else:
        setattr(file.case, name, value)
    cases.save_case_file(office.session, file.person, file.case)


def _send(src: Office, dst: Office, stick: Path, deliver: bool, twice: bool) -> None:
    batch = src.export(dst, stick)
    if deliver:
        sync.import_batch(dst.session, batch)
        if twice:
            sync.import_batch(dst.session, batch)


def _settle(offices: dict[str, Office], stick: Path) -> None:
    for _ in range(3):
        for pair in ("AP", "PA", "BP", "PB"):
            _send(offices[pair[0]], offices[pair[1]], stick, True, False)


def _same_records(x: Office, y: Office, case_id: str, person_id: str) -> None:
    assert synced_rows(x.session, "cases")[case_id] == synced_rows(y.session, "cases")[case_id]
    assert (
        synced_rows(x.session, "persons")[person_id] == synced_rows(y.session, "persons")[person_id]
    )


@pytest.fixture(scope="module")
def started(tmp_path_factory, enrolled_trio):
    """The trio (closed) once KUP (A) and BEL (B) have each sent NTT (P) a case of
    their own; and the two cases."""
    root = tmp_path_factory.mktemp("converge")
    a, b, p = copy_offices(enrolled_trio, root)
    files = {
        "A": new_case(a.session),
        "B": new_case(b.session, {"full_name": "Yohana Seran", "nik": ""}),
    }
    stick = stick_in(root)
    _send(a, p, stick, True, False)
    _send(b, p, stick, True, False)
    close_all((a, b, p))
    return (a, b, p), files


@pytest.mark.slow
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(plan=steps)
def test_three_offices_converge(started, plan):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        a, b, p = copy_offices(started[0], root)
        offices = {"A": a, "B": b, "P": p}
        try:
            stick = stick_in(root)
            files = copy.deepcopy(started[1])
            last: dict[tuple[str, str], dict[str, str]] = {}  # (owner, field) -> by office
            for step in plan:
                if step[0] == "edit":
                    _, where, owner, name, index = step
                    if where != "P" and where != owner:
                        continue  # a district edits only its own records
                    _edit(offices[where], files[owner].case.case_number, name, FIELDS[name][index])
                    last.setdefault((owner, name), {})[where] = FIELDS[name][index]
                else:
                    _, pair, deliver, twice = step
                    _send(offices[pair[0]], offices[pair[1]], stick, deliver, twice)
            _settle(offices, stick)
            for owner in ("A", "B"):
                f = files[owner]
                _same_records(offices[owner], p, f.case.id, f.person.id)
            # No edit is lost: a field only one office changed ends with its last value.
            for (owner, name), by in last.items():
                if len(by) == 1:
                    [value] = by.values()
                    for office in (offices[owner], p):
                        file = cases.open_case(office.session, files[owner].case.case_number)
                        held = file.person.alias if name == "alias" else getattr(file.case, name)
                        assert held == value, (owner, name)
            # Resolving every conflict either way keeps them converged.
            for office in (p, a, b):
                for item in sync.list_conflicts(office.session):
                    sync.resolve_conflict(office.session, item.id, keep="remote")
            _settle(offices, stick)
            for owner in ("A", "B"):
                f = files[owner]
                _same_records(offices[owner], p, f.case.id, f.person.id)
            assert f.case.id not in synced_rows(a.session, "cases")  # B's case never at A
        finally:
            for office in offices.values():
                office.session.close()
