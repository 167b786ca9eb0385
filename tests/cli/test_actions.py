"""The actions of keys, users, conflicts and inbox: typed as ever, each its own parser;
an unknown one is refused in the user's language with the exit code it always had."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import run
from tipdesk.cli import main


@pytest.mark.parametrize(
    ("command", "actions"),
    [
        ("keys", "export, trust, rotate, accept-rotation, recovery"),
        ("users", "list, add, set-role, disable, enable, reset-password, remove, rekey"),
    ],
)
def test_an_unknown_action_is_a_usage_error_naming_the_actions(env, capsys, command, actions):
    with pytest.raises(SystemExit) as exited:
        main([command, "frobnicate", str(env / "reg")])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"tipdesk {command}: error: 'frobnicate' is not one of its actions: {actions}." in err
    assert not (env / "reg").exists()


def test_an_unknown_inbox_action_is_a_usage_error_showing_the_listing(env, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["inbox", "frobnicate", str(env / "reg"), "BATCH"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "'frobnicate' is not one of its actions (accept, discard)" in err
    assert "to list, write just: tipdesk inbox REGISTER" in err


def test_an_unknown_conflicts_action_is_refused_as_input(env, capsys):
    code, out, err = run(capsys, "conflicts", "frobnicate", env / "reg")
    assert code == 3 and out == ""
    assert err.strip() == (
        "tipdesk: conflicts: 'frobnicate' is not one of its actions (resolve); "
        "to list, write just: tipdesk conflicts REGISTER"
    )


def test_the_refusal_of_an_unknown_action_is_in_indonesian_by_default(env, capsys, monkeypatch):
    monkeypatch.delenv("TIPDESK_LANG")
    with pytest.raises(SystemExit):
        main(["keys", "frobnicate", str(env / "reg")])
    assert "'frobnicate' bukan salah satu tindakannya: export, trust" in capsys.readouterr().err
    code, _, err = run(capsys, "conflicts", "frobnicate", env / "reg")
    assert code == 3 and "untuk daftarnya tulis saja: tipdesk conflicts REGISTER" in err


def test_a_missing_action_or_word_is_a_usage_error(env, capsys):
    for argv in (["keys"], ["inbox"], ["inbox", "accept", "reg"], ["conflicts", "resolve", "r"]):
        with pytest.raises(SystemExit) as exited:
            main(argv)
        assert exited.value.code == 2, argv
    assert "usage: tipdesk conflicts resolve" in capsys.readouterr().err


def test_what_an_action_lacks_is_refused_as_before(env, demo, capsys):
    code, _, err = run(capsys, "keys", "export", demo)
    assert code == 3 and "keys export: needs --out" in err
    code, _, err = run(capsys, "keys", "trust", demo, "--fingerprint", "X")
    assert code == 3 and "keys trust: needs FILE.tipkey" in err
    code, _, err = run(capsys, "users", "add", demo, "--role", "caseworker")
    assert code == 3 and "USERNAME: required" in err


def test_inbox_and_conflicts_list_with_no_action(env, demo, capsys):
    assert run(capsys, "inbox", demo) == (0, "(the inbox is empty)\n", "")
    assert run(capsys, "conflicts", demo) == (0, "(no conflicts)\n", "")
    code, out, _ = run(capsys, "conflicts", demo, "--json")
    assert code == 0 and json.loads(out) == []


def test_user_and_json_may_come_before_the_action_or_after_it(env, demo, capsys):
    code, before, _ = run(capsys, "users", "--user", "demo", "--json", "list", demo)
    assert code == 0 and "demo" in [a["username"] for a in json.loads(before)]
    assert run(capsys, "users", "list", demo, "--user", "demo", "--json")[1] == before
    code, out, _ = run(capsys, "inbox", "--json", demo)
    assert code == 0 and json.loads(out) == []
    code, _, err = run(capsys, "users", "--user", "nobody", "list", demo)
    assert code == 3 and "nobody" in err
