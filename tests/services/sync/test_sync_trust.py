"""Trust between offices (DESIGN.md section 5b): an enrolled district signs batches with its
real keys, but what it says is checked like a save in the app. Each attack of issue 18 is
built here as a misbehaving district would build it, imported through the command line
(exit 3, or a hold in the inbox), and leaves the province exactly as it was, with sync in
both directions still working afterwards."""

from __future__ import annotations

import copy
import io
import json
import os
import resource
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from tests.helpers import (
    PASSWORD,
    add_account,
    cli_environment,
    close_all,
    copy_offices,
    new_case,
    received_upto,
    row,
    sealed_as,
    send,
    sign_in,
    state,
    stick_in,
    synced_rows,
)
from tipdesk.cli import main
from tipdesk.domain import records as r
from tipdesk.domain.errors import BatchEntryRefused, NotFound, NotOurRecord, NotPermitted
from tipdesk.domain.messages import describe_error
from tipdesk.services import check, sync
from tipdesk.services.casework import cases
from tipdesk.storage import audit as audit_store
from tipdesk.storage import sync as store

NEW_ID = "01a20000-0000-7000-8000-0000000000{:02x}"


@pytest.fixture(scope="module")
def exchanged(tmp_path_factory, enrolled_trio):
    """The trio (closed) once KUP and BEL have sent NTT their cases, NTT has one of its
    own and has answered both; each office's case is its ``mine``."""
    kup, bel, ntt = copy_offices(enrolled_trio, tmp_path_factory.mktemp("trust"))
    stick = stick_in(kup.folder.parent)
    kup.mine = new_case(kup.session, {"full_name": "Maria Goreti Bria"})
    bel.mine = new_case(bel.session, {"full_name": "Yohana Seran", "nik": ""})
    ntt.mine = new_case(ntt.session, {"full_name": "Ina Bolo", "nik": ""})
    for district in (kup, bel):
        send(district, ntt, stick / "up.tipbatch")
        send(ntt, district, stick / "down.tipbatch")
    close_all((kup, bel, ntt))
    return kup, bel, ntt


@pytest.fixture
def three(tmp_path, monkeypatch, exchanged):
    """A copy of ``exchanged`` of the test's own, each office signed in as its admin, an
    empty stick, and the command line run here as NTT's or KUP's admin."""
    cli_environment(monkeypatch, tmp_path, user="admin")
    offices = copy_offices(exchanged, tmp_path)
    for office, template in zip(offices, exchanged, strict=True):
        office.mine = copy.deepcopy(template.mine)
    yield (*offices, stick_in(tmp_path))
    close_all(offices)


def forged(sender, receiver, entries, *, seq_from=None, seq_to=None) -> bytes:
    """A batch signed with ``sender``'s real keys holding ``entries``; each entry gets the
    next seq after what ``receiver`` has, and the range is theirs unless given."""
    high = received_upto(receiver, sender)
    for i, entry in enumerate(entries):
        entry.setdefault("seq", high + 1 + i)
    return sealed_as(
        sender,
        receiver,
        entries,
        seq_from=high + 1 if seq_from is None else seq_from,
        seq_to=high + len(entries) if seq_to is None else seq_to,
        to_recovery_key=False,
    )


def edit(table, values, *, op="update", **changed) -> dict:
    """An entry that changes ``values`` (a row as the receiver holds it) by ``changed``."""
    rev = values["rev"][:-4] + "9999"
    insert = op == "insert"
    return {
        "e": table,
        "id": values["id"],
        "op": op,
        "base_rev": None if insert else values["rev"],
        "rev": rev,
        "steps": [[rev, ["*"] if insert else sorted(changed) or ["summary"]]],
        "before": {} if insert else {k: values.get(k) for k in changed},
        "row": {**values, **changed, "rev": rev},
    }


def imported(office, path_or_bytes, tmp_path) -> tuple[int, str]:
    """``tipdesk import`` of a batch at ``office``: exit code and what it said."""
    if isinstance(path_or_bytes, bytes):
        path = tmp_path / "forged.tipbatch"
        path.write_bytes(path_or_bytes)
    else:
        path = path_or_bytes
    office.session.close()
    try:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["import", str(office.folder), str(path)])
    finally:
        office.session = office.open()
    return code, out.getvalue() + err.getvalue()


