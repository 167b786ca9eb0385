"""The batch envelope of DESIGN.md section 5: seal and open ``.tipbatch`` files in memory.

A batch is an age v1 file (binary, ``pyrage``) encrypted to the peer's recipient (and its
recovery recipient). Its plaintext is a zip with exactly three members, in this order:

- ``manifest.json``: canonical JSON (sorted keys, no spaces, UTF-8) of ``Manifest``, which
  holds the SHA-256 of ``changes.jsonl``;
- ``manifest.sig``: the sender's Ed25519 signature over the manifest bytes;
- ``changes.jsonl``: the changes, opaque here.

Signing inside the encryption hides who sent a batch from whoever finds the stick, and the
manifest binds the changes through their hash, so one signature covers everything.

**Signature format.** ``manifest.sig`` is a minisign signature (legacy ``Ed`` algorithm:
Ed25519 over the message itself)::

    untrusted comment: <text>
    base64("Ed" || key id (8 bytes) || signature (64 bytes))
    trusted comment: <text>
    base64(Ed25519 over signature || trusted comment)

Compatibility: the layout and both signatures are minisign's, so minisign (and signify,
which ignores the trusted comment) can check a manifest taken out of a decrypted batch:
``minisign -V -p office.pub -m manifest.json -x manifest.sig``, with the public key file
from ``minisign_public_key``. The one difference is the key id: minisign draws 8 random
bytes when it makes a key; ours is the first 8 bytes of SHA-256 of the public key
(``officekeys.key_id``), so anyone holding a ``.tipkey`` card can derive it. ``Ed`` is
what ``minisign -S -l`` writes; minisign's default is the pre-hashed ``ED`` (Ed25519 over
BLAKE2b-512 of the message), which ``verify_minisign`` also accepts.

**Size caps** (``MAX_*`` below). The whole file is at most 512 MiB; inside, the manifest at
most 1 MiB, the signature 4 KiB and the changes 1 GiB uncompressed. Uncompressed sizes are
checked against the zip headers and again while inflating (reading in 1 MiB steps and
stopping past the cap), so a zip bomb cannot exhaust memory. An import holds the file
and the decrypted zip (at most 512 MiB each) and inflates the changes a step at a time,
twice: once to check their hash, once to apply them (``ChangesText``), so a 4 GB laptop
(DESIGN.md section 9) opens the largest batch. Changes over their cap must be exported
as several batches (consecutive seq ranges); ``seal`` refuses them.

**Opening** (``open_batch``) checks in this order, each failure its own error carrying only
a ``reason`` code (or the format version, or the signer's key id), never anything read
from the content:

1. starts with the age v1 magic line, else ``NotABatch`` (an empty file too; a file that
   is only the start of that line is ``BatchDamaged("truncated")``);
2. at most ``MAX_BATCH_BYTES`` (``BatchDamaged("too_large")``); the header's lines up to
   the MAC line and a minimal payload are there (``BatchDamaged("truncated")``);
3. decryption: no identity of ours opens it, ``BatchNotForThisOffice("no_matching_key")``;
   header MAC or payload fails, ``BatchDamaged("header" / "payload")``;
4. zip: exactly the three member names (no directories, paths, duplicates or extras),
   stored or deflated, unencrypted, within the caps (``BatchDamaged``: ``zip``,
   ``members``, ``compression``, ``member_size``);
5. ``manifest.sig`` parses as minisign (``BadSignature("malformed")``), and its key id is
   enrolled: ``key_for(key_id)`` gives the public key, else ``UnknownSender``;
6. the signature over the manifest bytes, before the manifest is parsed
   (``BadSignature("signature")``);
7. the manifest is a JSON object with an integer ``format`` (``BatchDamaged("manifest")``);
   a format above ``FORMAT_VERSION`` is ``BatchFormatTooNew(version=...)``, checked before
   the fields since a later format may change them; then exactly format 1's fields and
   types (``BatchDamaged("manifest")``);
8. ``destination`` is ``our_office_id``, else ``BatchNotForThisOffice("destination")``;
9. each member's SHA-256 equals the manifest's, else ``BatchDamaged("member_hash")``.

The caller still has two checks to make with its own records, which this module cannot
see: ``manifest.origin`` must be the office whose enrolled key ``key_for`` returned (else
one enrolled office could sign batches claiming to be another), and the batch id / seq
range against what was already imported. ``destination_fingerprint`` is informational:
a batch sealed to our previous key (in transit during a rotation) legitimately names the
old fingerprint.

Telling "not for us" from "damaged" in pyrage: pyrage raises one ``DecryptError`` type
for everything, with rage's message as text. We first read the age header ourselves (the
magic line, then lines up to the ``---`` MAC line, then at least a nonce and one tag of
payload), which separates "not age at all" and "truncated". Then only rage's "No matching
keys found" means no identity of ours unwraps a stanza; every other message (header MAC,
payload decryption) means damage. Note that a stanza altered on the way also reads as "no
matching keys": age gives no way to tell a corrupted stanza for us from a stanza for
someone else, so ``BatchNotForThisOffice``'s message also mentions an old key.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import io
import json
import re
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from tipdesk.domain.errors import (
    BadSignature,
    BatchDamaged,
    BatchFormatTooNew,
    BatchNotForThisOffice,
    NotABatch,
    UnknownSender,
)
from tipdesk.security.officekeys import key_id

# Format 2 adds the audit anchoring of DESIGN.md section 5b (``audit_head``, ``anchor``);
# format 3 the documents the batch carries in parts beside it (issue 24), and is written
# only by a batch that carries documents, so an office not yet updated reads the others.
# Format 1 batches, from an office not yet updated, are still read.
FORMAT_VERSION = 3
SUFFIX = ".tipbatch"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CHANGES = "changes.jsonl"
MEMBERS = (MANIFEST, SIGNATURE, CHANGES)

MAX_BATCH_BYTES = 512 * 1024 * 1024  # the .tipbatch file (encrypted)
MAX_MANIFEST_BYTES = 4 * 1024 * 1024  # 20,000 documents listed
# The documents one batch may carry (in its parts, ``docparts``), and their bytes.
MAX_BATCH_DOCUMENTS = 20_000
MAX_BATCH_DOCUMENT_BYTES = 64 * 1024 * 1024 * 1024
MAX_PARTS = 99
MAX_DOCUMENT_BYTES = 25 * 1024 * 1024  # as records.MAX_DOCUMENT_BYTES
MAX_SIGNATURE_BYTES = 4 * 1024
MAX_CHANGES_BYTES = 1024 * 1024 * 1024  # uncompressed
# One line of changes.jsonl: one record with its history. The longest record (a note of
# 20,000 characters, with its earlier text) and a history of 10,000 steps come to
# under 2 MiB; a larger line is refused before it is gathered, so memory stays bounded.
MAX_LINE_BYTES = 4 * 1024 * 1024
MEMBER_CAPS = {
    MANIFEST: MAX_MANIFEST_BYTES,
    SIGNATURE: MAX_SIGNATURE_BYTES,
    CHANGES: MAX_CHANGES_BYTES,
}

_AGE_MAGIC = b"age-encryption.org/v1\n"
_AGE_MAX_HEADER = 64 * 1024
_AGE_MIN_PAYLOAD = 16 + 16  # the payload nonce and the tag of the (last) chunk
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_READ_STEP = 1024 * 1024

_UNTRUSTED = "untrusted comment: "
_TRUSTED = "trusted comment: "

_MANIFEST_FIELDS = (
    "format",
    "batch_id",
    "origin",
    "origin_code",
    "destination",
    "destination_fingerprint",
    "seq_from",
    "seq_to",
    "ack_upto",
    "schema_version",
    "created_at",
    "counts",
    "members",
    "profile",
)
_FIELDS_OF_FORMAT = {
    1: frozenset(_MANIFEST_FIELDS),
    2: frozenset((*_MANIFEST_FIELDS, "audit_head", "anchor")),
    3: frozenset((*_MANIFEST_FIELDS, "audit_head", "anchor", "documents")),
}
_RECORD_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_OFFICE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_OFFICE_CODE = re.compile(r"^[A-Z0-9]{2,12}$")
_FINGERPRINT = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$")
_SHORT_CODE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_VERSION = re.compile(r"^[A-Za-z0-9._-]{1,32}$")


@dataclass(frozen=True)
class Manifest:
    format: int
    batch_id: str  # uuid4 hex
    origin: str  # office id of the sender
    origin_code: str
    destination: str  # office id of the receiver
    destination_fingerprint: str  # of the receiver's card the batch was sealed to
    seq_from: int
    seq_to: int
    ack_upto: int  # the sender has imported our changes up to this seq
    schema_version: str
    created_at: str  # ISO 8601, UTC
    counts: dict[str, int]  # changes per entity
    members: dict[str, str]  # member name -> SHA-256 hex of its bytes
    profile: str  # "full", "deidentified", ...
    # The sender's audit head ({"seq": n, "hash": hex}), and the receiver's as the
    # sender last saw it (empty before it has seen one); format 2.
    audit_head: dict | None = None
    anchor: dict | None = None
    # The documents in the parts beside the batch (format 3): {"parts": [{"size": n,
    # "sha256": hex of the encrypted part, "items": [[record id, sha256, size], ...]}]}.
    documents: dict | None = None

    def document_parts(self) -> list[tuple[int, str, list[tuple[str, str, int]]]]:
        """Each part's size, SHA-256 and documents (id, SHA-256, size), in order."""
        if not self.documents:
            return []
        return [
            (part["size"], part["sha256"], [(i, h, n) for i, h, n in part["items"]])
            for part in self.documents["parts"]
        ]


