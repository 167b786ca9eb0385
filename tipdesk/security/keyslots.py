"""Key slots: the database key wrapped once per user and once for the recovery code.

``register.keys`` is JSON. Each slot wraps the 256-bit database key with AES-256-GCM
under a key derived by Argon2id from the password (or recovery code), with the slot's
kind and name as associated data, so a slot cannot be moved to another user. The KDF
parameters live in each slot, so they can be raised later without breaking old slots.

Re-keying without everyone's password: each slot also holds an X25519 key pair, the
private half wrapped like the database key, the public half in clear. A re-key seals the
new database key to every remaining slot's public key (``pending``); each user's next
unlock opens it with their password and rewraps their slot. A slot made before this
(no ``public``) cannot be reached that way and is dropped by a re-key (the admin resets
that user's password).

Sign-in failures are counted here, per user, because a wrong password cannot write to
the encrypted database: after five, each further attempt waits a growing delay, and the
failures are moved into the audit trail at the next successful sign-in.
"""

from __future__ import annotations

import base64
import json
import math
import os
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from tipdesk.domain.errors import (
    KeyFileDamaged,
    NotARegister,
    SignInDelayed,
    UnknownUser,
    WrongPassword,
)
from tipdesk.storage.files import atomic_write

FORMAT = "tipdesk-keys/1"
KEY_BYTES = 32
RECOVERY = "recovery"
# A user's slot wraps the database key; an analyst's wraps only the key of the
# de-identified analysis copy (services/access/analysis.py), so it opens nothing else.
USER_KINDS = ("user", "analyst")
FREE_FAILURES = 5  # failed sign-ins before the delay starts
FIRST_DELAY_S = 30  # the delay after the fifth; doubles with each more
MAX_DELAY_S = 15 * 60
MAX_PENDING_EVENTS = 500
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
    return "-".join(chars[i : i + 4] for i in range(0, 32, 4))


def normalize_recovery_code(code: str) -> str:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def derive(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(kind: str, name: str) -> bytes:
    return f"{FORMAT}|{kind}|{name}".encode()


def make_slot(kind: str, name: str, secret: str, db_key: bytes, params: KdfParams) -> dict:
    salt = os.urandom(16)
    nonce, private_nonce = os.urandom(12), os.urandom(12)
    aead = AESGCM(derive(secret, salt, params))
    private = X25519PrivateKey.generate()
    wrapped = aead.encrypt(nonce, db_key, _aad(kind, name))
    sealed_private = aead.encrypt(
        private_nonce, private.private_bytes_raw(), _aad(kind, name) + b"|x25519"
    )
    return {
        "kind": kind,
        "name": name,
        "kdf": {"algorithm": "argon2id", **asdict(params), "salt": _b64(salt)},
        "nonce": _b64(nonce),
        "wrapped": _b64(wrapped),
        "public": _b64(private.public_key().public_bytes_raw()),
        "private_nonce": _b64(private_nonce),
        "sealed_private": _b64(sealed_private),
    }


def _seal_key(slot: dict, db_key: bytes) -> dict:
    """``db_key`` sealed to the slot's public key (ephemeral X25519, HKDF, AES-GCM)."""
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(_unb64(slot["public"])))
    epk = ephemeral.public_key().public_bytes_raw()
    nonce = os.urandom(12)
    wrapped = AESGCM(_hkdf(shared, epk)).encrypt(
        nonce, db_key, _aad(slot["kind"], slot["name"]) + b"|rekey"
    )
    return {"epk": _b64(epk), "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _hkdf(shared: bytes, epk: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=epk, info=FORMAT.encode() + b"|rekey"
    ).derive(shared)