def refused(office, batch, tmp_path, *words) -> str:
    before = state(office)
    code, said = imported(office, batch, tmp_path)
    assert code == 3, said
    assert state(office) == before
    for word in words:
        assert word in said
    return said


def still_syncs(kup, ntt, stick, tmp_path) -> None:
    """After a refusal, honest batches flow both ways: a new KUP case reaches NTT, and
    NTT's edit of it reaches KUP."""
    fresh = new_case(kup.session, {"full_name": "Rosa Nahak", "nik": ""})
    code, said = imported(ntt, kup.export(ntt, stick / "after-up.tipbatch"), tmp_path)
    assert code == 0, said
    number = fresh.case.case_number
    f = ntt.case(number)
    f.case.risk_level = "high"
    cases.save_case_file(ntt.session, f.person, f.case)
    code, said = imported(kup, ntt.export(kup, stick / "after-down.tipbatch"), tmp_path)
    assert code == 0, said
    assert kup.case(number).case.risk_level == "high"


# --- 1. writes outside the sender's scope --------------------------------------------------


def test_a_district_cannot_create_a_case_owned_by_the_province(three, tmp_path):
    kup, _, ntt, stick = three
    case = {
        **row(ntt, "cases", kup.mine.case.id),
        "id": NEW_ID.format(1),
        "case_number": "NTT-X-1",
        "origin": ntt.session.office.id,
    }
    person = {
        **row(ntt, "persons", kup.mine.person.id),
        "id": NEW_ID.format(2),
        "register_number": "NTT-P-1",
        "origin": ntt.session.office.id,
    }
    case["person_id"] = person["id"]
    said = refused(
        ntt,
        forged(kup, ntt, [edit("persons", person, op="insert"), edit("cases", case, op="insert")]),
        tmp_path,
        "KUP",
        NEW_ID.format(2),
    )
    assert "not that office's to change" in said
    still_syncs(kup, ntt, stick, tmp_path)


@pytest.mark.parametrize(
    "change",
    [
        {"summary": "rewritten by a district", "status": "active"},
        {"deleted": 1, "summary": ""},
    ],
)
def test_a_district_cannot_edit_or_delete_a_province_case(three, tmp_path, change):
    kup, _, ntt, stick = three
    theirs = row(ntt, "cases", ntt.mine.case.id)
    refused(ntt, forged(kup, ntt, [edit("cases", theirs, **change)]), tmp_path, ntt.mine.case.id)
    assert row(ntt, "cases", ntt.mine.case.id) == theirs
    still_syncs(kup, ntt, stick, tmp_path)


def test_a_note_on_another_districts_case_is_refused(three, tmp_path):
    kup, bel, ntt, stick = three
    note = {
        "id": NEW_ID.format(3),
        "origin": kup.session.office.id,
        "rev": row(ntt, "cases", kup.mine.case.id)["rev"],
        "updated_at": "2026-12-01",
        "updated_by": "admin",
        "deleted": 0,
        "case_id": bel.mine.case.id,
        "noted_on": "2026-12-01",
        "author": "admin",
        "text": "planted",
    }
    refused(
        ntt, forged(kup, ntt, [edit("case_notes", note, op="insert")]), tmp_path, NEW_ID.format(3)
    )
    assert ntt.case(bel.mine.case.case_number).notes == []
    still_syncs(kup, ntt, stick, tmp_path)


# --- 2. a wrong parent id ------------------------------------------------------------------