def new_batch_id() -> str:
    return uuid.uuid4().hex


def batch_file_name(batch_id: str | None = None) -> str:
    """``<random>.tipbatch``: the name says nothing about the offices or the content."""
    return f"{batch_id or new_batch_id()}{SUFFIX}"


def manifest_bytes(manifest: Manifest) -> bytes:
    """Canonical JSON: sorted keys, no spaces, UTF-8 (only the fields of its format)."""
    fields = {k: v for k, v in asdict(manifest).items() if k in _FIELDS_OF_FORMAT[manifest.format]}
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


# --- sealing -----------------------------------------------------------------------------


class Changes:
    """``changes.jsonl`` as an export makes it: each piece is measured, hashed and
    deflated as it is written, so the compressing overlaps the making and the whole
    uncompressed text is never held twice."""

    def __init__(self) -> None:
        self._deflate = zlib.compressobj(1, zlib.DEFLATED, -15)  # zip's raw deflate
        self._sha = hashlib.sha256()
        self._crc = 0
        self._parts: list[bytes] = []
        self.size = 0
        self._done: _Member | None = None

    def write(self, data: bytes) -> None:
        if self._done is not None:
            raise ValueError("changes already sealed")
        self.size += len(data)
        if self.size > MAX_CHANGES_BYTES:
            raise ValueError("changes exceed MAX_CHANGES_BYTES; split the export")
        self._sha.update(data)
        self._crc = zlib.crc32(data, self._crc)
        self._parts.append(self._deflate.compress(data))

    def sha256(self) -> str:
        return self._sha.hexdigest()

    def member(self) -> _Member:
        if self._done is None:
            self._parts.append(self._deflate.flush())
            self._done = _Member(CHANGES, self._crc, self.size, self._parts)
            self._parts = []
        return self._done


