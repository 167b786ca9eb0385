"""Key slots: the database key wrapped once per user and once for the recovery code.

``register.keys`` is JSON. Each slot wraps the 256-bit database key with AES-256-GCM
under a key derived by Argon2id from the password (or recovery code), with the slot's
kind and name as associated data, so a slot cannot be moved to another user. The KDF
parameters live in each slot, so they can be raised later without breaking old slots.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from tipdesk.domain.errors import NotARegister, UnknownUser, WrongPassword
from tipdesk.storage.files import atomic_write

FORMAT = "tipdesk-keys/1"
KEY_BYTES = 32
RECOVERY = "recovery"
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default is RFC 9106's second recommendation (64 MiB, t=3)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_recovery_code() -> str:
    """160 random bits as 8 groups of 4 base32 letters: ``K7QM-2XD4-...``."""
    value = secrets.randbits(160)
    chars = "".join(_B32[(value >> (5 * i)) & 31] for i in range(32))
    return "-".join(chars[i:i + 4] for i in range(0, 32, 4))


def normalize_recovery_code(code: str) -> str:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(cleaned[i:i + 4] for i in range(0, len(cleaned), 4))


def derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(secret.encode("utf-8"), salt, time_cost=params.time_cost,
                           memory_cost=params.memory_kib, parallelism=params.parallelism,
                           hash_len=KEY_BYTES, type=Type.ID)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(kind: str, name: str) -> bytes:
    return f"{FORMAT}|{kind}|{name}".encode()


def make_slot(kind: str, name: str, secret: str, db_key: bytes, params: KdfParams) -> dict:
    salt = os.urandom(16)
    nonce = os.urandom(12)
    wrapped = AESGCM(derive(secret, salt, params)).encrypt(nonce, db_key, _aad(kind, name))
    return {"kind": kind, "name": name,
            "kdf": {"algorithm": "argon2id", **asdict(params), "salt": _b64(salt)},
            "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def open_slot(slot: dict, secret: str) -> bytes | None:
    """The database key from ``slot``, or None if ``secret`` is wrong."""
    kdf = slot["kdf"]
    params = KdfParams(kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"])
    key = derive(secret, _unb64(kdf["salt"]), params)
    try:
        return AESGCM(key).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]),
                                   _aad(slot["kind"], slot["name"]))
    except InvalidTag:
        return None


class KeyFile:
    """The key slots of one register, read from and written to ``register.keys``."""

    def __init__(self, path: Path, slots: list[dict]) -> None:
        self.path = Path(path)
        self.slots = slots

    @classmethod
    def create(cls, path: Path, db_key: bytes, username: str, password: str,
               params: KdfParams) -> tuple[KeyFile, str]:
        """A new key file with one user slot and a recovery slot; returns the code too."""
        code = new_recovery_code()
        keys = cls(path, [make_slot("user", username, password, db_key, params),
                          make_slot(RECOVERY, RECOVERY, code, db_key, params)])
        keys.save()
        return keys, code

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        path = Path(path)
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise NotARegister(path=str(path.parent), reason="register.keys is missing") from None
        except (ValueError, UnicodeDecodeError):
            raise NotARegister(path=str(path.parent),
                               reason="register.keys is not readable") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise NotARegister(path=str(path.parent), reason="register.keys has an unknown format")
        return cls(path, list(data.get("slots", [])))

    def save(self) -> None:
        payload = {"format": FORMAT, "cipher": "AES-256-GCM", "slots": self.slots}
        atomic_write(self.path, json.dumps(payload, indent=2).encode("utf-8"))

    def usernames(self) -> list[str]:
        return [s["name"] for s in self.slots if s["kind"] == "user"]

    def _slot(self, kind: str, name: str) -> dict | None:
        return next((s for s in self.slots if s["kind"] == kind and s["name"] == name), None)

    def unlock(self, username: str, password: str) -> bytes:
        slot = self._slot("user", username)
        if slot is None:
            raise UnknownUser(user=username, users=", ".join(self.usernames()))
        key = open_slot(slot, password)
        if key is None:
            raise WrongPassword(user=username)
        return key

    def unlock_with_recovery_code(self, code: str) -> bytes:
        slot = self._slot(RECOVERY, RECOVERY)
        key = open_slot(slot, normalize_recovery_code(code)) if slot else None
        if key is None:
            raise WrongPassword(user=RECOVERY)
        return key

    def set_user_slot(self, username: str, password: str, db_key: bytes,
                      params: KdfParams) -> None:
        """Add or replace one user's slot (a new user, a changed password)."""
        slot = make_slot("user", username, password, db_key, params)
        self.slots = [s for s in self.slots
                      if not (s["kind"] == "user" and s["name"] == username)] + [slot]
        self.save()