def test_a_case_of_another_districts_person_is_refused_and_never_wedges(three, tmp_path):
    kup, bel, ntt, stick = three
    case = {
        **row(ntt, "cases", kup.mine.case.id),
        "id": NEW_ID.format(4),
        "case_number": "KUP-X-4",
        "person_id": bel.mine.person.id,
    }
    said = refused(
        ntt, forged(kup, ntt, [edit("cases", case, op="insert")]), tmp_path, NEW_ID.format(4)
    )
    assert "Person" in said and "another office" in said
    # Even a register that holds such a row from before never sends BEL's person to KUP.
    with ntt.session.write() as db:
        db.execute(
            "UPDATE cases SET person_id = ? WHERE id = ?", [bel.mine.person.id, kup.mine.case.id]
        )
    f = ntt.case(kup.mine.case.case_number)
    f.case.risk_level = "medium"
    cases.save_case_file(ntt.session, f.person, f.case)
    batch = ntt.export(kup, stick / "down.tipbatch")
    _, changes, _ = sync._open(kup.session, Path(batch).read_bytes())
    sent = [json.loads(line) for line in changes.lines()]
    assert bel.mine.person.id not in {entry["id"] for entry in sent}
    assert all(
        entry["row"]["origin"] != bel.session.office.id
        for entry in sent
        if entry["row"] and entry["e"] in ("persons", "cases")
    )


# --- 3. values the app would refuse ------------------------------------------------------


@pytest.mark.parametrize(
    "table, field, value",
    [
        ("persons", "birth_date", "1990-00-00"),
        ("cases", "opened_on", "2024-02-30"),
        ("cases", "exploitation_types", "[oops"),
        ("cases", "exploitation_types", '["forced_labour", "made_up"]'),
        ("persons", "estimated_age", -5),
        ("persons", "estimated_age", 2**62),
        ("persons", "estimated_age", 2**63 + 5),
        ("persons", "full_name", "x" * 999),
        ("persons", "full_name", "Maria\x00Bria"),
        ("cases", "summary", "\x1b[31m"),
    ],
)
def test_values_the_app_would_refuse_are_refused_naming_the_field(
    three, tmp_path, table, field, value
):
    kup, _, ntt, stick = three
    values = row(ntt, table, kup.mine.case.id if table == "cases" else kup.mine.person.id)
    said = refused(
        ntt,
        forged(kup, ntt, [edit(table, values, **{field: value})]),
        tmp_path,
        "KUP",
        values["id"],
    )
    assert "field" in said or "damaged" in said
    still_syncs(kup, ntt, stick, tmp_path)


def test_a_refusal_names_office_record_and_field_in_both_languages(three):
    kup, _, ntt, _ = three
    person = row(ntt, "persons", kup.mine.person.id)
    batch = forged(kup, ntt, [edit("persons", person, birth_date="1990-00-00")])
    with pytest.raises(BatchEntryRefused) as caught:
        sync.import_batch(ntt.session, batch)
    assert caught.value.params["field"] == "birth_date"
    indonesian, english = describe_error(caught.value, "id"), describe_error(caught.value, "en")
    assert "KUP" in indonesian and person["id"] in indonesian and "Tanggal lahir" in indonesian
    assert "KUP" in english and person["id"] in english and "Birth date" in english
    assert "1990-00-00" not in indonesian + english


# --- 4. sequence numbers -----------------------------------------------------------------


def test_a_lying_sequence_number_is_refused_and_loses_nothing(three, tmp_path):
    kup, _, ntt, stick = three
    case = row(ntt, "cases", kup.mine.case.id)
    refused(
        ntt,
        forged(kup, ntt, [edit("cases", case, summary="claims a lot")], seq_to=10**15),
        tmp_path,
        "sequence",
    )
    refused(
        ntt,
        forged(kup, ntt, [{**edit("cases", case, summary="out of range"), "seq": 10**12}]),
        tmp_path,
    )
    assert store.peer_by(ntt.session.db, code="KUP")["received_upto"] < 10**9
    still_syncs(kup, ntt, stick, tmp_path)


