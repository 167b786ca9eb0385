"""Who may see what (issue 6): roles checked in the services, audit trail, sign-in delay,
accounts and re-keying."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil

import pytest

from tests.helpers import (
    FAST_KDF,
    PASSWORD,
    add_account,
    copy_register,
    letter_settings,
    new_case,
    provider,
    send,
    sign_in,
)
from tipdesk.domain import records as r
from tipdesk.domain.errors import (
    ClosureNeedsSupervisor,
    LastAdmin,
    NotFound,
    NotPermitted,
    NotYourself,
    RegisterDamaged,
    SignInDelayed,
    UnknownUser,
    UserDisabled,
    WrongPassword,
)
from tipdesk.security import keyslots
from tipdesk.services import letters
from tipdesk.services.access import audit, users
from tipdesk.services.casework import cases, listing
from tipdesk.services.casework.listing import CaseFilter
from tipdesk.services.check import check_register
from tipdesk.services.register import open_register, verify_password

ROLES = ("admin", "supervisor", "caseworker", "analyst")


@pytest.fixture(scope="module")
def office_made(tmp_path_factory, register_template):
    """A register (closed) with one account per role and two case workers' cases."""
    folder = copy_register(register_template.folder, tmp_path_factory.mktemp("access"))
    session = sign_in(folder, "admin")
    for role in ("supervisor", "analyst"):
        add_account(session, role, role)
    add_account(session, "ani", "caseworker")
    add_account(session, "budi", "caseworker")
    letters.save_letter_settings(session, letter_settings())
    mine = new_case(
        session,
        {"full_name": "Yuliana Nenobais"},
        assigned_to="ani",
        consent_services=True,
        consent_date=dt.date(2026, 10, 2),
        consent_by="korban",
    )
    theirs = new_case(session, {"full_name": "Yuliana Tefa"}, assigned_to="budi")
    hospital = provider(session)
    referral = r.Referral(
        case_id=mine.case.id,
        provider_id=hospital.id,
        services_requested=["health"],
        reason="Pemeriksaan.",
    )
    cases.add_referral(session, referral)
    session.close()
    return {
        "folder": folder,
        "mine": mine.case.case_number,
        "theirs": theirs.case.case_number,
        "referral": referral.id,
    }


@pytest.fixture
def office(tmp_path, office_made):
    """A copy of ``office_made`` of the test's own (in tmp_path/register)."""
    return {**office_made, "folder": copy_register(office_made["folder"], tmp_path)}


def _as(office, username):
    return sign_in(office["folder"], username)


# Each action, and the roles (or, for case workers, "ani" on her own case) that may do it.
def _actions(office):
    mine, theirs = office["mine"], office["theirs"]

    def edit_theirs(s):
        file = cases.open_case(s, theirs)
        file.case.risk_level = "high"
        cases.save_case_file(s, file.person, file.case)

    def assign(s):
        for worker in ("budi", "ani"):  # and back, for the roles that follow
            file = cases.open_case(s, mine)
            file.case.assigned_to = worker
            cases.save_case_file(s, file.person, file.case)

    return {
        "open own case": (lambda s: cases.open_case(s, mine), {"admin", "supervisor", "ani"}),
        "open another's case": (lambda s: cases.open_case(s, theirs), {"admin", "supervisor"}),
        "edit another's case": (edit_theirs, {"admin", "supervisor"}),
        "assign a case": (assign, {"admin", "supervisor"}),
        "search": (lambda s: cases.find_cases(s, "Yuliana"), {"admin", "supervisor", "ani"}),
        "dashboard": (lambda s: listing.dashboard(s), {"admin", "supervisor", "ani"}),
        "list referrals": (lambda s: listing.list_referrals(s), {"admin", "supervisor", "ani"}),
        "history": (lambda s: listing.case_history(s, theirs), {"admin", "supervisor"}),
        "new case": (lambda s: new_case(s), {"admin", "supervisor", "ani"}),
        "delete a case": (lambda s: cases.delete_case(s, theirs), {"admin", "supervisor"}),
        "providers": (lambda s: cases.list_providers(s), {"admin", "supervisor", "ani"}),
        "draft a letter": (
            lambda s: letters.draft_letter(s, office["referral"]),
            {"admin", "supervisor", "ani"},
        ),
        "letter archive": (lambda s: letters.list_letters(s), {"admin", "supervisor", "ani"}),
        "list users": (lambda s: users.list_accounts(s), {"admin"}),
        "audit trail": (lambda s: audit.entries(s), {"admin", "supervisor"}),
        "list cases": (
            lambda s: listing.list_cases(s, CaseFilter()),
            {"admin", "supervisor", "ani", "analyst"},
        ),
    }