def open_slot_keys(slot: dict, secret: str) -> list[bytes] | None:
    """The database keys ``slot`` gives, newest first (a pending re-key, then the one it
    wraps), or None if ``secret`` is wrong."""
    kdf = slot["kdf"]
    params = KdfParams(kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"])
    aead = AESGCM(derive(secret, _unb64(kdf["salt"]), params))
    aad = _aad(slot["kind"], slot["name"])
    try:
        key = aead.decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), aad)
    except InvalidTag:
        return None
    pending = slot.get("pending")
    if not pending or "sealed_private" not in slot:
        return [key]
    try:
        private = X25519PrivateKey.from_private_bytes(
            aead.decrypt(
                _unb64(slot["private_nonce"]), _unb64(slot["sealed_private"]), aad + b"|x25519"
            )
        )
        epk = _unb64(pending["epk"])
        shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
        new = AESGCM(_hkdf(shared, epk)).decrypt(
            _unb64(pending["nonce"]), _unb64(pending["wrapped"]), aad + b"|rekey"
        )
    except (InvalidTag, ValueError, KeyError):
        return [key]
    return [new, key]


def open_slot(slot: dict, secret: str) -> bytes | None:
    """The database key from ``slot`` (a pending re-key's if it has one), or None if
    ``secret`` is wrong."""
    keys = open_slot_keys(slot, secret)
    return keys[0] if keys else None


_MAX_MEMORY_KIB = 4 * 1024 * 1024  # more than the laptops TipDesk is made for hold


def _malformed(data: dict) -> str:
    """Why the parsed ``register.keys`` cannot be used (a reason code), or "" if every
    slot, failure count and pending event has the shape the code relies on."""
    slots, failures = data.get("slots", []), data.get("failures", {})
    events = data.get("events", [])
    if not isinstance(slots, list) or not all(isinstance(s, dict) for s in slots):
        return "slot"
    for slot in slots:
        problem = _malformed_slot(slot)
        if problem:
            return problem
    if not isinstance(failures, dict) or not all(
        isinstance(name, str)
        and isinstance(entry, dict)
        and _is_int(entry.get("count"))
        and _is_number(entry.get("last"))
        for name, entry in failures.items()
    ):
        return "sign_ins"
    if not isinstance(events, list) or not all(
        isinstance(e, dict)
        and isinstance(e.get("username"), str)
        and isinstance(e.get("action"), str)
        and _is_number(e.get("at"))
        and _is_int(e.get("failures", 0))
        for e in events
    ):
        return "sign_ins"
    return ""


def _malformed_slot(slot: dict) -> str:
    kdf = slot.get("kdf")
    if not (
        isinstance(slot.get("kind"), str)
        and isinstance(slot.get("name"), str)
        and isinstance(kdf, dict)
    ):
        return "slot"
    if not (
        kdf.get("algorithm", "argon2id") == "argon2id"
        and _is_int(kdf.get("time_cost"))
        and 1 <= kdf["time_cost"] <= 1000
        and _is_int(kdf.get("parallelism"))
        and 1 <= kdf["parallelism"] <= 255
        and _is_int(kdf.get("memory_kib"))
        and 8 * kdf["parallelism"] <= kdf["memory_kib"] <= _MAX_MEMORY_KIB
    ):
        return "kdf"
    pending = slot.get("pending")
    if pending is not None and not isinstance(pending, dict):
        return "slot"
    # field -> the length its bytes must have (0: any); the optional ones may be absent
    wanted = [
        (kdf, "salt", 0, True),
        (slot, "nonce", 12, True),
        (slot, "wrapped", 0, True),
        (slot, "public", KEY_BYTES, False),
        (slot, "private_nonce", 12, False),
        (slot, "sealed_private", 0, False),
    ]
    if pending:
        wanted += [
            (pending, "epk", KEY_BYTES, True),
            (pending, "nonce", 12, True),
            (pending, "wrapped", 0, True),
        ]
    for holder, name, length, required in wanted:
        if name not in holder and not required:
            continue
        value = holder.get(name)
        if not isinstance(value, str):
            return "slot"
        try:
            raw = _unb64(value)
        except (ValueError, UnicodeEncodeError):  # (binascii.Error is a ValueError)
            return "base64"
        if (length and len(raw) != length) or (name == "salt" and len(raw) < 8):
            return "key_length"
    return ""


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def failure_delay(count: int) -> int:
    """Seconds to wait after ``count`` failed sign-ins in a row."""
    if count < FREE_FAILURES:
        return 0
    return min(FIRST_DELAY_S * 2 ** (count - FREE_FAILURES), MAX_DELAY_S)