@dataclass(frozen=True)
class _Member:
    """One deflated zip member, ready to be laid out."""

    name: str
    crc: int
    size: int
    deflated: list[bytes]

    @classmethod
    def of(cls, name: str, data: bytes) -> _Member:
        deflate = zlib.compressobj(1, zlib.DEFLATED, -15)
        return cls(name, zlib.crc32(data), len(data), [deflate.compress(data), deflate.flush()])


def seal(
    *,
    origin: str,
    origin_code: str,
    destination: str,
    destination_fingerprint: str,
    seq_from: int,
    seq_to: int,
    ack_upto: int,
    schema_version: str,
    counts: Mapping[str, int],
    profile: str,
    changes: bytes | Changes,
    signing_key: bytes,
    recipients: Sequence[str],
    batch_id: str | None = None,
    created_at: str | None = None,
    audit_head: Mapping[str, Any] | None = None,
    anchor: Mapping[str, Any] | None = None,
    documents: Mapping[str, Any] | None = None,
) -> bytes:
    """A ``.tipbatch`` file's bytes: the manifest (with the hash of ``changes``), signed
    with ``signing_key`` (32 raw Ed25519 bytes), zipped, and encrypted to every age
    recipient in ``recipients``. ``changes`` is the bytes, or a ``Changes`` written as
    they were made. Pass ``batch_id`` to know it for the outbox records (a new uuid4 hex
    otherwise). ``documents``: the parts written beside it (``docparts``), if any.
    Raises ``ValueError`` on fields ``open_batch`` would refuse."""
    if isinstance(changes, bytes | bytearray):
        if len(changes) > MAX_CHANGES_BYTES:
            raise ValueError("changes exceed MAX_CHANGES_BYTES; split the export")
        written = Changes()
        written.write(bytes(changes))
        changes = written
    manifest = Manifest(
        format=3 if documents else 2,
        batch_id=batch_id or new_batch_id(),
        origin=origin,
        origin_code=origin_code,
        destination=destination,
        destination_fingerprint=destination_fingerprint,
        seq_from=seq_from,
        seq_to=seq_to,
        ack_upto=ack_upto,
        schema_version=schema_version,
        created_at=created_at or _now(),
        counts=dict(counts),
        members={CHANGES: changes.sha256()},
        profile=profile,
        audit_head=dict(audit_head or {"seq": 0, "hash": "0" * 64}),
        anchor=dict(anchor or {}),
        documents=dict(documents) if documents else None,
    )
    _check_manifest(manifest)
    body = manifest_bytes(manifest)
    if len(body) > MAX_MANIFEST_BYTES:
        raise ValueError("manifest exceeds MAX_MANIFEST_BYTES")
    signature = sign_minisign(
        body,
        signing_key,
        trusted_comment=(
            f"timestamp:{_unix(manifest.created_at)}\tfile:{MANIFEST}"
            f"\tbatch:{manifest.batch_id}\torigin:{manifest.origin_code}"
        ),
    )
    plain = _zip(
        [
            _Member.of(MANIFEST, body),
            _Member.of(SIGNATURE, signature.encode("utf-8")),
            changes.member(),
        ]
    )
    return encrypt(plain, recipients)