def test_permission_matrix_every_service_as_every_role(office):
    accounts = {"admin": "admin", "supervisor": "supervisor", "ani": "ani", "analyst": "analyst"}
    outcome = {}
    for who, username in accounts.items():
        for name, (action, _) in _actions(office).items():
            # a fresh register state per action: copy the folder
            with _as(office, username) as s:
                try:
                    action(s)
                    outcome[(who, name)] = True
                except NotPermitted as exc:
                    assert exc.params["role"] == s.user.role
                    assert exc.params["permission"]
                    outcome[(who, name)] = False
            if name == "delete a case" and outcome[(who, name)]:
                _restore_theirs(office)
    expected = {
        (who, name): who in allowed
        for who in accounts
        for name, (_, allowed) in _actions(office).items()
    }
    wrong = {k: v for k, v in outcome.items() if expected[k] != v}
    assert wrong == {}


def _restore_theirs(office):
    with _as(office, "admin") as s:
        theirs = new_case(s, {"full_name": "Yuliana Tefa"}, assigned_to="budi")
    office["theirs"] = theirs.case.case_number


def test_a_case_worker_never_finds_another_workers_case(office):
    with _as(office, "ani") as s:
        found = {row["case_number"] for row in cases.find_cases(s, "Yuliana")}
        listed = {row.case_number for row in listing.list_cases(s, CaseFilter(text="yuliana"))}
        counted = listing.count_cases(s, CaseFilter())
        board = listing.dashboard(s)
    assert found == listed == {office["mine"]}
    assert counted == 1
    assert {row.case_number for row in board.my_open} == {office["mine"]}
    with _as(office, "budi") as s:
        assert {row["case_number"] for row in cases.find_cases(s, "Yuliana")} == {office["theirs"]}
        assert listing.list_referrals(s) == []  # the referral is of ani's case
    with _as(office, "supervisor") as s:
        assert {row["case_number"] for row in cases.find_cases(s, "Yuliana")} == {
            office["mine"],
            office["theirs"],
        }


def test_a_case_worker_sees_the_cases_they_registered_for_someone_else(office):
    with _as(office, "admin") as s:
        add_account(s, "citra", "caseworker")
    with _as(office, "ani") as s:
        file = new_case(s, {"full_name": "Oktaviana Lake"})  # assigned to ani herself
        assert file.case.created_by == "ani"
    with _as(office, "supervisor") as s:
        f = cases.open_case(s, file.case.case_number)
        f.case.assigned_to = "citra"
        cases.save_case_file(s, f.person, f.case)
    with _as(office, "ani") as s:
        assert cases.open_case(s, file.case.case_number).case.assigned_to == "citra"
        assert file.case.case_number in {
            row["case_number"] for row in cases.find_cases(s, "Oktaviana")
        }


def test_an_analyst_never_sees_a_name_through_any_path(office):
    with _as(office, "analyst") as s:
        rows = listing.list_cases(s, CaseFilter(), limit=100)
        assert rows and all(
            row.full_name == row.initials == row.register_number == "" for row in rows
        )
        assert len(listing.list_cases(s, CaseFilter(), sort="name")) == len(rows)
        for attempt in (
            lambda: cases.find_cases(s, "Yuliana"),
            lambda: listing.list_cases(s, CaseFilter(text="Yuliana")),
            lambda: cases.open_case(s, office["mine"]),
            lambda: listing.case_history(s, office["mine"]),
            lambda: listing.dashboard(s),
            lambda: listing.list_referrals(s),
            lambda: letters.draft_letter(s, office["referral"]),
            lambda: audit.case_entries(s, office["mine"]),
        ):
            with pytest.raises(NotPermitted):
                attempt()
        from tipdesk.services import sync

        with pytest.raises(NotPermitted):
            sync.export_batch(s, "NTT", office["folder"])