def test_a_record_is_never_skipped_for_a_seq_the_sender_claimed_before(three, tmp_path):
    """Even within the allowed lead, a high-water mark pushed up by the sender cannot
    make later honest changes count as 'seen before'."""
    kup, _, ntt, stick = three
    case = row(ntt, "cases", kup.mine.case.id)
    lead = store.peer_by(ntt.session.db, code="KUP")["received_upto"] + 10**8
    code, said = imported(
        ntt, forged(kup, ntt, [edit("cases", case, risk_level="high")], seq_to=lead), tmp_path
    )
    assert code == 0, said
    assert store.peer_by(ntt.session.db, code="KUP")["received_upto"] == lead
    set_summary = kup.case(kup.mine.case.case_number)
    set_summary.case.summary = "written after"
    cases.save_case_file(kup.session, set_summary.person, set_summary.case)
    code, said = imported(ntt, kup.export(ntt, stick / "later.tipbatch"), tmp_path)
    assert code == 0, said
    assert row(ntt, "cases", kup.mine.case.id)["summary"] == "written after"


# --- 5. a small batch that would take much memory ----------------------------------------


def _import_and_measure(folder: str, batch: str, out: str) -> None:
    os.environ["TIPDESK_LANG"] = "en"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    code = main(["import", folder, batch])
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    Path(out).write_text(json.dumps({"code": code, "grew_kib": after - before}))


@pytest.mark.slow
def test_large_before_values_are_refused_within_bounded_memory(three, tmp_path):
    kup, _, ntt, _ = three
    case = row(ntt, "cases", kup.mine.case.id)
    # 400 entries with 800 KB of text each: 320 MB inflated, a few hundred KB on disk.
    blown = [
        {**edit("cases", case, summary="x"), "before": {"summary": "y" * 800_000}}
        for _ in range(400)
    ]
    batch = forged(kup, ntt, blown, seq_to=None)
    assert len(batch) < 5_000_000
    path, out = tmp_path / "blown.tipbatch", tmp_path / "measure.json"
    path.write_bytes(batch)
    before = state(ntt)
    ntt.session.close()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from tests.services.sync.test_sync_trust import "
            "_import_and_measure as m; m(*sys.argv[1:])",
            str(ntt.folder),
            str(path),
            str(out),
        ],
        check=True,
        env={**os.environ, "TIPDESK_PASSWORD": PASSWORD},
        cwd=Path(__file__).parents[3],
        timeout=300,
    )
    ntt.session = ntt.open()
    measured = json.loads(out.read_text())
    assert measured["code"] == 3
    assert measured["grew_kib"] < 200 * 1024
    assert state(ntt) == before


# --- 6. a mass delete waits for an administrator ------------------------------------------


