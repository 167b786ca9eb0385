"""Office keys for sync (DESIGN.md section 5): secrets, the public ``.tipkey`` card,
fingerprints read over the phone, and key rotation.

Each office has an Ed25519 signing key (signs the manifests of its batches) and an X25519
age identity (batches for it are encrypted to its recipient). Both live in
``OfficeSecrets``, which the caller stores inside the encrypted register; nothing here
touches the disk. The public half travels as a ``KeyCard`` (a ``.tipkey`` file), which
the receiving office enrols only after comparing its fingerprint with the sender over the
phone. A lost or exposed key is replaced with ``rotate``: the new card carries the old
key's signature, so peers that enrolled the old card can accept the new one without a
phone call (``verify_rotation``).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from tipdesk.domain.errors import BadKeyFile, FingerprintMismatch

CARD_FORMAT = "tipkey/1"
SECRETS_FORMAT = "tipdesk-office-secrets/1"
CARD_MAX_BYTES = 64 * 1024
LEVELS = ("district", "province")
# Old age identities kept after rotations, newest first, so that batches already on a
# stick when the key changed can still be read; older ones are dropped.
MAX_PREVIOUS_IDENTITIES = 3

_FINGERPRINT_TAG = b"tipkey-fingerprint/1"
_ROTATION_TAG = b"tipkey-rotation/1\x00"
_CARD_FIELDS = (
    "office_id",
    "code",
    "name",
    "level",
    "age_recipient",
    "ed25519",
    "recovery_recipient",
    "created_at",
    "previous_ed25519",
    "rotation_signature",
)
_BYTES_FIELDS = ("ed25519", "previous_ed25519", "rotation_signature")
_OFFICE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_OFFICE_CODE = re.compile(r"^[A-Z0-9]{2,12}$")
_NAME_MAX = 200
# Letters a person may say or type for the base32 letters they look like.
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


@dataclass(frozen=True)
class OfficeSecrets:
    """An office's private keys. ``repr`` never shows them."""

    signing_key: bytes = field(repr=False)  # Ed25519 private key, 32 raw bytes
    age_identity: str = field(repr=False)  # AGE-SECRET-KEY-1...
    previous_age_identities: tuple[str, ...] = field(default=(), repr=False)

    @property
    def public_ed25519(self) -> bytes:
        return _public_of(self.signing_key)

    @property
    def age_recipient(self) -> str:
        return str(pyrage.x25519.Identity.from_str(self.age_identity).to_public())

    @property
    def all_age_identities(self) -> list[str]:
        """The current identity first, then those kept from earlier rotations."""
        return [self.age_identity, *self.previous_age_identities]

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": SECRETS_FORMAT,
                "signing_key": _b64(self.signing_key),
                "age_identity": self.age_identity,
                "previous_age_identities": list(self.previous_age_identities),
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> OfficeSecrets:
        """Read what ``to_json`` wrote. Raises ``ValueError`` if it is not that: the text
        comes from our own encrypted register, so this means damage or a bug."""
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != SECRETS_FORMAT:
                raise ValueError("not office secrets")
            if set(data) != {"format", "signing_key", "age_identity", "previous_age_identities"}:
                raise ValueError("office secrets fields")
            signing_key = base64.b64decode(data["signing_key"], validate=True)
            _public_of(signing_key)
            identities = [data["age_identity"], *data["previous_age_identities"]]
            for identity in identities:
                pyrage.x25519.Identity.from_str(identity)
        except (ValueError, TypeError, KeyError, binascii.Error, pyrage.IdentityError) as error:
            raise ValueError("office secrets are damaged") from error
        return cls(signing_key, identities[0], tuple(identities[1:]))


def new_office_secrets() -> OfficeSecrets:
    signing = Ed25519PrivateKey.generate().private_bytes_raw()
    return OfficeSecrets(signing, str(pyrage.x25519.Identity.generate()))


def new_recovery_identity() -> tuple[str, str]:
    """``(secret, recipient)``: the ``AGE-SECRET-KEY-1...`` line to print once and lock
    away, and the ``age1...`` recipient that goes on the office's card."""
    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