def test_closing_a_case_needs_a_supervisor_and_records_the_approval(office):
    with _as(office, "ani") as s:
        file = cases.open_case(s, office["mine"])
        file.case.status, file.case.closed_on = "closed", dt.date(2026, 11, 20)
        file.case.closure_reason = "goals_achieved"
        with pytest.raises(ClosureNeedsSupervisor):
            cases.save_case_file(s, file.person, file.case)
        assert cases.open_case(s, office["mine"]).case.status == "open"
    with _as(office, "supervisor") as s:
        file = cases.open_case(s, office["mine"])
        file.case.status, file.case.closed_on = "closed", dt.date(2026, 11, 20)
        file.case.closure_reason = "goals_achieved"
        cases.save_case_file(s, file.person, file.case)
        closed = cases.open_case(s, office["mine"]).case
        assert (closed.closure_approved_by, closed.closure_approved_on) == ("supervisor", s.today())
        assert audit.entries(s, case_number=office["mine"], actions=("case_closed",))
    with _as(office, "ani") as s:  # editing a closed case keeps the approval
        file = cases.open_case(s, office["mine"])
        file.case.risk_level = "low"
        file.case.closure_approved_by = "ani"  # cannot be forged from outside
        cases.save_case_file(s, file.person, file.case)
        assert cases.open_case(s, office["mine"]).case.closure_approved_by == "supervisor"


# --- the audit trail ----------------------------------------------------------------------


def test_the_audit_trail_records_who_did_what_to_which_case(office):
    with _as(office, "ani") as s:
        file = cases.open_case(s, office["mine"])
        cases.open_case(s, office["mine"])  # reopening at once is one view
        file.person.alias = "Nona"
        cases.save_case_file(s, file.person, file.case)
        letters.issue_letter(s, office["referral"])
        mine = audit.case_entries(s, office["mine"])
    actions = [(e.username, e.action) for e in mine]
    assert actions[:3] == [
        ("ani", "letter_issued"),
        ("ani", "case_changed"),
        ("ani", "case_viewed"),
    ]
    assert ("admin", "case_created") in actions
    changed = next(e for e in mine if e.action == "case_changed")
    assert changed.detail == {"fields": ["person.alias"]}
    with _as(office, "supervisor") as s:
        signs = audit.entries(s, actions=("sign_in",))
        assert {e.username for e in signs} >= {"ani", "supervisor"}
        # no personal data in any row
        text = repr(audit.entries(s, limit=10_000))
    assert "Yuliana" not in text and "Nona" not in text


def _tamper(folder, sql, params=()):
    with sign_in(folder, "admin") as s:
        s.db.execute(sql, params)
        s.db.conn.commit()


def test_check_detects_an_edited_audit_row(office):
    _tamper(office["folder"], "UPDATE audit_log SET username = 'budi' WHERE seq = 3")
    with sign_in(office["folder"], "admin") as s:
        report = check_register(s)
    assert report.checks["audit_trail"] == ["audit row 3 was changed after it was written"]
    assert not report.ok


def test_check_detects_a_removed_audit_row(office):
    _tamper(office["folder"], "DELETE FROM audit_log WHERE seq = 4")
    with sign_in(office["folder"], "admin") as s:
        assert check_register(s).checks["audit_trail"] == [
            "audit row 4 is missing (the next row is 5)"
        ]