class KeyFile:
    """The key slots of one register, read from and written to ``register.keys``."""

    def __init__(
        self,
        path: Path,
        slots: list[dict],
        failures: dict | None = None,
        events: list | None = None,
        rekey: dict | None = None,
    ) -> None:
        self.path = Path(path)
        self.slots = slots
        # A re-key under way (``tipdesk.services.access.rekey``): kept through every save, so
        # whoever rewrites this file meanwhile does not lose it.
        self.rekey: dict | None = rekey
        # username -> {"count": failed sign-ins in a row, "last": epoch seconds}
        self.failures: dict[str, dict] = failures or {}
        # sign-in events waiting to be written to the audit trail
        self.events: list[dict] = events or []

    @classmethod
    def create(
        cls, path: Path, db_key: bytes, username: str, password: str, params: KdfParams
    ) -> tuple[KeyFile, str]:
        """A new key file with one user slot and a recovery slot; returns the code too."""
        code = new_recovery_code()
        keys = cls(
            path,
            [
                make_slot("user", username, password, db_key, params),
                make_slot(RECOVERY, RECOVERY, code, db_key, params),
            ],
        )
        keys.save()
        return keys, code

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        path = Path(path)
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise NotARegister(path=str(path.parent), reason="register.keys is missing") from None
        except (ValueError, UnicodeDecodeError, RecursionError):
            # (RecursionError: JSON nested deeper than Python's parser goes)
            raise NotARegister(
                path=str(path.parent), reason="register.keys is not readable"
            ) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise NotARegister(path=str(path.parent), reason="register.keys has an unknown format")
        problem = _malformed(data)
        if problem:
            raise KeyFileDamaged(path=str(path.parent), reason=problem)
        rekey = data.get("rekey")
        return cls(
            path,
            list(data.get("slots", [])),
            dict(data.get("failures", {})),
            list(data.get("events", [])),
            rekey if isinstance(rekey, dict) else None,
        )

    def save(self) -> None:
        payload = {
            "format": FORMAT,
            "cipher": "AES-256-GCM",
            "slots": self.slots,
            "failures": self.failures,
            "events": self.events[-MAX_PENDING_EVENTS:],
        }
        if self.rekey:
            payload["rekey"] = self.rekey
        atomic_write(self.path, json.dumps(payload, indent=2).encode("utf-8"))

    def usernames(self) -> list[str]:
        return [s["name"] for s in self.slots if s["kind"] in USER_KINDS]

    def _slot(self, kind: str, name: str) -> dict | None:
        return next((s for s in self.slots if s["kind"] == kind and s["name"] == name), None)

    def user_kind(self, username: str) -> str:
        """ "user" or "analyst": what ``username``'s slot opens ("" if there is none)."""
        slot = next(
            (s for s in self.slots if s["kind"] in USER_KINDS and s["name"] == username), None
        )
        return slot["kind"] if slot else ""

    def unlock(self, username: str, password: str) -> bytes:
        return self.unlock_keys(username, password)[0]

    def unlock_keys(self, username: str, password: str, *, now: float | None = None) -> list[bytes]:
        """The database keys this user's slot gives (newest first), counting a failure.

        Refused without trying the password while the user's delay runs."""
        kind = self.user_kind(username)
        slot = self._slot(kind, username) if kind else None
        if slot is None:
            raise UnknownUser(user=username, users=", ".join(self.usernames()))
        now = time.time() if now is None else now
        wait = self.wait_seconds(username, now=now)
        if wait > 0:
            self._event(username, "sign_in_delayed", now)
            self.save()
            raise SignInDelayed(user=username, seconds=wait)
        keys = open_slot_keys(slot, password)
        if keys is None:
            entry = self.failures.setdefault(username, {"count": 0, "last": 0})
            entry["count"] += 1
            entry["last"] = now
            self._event(username, "sign_in_failed", now)
            self.save()
            raise WrongPassword(user=username)
        return keys

    def wait_seconds(self, username: str, *, now: float | None = None) -> int:
        entry = self.failures.get(username)
        if not entry:
            return 0
        now = time.time() if now is None else now
        return max(0, math.ceil(entry["last"] + failure_delay(entry["count"]) - now))

    def _event(self, username: str, action: str, now: float) -> None:
        self.events.append(
            {
                "username": username,
                "action": action,
                "at": now,
                "failures": self.failures.get(username, {}).get("count", 0),
            }
        )

    def kdf_of(self, username: str) -> KdfParams:
        """The Argon2id cost of ``username``'s slot (the default if there is none)."""
        kind = self.user_kind(username)
        slot = self._slot(kind, username) if kind else None
        if slot is None:
            return KdfParams()
        kdf = slot["kdf"]
        return KdfParams(kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"])

    def clear_failures(self, username: str) -> bool:
        """After an analyst's sign-in (which cannot reach the register's trail): their
        failures are cleared; the events wait for the next sign-in of a key holder."""
        return self.failures.pop(username, None) is not None

    def take_events(self, username: str) -> list[dict]:
        """After a successful sign-in: clear the user's failures and return (and forget)
        every pending sign-in event, for the audit trail. The caller saves."""
        self.failures.pop(username, None)
        events, self.events = self.events, []
        return events

    def unlock_with_recovery_code(self, code: str) -> bytes:
        return self.unlock_keys_with_recovery_code(code)[0]

    def unlock_keys_with_recovery_code(self, code: str) -> list[bytes]:
        slot = self._slot(RECOVERY, RECOVERY)
        keys = open_slot_keys(slot, normalize_recovery_code(code)) if slot else None
        if keys is None:
            raise WrongPassword(user=RECOVERY)
        return keys

    def rewrap(self, kind: str, name: str, secret: str, db_key: bytes) -> None:
        """Replace one slot with a fresh one wrapping ``db_key`` (after a re-key, or to
        give an old slot its key pair); its KDF cost is kept. The caller saves."""
        old = self._slot(kind, name)
        kdf = old["kdf"] if old else asdict(KdfParams())
        params = KdfParams(kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"])
        slot = make_slot(kind, name, secret, db_key, params)
        self.slots = [s for s in self.slots if not (s["kind"] == kind and s["name"] == name)]
        self.slots.append(slot)

    def has_key_pair(self, kind: str, name: str) -> bool:
        slot = self._slot(kind, name)
        return bool(slot and "public" in slot and not slot.get("pending"))

    def remove_user_slot(self, username: str) -> bool:
        before = len(self.slots)
        self.slots = [
            s for s in self.slots if not (s["kind"] in USER_KINDS and s["name"] == username)
        ]
        self.failures.pop(username, None)
        return len(self.slots) != before

    def seal_pending(self, db_key: bytes, analysis_key: bytes) -> list[str]:
        """Seal a new database key to every slot that has a key pair (an analyst's slot:
        the analysis copy's new key); drop the slots that have none and return their
        names (the recovery slot is called "recovery"). The caller saves."""
        dropped = []
        for slot in list(self.slots):
            if "public" in slot:
                slot["pending"] = _seal_key(
                    slot, analysis_key if slot["kind"] == "analyst" else db_key
                )
            else:
                dropped.append(slot["name"])
                self.slots.remove(slot)
        return dropped

    def set_user_slot(
        self, username: str, password: str, db_key: bytes, params: KdfParams, *, kind: str = "user"
    ) -> None:
        """Add or replace one user's slot (a new user, a changed password); ``kind``
        "analyst" for a slot that wraps the analysis copy's key."""
        assert kind in USER_KINDS, kind
        slot = make_slot(kind, username, password, db_key, params)
        self.slots = [
            s for s in self.slots if not (s["kind"] in USER_KINDS and s["name"] == username)
        ] + [slot]
        self.save()
