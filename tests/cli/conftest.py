"""The command line's tests share one environment: a password, English, fresh folders."""

import json

import pytest

from tipdesk.cli import main

PASSWORD = "kata-sandi-panjang"


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.setenv("TIPDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("TIPDESK_LANG", "en")
    monkeypatch.delenv("TIPDESK_USER", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(env, capsys):
    folder = env / "demo"
    assert run(capsys, "demo", str(folder), "--cases", "60", "--seed", "4")[0] == 0
    return folder


def first_case(capsys, folder):
    code, out, _ = run(capsys, "search", str(folder), "a", "--json", "--limit", "200")
    assert code == 0
    return json.loads(out)