def test_check_detects_rows_cut_off_the_end_and_a_rechained_row(office):
    with sign_in(office["folder"], "admin") as s:
        assert check_register(s).checks["audit_trail"] == []
        last = s.db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        s.db.execute("DELETE FROM audit_log WHERE seq = ?", [last])
        s.db.conn.commit()
        assert "were removed" in check_register(s).checks["audit_trail"][0]
    # An edited row whose own hash was recomputed still breaks the next row's link.
    from tipdesk.storage import audit as store

    with sign_in(office["folder"], "admin") as s:
        row = dict(
            s.db.execute("SELECT * FROM audit_log WHERE seq = 2").fetchone()
            and next(s.db.query("SELECT * FROM audit_log WHERE seq = 2"))
        )
        row["username"] = "budi"
        s.db.execute(
            "UPDATE audit_log SET username = 'budi', hash = ? WHERE seq = 2",
            [store.row_hash(row["prev_hash"], row)],
        )
        s.db.conn.commit()
        assert check_register(s).checks["audit_trail"][0].startswith("audit row 3 does not")


# --- sign-in protection -------------------------------------------------------------------


def test_failed_sign_ins_are_slowed_down_and_audited(office, monkeypatch):
    now = [1_800_000_000.0]
    monkeypatch.setattr(keyslots.time, "time", lambda: now[0])
    for _ in range(5):
        with pytest.raises(WrongPassword):
            open_register(office["folder"], "ani", "not her password")
        now[0] += 1
    # The sixth attempt waits, even with the right password, and is not tried.
    with pytest.raises(SignInDelayed) as caught:
        open_register(office["folder"], "ani", PASSWORD)
    assert 0 < caught.value.params["seconds"] <= keyslots.FIRST_DELAY_S
    now[0] += keyslots.FIRST_DELAY_S
    with pytest.raises(WrongPassword):  # a sixth failure doubles the wait
        open_register(office["folder"], "ani", "still wrong")
    with pytest.raises(SignInDelayed) as caught:
        open_register(office["folder"], "ani", PASSWORD)
    assert keyslots.FIRST_DELAY_S < caught.value.params["seconds"] <= 2 * keyslots.FIRST_DELAY_S
    # Other users are not held back.
    sign_in(office["folder"], "budi").close()
    now[0] += 2 * keyslots.FIRST_DELAY_S
    with sign_in(office["folder"], "ani") as s:
        pass
    with sign_in(office["folder"], "supervisor") as s:
        rows = audit.entries(s, username="ani")
    actions = [e.action for e in reversed(rows)]
    assert actions.count("sign_in_failed") == 6
    assert actions.count("sign_in_delayed") == 2
    assert actions[-1] == "sign_in"
    # After a success the count starts again.
    assert keyslots.KeyFile.load(office["folder"] / "register.keys").wait_seconds("ani") == 0


def test_unlocking_checks_the_same_users_password(office):
    with _as(office, "ani") as s:
        with pytest.raises(WrongPassword):
            verify_password(s, "wrong password")
        verify_password(s, PASSWORD)
    with _as(office, "admin") as s:
        rows = [e.action for e in audit.entries(s, username="ani", limit=3)]
    assert rows == ["unlocked", "sign_in_failed", "sign_in"]


# --- accounts -------------------------------------------------------------------------------


def test_account_lifecycle_add_role_disable_enable_reset(office):
    with _as(office, "admin") as s:
        users.add_user(s, r.User(username="dewi", role="caseworker"), "dewi-sandi-1", kdf=FAST_KDF)
    sign_in(office["folder"], "dewi", "dewi-sandi-1").close()
    with _as(office, "admin") as s:
        users.set_role(s, "dewi", "supervisor")
        users.disable_user(s, "dewi")
        assert {a.username: a.status for a in users.list_accounts(s)}["dewi"] == "disabled"
    with pytest.raises(UnknownUser):  # the slot is gone with the account
        open_register(office["folder"], "dewi", "dewi-sandi-1")
    with _as(office, "admin") as s:
        users.enable_user(s, "dewi", "dewi-baru-22", kdf=FAST_KDF)
    with pytest.raises(WrongPassword):
        open_register(office["folder"], "dewi", "dewi-sandi-1")
    with sign_in(office["folder"], "dewi", "dewi-baru-22") as s:
        assert s.user.role == "supervisor"
        users.change_password(s, "dewi-baru-22", "dewi-ketiga-3", kdf=FAST_KDF)
    with _as(office, "admin") as s:
        users.reset_password(s, "dewi", "dewi-reset-44", kdf=FAST_KDF)
        logged = [e.action for e in audit.entries(s, username="admin")]
    sign_in(office["folder"], "dewi", "dewi-reset-44").close()
    for action in (
        "user_added",
        "user_role_changed",
        "user_disabled",
        "user_enabled",
        "password_reset",
    ):
        assert action in logged