@dataclass(frozen=True)
class KeyCard:
    """The public content of a ``.tipkey`` file."""

    office_id: str
    code: str
    name: str
    level: str  # "district" or "province"
    age_recipient: str  # age1...
    ed25519: bytes  # 32 raw public bytes
    recovery_recipient: str = ""  # age1..., "" if the office has none
    created_at: str = ""  # ISO 8601, UTC
    previous_ed25519: bytes = b""  # the key this card replaces (rotation only)
    rotation_signature: bytes = b""  # by previous_ed25519 over the new card (rotation only)


def card_for(
    office_id: str,
    code: str,
    name: str,
    level: str,
    secrets: OfficeSecrets,
    recovery_recipient: str = "",
) -> KeyCard:
    card = KeyCard(
        office_id=office_id,
        code=code,
        name=name,
        level=level,
        age_recipient=secrets.age_recipient,
        ed25519=secrets.public_ed25519,
        recovery_recipient=recovery_recipient,
        created_at=_now(),
    )
    _check_card(card)
    return card


def card_bytes(card: KeyCard) -> bytes:
    """The ``.tipkey`` file: UTF-8 JSON, sorted keys, bytes as base64."""
    data: dict[str, Any] = {"format": CARD_FORMAT}
    for name in _CARD_FIELDS:
        value = getattr(card, name)
        data[name] = _b64(value) if name in _BYTES_FIELDS else value
    return (json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode()


def read_card(data: bytes) -> KeyCard:
    """Parse a ``.tipkey`` file strictly; anything else raises ``BadKeyFile(reason=...)``.

    Reasons: ``too_large``, ``not_json``, ``format``, ``fields``, ``field_type``,
    ``base64``, and those of the field checks (``office_id``, ``code``, ``name``,
    ``level``, ``recipient``, ``key_length``, ``created_at``, ``rotation``).
    """
    if len(data) > CARD_MAX_BYTES:
        raise BadKeyFile(reason="too_large")
    try:
        parsed = json.loads(
            data.decode("utf-8-sig"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant
        )
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadKeyFile(reason="not_json") from None
    if not isinstance(parsed, dict):
        raise BadKeyFile(reason="not_json")
    if parsed.get("format") != CARD_FORMAT:
        raise BadKeyFile(reason="format")
    if set(parsed) != {"format", *_CARD_FIELDS}:
        raise BadKeyFile(reason="fields")
    if not all(isinstance(parsed[name], str) for name in _CARD_FIELDS):
        raise BadKeyFile(reason="field_type")
    values: dict[str, Any] = {name: parsed[name] for name in _CARD_FIELDS}
    for name in _BYTES_FIELDS:
        try:
            values[name] = base64.b64decode(values[name].encode("ascii"), validate=True)
        except (UnicodeEncodeError, binascii.Error):
            raise BadKeyFile(reason="base64") from None
    card = KeyCard(**values)
    _check_card(card)
    return card


def _check_card(card: KeyCard) -> None:
    if not _OFFICE_ID.match(card.office_id):
        raise BadKeyFile(reason="office_id")
    if not _OFFICE_CODE.match(card.code):
        raise BadKeyFile(reason="code")
    if (
        not card.name.strip()
        or len(card.name) > _NAME_MAX
        or any(not ch.isprintable() for ch in card.name)
    ):
        raise BadKeyFile(reason="name")
    if card.level not in LEVELS:
        raise BadKeyFile(reason="level")
    if not _is_recipient(card.age_recipient):
        raise BadKeyFile(reason="recipient")
    if card.recovery_recipient and not _is_recipient(card.recovery_recipient):
        raise BadKeyFile(reason="recipient")
    if (
        len(card.ed25519) != 32
        or len(card.previous_ed25519) not in (0, 32)
        or len(card.rotation_signature) not in (0, 64)
    ):
        raise BadKeyFile(reason="key_length")
    if bool(card.previous_ed25519) != bool(card.rotation_signature):
        raise BadKeyFile(reason="rotation")
    try:
        created = dt.datetime.fromisoformat(card.created_at)
    except ValueError:
        raise BadKeyFile(reason="created_at") from None
    if created.utcoffset() != dt.timedelta(0):
        raise BadKeyFile(reason="created_at")


def fingerprint(card: KeyCard) -> str:
    """``7KQ2-M9XD-...``: 8 groups of 4 base32 letters (160 bits of SHA-256)."""
    digest = hashlib.sha256(_fingerprint_message(card)).digest()[:20]
    letters = base64.b32encode(digest).decode("ascii")  # 32 letters, no padding
    return "-".join(letters[i : i + 4] for i in range(0, 32, 4))


def same_fingerprint(card: KeyCard, typed: str) -> bool:
    """Whether ``typed`` is the card's fingerprint, ignoring case, spaces and dashes (and
    taking the digits 0, 1 and 8, which base32 never uses, for O, I and B)."""
    cleaned = "".join(ch for ch in typed.upper() if ch not in " -\t\n").translate(_LOOKALIKES)
    expected = fingerprint(card).replace("-", "")
    return hmac.compare_digest(cleaned.encode("utf-8"), expected.encode("ascii"))


def require_fingerprint(card: KeyCard, typed: str) -> None:
    """Raise ``FingerprintMismatch`` unless ``same_fingerprint``."""
    if not same_fingerprint(card, typed):
        raise FingerprintMismatch(office=card.code)


def key_id(public_ed25519: bytes) -> bytes:
    """First 8 bytes of SHA-256 of the public key (the minisign key id of our batches)."""
    return hashlib.sha256(public_ed25519).digest()[:8]


def rotate(secrets: OfficeSecrets, card: KeyCard) -> tuple[OfficeSecrets, KeyCard]:
    """New signing key and age identity, and the card announcing them, signed by the old
    key. The old age identity is kept (``MAX_PREVIOUS_IDENTITIES``) for batches in transit.
    """
    if card.ed25519 != secrets.public_ed25519:
        raise ValueError("the card is not the card of these secrets")
    fresh = new_office_secrets()
    kept = (secrets.age_identity, *secrets.previous_age_identities)[:MAX_PREVIOUS_IDENTITIES]
    new_secrets = replace(fresh, previous_age_identities=kept)
    unsigned = replace(
        card,
        age_recipient=new_secrets.age_recipient,
        ed25519=new_secrets.public_ed25519,
        created_at=_now(),
        previous_ed25519=card.ed25519,
        rotation_signature=b"",
    )
    old_key = Ed25519PrivateKey.from_private_bytes(secrets.signing_key)
    signature = old_key.sign(_ROTATION_TAG + _fingerprint_message(unsigned))
    return new_secrets, replace(unsigned, rotation_signature=signature)


def verify_rotation(enrolled: KeyCard, new: KeyCard) -> bool:
    """Whether ``new`` replaces ``enrolled``: same office, and signed by the enrolled key."""
    if new.office_id != enrolled.office_id or len(enrolled.ed25519) != 32:
        return False
    if not new.previous_ed25519 or not hmac.compare_digest(new.previous_ed25519, enrolled.ed25519):
        return False
    try:
        Ed25519PublicKey.from_public_bytes(enrolled.ed25519).verify(
            new.rotation_signature, _ROTATION_TAG + _fingerprint_message(new)
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def _fingerprint_message(card: KeyCard) -> bytes:
    """The canonical bytes the fingerprint hashes: a tag, then each field length-prefixed."""
    parts = [
        card.office_id.encode(),
        card.code.encode(),
        card.level.encode(),
        card.age_recipient.encode(),
        card.recovery_recipient.encode(),
        card.ed25519,
    ]
    out = bytearray(_FINGERPRINT_TAG)
    for part in parts:
        out += len(part).to_bytes(4, "big") + part
    return bytes(out)


def _public_of(signing_key: bytes) -> bytes:
    if len(signing_key) != 32:
        raise ValueError("an Ed25519 private key has 32 bytes")
    return (
        Ed25519PrivateKey.from_private_bytes(signing_key)
        .public_key()
        .public_bytes(Encoding.Raw, PublicFormat.Raw)
    )


def _is_recipient(text: str) -> bool:
    try:
        return str(pyrage.x25519.Recipient.from_str(text)) == text
    except pyrage.RecipientError:
        return False


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")