def zip_members(members: Sequence[tuple[str, bytes]]) -> bytes:
    """An in-memory zip, deflated, with fixed timestamps and permissions, so the same
    members always give the same bytes."""
    return _zip([_Member.of(name, data) for name, data in members])


# The zip is laid out here rather than by zipfile so that a member deflated while it was
# being made can go in as it is. The bytes are the ones zipfile writes for the same
# members (deflated, level 1, 1980-01-01, mode 0600, made on Unix, ASCII names), which
# tests/security/test_batch.py checks; zipfile reads them back (read_members).
_DOS_TIME, _DOS_DATE = 0, (1980 - 1980) << 9 | 1 << 5 | 1
_VERSION_DEFLATE = 20
_UNIX = 3


def _zip(members: Sequence[_Member]) -> bytes:
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for member in members:
        name = member.name.encode("ascii")
        compressed = sum(len(part) for part in member.deflated)
        if max(compressed, member.size, offset) >= 0xFFFFFFFF:
            raise ValueError("a batch member is too large for the zip")
        fields = (
            _VERSION_DEFLATE,
            0,
            zipfile.ZIP_DEFLATED,
            _DOS_TIME,
            _DOS_DATE,
            member.crc,
            compressed,
            member.size,
            len(name),
        )
        header = struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + name
        central.append(
            struct.pack(
                "<4s4B4H3L5H2L",
                b"PK\x01\x02",
                _VERSION_DEFLATE,
                _UNIX,
                _VERSION_DEFLATE,
                0,
                0,
                zipfile.ZIP_DEFLATED,
                _DOS_TIME,
                _DOS_DATE,
                member.crc,
                compressed,
                member.size,
                len(name),
                0,
                0,
                0,
                0,
                0o600 << 16,
                offset,
            )
            + name
        )
        out.append(header)
        out.extend(member.deflated)
        offset += len(header) + compressed
    directory = b"".join(central)
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0
    )
    return b"".join([*out, directory, end])


