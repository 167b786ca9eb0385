"""Sync from the command line: keys, export, import, peers, conflicts, refusals."""

import json

import pytest

from tests.cli.conftest import run


def _fingerprint(out: str) -> str:
    return out.strip().splitlines()[-1].split()[-1]


def test_enrol_export_import_peers_and_refusals(env, capsys):
    ntt, kup = env / "ntt", env / "kup"
    code, out, _ = run(
        capsys,
        "init",
        str(ntt),
        "--office-code",
        "NTT",
        "--office-name",
        "Provinsi NTT",
        "--level",
        "province",
        "--admin",
        "prov",
    )
    assert code == 0 and "AGE-SECRET-KEY-1" in out  # the recovery key, once
    assert run(capsys, "demo", str(kup), "--cases", "20")[0] == 0
    code, out, _ = run(capsys, "keys", "export", str(kup), "--out", str(env / "kup.tipkey"))
    assert code == 0
    kup_fpr = _fingerprint(out)
    code, out, _ = run(capsys, "keys", "export", str(ntt), "--out", str(env / "ntt.tipkey"))
    ntt_fpr = _fingerprint(out)
    assert len(kup_fpr.split("-")) == 8 and kup_fpr != ntt_fpr

    code, _, err = run(
        capsys, "keys", "trust", str(ntt), str(env / "kup.tipkey"), "--fingerprint", ntt_fpr
    )
    assert code == 3 and "does not match" in err and "KUP" in err
    assert (
        run(
            capsys,
            "keys",
            "trust",
            str(ntt),
            str(env / "kup.tipkey"),
            "--fingerprint",
            kup_fpr.lower(),
        )[0]
        == 0
    )
    assert (
        run(capsys, "keys", "trust", str(kup), str(env / "ntt.tipkey"), "--fingerprint", ntt_fpr)[0]
        == 0
    )

    stick = env / "stick"
    stick.mkdir()
    code, out, _ = run(capsys, "export", str(kup), "--to", "NTT", "--out", str(stick))
    assert code == 0
    [batch] = list(stick.iterdir())
    code, out, _ = run(capsys, "import", str(ntt), str(batch), "--json")
    summary = json.loads(out)
    assert code == 0 and summary["applied"] > 20 and summary["conflicts"] == 0
    code, out, _ = run(capsys, "import", str(ntt), str(batch), "--json")
    assert json.loads(out)["already_imported"] is True
    code, out, _ = run(capsys, "search", str(ntt), "a", "--json", "--limit", "100")
    assert len(json.loads(out)) >= 1

    code, out, _ = run(capsys, "peers", str(ntt), "--json")
    [peer] = json.loads(out)
    assert peer["code"] == "KUP" and peer["received_upto"] > 0
    code, out, _ = run(capsys, "conflicts", str(ntt), "--json")
    assert code == 0 and json.loads(out) == []

    (env / "garbage.tipbatch").write_bytes(b"not a batch at all")
    code, _, err = run(capsys, "import", str(ntt), str(env / "garbage.tipbatch"))
    assert code == 3 and "tipdesk:" in err
    code, _, err = run(capsys, "export", str(kup), "--to", "XYZ", "--out", str(stick))
    assert code == 3 and "XYZ" in err
    code, _, err = run(capsys, "conflicts", "resolve", str(ntt), "nope", "--keep", "local")
    assert code == 3 and "nope" in err


def _enrolled(env, capsys):
    ntt, kup = env / "ntt", env / "kup"
    assert (
        run(
            capsys,
            "init",
            str(ntt),
            "--office-code",
            "NTT",
            "--office-name",
            "Provinsi NTT",
            "--level",
            "province",
            "--admin",
            "prov",
        )[0]
        == 0
    )
    assert run(capsys, "demo", str(kup), "--cases", "10")[0] == 0
    for src, dst in ((kup, ntt), (ntt, kup)):
        _, out, _ = run(
            capsys, "keys", "export", str(src), "--out", str(env / f"{src.name}.tipkey")
        )
        assert (
            run(
                capsys,
                "keys",
                "trust",
                str(dst),
                str(env / f"{src.name}.tipkey"),
                "--fingerprint",
                _fingerprint(out),
            )[0]
            == 0
        )
    stick = env / "stick"
    stick.mkdir()
    return ntt, kup, stick


def test_export_refuses_to_overwrite_or_half_write_and_says_why(env, capsys, monkeypatch):
    import errno

    from tipdesk.services import sync

    _, kup, stick = _enrolled(env, capsys)
    earlier = stick / "earlier.tipbatch"
    earlier.write_bytes(b"a batch not carried yet")
    code, _, err = run(capsys, "export", str(kup), "--to", "NTT", "--out", str(earlier))
    assert code == 3 and "already exists" in err
    assert earlier.read_bytes() == b"a batch not carried yet"

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(sync, "atomic_write", full)
        code, _, err = run(capsys, "export", str(kup), "--to", "NTT", "--out", str(stick))
    assert code == 3 and "is full" in err and "nothing was sent" in err
    assert "Traceback" not in err and "unexpected" not in err
    # Nothing was marked as sent: the whole register still goes in the next batch.
    code, out, _ = run(capsys, "export", str(kup), "--to", "NTT", "--out", str(stick))
    assert code == 0 and "changes 1-" in out


def test_import_and_conflict_refusals_name_the_problem(env, capsys):
    ntt, _, stick = _enrolled(env, capsys)
    code, _, err = run(capsys, "import", str(ntt), str(stick))
    assert code == 3 and "is a folder, not a file" in err
    code, _, err = run(capsys, "import", str(ntt), str(env / "missing.tipbatch"))
    assert code == 3 and "no such file" in err
    with pytest.raises(SystemExit) as exited:  # no --keep: a usage error
        run(capsys, "conflicts", "resolve", str(ntt), "abc")
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "usage: tipdesk conflicts resolve" in err
    assert "required: --keep" in err


def test_a_batch_with_nothing_new_says_so(env, capsys):
    ntt, kup, stick = _enrolled(env, capsys)
    for src, dst, name in ((kup, ntt, "1"), (ntt, kup, "2")):
        batch = str(stick / f"{name}.tipbatch")
        assert run(capsys, "export", str(src), "--to", dst.name.upper(), "--out", batch)[0] == 0
        assert run(capsys, "import", str(dst), batch)[0] == 0
    code, out, _ = run(
        capsys, "export", str(kup), "--to", "NTT", "--out", str(stick / "3.tipbatch")
    )
    assert code == 0 and "No new changes for NTT" in out
    assert "changes" not in out.split("No new changes")[0].split("\n", 1)[1]