def test_a_mass_delete_is_held_until_an_admin_decides(three, tmp_path, capsys):
    kup, _, ntt, stick = three
    made = [new_case(kup.session, {"full_name": f"Korban {i}", "nik": ""}) for i in range(24)]
    imported(ntt, kup.export(ntt, stick / "many.tipbatch"), tmp_path)
    for file in made[:21]:
        cases.delete_case(kup.session, file.case.case_number)
    before = state(ntt)
    code, said = imported(ntt, kup.export(ntt, stick / "deletes.tipbatch"), tmp_path)
    assert code == 0 and "held" in said
    assert state(ntt) == before
    assert {c["deleted"] for c in synced_rows(ntt.session, "cases").values()} == {0}
    held = sync.list_inbox(ntt.session)
    assert [(item.peer_code, item.held, item.detail["deleted_cases"]) for item in held] == [
        ("KUP", "mass_delete", 21)
    ]
    # listed for people, and decided by an admin only, with an audit row each
    ntt.session.close()
    assert main(["inbox", str(ntt.folder), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["batch_id"] == held[0].batch_id
    assert main(["inbox", "discard", str(ntt.folder), held[0].batch_id]) == 0
    ntt.session = ntt.open()
    assert sync.list_inbox(ntt.session) == []
    actions = [a["action"] for a in ntt.session.db.query("SELECT action FROM audit_log")]
    assert "inbox_hold" in actions and "inbox_discard" in actions
    # the same deletes come again in KUP's next batch; this time the admin accepts them
    code, said = imported(ntt, kup.export(ntt, stick / "deletes2.tipbatch"), tmp_path)
    assert "held" in said
    batch_id = sync.list_inbox(ntt.session)[0].batch_id
    summary = sync.accept_held(ntt.session, batch_id)
    assert summary.applied >= 21
    gone = {file.case.id for file in made[:21]}
    assert {c["id"] for c in synced_rows(ntt.session, "cases").values() if c["deleted"]} == gone
    assert "inbox_accept" in [
        a["action"] for a in ntt.session.db.query("SELECT action FROM audit_log")
    ]
    still_syncs(kup, ntt, stick, tmp_path)


def test_only_an_admin_decides_on_a_held_batch(three):
    _, _, ntt, _ = three
    add_account(ntt.session, "worker", "caseworker")
    add_account(ntt.session, "boss", "supervisor")
    for username in ("worker", "boss"):
        session = sign_in(ntt.folder, username)
        try:
            # refused for the role, before the batch is even looked for
            with pytest.raises(NotPermitted):
                sync.discard_held(session, "0" * 32)
            with pytest.raises(NotPermitted):
                sync.accept_held(session, "0" * 32)
        finally:
            session.close()
    with pytest.raises(NotFound):
        sync.discard_held(ntt.session, "0" * 32)


# --- audit anchoring ----------------------------------------------------------------------


def test_audit_heads_are_anchored_at_the_peer_and_checked_at_home(three, tmp_path):
    kup, _, ntt, stick = three
    kup_head = sync.audit.head(kup.session)
    imported(ntt, kup.export(ntt, stick / "a.tipbatch"), tmp_path)
    peer = next(p for p in sync.list_peers(ntt.session) if p.code == "KUP")
    assert (peer.audit_seq, peer.audit_hash) == (kup_head["seq"], kup_head["hash"])
    # NTT echoes KUP's head back; KUP keeps it and its check verifies it
    imported(kup, ntt.export(kup, stick / "b.tipbatch"), tmp_path)
    assert check.check_register(kup.session).ok
    # KUP's trail is rewritten (re-chained from scratch after dropping its rows)
    with kup.session.write() as db:
        db.execute("DELETE FROM audit_log")
        audit_store.append(db, at="2026-12-01T00:00:00Z", username="admin", action="export")
    report = check.check_register(kup.session)
    assert any("NTT" in line for line in report.checks["audit_anchors"])
    # and the province sees KUP's chain go back on the head it had shown
    imported(ntt, kup.export(ntt, stick / "c.tipbatch"), tmp_path)
    peer = next(p for p in sync.list_peers(ntt.session) if p.code == "KUP")
    assert peer.audit_warning["seq"] == kup_head["seq"]
    assert peer.audit_warning["now_seq"] < kup_head["seq"]
    ntt.session.close()
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["peers", str(ntt.folder), "--json"]) == 0
    ntt.session = ntt.open()
    listed = {p["code"]: p for p in json.loads(out.getvalue())}
    assert listed["KUP"]["audit_seq"] is not None and listed["KUP"]["audit_warning"]


def test_a_district_cannot_change_a_province_provider(three, tmp_path):
    """What a district may not send, it may not change either: the edit would stay on
    its laptop and never reach anyone."""
    kup, _, ntt, stick = three
    provider = r.Provider(name="RSUD Prof. W. Z. Johannes", provider_type="hospital")
    cases.create_provider(ntt.session, provider)
    f = ntt.case(kup.mine.case.case_number)
    cases.add_referral(
        ntt.session,
        r.Referral(case_id=f.case.id, provider_id=provider.id, services_requested=["health"]),
    )
    imported(kup, ntt.export(kup, stick / "down.tipbatch"), tmp_path)
    theirs = next(p for p in cases.list_providers(kup.session) if p.id == provider.id)
    theirs.phone = "0380 123 456"
    with pytest.raises(NotOurRecord) as caught:
        cases.update_provider(kup.session, theirs)
    assert caught.value.params["office"] == "NTT"
    assert describe_error(caught.value, "en").startswith("This Provider belongs to office NTT")
    own = r.Provider(name="Rumah Aman Kupang", provider_type="shelter")
    cases.create_provider(kup.session, own)
    own.phone = "0380 999 111"
    cases.update_provider(kup.session, own)