def encrypt(plain: bytes, recipients: Sequence[str]) -> bytes:
    """Binary age v1 to each distinct ``age1...`` recipient."""
    unique = list(dict.fromkeys(recipients))
    if not unique:
        raise ValueError("a batch needs at least one recipient")
    parsed = [pyrage.x25519.Recipient.from_str(text) for text in unique]
    return pyrage.encrypt(plain, parsed)


# --- minisign ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Minisign:
    algorithm: bytes  # b"Ed" (message signed as is) or b"ED" (BLAKE2b-512 prehashed)
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes


def sign_minisign(
    message: bytes,
    signing_key: bytes,
    *,
    trusted_comment: str,
    untrusted_comment: str = "TipDesk batch manifest signature",
) -> str:
    """A minisign signature file (legacy ``Ed`` algorithm) of ``message``."""
    if any(ch in trusted_comment + untrusted_comment for ch in "\r\n"):
        raise ValueError("a minisign comment is one line")
    private = Ed25519PrivateKey.from_private_bytes(signing_key)
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    signature = private.sign(message)
    global_signature = private.sign(signature + trusted_comment.encode("utf-8"))
    return (
        f"{_UNTRUSTED}{untrusted_comment}\n"
        f"{_b64(b'Ed' + key_id(public) + signature)}\n"
        f"{_TRUSTED}{trusted_comment}\n"
        f"{_b64(global_signature)}\n"
    )


def verify_minisign(sig_text: str | bytes, message: bytes, public_key: bytes) -> bool:
    """Whether ``sig_text`` is a valid minisign signature of ``message`` by ``public_key``
    (32 raw bytes), including its trusted comment and key id."""
    try:
        parsed = _parse_minisign(sig_text)
        return _verify(parsed, message, public_key)
    except ValueError:
        return False


def minisign_public_key(public_key: bytes) -> str:
    """The public key as a minisign ``.pub`` file, for checking a manifest with minisign."""
    kid = key_id(public_key)
    return (
        f"{_UNTRUSTED}minisign public key {kid[::-1].hex().upper()}\n"
        f"{_b64(b'Ed' + kid + public_key)}\n"
    )


def _parse_minisign(sig_text: str | bytes) -> _Minisign:
    """Raises ``ValueError`` on anything but the four lines of a minisign signature."""
    if isinstance(sig_text, bytes):
        if len(sig_text) > MAX_SIGNATURE_BYTES:
            raise ValueError("too long")
        sig_text = sig_text.decode("utf-8")  # UnicodeDecodeError is a ValueError
    lines = sig_text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != 4 or not lines[0].startswith(_UNTRUSTED) or not lines[2].startswith(_TRUSTED):
        raise ValueError("not minisign")
    try:
        blob = base64.b64decode(lines[1], validate=True)
        global_signature = base64.b64decode(lines[3], validate=True)
    except binascii.Error as error:
        raise ValueError("base64") from error
    if len(blob) != 2 + 8 + 64 or blob[:2] not in (b"Ed", b"ED") or len(global_signature) != 64:
        raise ValueError("not minisign")
    return _Minisign(blob[:2], blob[2:10], blob[10:], lines[2][len(_TRUSTED) :], global_signature)


def _verify(parsed: _Minisign, message: bytes, public_key: bytes) -> bool:
    if len(public_key) != 32 or not hmac.compare_digest(parsed.key_id, key_id(public_key)):
        return False
    if parsed.algorithm == b"ED":
        message = hashlib.blake2b(message, digest_size=64).digest()
    key = Ed25519PublicKey.from_public_bytes(public_key)
    try:
        key.verify(parsed.signature, message)
        key.verify(
            parsed.global_signature, parsed.signature + parsed.trusted_comment.encode("utf-8")
        )
    except InvalidSignature:
        return False
    return True


