"""The command line, run in-process as a person or script would: exit codes and output."""

import json
import subprocess
import sys

import pytest

from tests.cli.conftest import first_case, run
from tipdesk.cli import main
from tipdesk.services.casework import listing


def test_init_prints_the_recovery_code_once_and_refuses_an_existing_register(env, capsys):
    folder = env / "kupang"
    code, out, err = run(
        capsys,
        "init",
        str(folder),
        "--office-code",
        "KUP",
        "--office-name",
        "UPTD PPA Kota Kupang",
        "--level",
        "district",
        "--admin",
        "ani",
    )
    assert code == 0, err
    assert "RECOVERY CODE" in out
    recovery = out.strip().splitlines()[-1].strip()
    assert len(recovery.replace("-", "")) == 32
    assert recovery not in (folder / "register.keys").read_text()
    code, out, err = run(
        capsys,
        "init",
        str(folder),
        "--office-code",
        "KUP",
        "--office-name",
        "X",
        "--level",
        "district",
        "--admin",
        "ani",
    )
    assert code == 3
    assert "already holds a register" in err
    assert "Traceback" not in err


def test_init_refuses_a_bad_office_code_and_leaves_no_folder(env, capsys):
    folder = env / "bad"
    code, _, err = run(
        capsys,
        "init",
        str(folder),
        "--office-code",
        "kupang kota",
        "--office-name",
        "X",
        "--level",
        "district",
        "--admin",
        "ani",
    )
    assert code == 3
    assert "Office code" in err
    assert not folder.exists()
    assert list(env.iterdir()) == [] or all(not p.name.startswith(".bad") for p in env.iterdir())


