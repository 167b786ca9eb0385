"""The register on disk: encrypted, keyed per user, nothing personal in clear."""

import json
import sqlite3

import pytest

from tests.helpers import PASSWORD, new_case, new_register
from tipdesk.domain.errors import NotARegister, RegisterDamaged, UnknownUser, WrongPassword
from tipdesk.security.keyslots import KeyFile
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.register import open_register


def all_bytes(folder):
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_database_file_is_not_plain_sqlite(register):
    data = (register.folder / "register.db").read_bytes()
    assert not data.startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(register.folder / "register.db").execute(
            "SELECT * FROM sqlite_master"
        ).fetchall()


def test_folder_layout(register):
    names = {p.name for p in register.folder.iterdir()}
    assert names == {"register.db", "register.keys", "backups", "outbox", "inbox"}


def test_no_known_name_or_nik_in_any_file_of_the_folder(session):
    name, nik = "Ermelinda Fátima Tnunay", "5371015403990001"
    new_case(session, {"full_name": name, "nik": nik, "birth_date": None, "estimated_age": 27})
    add_demo_cases(session, 300, seed=3)
    demo_name = session.db.execute(
        "SELECT full_name FROM persons WHERE full_name LIKE '% %' LIMIT 1"
    ).fetchone()[0]
    # While open (WAL and shared-memory files present) and after closing.
    for phase in ("open", "closed"):
        if phase == "closed":
            session.close()
        files = all_bytes(session.folder)
        assert files, "the folder has files"
        for path, data in files.items():
            assert not data.startswith(b"SQLite format 3"), path
            for secret in (name, "Tnunay", nik, demo_name):
                for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
                    assert encoded not in data, (phase, path.name, secret)


def test_wrong_password_is_a_clear_refusal(register):
    with pytest.raises(WrongPassword) as info:
        open_register(register.folder, "admin", "not the password")
    assert info.value.params == {"user": "admin"}


def test_unknown_user_is_refused_naming_the_users(register):
    with pytest.raises(UnknownUser) as info:
        open_register(register.folder, "ghost", PASSWORD)
    assert info.value.params["users"] == "admin"


def test_only_user_is_the_default(register):
    with open_register(register.folder, None, PASSWORD) as s:
        assert s.user.username == "admin"


def test_recovery_code_unwraps_the_same_key(register):
    keys = KeyFile.load(register.folder / "register.keys")
    assert keys.unlock_with_recovery_code(
        register.recovery_code.lower().replace("-", " ")
    ) == keys.unlock("admin", PASSWORD)
    with pytest.raises(WrongPassword):
        keys.unlock_with_recovery_code("AAAA-BBBB")


def test_a_slot_cannot_be_moved_to_another_user(register):
    path = register.folder / "register.keys"
    data = json.loads(path.read_text())
    data["slots"][0]["name"] = "intruder"
    path.write_text(json.dumps(data))
    with pytest.raises(WrongPassword):
        open_register(register.folder, "intruder", PASSWORD)


def test_folder_that_is_not_a_register(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(NotARegister) as info:
        open_register(tmp_path, "admin", PASSWORD)
    assert "register.keys" in info.value.params["reason"]
    with pytest.raises(NotARegister):
        open_register(tmp_path / "missing", "admin", PASSWORD)


def test_garbled_key_file_is_refused(register):
    (register.folder / "register.keys").write_text("{not json")
    with pytest.raises(NotARegister):
        open_register(register.folder, "admin", PASSWORD)


def test_database_swapped_for_another_registers_is_refused(tmp_path, register):
    other = new_register(tmp_path / "other")
    (register.folder / "register.db").write_bytes((other.folder / "register.db").read_bytes())
    with pytest.raises(RegisterDamaged):
        open_register(register.folder, "admin", PASSWORD)