# --- opening -----------------------------------------------------------------------------


def open_batch(
    data: bytes,
    identities: Sequence[str],
    key_for: Callable[[bytes], bytes | None],
    *,
    our_office_id: str,
) -> tuple[Manifest, ChangesText]:
    """Decrypt, verify and check a ``.tipbatch``; return its manifest and its
    ``changes.jsonl`` (read line by line, or whole). See the module docstring for the
    order of the checks and for what the caller must still check (``manifest.origin``
    against the peer that owns the key ``key_for`` returned).

    ``identities`` are our ``AGE-SECRET-KEY-1...`` identities (the current one and those
    kept from rotations). ``key_for(key_id)`` returns the enrolled Ed25519 public key (32
    raw bytes) whose ``officekeys.key_id`` is ``key_id``, or None.
    """
    plain = decrypt(data, identities)
    members = read_members(plain)
    del plain

    try:
        signature = _parse_minisign(members[SIGNATURE])
    except ValueError:
        raise BadSignature(reason="malformed") from None
    public_key = key_for(signature.key_id)
    if public_key is None:
        raise UnknownSender(key_id=signature.key_id.hex())
    if not _verify(signature, members[MANIFEST], public_key):
        raise BadSignature(reason="signature")

    manifest = parse_manifest(members[MANIFEST])
    if manifest.destination != our_office_id:
        raise BatchNotForThisOffice(reason="destination")
    for name, expected in manifest.members.items():
        digest = hashlib.sha256()
        if name == CHANGES:
            for chunk in members[CHANGES].chunks():
                digest.update(chunk)
        else:
            digest.update(members[name])
        if not hmac.compare_digest(digest.hexdigest(), expected):
            raise BatchDamaged(reason="member_hash")
    return manifest, members[CHANGES]


class ChangesText:
    """``changes.jsonl`` of an opened batch, inflated from the decrypted zip each time it
    is read, a step at a time: an import checks its hash in one pass and applies it in
    a second, so the whole text (up to ``MAX_CHANGES_BYTES``, ten times the file) is
    never held at once. Every read stops past the cap, whatever the headers claim."""

    def __init__(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, plain: bytes) -> None:
        self._archive, self._info, self._plain = archive, info, plain

    def archive_bytes(self) -> bytes:
        """The decrypted zip it is read from (for :func:`read_members` elsewhere)."""
        return self._plain

    def chunks(self) -> Iterator[bytes]:
        return _inflate_capped(self._archive, self._info, MEMBER_CAPS[CHANGES])

    def lines(self) -> Iterator[bytes]:
        """Each line, without its newline (a last line without one too). A line longer
        than ``MAX_LINE_BYTES`` is refused (``BatchDamaged("entry")``): no entry is near
        it, and gathering it would cost memory and time for nothing."""
        for block in self.line_blocks():
            yield from block

    def line_blocks(self) -> Iterator[list[bytes]]:
        """The lines of :meth:`lines`, a list per inflated step (split in C, not found one
        by one), refused the same way before the block with a line too long."""
        pending: list[bytes] = []  # the start of a line the last steps did not end
        pending_size = 0
        for chunk in self.chunks():
            lines = chunk.split(b"\n")
            rest = lines.pop()  # after the last newline: the start of a line
            if lines:
                if pending:
                    pending.append(lines[0])
                    lines[0] = b"".join(pending)
                    pending, pending_size = [], 0
                if max(map(len, lines)) > MAX_LINE_BYTES:
                    raise BatchDamaged(reason="entry")
                yield lines
            if rest:
                pending.append(rest)
                pending_size += len(rest)
                if pending_size > MAX_LINE_BYTES:
                    raise BatchDamaged(reason="entry")
        if pending:
            yield [b"".join(pending)]

    def read(self) -> bytes:
        """The whole text at once (small batches, tests)."""
        return b"".join(self.chunks())


