"""Sync from the command line: keys, export, import, peers, conflicts, refusals."""

import json

from tests.cli.test_cli import PASSWORD, env, run  # noqa: F401 (fixture)


def _fingerprint(out: str) -> str:
    return out.strip().splitlines()[-1].split()[-1]


def test_enrol_export_import_peers_and_refusals(env, capsys):  # noqa: F811
    ntt, kup = env / "ntt", env / "kup"
    code, out, _ = run(capsys, "init", str(ntt), "--office-code", "NTT", "--office-name",
                       "Provinsi NTT", "--level", "province", "--admin", "prov")
    assert code == 0 and "AGE-SECRET-KEY-1" in out          # the recovery key, once
    assert run(capsys, "demo", str(kup), "--cases", "20")[0] == 0
    code, out, _ = run(capsys, "keys", "export", str(kup), "--out", str(env / "kup.tipkey"))
    assert code == 0
    kup_fpr = _fingerprint(out)
    code, out, _ = run(capsys, "keys", "export", str(ntt), "--out", str(env / "ntt.tipkey"))
    ntt_fpr = _fingerprint(out)
    assert len(kup_fpr.split("-")) == 8 and kup_fpr != ntt_fpr

    code, _, err = run(capsys, "keys", "trust", str(ntt), str(env / "kup.tipkey"),
                       "--fingerprint", ntt_fpr)
    assert code == 3 and "does not match" in err and "KUP" in err
    assert run(capsys, "keys", "trust", str(ntt), str(env / "kup.tipkey"), "--fingerprint",
               kup_fpr.lower())[0] == 0
    assert run(capsys, "keys", "trust", str(kup), str(env / "ntt.tipkey"), "--fingerprint",
               ntt_fpr)[0] == 0

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
