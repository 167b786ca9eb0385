"""Refusals of the command line that must name the problem and change nothing."""

import hashlib
import json
import os
import subprocess
import sys

import pytest

from tests.cli.conftest import PASSWORD, first_case, run
from tests.conftest import kill_helpers, outcome_within


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_emptied_database_is_refused_and_never_written_over(env, demo, capsys):
    (demo / "register.db").write_bytes(b"")
    for command in (("check", str(demo)), ("search", str(demo), "a")):
        code, _, err = run(capsys, *command)
        assert code == 3 and "register.db is empty" in err and "backup" in err
    assert (demo / "register.db").stat().st_size == 0


def test_check_lists_every_check_and_writes_nothing(env, demo, capsys):
    run(capsys, "search", str(demo), "a")  # (folds the log back into the file)
    database = demo / "register.db"
    before = _digest(database)
    assert run(capsys, "check", str(demo))[0] == 0
    assert _digest(database) == before, "check signed in with a write"
    with database.open("r+b") as f:  # damage one page three quarters in (case rows)
        f.seek(4096 * (database.stat().st_size // 4096 * 3 // 4) + 100)
        f.write(b"\xff" * 8)
    damaged = _digest(database)
    code, out, err = run(capsys, "check", str(demo))
    assert code == 3 and "not intact" in err and "Traceback" not in err
    assert [line.split()[1] for line in out.splitlines() if not line.startswith(" ")] == [
        "pages",
        "structure",
        "foreign_keys",
        "migrations",
        "search_index",
        "change_capture",
        "audit_trail",
        "audit_anchors",
        "documents",
        "analysts",
        "records",
    ]
    assert "FAILED pages" in out
    assert _digest(database) == damaged


def test_init_refuses_a_blank_or_two_line_name_and_a_file_in_the_path(env, capsys):
    base = ("--office-code", "KUP", "--level", "district", "--admin", "ani")
    for name, said in (
        ("   ", "--office-name: Name: is required"),
        ("UPTD\nPPA", "--office-name: Name: must be one line"),
    ):
        code, _, err = run(
            capsys, "init", str(env / "new" / "deeper" / "reg"), "--office-name", name, *base
        )
        assert code == 3 and said in err, err
        assert not (env / "new").exists()
    code, _, err = run(
        capsys,
        "init",
        str(env / "new"),
        "--office-name",
        "X",
        "--office-code",
        "KUP",
        "--level",
        "district",
        "--admin",
        " ",
    )
    assert code == 3 and "--admin: Username: is required" in err, err
    assert not (env / "new").exists()
    (env / "afile").write_text("x")
    code, _, err = run(capsys, "init", str(env / "afile" / "reg"), "--office-name", "X", *base)
    assert code == 3 and "'" + str(env / "afile") + "' is a file" in err


def test_numbers_out_of_range_are_usage_errors(env, demo, capsys):
    for value, said in (
        ("99999999999999999999", "must be from 1 to"),
        ("abc", "'abc' is not a whole number"),
    ):
        with pytest.raises(SystemExit) as exited:
            run(capsys, "search", str(demo), "a", "--limit", value)
        assert exited.value.code == 2
        _, err = capsys.readouterr()
        assert said in err and "_positive" not in err


def test_an_unknown_case_is_explained_and_a_bad_code_lists_choices(env, demo, capsys):
    code, _, err = run(capsys, "show", str(demo), "KUP-2020-99999")
    assert code == 3 and "Case 'KUP-2020-99999' was not found" in err
    assert "tipdesk search" in err
    number = first_case(capsys, demo)[0]["case_number"]
    code, _, err = run(capsys, "update", str(demo), number, "--set", "case.status=bogus")
    assert code == 3 and "'bogus' is not one of the allowed choices: open, " in err


def test_a_reader_that_stops_early_gets_no_error(env, capsys):
    folder = env / "big"
    assert run(capsys, "demo", str(folder), "--cases", "400")[0] == 0
    process = subprocess.Popen(
        [sys.executable, "-m", "tipdesk", "search", str(folder), "a", "--json", "--limit", "400"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TIPDESK_PASSWORD": PASSWORD},
    )
    assert process.stdout.read(10)
    process.stdout.close()  # like `| head -c 10`
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert err == ""
    assert json  # (the output was JSON; only its start was read)


def test_a_helper_process_killed_mid_way_is_told_plainly_and_adds_nothing(env, capsys, monkeypatch):
    """The system may stop the process making demo rows (memory ran short): exit 1 with
    a sentence, not a traceback or a wait for ever, and no case was added."""
    from tipdesk.storage import bulk

    folder = env / "killed"
    real = bulk.insert_captured

    def kill_maker_then_insert(db, table, columns, rows):
        kill_helpers("tipdesk-demo")
        real(db, table, columns, rows)

    monkeypatch.setattr(bulk, "insert_captured", kill_maker_then_insert)
    code, _, err = outcome_within(lambda: run(capsys, "demo", folder, "--cases", "5000"), 120)
    assert code == 1 and "Traceback" not in err
    assert "helper process" in err and "nothing was changed" in err
    monkeypatch.setattr(bulk, "insert_captured", real)
    code, out, _ = run(capsys, "search", folder, "a", "--json")
    assert code == 0 and json.loads(out) == []


def test_an_analyst_who_held_the_register_key_is_named_until_a_rekey(
    env, demo, capsys, monkeypatch
):
    monkeypatch.setenv("TIPDESK_NEW_PASSWORD", "sandi-baru-analis-1")
    assert run(capsys, "users", "add", demo, "dewi", "--role", "caseworker")[0] == 0
    monkeypatch.setenv("TIPDESK_USER", "demo")
    # Without a new password a case worker cannot become an analyst...
    monkeypatch.delenv("TIPDESK_NEW_PASSWORD")
    code, _, err = run(capsys, "users", "set-role", demo, "dewi", "--role", "analyst")
    assert code == 3 and "password" in err
    # ...with one, she is; she knew the register key, so check says what to do.
    monkeypatch.setenv("TIPDESK_NEW_PASSWORD", "sandi-baru-analis-2")
    assert run(capsys, "users", "set-role", demo, "dewi", "--role", "analyst")[0] == 0
    code, out, err = run(capsys, "check", demo)
    assert code == 3 and "FAILED analysts" in out and "dewi" in out
    assert "tipdesk users rekey" in err and "restore" not in err
    assert run(capsys, "users", "rekey", demo)[0] == 0
    code, out, _ = run(capsys, "check", demo)
    assert code == 0 and "ok     analysts" in out
    monkeypatch.setenv("TIPDESK_PASSWORD", "sandi-baru-analis-2")
    code, out, _ = run(
        capsys,
        "report",
        demo,
        "--user",
        "dewi",
        "--from",
        "2020-01-01",
        "--to",
        "2026-12-31",
        "--format",
        "csv",
        "--out",
        env / "r.csv",
    )
    assert code == 0 and (env / "r.csv").read_text().count("\n") > 5
