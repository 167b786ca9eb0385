"""Property (issue 23): whatever the order of a transfer's steps, edits on every side and
however batches travel among KUP, BEL and their province NTT (late, lost, repeated),
once they exchange batches both ways every office agrees on who owns the case, and the
offices that hold it for work hold the same contents."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import TODAY, Office, close_all, copy_offices, new_case, stick_in, synced_rows
from tests.services.sync.test_sync_convergence import _send
from tipdesk.domain import records as r
from tipdesk.domain.errors import CaseReadOnly, NotFound, TransferRefused, ValidationFailed
from tipdesk.services.casework import cases, transfers
from tipdesk.storage import transfers as transfer_store

REASON = "Korban pindah ke Belu dan dilayani di sana."
VALUES = {
    "summary": ("Ringkasan A.", "Ringkasan B.", "Ringkasan C."),
    "risk_level": ("low", "medium", "high"),
}
PAIRS = ("AP", "PA", "BP", "PB")

edit = st.tuples(
    st.just("edit"),
    st.sampled_from(["A", "B", "P"]),
    st.sampled_from(sorted(VALUES)),
    st.integers(0, 2),
)
note = st.tuples(st.just("note"), st.sampled_from(["A", "B", "P"]))
request = st.tuples(st.just("request"), st.sampled_from(["A", "P"]))
decide = st.tuples(st.just("decide"), st.booleans())
send = st.tuples(st.just("send"), st.sampled_from(PAIRS), st.booleans(), st.booleans())
steps = st.lists(st.one_of(edit, note, request, decide, send), min_size=2, max_size=16)


def _file(office: Office, person_id: str) -> dict[str, dict]:
    ids = transfer_store.file_ids(office.session.db, person_id)
    return {
        table: {rid: row for rid, row in synced_rows(office.session, table).items() if rid in got}
        for table, got in ids.items()
    }


def _owners(office: Office, person_id: str) -> set[str]:
    """The owners of the person and their cases here (a service or note another office
    added keeps its maker as origin until a transfer moves the file)."""
    held = _file(office, person_id)
    return {row["origin"] for table in ("persons", "cases") for row in held[table].values()}


@pytest.fixture(scope="module")
def started(tmp_path_factory, enrolled_trio):
    root = tmp_path_factory.mktemp("transfer-converge")
    a, b, p = copy_offices(enrolled_trio, root)
    file = new_case(a.session)
    stick = stick_in(root)
    for pair in PAIRS * 2:
        offices = {"A": a, "B": b, "P": p}
        _send(offices[pair[0]], offices[pair[1]], stick, True, False)
    close_all((a, b, p))
    return (a, b, p), file


@pytest.mark.slow
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(plan=steps)
def test_any_interleaving_converges_on_one_owner_and_the_same_file(started, plan):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        a, b, p = copy_offices(started[0], root)
        offices = {"A": a, "B": b, "P": p}
        file = copy.deepcopy(started[1])
        number, person = file.case.case_number, file.person.id
        try:
            stick = stick_in(root)
            for step in plan:
                try:
                    if step[0] == "edit":
                        _, where, name, index = step
                        held = cases.open_case(offices[where].session, number)
                        setattr(held.case, name, VALUES[name][index])
                        cases.save_case_file(offices[where].session, held.person, held.case)
                    elif step[0] == "note":
                        cases.add_note(
                            offices[step[1]].session,
                            r.CaseNote(case_id=file.case.id, noted_on=TODAY, text="Kunjungan."),
                        )
                    elif step[0] == "request":
                        transfers.request(offices[step[1]].session, number, "BEL", REASON)
                    elif step[0] == "decide":
                        if step[1]:
                            transfers.accept(b.session, number)
                        else:
                            transfers.decline(b.session, number, "Bukan wilayah kami.")
                    else:
                        _, pair, deliver, twice = step
                        _send(offices[pair[0]], offices[pair[1]], stick, deliver, twice)
                except (CaseReadOnly, TransferRefused, NotFound, ValidationFailed):
                    pass  # not this office's to do now (or a case it does not hold)
            for _ in range(3):
                for pair in PAIRS:
                    _send(offices[pair[0]], offices[pair[1]], stick, True, False)
            found = transfer_store.of_person(p.session.db, person)
            accepted = [t for t in found if t.status == "accepted"]
            owner = b.session.office.id if accepted else a.session.office.id
            # One owner everywhere the file is held.
            assert _owners(p, person) == {owner}
            assert _owners(a, person) == {owner}
            # The transfers themselves are the same at every office that is a party.
            for office in (a, b):
                assert synced_rows(office.session, "transfers") == synced_rows(
                    p.session, "transfers"
                )
            if accepted:
                assert _owners(b, person) == {owner}
                assert _file(b, person) == _file(p, person)
            else:
                assert _file(a, person) == _file(p, person)
                waiting = [t for t in found if t.status == "requested"]
                if waiting:  # offered to BEL: it holds the owner's file as it is
                    assert _file(b, person) == _file(p, person)
                else:
                    assert _owners(b, person) == set()
        finally:
            close_all((a, b, p))