def test_a_user_whose_row_is_inactive_cannot_sign_in_even_with_a_slot(office):
    with _as(office, "admin") as s:
        from tipdesk.storage import local

        local.update_user(s.db, "ani", active=0)
        s.db.conn.commit()
    with pytest.raises(UserDisabled):
        open_register(office["folder"], "ani", PASSWORD)


def test_the_last_admin_cannot_be_demoted_disabled_or_removed(office):
    with _as(office, "admin") as s:
        with pytest.raises(LastAdmin):
            users.set_role(s, "admin", "supervisor")
        with pytest.raises(NotYourself):
            users.disable_user(s, "admin")
        users.add_user(s, r.User(username="kepala", role="admin"), PASSWORD, kdf=FAST_KDF)
        users.set_role(s, "kepala", "supervisor")
    with _as(office, "kepala") as s, pytest.raises(NotPermitted):
        users.remove_user(s, "admin", rekey=False)
    with _as(office, "admin") as s:
        users.set_role(s, "kepala", "admin")
    with _as(office, "kepala") as s:
        users.remove_user(s, "admin", rekey=False)
        with pytest.raises(NotYourself):
            users.remove_user(s, "kepala", rekey=False)
        with pytest.raises(LastAdmin):
            users.set_role(s, "kepala", "caseworker")


def test_removing_a_user_with_a_rekey_locks_out_their_old_key_file(office, tmp_path):
    old_keys = tmp_path / "stolen.keys"
    shutil.copy(office["folder"] / "register.keys", old_keys)
    with _as(office, "admin") as s:
        before = {row["case_number"] for row in cases.find_cases(s, "Yuliana")}
        removed = users.remove_user(s, "budi", rekey=True)
        assert removed.rekeyed and removed.needs_reset == () and not removed.new_recovery_code
        assert check_register(s).ok
        new_case(s, {"full_name": "Setelah Rekey"})  # the session goes on, re-keyed
    # budi's copy of the old key file still unwraps the old key, which no longer opens it.
    stolen = keyslots.KeyFile.load(old_keys).unlock("budi", PASSWORD)
    from tipdesk.storage.connection import open_database

    with pytest.raises(RegisterDamaged):
        open_database(office["folder"] / "register.db", stolen)
    with pytest.raises(UnknownUser):
        open_register(office["folder"], "budi", PASSWORD)
    # Everyone else signs in with their own password and finishes the re-key.
    for username in ("ani", "supervisor", "analyst"):
        sign_in(office["folder"], username).close()
    keys = keyslots.KeyFile.load(office["folder"] / "register.keys")
    assert not any(slot.get("pending") for slot in keys.slots if slot["name"] == "ani")
    with _as(office, "supervisor") as s:
        assert before <= {row["case_number"] for row in cases.find_cases(s, "Yuliana")}
        assert check_register(s).ok


def test_recovery_code_sets_a_new_admin_password_even_after_a_rekey(register):
    created = register
    with sign_in(created.folder, "admin") as s:
        users.add_user(s, r.User(username="kedua", role="admin"), PASSWORD, kdf=FAST_KDF)
        add_account(s, "ani", "caseworker")
    with sign_in(created.folder, "kedua") as s:
        users.remove_user(s, "ani", rekey=True)
    with pytest.raises(WrongPassword):
        users.recover(
            created.folder, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH", "admin", "baru-sekali-1"
        )
    with users.recover(
        created.folder, created.recovery_code.lower(), "admin", "baru-sekali-1"
    ) as s:
        assert s.user.username == "admin"
        assert check_register(s).ok
    sign_in(created.folder, "admin", "baru-sekali-1").close()
    with sign_in(created.folder, "kedua") as s:
        users.set_role(s, "kedua", "caseworker")
    with pytest.raises(NotPermitted):  # the recovery code is for an admin account
        users.recover(created.folder, created.recovery_code, "kedua", "x-baru-kedua-2")