def decrypt(data: bytes, identities: Sequence[str]) -> bytes:
    """The age plaintext. ``NotABatch`` if ``data`` is not an age file at all;
    ``BatchNotForThisOffice`` if no identity opens it; ``BatchDamaged`` otherwise."""
    if not data.startswith(_AGE_MAGIC):
        if data and _AGE_MAGIC.startswith(data):
            raise BatchDamaged(reason="truncated")
        raise NotABatch()
    if len(data) > MAX_BATCH_BYTES:
        raise BatchDamaged(reason="too_large")
    _check_age_layout(data)
    parsed = [pyrage.x25519.Identity.from_str(text) for text in identities]
    try:
        return pyrage.decrypt(data, parsed)
    except pyrage.DecryptError as error:
        message = str(error).lower()
    if "no matching keys" in message:
        raise BatchNotForThisOffice(reason="no_matching_key")
    if "header" in message or "age format" in message:
        raise BatchDamaged(reason="header")
    if "fill whole buffer" in message:
        raise BatchDamaged(reason="truncated")
    raise BatchDamaged(reason="payload")


def _check_age_layout(data: bytes) -> None:
    """The header's lines up to the ``---`` MAC line, then at least a nonce and a tag."""
    limit = min(len(data), _AGE_MAX_HEADER)
    position = len(_AGE_MAGIC)
    while True:
        end = data.find(b"\n", position, limit)
        if end < 0:
            raise BatchDamaged(reason="truncated" if limit == len(data) else "header")
        line = data[position:end]
        position = end + 1
        if line.startswith(b"--- "):
            break
    if len(data) - position < _AGE_MIN_PAYLOAD:
        raise BatchDamaged(reason="truncated")