def test_demo_search_show_round_trip(demo, capsys):
    rows = first_case(capsys, demo)
    assert rows and {"case_number", "full_name", "status", "age"} <= set(rows[0])
    number = rows[0]["case_number"]
    code, out, _ = run(capsys, "show", str(demo), number, "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["case"]["case_number"] == number
    assert shown["person"]["full_name"] == rows[0]["full_name"]
    assert all(ref["id"] for ref in shown["referrals"])
    code, text, _ = run(capsys, "show", str(demo), number)
    assert code == 0 and number in text and "Referrals" in text
    for ref in shown["referrals"]:
        assert ref["id"] in text


def test_demo_adds_to_an_existing_register(demo, capsys):
    code, _out, err = run(capsys, "demo", str(demo), "--cases", "5", "--progress")
    assert code == 0
    assert "5/5" in err
    assert len(first_case(capsys, demo)) >= 1


def test_update_sets_fields_and_refuses_bad_input_changing_nothing(demo, capsys):
    number = next(
        c["case_number"]
        for c in first_case(capsys, demo)
        if c["status"] not in ("closed", "closed_referred")
    )
    code, _out, err = run(
        capsys,
        "update",
        str(demo),
        number,
        "--set",
        "risk_level=high",
        "--set",
        "person.alias=Nona",
    )
    assert code == 0, err
    assert (
        json.loads(run(capsys, "show", str(demo), number, "--json")[1])["person"]["alias"] == "Nona"
    )
    before = run(capsys, "show", str(demo), number, "--json")[1]

    code, _, err = run(capsys, "update", str(demo), number, "--set", "opened_on=31/13/2025")
    assert code == 3
    assert "Opened on" in err and "DD/MM/YYYY" in err
    code, _, err = run(capsys, "update", str(demo), number, "--set", "shoe_size=41")
    assert code == 3
    assert "Unknown field 'shoe_size'" in err
    code, _, err = run(capsys, "update", str(demo), number, "--set", "status=closed")
    assert code == 3
    assert "Closed on" in err and "Closure reason" in err
    code, _, err = run(capsys, "update", str(demo), number, "--set", "novalue")
    assert code == 3
    assert "FIELD=VALUE" in err
    assert run(capsys, "show", str(demo), number, "--json")[1] == before


def test_refusals_are_one_clear_line_with_exit_3(demo, env, capsys, monkeypatch):
    code, _, err = run(capsys, "show", str(demo), "KUP-1999-99999")
    assert (code, err.strip()) == (
        3,
        "tipdesk: Case 'KUP-1999-99999' was not found in "
        "this register. Look the number up with: tipdesk "
        "search REGISTER WORDS.",
    )
    (env / "plain").mkdir()
    code, _, err = run(capsys, "search", str(env / "plain"), "x")
    assert code == 3 and "is not a TipDesk register" in err
    monkeypatch.setenv("TIPDESK_PASSWORD", "wrong")
    code, _, err = run(capsys, "search", str(demo), "x")
    assert code == 3
    assert err.strip() == (
        "tipdesk: Wrong password for user 'demo'. Check the password and try again."
    )


def test_messages_are_indonesian_by_default(demo, capsys, monkeypatch):
    monkeypatch.delenv("TIPDESK_LANG")
    code, _, err = run(capsys, "show", str(demo), "KUP-1999-99999")
    assert code == 3 and "tidak ditemukan" in err


def test_user_choice_from_flag_and_environment(demo, capsys, monkeypatch):
    assert run(capsys, "search", str(demo), "a", "--user", "demo")[0] == 0
    monkeypatch.setenv("TIPDESK_USER", "nobody")
    code, _, err = run(capsys, "search", str(demo), "a")
    assert code == 3 and "'nobody' is not in this register" in err


def test_check_reports_an_intact_register(demo, capsys):
    code, out, _ = run(capsys, "check", str(demo))
    assert code == 0
    assert "FAILED" not in out
    assert {"pages", "structure", "migrations", "search_index", "change_capture"} <= {
        line.split()[1] for line in out.splitlines() if line.startswith("ok")
    }


def test_check_finds_a_damaged_page(demo, capsys):
    db = demo / "register.db"
    data = bytearray(db.read_bytes())
    data[3 * 4096 + 100] ^= 0xFF  # one byte inside page 4
    db.write_bytes(bytes(data))
    code, _out, err = run(capsys, "check", str(demo))
    assert code == 3
    assert "not intact" in err or "damaged" in err


def test_usage_errors_exit_2(env, capsys):
    with pytest.raises(SystemExit) as info:
        main(["search"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["demo", str(env / "x"), "--cases", "0"])
    assert info.value.code == 2


def test_python_dash_m_and_the_version():
    result = subprocess.run(
        [sys.executable, "-m", "tipdesk", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("tipdesk ")


def test_bench_json_maps_each_measure_to_value_unit_baseline_budget(env, capsys):
    code, out, err = run(
        capsys, "bench", "--cases", "300", "--statistics-cases", "3000", "--documents", "12",
        "--json",
    )  # fmt: skip
    assert code == 0, err
    results = json.loads(out)
    assert set(results) >= {
        "demo_generation",
        "unlock_open",
        "name_search",
        "load_case",
        "peak_memory",
        "app_start",
        "app_memory",
        "list_first_page",
        "list_search",
        "list_sort",
        "home",
        "open_case_window",
        "letter_render",
        "sync_export",
        "sync_import",
        "report_monthly",
        "report_yearly",
        "report_memory",
        "stats_export",
        "open_full_case",
        "group_intake",
        "documents_export",
        "documents_import",
        "documents_export_memory",
        "documents_import_memory",
        "documents_growth",
        "document_read",
        "document_show",
    }
    for name, measure in results.items():
        # the slowest sort names its column; the slowest scan shown its kind
        extra = {"detail"} if name in ("list_sort", "document_show") else set()
        assert set(measure) == {"value", "unit", "baseline", "budget"} | extra, name
        assert measure["value"] > 0, name
        assert isinstance(measure["unit"], str) and measure["unit"], name
    assert results["demo_generation"]["budget"] == 5000
    assert results["demo_generation"]["baseline"] > 0
    assert results["name_search"]["baseline"] > 0
    assert results["app_start"]["budget"] == 2000 and results["app_memory"]["budget"] == 400
    assert results["list_first_page"]["budget"] == 50 and results["list_search"]["budget"] == 100
    assert results["list_sort"]["budget"] == 200 and results["home"]["budget"] == 300
    assert results["list_sort"]["detail"].split()[0] in listing.SORT_KEYS
    assert results["report_monthly"]["budget"] == 5 and results["stats_export"]["budget"] == 30
    assert results["report_yearly"]["budget"] == 15 and results["report_memory"]["budget"] == 400
    assert results["open_full_case"]["budget"] == 150 and results["group_intake"]["budget"] == 2
    assert results["documents_export"]["budget"] == results["documents_import"]["budget"] == 30
    assert results["documents_import_memory"]["budget"] == 300
    assert results["documents_growth"]["budget"] == 5 and results["document_show"]["budget"] == 300
    code, out, _ = run(
        capsys, "bench", "--cases", "300", "--core-only", "--statistics-cases", "0",
        "--documents", "0",
    )  # fmt: skip
    assert code == 0 and "name_search" in out and "budget" in out
    assert "app_start" not in out and "report_monthly" not in out and "documents_" not in out


def test_bench_measures_the_app_alone_on_a_demo_register_made_before(env, capsys, tmp_path):
    """The province scale: a demo register made once, the app's budgets measured on it."""
    folder = tmp_path / "province"
    code, _, err = run(capsys, "demo", str(folder), "--cases", "120")
    assert code == 0, err
    code, out, err = run(capsys, "bench", "--app-register", str(folder), "--json")
    assert code == 0, err
    results = json.loads(out)
    assert set(results) == {
        "app_start",
        "app_memory",
        "list_first_page",
        "list_search",
        "list_sort",
        "home",
        "open_case_window",
        "open_full_case",  # on a register of its own: the one given is only read
        "group_intake",
        "document_show",  # also on a register of its own
    }
    assert all(m["value"] > 0 and m["baseline"] > 0 for m in results.values())


def _referral_with_consent(capsys, folder, consent=True):
    """A demo case's referral, with consent to refer set as asked."""
    for row in first_case(capsys, folder):
        _code, out, _ = run(capsys, "show", str(folder), row["case_number"], "--json")
        shown = json.loads(out)
        # A draft: a referral past draft already has its letter (and number).
        drafts = [f for f in shown["referrals"] if f["status"] == "draft"]
        if drafts:
            if shown["case"]["consent_services"] != consent:
                flag = "consent_services=" + ("yes" if consent else "no")
                assert run(capsys, "update", str(folder), row["case_number"], "--set", flag)[0] == 0
            return row["case_number"], drafts[0]["id"]
    pytest.fail("no demo case with a draft referral")


def test_letter_issues_reprints_and_lists_the_archive(demo, capsys):
    from pypdf import PdfReader

    number, referral = _referral_with_consent(capsys, demo)
    out = demo.parent / "letter.pdf"
    code, text, err = run(
        capsys,
        "letter",
        str(demo),
        referral,
        "--out",
        str(out),
        "--lang",
        "en",
        "--attachments",
        "1",
    )
    assert code == 0, err
    assert "Issued: 400.2." in text and "NOT encrypted" in err
    issued = out.read_bytes()
    assert issued.startswith(b"%PDF") and "1 (one) file" in PdfReader(out).pages[0].extract_text()
    assert list(demo.parent.glob(".letter.pdf.*")) == []  # no temporary left over

    code, _text, err = run(capsys, "letter", str(demo), referral, "--out", str(out))
    assert code == 3 and "already has letter" in err and "--new" in err
    again = demo.parent / "again.pdf"
    assert run(capsys, "letter", str(demo), referral, "--out", str(again), "--reprint")[0] == 0
    assert again.read_bytes() == issued

    code, text, _ = run(capsys, "letters", str(demo), "--json")
    [entry] = json.loads(text)
    assert entry["case_number"] == number and entry["referral_id"] == referral
    assert entry["language"] == "en" and len(entry["sha256"]) == 64
    code, text, _ = run(capsys, "letters", str(demo))
    assert code == 0 and entry["number"] in text and number in text
    code, text, _ = run(capsys, "show", str(demo), number)
    assert entry["number"] in text


def test_letter_refusals_exit_3_and_write_nothing(demo, capsys):
    _number, referral = _referral_with_consent(capsys, demo, consent=False)
    out = demo.parent / "refused.pdf"
    code, _text, err = run(capsys, "letter", str(demo), referral, "--out", str(out))
    assert code == 3 and "no recorded consent" in err and not out.exists()
    code, _text, err = run(
        capsys,
        "letter",
        str(demo),
        referral,
        "--out",
        str(out),
        "--override-reason",
        "Child in danger; guardian unreachable",
    )
    assert code == 3 and "override_consent" in err and not out.exists()  # demo user is admin
    code, _text, err = run(capsys, "letter", str(demo), "no-such-id", "--out", str(out))
    assert code == 3 and "not found" in err
    code, _text, err = run(capsys, "letter", str(demo), referral, "--out", str(demo.parent))
    assert code == 3 and "folder" in err
    code, _text, _ = run(capsys, "letters", str(demo), "--json")
    assert json.loads(_text) == []


def _open_case_number(capsys, folder):
    return next(
        c["case_number"]
        for c in first_case(capsys, folder)
        if c["status"] not in ("closed", "closed_referred")
    )


def test_update_refuses_an_assignee_who_is_no_user_of_the_register(demo, capsys):
    number = _open_case_number(capsys, demo)
    before = run(capsys, "show", str(demo), number, "--json")[1]
    code, out, err = run(capsys, "update", str(demo), number, "--set", "assigned_to=nobody")
    assert code == 3, (out, err)
    assert "Saved" not in out
    assert "Assigned worker" in err and "'nobody'" in err and "demo" in err
    assert run(capsys, "show", str(demo), number, "--json")[1] == before
    code, _, err = run(capsys, "update", str(demo), number, "--set", "assigned_to=demo")
    assert code == 0, err
    assert (
        json.loads(run(capsys, "show", str(demo), number, "--json")[1])["case"]["assigned_to"]
        == "demo"
    )


def test_update_that_changes_nothing_writes_nothing(demo, capsys):
    number = _open_case_number(capsys, demo)
    shown = json.loads(run(capsys, "show", str(demo), number, "--json")[1])
    status = shown["case"]["status"]
    code, out, err = run(
        capsys,
        "update",
        str(demo),
        number,
        "--set",
        f"case.status={status}",
        "--set",
        f"person.full_name={shown['person']['full_name']}",
    )
    assert code == 0, err
    assert out.strip() == f"Nothing changed: {number}"
    again = json.loads(run(capsys, "show", str(demo), number, "--json")[1])
    assert (again["case"]["rev"], again["case"]["updated_at"], again["person"]["rev"]) == (
        shown["case"]["rev"],
        shown["case"]["updated_at"],
        shown["person"]["rev"],
    )