def test_accounts_carry_no_password_in_any_file(office):
    for path in office["folder"].rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path.name


def test_user_records_round_trip_their_removed_flag(office):
    with _as(office, "admin") as s:
        users.remove_user(s, "budi", rekey=False)
        account = {a.username: a for a in users.list_accounts(s)}["budi"]
    assert dataclasses.asdict(account)["removed"] and account.status == "removed"
    assert not account.can_sign_in


# --- found in review: what a save, a conflict or the letter archive could leak -----------


def test_a_save_cannot_move_a_case_to_another_person_or_revive_a_tombstone(office):
    with _as(office, "ani") as s:
        mine = cases.open_case(s, office["mine"])
    with _as(office, "admin") as s:
        theirs = cases.open_case(s, office["theirs"])
    with _as(office, "ani") as s:
        forged = dataclasses.replace(
            mine.case, person_id=theirs.person.id, case_number="KUP-2026-99999", deleted=True
        )
        with pytest.raises(NotFound):  # the person given is not the case's person
            cases.save_case_file(s, theirs.person, forged)
        forged.risk_level = "high"
        cases.save_case_file(s, mine.person, forged)  # the case's own person: saved...
        saved = cases.open_case(s, office["mine"]).case
        assert (saved.person_id, saved.case_number, saved.deleted, saved.risk_level) == (
            mine.case.person_id,
            office["mine"],
            False,
            "high",
        )  # ...but pinned
    with _as(office, "admin") as s:
        assert cases.open_case(s, office["theirs"]).person.full_name == "Yuliana Tefa"


def test_the_same_username_in_another_office_owns_nothing_here(office):
    with _as(office, "admin") as s:
        file = cases.open_case(s, office["mine"])
        s.db.execute("UPDATE cases SET origin = 'another-office' WHERE id = ?", [file.case.id])
        s.db.conn.commit()
    with _as(office, "ani") as s:  # a district's "ani" is not this register's "ani"
        with pytest.raises(NotPermitted):
            cases.open_case(s, office["mine"])
        assert cases.find_cases(s, "Yuliana") == []
        assert listing.count_cases(s, CaseFilter()) == 0
        assert listing.list_referrals(s) == []


def test_the_letter_archive_shows_a_case_worker_only_their_cases(office):
    with _as(office, "supervisor") as s:
        letters.issue_letter(s, office["referral"])  # ani's case
    with _as(office, "ani") as s:
        assert [e.case_number for e in letters.list_letters(s)] == [office["mine"]]
    with _as(office, "budi") as s:
        assert letters.list_letters(s) == []
        with pytest.raises(NotPermitted):
            letters.letters_of_referral(s, office["referral"])


def test_a_case_worker_sees_only_the_conflicts_of_their_cases(offices):
    from tipdesk.services import sync

    district, province, stick = offices
    add_account(district.session, "ani", "caseworker")
    add_account(district.session, "budi", "caseworker")
    file = new_case(district.session, assigned_to="ani")
    number = file.case.case_number
    send(district, province, stick / "1.tipbatch")
    for who, level in ((district, "medium"), (province, "high")):
        f = who.case(number)
        f.case.risk_level = level
        cases.save_case_file(who.session, f.person, f.case)
    send(province, district, stick / "2.tipbatch")
    assert len(sync.list_conflicts(district.session)) == 1  # the admin sees it
    district.session.close()
    province.session.close()
    with sign_in(district.folder, "budi") as s:
        assert sync.list_conflicts(s) == []
    with sign_in(district.folder, "ani") as s:
        [conflict] = sync.list_conflicts(s)
        assert conflict.case_number == number
    with sign_in(district.folder, "budi") as s, pytest.raises(NotPermitted):
        sync.resolve_conflict(s, conflict.id, keep="remote")