def read_members(plain: bytes) -> dict[str, Any]:
    """The three members of the zip, refusing anything else and anything over the caps
    (``BatchDamaged``: ``zip``, ``members``, ``compression``, ``member_size``): the
    manifest and signature as bytes, the changes as a ``ChangesText`` read later."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(plain))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise BatchDamaged(reason="zip") from None
    names = [info.filename for info in infos]
    if len(names) != len(MEMBERS) or set(names) != set(MEMBERS):
        raise BatchDamaged(reason="members")
    members = {}
    for info in infos:
        cap = MEMBER_CAPS[info.filename]
        if info.flag_bits & 0x1:  # encrypted member
            raise BatchDamaged(reason="members")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BatchDamaged(reason="compression")
        if info.file_size > cap:
            raise BatchDamaged(reason="member_size")
        members[info.filename] = (
            ChangesText(archive, info, plain)
            if info.filename == CHANGES
            else _read_capped(archive, info, cap)
        )
    return members


def _inflate_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> Iterator[bytes]:
    """Inflate one member in steps, stopping as soon as it passes ``cap``, whatever its
    header claims; a size differing from the header is refused too (after the steps
    read so far have been handed out: the caller applies nothing before the end)."""
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_READ_STEP):
                size += len(chunk)
                if size > cap:
                    break
                yield chunk
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError, OSError, RuntimeError):
        # (compression methods zipfile cannot read were refused before this)
        raise BatchDamaged(reason="zip") from None
    if size > cap or size != info.file_size:
        raise BatchDamaged(reason="member_size")


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    return b"".join(_inflate_capped(archive, info, cap))


def parse_manifest(body: bytes) -> Manifest:
    """The manifest, strictly: ``BatchFormatTooNew`` for a later format (checked before
    the fields, which a later format may change), ``BatchDamaged(reason="manifest")`` for
    anything that is not exactly a format-1 manifest."""
    try:
        data = json.loads(
            body.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant
        )
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BatchDamaged(reason="manifest") from None
    if not isinstance(data, dict) or not _is_int(data.get("format")) or data["format"] < 1:
        raise BatchDamaged(reason="manifest")
    if data["format"] > FORMAT_VERSION:
        raise BatchFormatTooNew(version=data["format"])
    if set(data) != _FIELDS_OF_FORMAT[data["format"]]:
        raise BatchDamaged(reason="manifest")
    manifest = Manifest(**data)
    try:
        _check_manifest(manifest)
    except ValueError:
        raise BatchDamaged(reason="manifest") from None
    return manifest


def _check_manifest(m: Manifest) -> None:
    """Raises ``ValueError`` naming the first field that is not as format 1 requires."""
    checks: list[tuple[str, bool]] = [
        ("format", _is_int(m.format) and m.format in _FIELDS_OF_FORMAT),
        ("batch_id", isinstance(m.batch_id, str) and bool(_HEX32.match(m.batch_id))),
        ("origin", _matches(_OFFICE_ID, m.origin)),
        ("origin_code", _matches(_OFFICE_CODE, m.origin_code)),
        ("destination", _matches(_OFFICE_ID, m.destination)),
        ("destination_fingerprint", _matches(_FINGERPRINT, m.destination_fingerprint)),
        ("seq_from", _is_int(m.seq_from) and m.seq_from >= 0),
        ("seq_to", _is_int(m.seq_to) and m.seq_to >= 0),
        ("ack_upto", _is_int(m.ack_upto) and m.ack_upto >= 0),
        ("schema_version", _matches(_VERSION, m.schema_version)),
        ("created_at", _is_utc_time(m.created_at)),
        (
            "counts",
            isinstance(m.counts, dict)
            and len(m.counts) <= 64
            and all(
                _matches(_SHORT_CODE, k) and _is_int(v) and v >= 0 for k, v in m.counts.items()
            ),
        ),
        (
            "members",
            isinstance(m.members, dict)
            and set(m.members) == {CHANGES}
            and all(_matches(_HEX64, v) for v in m.members.values()),
        ),
        ("profile", _matches(_SHORT_CODE, m.profile)),
        ("audit_head", m.format < 2 or _is_head(m.audit_head)),
        ("anchor", m.format < 2 or m.anchor == {} or _is_head(m.anchor)),
        ("documents", m.format < 3 or _are_documents(m.documents)),
    ]
    for name, ok in checks:
        if not ok:
            raise ValueError(f"manifest field {name}")


def _are_documents(value: Any) -> bool:
    """``{"parts": [{"size", "sha256", "items": [[id, sha256, size], ...]}, ...]}``: at
    least one part, each with at least one document, every id once, within the caps."""
    if not isinstance(value, dict) or set(value) != {"parts"}:
        return False
    parts = value["parts"]
    if not isinstance(parts, list) or not 1 <= len(parts) <= MAX_PARTS:
        return False
    seen: set[str] = set()
    total = 0
    for part in parts:
        if not isinstance(part, dict) or set(part) != {"size", "sha256", "items"}:
            return False
        items = part["items"]
        if not (_is_int(part["size"]) and part["size"] > 0 and _matches(_HEX64, part["sha256"])):
            return False
        if not isinstance(items, list) or not items:
            return False
        for item in items:
            if not (isinstance(item, list) and len(item) == 3):
                return False
            record_id, sha256, size = item
            if not (_matches(_RECORD_ID, record_id) and _matches(_HEX64, sha256)):
                return False
            if not (_is_int(size) and 0 < size <= MAX_DOCUMENT_BYTES) or record_id in seen:
                return False
            seen.add(record_id)
            total += size
    return len(seen) <= MAX_BATCH_DOCUMENTS and total <= MAX_BATCH_DOCUMENT_BYTES


def _matches(pattern: re.Pattern[str], value: Any) -> bool:
    return isinstance(value, str) and bool(pattern.match(value))


def _is_head(value: Any) -> bool:
    """An audit head: ``{"seq": n, "hash": 64 hex}``."""
    return (
        isinstance(value, dict)
        and set(value) == {"seq", "hash"}
        and _is_int(value["seq"])
        and 0 <= value["seq"] < 2**53
        and _matches(_HEX64, value["hash"])
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_utc_time(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return moment.utcoffset() == dt.timedelta(0)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _unix(moment: str) -> int:
    return int(dt.datetime.fromisoformat(moment).timestamp())


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
