"""Backup, restore, the person's data and erasure from the command line: output and exit
codes."""

import json
import zipfile

import pytest

from tests.cli.conftest import PASSWORD, run
from tests.conftest import add_account
from tipdesk.services.register import open_register


@pytest.fixture
def demo(env, capsys):
    folder = env / "demo"
    assert run(capsys, "demo", str(folder), "--cases", "30", "--seed", "7")[0] == 0
    with open_register(folder, "demo", PASSWORD) as session:
        add_account(session, "sari", "supervisor", PASSWORD)
        add_account(session, "budi", "caseworker", PASSWORD)
    return folder


def _cases(capsys, folder, query="a", user="demo"):
    code, out, err = run(
        capsys, "search", str(folder), query, "--json", "--limit", "200", "--user", user
    )
    assert code == 0, err
    return json.loads(out)


def test_backup_to_a_folder_then_restore(demo, env, capsys):
    out_dir = env / "usb"
    out_dir.mkdir()
    code, out, err = run(capsys, "backup", str(demo), "--out", str(out_dir), "--user", "demo")
    assert code == 0, err
    [file] = list(out_dir.iterdir())
    assert file.name.startswith("KUP-") and file.suffix == ".tipbackup"
    assert str(file) in out and ("KB" in out or "MB" in out) and "30 cases" in out
    code, _, err = run(capsys, "backup", str(demo), "--out", str(file), "--user", "demo")
    assert code == 3 and "already exists" in err and "Traceback" not in err

    target = env / "restored"
    code, out, err = run(capsys, "restore", str(file), "--to", str(target), "--user", "demo")
    assert code == 0, err
    assert "Register restored at" in out and "30 cases" in out and "KUP" in out
    before = _cases(capsys, demo)
    assert [row["case_number"] for row in _cases(capsys, target)] == [
        row["case_number"] for row in before
    ]
    code, _, err = run(capsys, "check", str(target), "--user", "demo")
    assert code == 0, err
    code, _, err = run(capsys, "restore", str(file), "--to", str(target), "--user", "demo")
    assert code == 3 and "already holds" in err


def test_refusals_exit_3_and_create_nothing(demo, env, capsys, monkeypatch):
    file = env / "b.tipbackup"
    code, _, err = run(capsys, "backup", str(demo), "--out", str(file), "--user", "budi")
    assert code == 3 and "permission 'backup'" in err and not file.exists()
    assert run(capsys, "backup", str(demo), "--out", str(file), "--user", "sari")[0] == 0
    target = env / "restored"
    code, _, err = run(capsys, "restore", str(file), "--to", str(target), "--user", "sari")
    assert code == 3 and "permission 'restore'" in err and not target.exists()

    with zipfile.ZipFile(file) as zf:
        offset = zf.getinfo("register.db").header_offset + 4096
    damaged = env / "damaged.tipbackup"
    data = bytearray(file.read_bytes())
    data[offset] ^= 0xFF
    damaged.write_bytes(bytes(data))
    code, _, err = run(capsys, "restore", str(damaged), "--to", str(target), "--user", "demo")
    assert code == 3 and "damaged" in err and len(err.strip().splitlines()) == 1
    cut = env / "cut.tipbackup"
    cut.write_bytes(file.read_bytes()[:5000])
    code, _, err = run(capsys, "restore", str(cut), "--to", str(target), "--user", "demo")
    assert code == 3 and "damaged (the file is cut short)" in err
    (env / "x.tipbackup").write_bytes(b"hello")
    code, _, err = run(capsys, "restore", str(env / "x.tipbackup"), "--to", str(target))
    assert code == 3 and "not a TipDesk backup" in err
    monkeypatch.setenv("TIPDESK_PASSWORD", "wrong-password")
    code, _, err = run(capsys, "restore", str(file), "--to", str(target), "--user", "demo")
    assert code == 3 and "Wrong password" in err
    assert not target.exists()
    assert [p.name for p in env.iterdir() if p.name.startswith(".restored")] == []


def test_person_export_and_erase(demo, env, capsys):
    rows = _cases(capsys, demo)
    victim = rows[0]
    number, name = victim["case_number"], victim["full_name"]
    out = env / "data.json"
    code, _, err = run(
        capsys, "person-export", str(demo), number, "--out", str(out), "--user", "demo"
    )
    assert code == 3 and "export_person_data" in err and not out.exists()
    code, stdout, err = run(
        capsys, "person-export", str(demo), number, "--out", str(out), "--user", "sari"
    )
    assert code == 0, err
    assert str(out) in stdout and "NOT encrypted" in err
    data = json.loads(out.read_text("utf-8"))
    assert data["person"]["full_name"] == name
    assert number in [c["case"]["case_number"] for c in data["cases"]]
    pdf = env / "data.pdf"
    assert (
        run(capsys, "person-export", str(demo), number, "--out", str(pdf), "--user", "sari")[0] == 0
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    code, _, err = run(
        capsys, "person-export", str(demo), number, "--out", str(env / "data.txt"), "--user", "sari"
    )
    assert code == 3 and ".json, .pdf or .zip" in err

    code, _, err = run(
        capsys, "erase", str(demo), number, "--reason", "person_request", "--user", "sari"
    )
    assert code == 3 and "cannot be undone" in err and "--yes" in err
    code, _, err = run(
        capsys, "erase", str(demo), number, "--reason", "bored", "--yes", "--user", "sari"
    )
    assert code == 3 and "person_request, legal_order, entered_by_mistake" in err
    code, _, err = run(
        capsys, "erase", str(demo), number, "--reason", "person_request", "--yes", "--user", "demo"
    )
    assert code == 3 and "erase_person" in err
    assert name in [row["full_name"] for row in _cases(capsys, demo)]  # nothing changed
    code, stdout, err = run(
        capsys, "erase", str(demo), number, "--reason", "person_request", "--yes", "--user", "sari"
    )
    assert code == 0, err
    assert "erased" in stdout and number in stdout
    assert name not in [row["full_name"] for row in _cases(capsys, demo)]
    code, _, err = run(capsys, "show", str(demo), number, "--user", "sari")
    assert code == 3 and number in err
    code, _, err = run(
        capsys, "erase", str(demo), number, "--reason", "person_request", "--yes", "--user", "sari"
    )
    assert code == 3 and "erased before" in err
