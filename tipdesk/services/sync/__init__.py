"""Sync by USB stick (DESIGN.md section 5): keys and enrolment, export, import with a
three-way merge, conflicts, acknowledgements and the inbox of batches waiting for a gap.

The package: this module is the protocol; ``entries`` checks each incoming entry as
strictly as a save in the app; ``reader`` decodes and checks a batch's entries, in a
second process for a large one. (The envelope is ``security/batch.py``, the keys
``security/officekeys.py``, the SQL ``storage/sync.py``.)

Each record travels on one edge: a district sends everything to its province; a
province sends a district only that district's own records (and the providers they
refer to). A batch holds every change the peer has not acknowledged, coalesced per record
(the base rev, each step's rev and changed fields, the current row), so batches are
cumulative and a lost stick heals itself.

Merging one incoming record against ours:
- our rev equals the incoming rev: unchanged;
- our rev is on the incoming chain (its base or a step): fast-forward;
- otherwise find the latest state both sides share (a rev of the chain that one of our own
  changes started from or produced); fields only they changed since are taken, fields
  only we changed are kept, fields both changed to different values keep ours and make a
  conflict row. Delete against edit always makes a conflict. The merged row is recorded
  as one new change based on the incoming rev, and our earlier changes of that record
  are marked superseded, so the peer fast-forwards to the merge and both converge.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import secrets
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tipdesk.domain import records as r
from tipdesk.domain.clock import parse_rev
from tipdesk.domain.errors import (
    BadArgument,
    BadSignature,
    BatchDamaged,
    BatchEntryRefused,
    BatchOverreach,
    BatchPartChosen,
    BatchSequenceWrong,
    DistrictPeer,
    NotFound,
    OfficeCodeTaken,
    UnknownSender,
)
from tipdesk.runtime.ahead import read_ahead
from tipdesk.runtime.pauses import collector_paused
from tipdesk.runtime.progress import CancelCheck, Progress, stop_if_cancelled
from tipdesk.security import batch as envelope
from tipdesk.security import docparts
from tipdesk.security import officekeys as ok
from tipdesk.services.access import analysis, audit, permissions
from tipdesk.services.casework import people_links
from tipdesk.services.casework.cases import scrub_beside_rows
from tipdesk.services.session import Session, utc_now
from tipdesk.services.sync import carried, entries, handover
from tipdesk.services.sync import reader as import_reader
from tipdesk.services.sync.entries import RECORD_TYPES
from tipdesk.storage import bulk, capture, rows, search
from tipdesk.storage import cases as case_store
from tipdesk.storage import documents as documents_store
from tipdesk.storage import privacy as erasures
from tipdesk.storage import sync as store
from tipdesk.storage.connection import (
    IntegrityError,
    OperationalError,
    begin_snapshot,
    bulk_journal,
    larger_cache,
    open_database,
)
from tipdesk.storage.files import atomic_write

PROFILES = ("full", "deidentified")
# A district sends its province the full case data (the province manages cases); a
# province sends a district that district's own records. De-identified is chosen per peer.
DEFAULT_PROFILE = "full"
BATCH_SUFFIX = ".tipbatch"
KEY_SUFFIX = ".tipkey"
SCHEMA_VERSION = "5"
META = ("id", "origin", "rev", "updated_at", "updated_by")
# A peer's clock may run ahead of ours; we never move our clock more than this ahead of
# our own time because of it (the rev is kept as sent; merges never trust rev order).
MAX_CLOCK_LEAD_MS = 60 * 60 * 1000
_RECORD_TYPES = RECORD_TYPES


# --- keys and enrolment ------------------------------------------------------------------


def _keys(session: Session) -> dict:
    """The office's stored keys (``secrets``, ``card``), made first if it has none."""
    keys = store.get_keys(session.db)
    if keys is None:
        ensure_keys(session)
        keys = store.get_keys(session.db)
        assert keys is not None  # just made
    return keys


def _secrets(session: Session) -> ok.OfficeSecrets:
    return ok.OfficeSecrets.from_json(_keys(session)["secrets"])


def our_card(session: Session) -> ok.KeyCard:
    return ok.read_card(_keys(session)["card"].encode())


def store_office_keys(db, office: r.Office, *, recovery_recipient: str = "") -> None:
    """Make and store an office's keys (inside the caller's transaction)."""
    made = ok.new_office_secrets()
    card = ok.card_for(
        office.id,
        office.code,
        office.name,
        office.level,
        made,
        recovery_recipient=recovery_recipient,
    )
    store.set_keys(db, office.id, made.to_json(), ok.card_bytes(card).decode())


def new_recovery_identity() -> tuple[str, str]:
    return ok.new_recovery_identity()


def ensure_keys(session: Session) -> bool:
    """Give the office its signing key and age identity if it has none yet (a register
    made before sync existed). True if keys were made."""
    if store.get_keys(session.db) is not None:
        return False
    with session.write() as db:
        store_office_keys(db, session.office)
    return True


def create_recovery_identity(session: Session) -> str:
    """A province's recovery age identity: batches to the province are also encrypted to
    it, so they can be read if the province's register is lost. Returns the secret line,
    to print once and lock away; only the public recipient is kept."""
    permissions.require(session, "manage_keys")
    if session.office.level != "province":
        raise BadArgument(argument="recovery", reason="only a province has a recovery key")
    card = our_card(session)
    if card.recovery_recipient:
        raise BadArgument(argument="recovery", reason="this office already has a recovery key")
    secret, recipient = ok.new_recovery_identity()
    keys = _keys(session)
    made = ok.OfficeSecrets.from_json(keys["secrets"])
    new_card = ok.card_for(
        card.office_id, card.code, card.name, card.level, made, recovery_recipient=recipient
    )
    with session.write() as db:
        store.set_keys(db, card.office_id, keys["secrets"], ok.card_bytes(new_card).decode())
    return secret


def export_key_file(session: Session, out: Path) -> tuple[Path, str]:
    """Write this office's public key file; return where, and its fingerprint."""
    card = our_card(session)
    out = Path(out)
    if out.is_dir():
        out = out / f"{card.code}{KEY_SUFFIX}"
    atomic_write(out, ok.card_bytes(card))
    return out, ok.fingerprint(card)


def read_key_file(data: bytes) -> ok.KeyCard:
    return ok.read_card(data)


@dataclass(frozen=True)
class Peer:
    office_id: str
    code: str
    name: str
    level: str
    fingerprint: str
    profile: str
    enrolled_at: str
    sent_upto: int
    acked_upto: int
    received_upto: int
    last_sent_at: str | None
    last_acked_at: str | None
    last_received_at: str | None
    waiting: int = 0  # batches in the inbox
    unacknowledged: int = 0  # our changes the peer has not confirmed
    audit_seq: int | None = None  # the newest audit head it sent us (row, hash)
    audit_hash: str | None = None
    audit_at: str | None = None
    audit_warning: dict | None = None  # its trail went back on a head it had sent


def _peer(row: dict, *, waiting: int = 0, unacknowledged: int = 0) -> Peer:
    return Peer(
        office_id=row["office_id"],
        code=row["code"],
        name=row["name"],
        level=row["level"],
        fingerprint=row["fingerprint"],
        profile=row["profile"],
        enrolled_at=row["enrolled_at"],
        sent_upto=row["sent_upto"],
        acked_upto=row["acked_upto"],
        received_upto=row["received_upto"],
        last_sent_at=row["last_sent_at"],
        last_acked_at=row["last_acked_at"],
        last_received_at=row["last_received_at"],
        waiting=waiting,
        unacknowledged=unacknowledged,
        audit_seq=row["audit_seq"],
        audit_hash=row["audit_hash"],
        audit_at=row["audit_at"],
        audit_warning=(json.loads(row["audit_warning"]) if row["audit_warning"] else None),
    )


def trust_key_file(
    session: Session, data: bytes, typed_fingerprint: str, *, profile: str | None = None
) -> Peer:
    """Enrol a peer office from its key file, only if the fingerprint read over the phone
    matches (enrolling it again updates its key and keeps where sync stands). A rotated
    key signed by the old one goes through :func:`accept_rotation` instead."""
    permissions.require(session, "manage_keys")
    card = ok.read_card(data)
    if card.office_id == session.office.id:
        raise BadArgument(argument="key file", reason="this is this office's own key")
    ok.require_fingerprint(card, typed_fingerprint)
    if session.office.level == "district" and card.level == "district":
        raise DistrictPeer(code=card.code)
    if profile is not None and profile not in PROFILES:
        raise BadArgument(argument="profile", reason=f"one of {', '.join(PROFILES)}")
    existing = store.peer_by(session.db, office_id=card.office_id)
    same_code = store.peer_by(session.db, code=card.code)
    if same_code is not None and same_code["office_id"] != card.office_id:
        raise OfficeCodeTaken(code=card.code)
    row = {
        "office_id": card.office_id,
        "code": card.code,
        "name": card.name,
        "level": card.level,
        "card": ok.card_bytes(card).decode(),
        "key_id": ok.key_id(card.ed25519),
        "fingerprint": ok.fingerprint(card),
        "profile": profile or (existing["profile"] if existing else DEFAULT_PROFILE),
        "enrolled_at": utc_now(),
        "enrolled_by": session.user.username,
    }
    with session.write() as db:
        store.upsert_peer(db, row)
    return _peer(_stored_peer(session.db, card.office_id))


def rotate_keys(session: Session) -> tuple[ok.KeyCard, str]:
    """New keys for this office; the new key file is signed by the old key so enrolled
    peers accept it without a new phone call. Returns the new card and fingerprint."""
    permissions.require(session, "manage_keys")
    keys = _keys(session)
    old = ok.OfficeSecrets.from_json(keys["secrets"])
    made, card = ok.rotate(old, ok.read_card(keys["card"].encode()))
    with session.write() as db:
        store.set_keys(db, session.office.id, made.to_json(), ok.card_bytes(card).decode())
    return card, ok.fingerprint(card)


def accept_rotation(session: Session, data: bytes) -> Peer:
    """Take an enrolled peer's rotated key file (signed by its previous key)."""
    permissions.require(session, "manage_keys")
    card = ok.read_card(data)
    existing = store.peer_by(session.db, office_id=card.office_id)
    if existing is None:
        raise UnknownSender(office=card.code)
    if not ok.verify_rotation(ok.read_card(existing["card"].encode()), card):
        raise BadSignature(reason="rotation")
    with session.write() as db:
        store.update_peer(
            db,
            card.office_id,
            card=ok.card_bytes(card).decode(),
            key_id=ok.key_id(card.ed25519),
            fingerprint=ok.fingerprint(card),
        )
    return _peer(_stored_peer(session.db, card.office_id))


def list_peers(session: Session) -> list[Peer]:
    waiting: dict[str, int] = {}
    for item in store.inbox(session.db):
        waiting[item["peer"]] = waiting.get(item["peer"], 0) + 1
    top = store.max_seq(session.db)
    return [
        _peer(
            row,
            waiting=waiting.get(row["office_id"], 0),
            unacknowledged=max(0, top - row["acked_upto"]),
        )
        for row in store.peers(session.db)
    ]


def _peer_by_code(session: Session, code: str) -> dict:
    peer = store.peer_by(session.db, code=code)
    if peer is None:
        raise NotFound(what="office", key=code)
    return peer


def _stored_peer(db, office_id: str) -> dict:
    """The peer ``office_id``, known to be enrolled (a peer is never removed)."""
    peer = store.peer_by(db, office_id=office_id)
    if peer is None:
        raise NotFound(what="office", key=office_id)
    return peer


# --- export ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path
    batch_id: str
    peer_code: str
    seq_from: int
    seq_to: int
    records: dict[str, int]
    parts: list[Path] = field(default_factory=list)  # the document parts beside ``path``


def _transforms(entity: str, profile: str) -> dict[str, str] | None:
    """How each column leaves under ``profile``; None: the table does not travel. The
    de-identified profile keeps no names, NIK, phones, addresses, places or free text,
    regions at regency level, an age instead of a birth date, and no notes at all."""
    if profile == "full" or entity in ("offices", "providers"):
        return {}
    if entity in ("case_notes", "documents"):
        return None
    out: dict[str, str] = {}
    for name, f in r.fields_of(_RECORD_TYPES[entity]).items():
        if f.metadata.get("personal"):
            kind = f.metadata["kind"]
            out[name] = (
                "null"
                if kind in ("date", "int", "code")
                else "empty_list"
                if kind in ("codes", "lines")
                else "blank"
            )
    for name in ("region_code", "recruitment_region"):
        if name in r.fields_of(_RECORD_TYPES[entity]):
            out[name] = "regency"
    if entity == "persons":
        out["estimated_age"] = "age"
    return out


def _entry_line(
    entity: str,
    record_id: str,
    seq: int,
    hist: str,
    row: str | None,
    personal: frozenset[str],
    regency: frozenset[str] = frozenset(),
    aged: bool = False,
) -> bytes:
    """One line of ``changes.jsonl``: the record's history in this window, coalesced.
    Under a de-identified profile, earlier values leave like the row's: ``personal``
    ones blank, ``regency`` ones cut to the regency; ``aged``: a step that changed the
    birth date also names the age sent in its place, so the peer takes the new age."""
    steps_in = json.loads(hist)
    first, last = steps_in[0], steps_in[-1]
    ops = [step[1] for step in steps_in]
    if last[1] == "purge":
        op = "purge"
    elif ops[0] == "insert":
        op = "insert"
    elif "delete" in ops:
        op = "delete"
    else:
        op = "update"
    before: dict = {}
    steps = []
    for _seq, step_op, rev, _base, before_json in steps_in:
        changed = json.loads(before_json) if before_json else {}
        for name, value in changed.items():
            if name in personal:
                value = None
            elif name in regency and isinstance(value, str):
                value = value[:5]
            before.setdefault(name, value)
        names = set(changed) | ({"estimated_age"} if aged and "birth_date" in changed else set())
        steps.append([rev, ["*"] if step_op == "insert" else sorted(names)])
    base = None if ops[0] == "insert" else first[3]
    head = json.dumps(
        {
            "e": entity,
            "id": record_id,
            "op": op,
            "seq": seq,
            "base_rev": base,
            "rev": last[2],
            "steps": steps,
            "before": before,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return (head[:-1] + ',"row":' + (row if row is not None else "null") + "}").encode()


# Lines per piece of an export: a table is read, deflated and hashed a piece at a time.
EXPORT_PIECE = 5000


def _entity_pieces(db, entity: str, window: dict) -> Iterator[tuple[bytes, int]]:
    """The batch lines of one table's changes in the window, as ``(lines, how many)``
    pieces of at most EXPORT_PIECE lines."""
    transforms = _transforms(entity, window["profile"])
    if transforms is None:
        return
    where, params = store.peer_scope(entity, window["owner"], window["own"])
    personal = (
        frozenset(r.personal_fields(_RECORD_TYPES[entity]))
        if window["profile"] == "deidentified"
        else frozenset()
    )
    span = (db, entity, window["peer"]["acked_upto"], window["seq_to"])
    scope: dict[str, Any] = {"transforms": transforms, "where": where, "params": params}
    for text, count in store.export_inserted(*span, **scope, piece=EXPORT_PIECE):
        yield text.encode() + b"\n", count
    regency = frozenset(name for name, kind in transforms.items() if kind == "regency")
    aged = transforms.get("estimated_age") == "age"
    lines: list[bytes] = []
    for record_id, seq, hist, row in store.export_changed(*span, **scope):
        lines.append(_entry_line(entity, record_id, seq, hist, row, personal, regency, aged))
        if len(lines) == EXPORT_PIECE:
            yield b"\n".join(lines) + b"\n", len(lines)
            lines = []
    if lines:
        yield b"\n".join(lines) + b"\n", len(lines)


def _refs(db, window: dict) -> dict[str, bytes]:
    """A province's batch for a district carries, as references, the records its own
    records name but it may not own: the province's other offices, and the providers and
    incidents of its cases (and of a file offered to it). By table."""
    found: dict[str, list[bytes]] = {}
    for table, row in store.referenced_rows(db, window["peer"]["office_id"], window["own"]):
        record = json.loads(row)
        found.setdefault(table, []).append(
            json.dumps(
                {
                    "e": table,
                    "id": record["id"],
                    "op": "ref",
                    "seq": 0,
                    "base_rev": None,
                    "rev": record["rev"],
                    "steps": [],
                    "before": {},
                },
                ensure_ascii=False,
                separators=(",", ":"),
            )[:-1].encode()
            + b',"row":'
            + row.encode()
            + b"}\n"
        )
    return {table: b"".join(lines) for table, lines in found.items()}


def _all_pieces(db, window: dict) -> Iterator[tuple[str, bytes, int]]:
    """Sets ``window["seq_to"]`` (the last change the batch covers) from ``db``, then
    yields the pieces, and after each table ``(entity, b"", 0)``: that table is done."""
    window["seq_to"] = store.last_change_number(db)
    refs = _refs(db, window) if window["owner"] != window["own"] else {}
    for entity in store.APPLY_ORDER:
        if entity in refs:
            yield entity, refs[entity], 0
        for piece, count in _entity_pieces(db, entity, window):
            yield entity, piece, count
        yield entity, b"", 0


def _export_pieces(session: Session, window: dict) -> Generator[tuple[str, bytes, int], None, None]:
    """What ``_all_pieces`` yields, read by a connection of its own on a worker thread, a
    few pieces ahead of this thread, which deflates, hashes and encrypts (SQLite and zlib
    both let go of Python's lock, so they overlap). The window's end and every table
    come from one snapshot. Inside an open transaction (whose rows another connection
    cannot see yet) it reads through the session's own connection."""
    if session.db.conn.in_transaction:
        yield from _all_pieces(session.db, window)
        return
    db = open_database(session.database_path, session.key)
    lock, reading = threading.Lock(), True

    def read() -> Iterator[tuple[str, bytes, int]]:
        nonlocal reading
        try:
            begin_snapshot(db)
            yield from _all_pieces(db, window)
        finally:
            with lock:
                reading = False
                db.close()

    def interrupt() -> None:
        # A cancelled export stops the query it is in at once (if it is still reading).
        with lock:
            if reading:
                db.conn.interrupt()

    yield from read_ahead(read(), name="tipdesk-export", on_stop=interrupt)


def _seal_and_write(out: Path, **fields: Any) -> None:
    """Seal the batch and write it (to a temporary name, then renamed)."""
    data = envelope.seal(**fields)
    atomic_write(out, data)


def export_batch(
    session: Session,
    to_code: str,
    out: Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    part_bytes: int = docparts.DEFAULT_PART_BYTES,
) -> ExportResult:
    """Write one batch for the office ``to_code`` with every change it has not
    acknowledged. ``out`` is a file, or a folder for a neutral random file name; the
    documents it carries go in parts of at most ``part_bytes`` beside it
    (``<name>.01.tipdocs``...). ``progress`` counts tables; ``cancelled`` is asked between
    pieces and documents (nothing is written then)."""
    permissions.require(session, "sync")
    peer = _peer_by_code(session, to_code)
    card = ok.read_card(peer["card"].encode())
    seq_from = peer["acked_upto"] + 1
    profile = peer["profile"]
    # A province sends a district that district's records; every other office sends
    # only its own (DESIGN.md section 5b): never what the receiver would refuse.
    owner = (
        peer["office_id"]
        if session.office.level == "province" and peer["level"] == "district"
        else session.office.id
    )
    changes = envelope.Changes()
    counts: dict[str, int] = {}
    documents: list[carried.Item] = []
    window = {"peer": peer, "own": session.office.id, "owner": owner, "profile": profile}
    with contextlib.closing(_export_pieces(session, window)) as pieces:
        for entity, piece, count in pieces:
            stop_if_cancelled(cancelled)
            changes.write(piece)
            if entity == "documents" and piece:
                documents += carried.carried(piece)
            if count:
                counts[entity] = counts.get(entity, 0) + count
            if progress:  # tables done: those before this one, and this one at its end
                progress(
                    store.APPLY_ORDER.index(entity) + (0 if piece else 1),
                    len(store.APPLY_ORDER),
                )
    seq_to = window["seq_to"]
    our = _secrets(session)
    recipients = [card.age_recipient] + (
        [card.recovery_recipient] if card.recovery_recipient else []
    )
    batch_id = secrets.token_hex(16)
    out = Path(out)
    if out.is_dir():
        out = out / f"{secrets.token_hex(8)}{BATCH_SUFFIX}"
    parts = carried.write_parts(
        session,
        documents,
        out,
        recipients,
        part_bytes=part_bytes,
        cancelled=cancelled,
        progress=progress,  # after the tables: the documents, one by one
    )
    try:
        _seal_and_write(
            out,
            batch_id=batch_id,
            origin=session.office.id,
            origin_code=session.office.code,
            destination=card.office_id,
            destination_fingerprint=ok.fingerprint(card),
            seq_from=seq_from,
            seq_to=seq_to,
            ack_upto=peer["received_upto"],
            schema_version=SCHEMA_VERSION,
            counts=counts,
            profile=profile,
            changes=changes,
            signing_key=our.signing_key,
            recipients=recipients,
            audit_head=audit.head(session),
            anchor=(
                {"seq": peer["audit_seq"], "hash": peer["audit_hash"]}
                if peer["audit_seq"] is not None
                else None
            ),
            documents=parts.documents,
        )
    except BaseException:
        for path in parts.paths:
            path.unlink(missing_ok=True)
        raise
    del changes
    with session.write() as db:
        store.update_peer(db, peer["office_id"], sent_upto=seq_to, last_sent_at=utc_now())
        store.record_batch(
            db,
            batch_id=batch_id,
            direction="out",
            peer=peer["office_id"],
            seq_from=seq_from,
            seq_to=seq_to,
            ack_upto=peer["received_upto"],
            at=utc_now(),
            by=session.user.username,
            summary={"records": counts},
        )
        audit.record(
            session,
            "export",
            entity="batches",
            record_id=batch_id,
            detail={
                "to": to_code,
                "seq_from": seq_from,
                "seq_to": seq_to,
                "records": sum(counts.values()) if isinstance(counts, dict) else counts,
            },
        )
    return ExportResult(out, batch_id, to_code, seq_from, seq_to, counts, parts.paths)


# --- import ------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    batch_id: str
    peer_code: str
    top_seq: int = 0  # the highest seq of the batch's entries
    deleted_cases: int = 0  # cases of ours it deletes
    held: str = ""  # why it waits in the inbox for an admin, if it does
    applied: int = 0
    unchanged: int = 0
    merged: int = 0
    conflicts: int = 0
    already_imported: bool = False
    candidates: int = 0  # pairs put on a province's duplicate review list
    documents: int = 0  # documents whose bytes it brought
    waiting: bool = False  # kept in the inbox until a gap is filled
    from_inbox: list[str] = field(default_factory=list)  # batch ids applied after it


def _identities(session: Session) -> list[str]:
    our = _secrets(session)
    return [our.age_identity, *our.previous_age_identities]


def _key_for(session: Session, signer: dict) -> Callable[[bytes], bytes | None]:
    """Looks up the enrolled key with this id and remembers whose it is."""

    def key_for(key_id: bytes) -> bytes | None:
        peer = store.peer_by(session.db, key_id=key_id)
        if peer is None:
            return None
        signer.update(peer)
        return ok.read_card(peer["card"].encode()).ed25519

    return key_for


def import_batch(
    session: Session,
    source: Path | bytes,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportSummary:
    """Check and apply one batch (DESIGN.md's order of checks), all or nothing; then any
    inbox batches that the new high-water mark makes applicable. ``progress`` counts
    changes applied; ``cancelled`` is asked after each chunk (all is rolled back then)."""
    permissions.require(session, "sync")
    parts_at: tuple[Path, str] | None = None
    if isinstance(source, Path | str):
        if Path(source).suffix == docparts.SUFFIX:  # NAME.01.tipdocs: NAME.tipbatch
            batch = Path(Path(source).stem).stem + envelope.SUFFIX
            raise BatchPartChosen(batch=batch)
        if Path(source).stat().st_size > envelope.MAX_BATCH_BYTES:
            raise BatchDamaged(reason="too_large")  # before reading it all in
        data = Path(source).read_bytes()
        parts_at = (Path(source).parent, Path(source).stem)  # its document parts
    else:
        data = source
    summary = _import(session, data, progress=progress, cancelled=cancelled, parts_at=parts_at)
    if not summary.waiting:
        summary.from_inbox = _drain_inbox(session)
    return summary


def _open(session: Session, data: bytes) -> tuple[envelope.Manifest, envelope.ChangesText, dict]:
    signer: dict = {}
    manifest, changes = envelope.open_batch(
        data, _identities(session), _key_for(session, signer), our_office_id=session.office.id
    )
    if manifest.origin != signer.get("office_id"):
        # Signed by an enrolled office, but claiming to come from another.
        raise BadSignature(reason="origin")
    return manifest, changes, signer


class _Held(Exception):
    """Raised inside the import's transaction to roll it back and hold the batch."""

    def __init__(self, reason: str, detail: dict) -> None:
        super().__init__(reason)
        self.reason, self.detail = reason, detail


def _import(
    session: Session,
    data: bytes,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    from_inbox: bool = False,
    accept_held: bool = False,
    parts_at: tuple[Path, str] | None = None,
) -> ImportSummary:
    manifest, changes, peer = _open(session, data)
    summary = ImportSummary(manifest.batch_id, peer["code"])
    db = session.db
    if store.batch_seen(db, manifest.batch_id):
        summary.already_imported = True
        return summary
    if manifest.seq_from > manifest.seq_to + 1 or manifest.seq_to > entries.MAX_SEQ:
        raise BatchSequenceWrong(office=peer["code"])
    high = peer["received_upto"]
    if manifest.seq_from > high + 1:
        if not from_inbox:
            _keep_in_inbox(session, data, manifest, peer, parts_at=parts_at)
        summary.waiting = True
        return summary
    try:
        _apply_batch(
            session, manifest, changes, summary, (progress, cancelled), accept_held, parts_at
        )
    except (BatchOverreach, BatchEntryRefused) as error:
        error.params["office"] = peer["code"]  # the refusal names the sender
        raise type(error)(**error.params) from None
    except _Held as held:
        # Rolled back: nothing of it was applied, whatever the counts had reached.
        summary.applied = summary.unchanged = summary.merged = summary.conflicts = 0
        summary.held, summary.waiting = held.reason, True
        if not from_inbox:
            _keep_in_inbox(
                session,
                data,
                manifest,
                peer,
                held=held.reason,
                detail=held.detail,
                parts_at=parts_at,
            )
        else:
            with session.write() as db:
                store.hold_inbox(db, manifest.batch_id, held.reason, held.detail)
    return summary


# A batch that deletes more of the sender's cases here than this share, and at least
# MASS_DELETE_MIN of them, waits in the inbox for an administrator (DESIGN.md 5b).
MASS_DELETE_SHARE = 0.05
MASS_DELETE_MIN = 20
# How far a batch's last seq may run past the last of its entries: the changes between
# are ones the receiver may not see (other offices' records) or numbers a restore skipped
# (backup.RESTORE_SEQ_JUMP each).
MAX_SEQ_LEAD = 4 * store.RESTORE_SEQ_JUMP


def _apply_batch(
    session: Session,
    manifest,
    changes,
    summary: ImportSummary,
    watch: tuple[Progress | None, CancelCheck | None],
    accept_held: bool,
    parts_at: tuple[Path, str] | None = None,
) -> None:
    db = session.db
    analysis.release(session)  # (a rollback journal needs the register to itself)
    bulk = (
        sum(manifest.counts.values()) >= BULK_JOURNAL_CHANGES
        or sum(item[2] for part in manifest.document_parts() for item in part[2])
        >= BULK_JOURNAL_DOCUMENT_BYTES
    )
    with (
        bulk_journal(db, when=bulk),
        session.write(immediate=True) as db,
        larger_cache(db),
        collector_paused(),
    ):
        # Another program may have imported this batch (or a later one) since the checks
        # above; with the write lock held, look again.
        if store.batch_seen(db, manifest.batch_id):
            summary.already_imported = True
            return
        peer = _stored_peer(db, manifest.origin)
        high = peer["received_upto"]
        had_without = documents_store.live_without_bytes(db)
        capture.set_muted(db, True)
        try:
            touched_cases: set[str] = set()
            touched_persons: set[str] = set()
            new_persons: list[str] = []
            before_rid = store.max_rid(db)
            try:
                # Muted, the insert triggers would still cost every new row (capture.py).
                with capture.insert_triggers_lifted(db, capture.SYNCED_TABLES):
                    _apply(
                        session,
                        changes,
                        manifest,
                        peer,
                        summary,
                        touched_cases,
                        touched_persons,
                        watch,
                        before_rid,
                        new_persons,
                    )
            except (
                KeyError,
                TypeError,
                ValueError,
                AttributeError,
                IndexError,
                OverflowError,
                IntegrityError,
                OperationalError,
            ):
                # Content the checks let through but the tables refuse: all or nothing.
                raise BatchDamaged(reason="content") from None
            summary.documents = carried.store_parts(
                session,
                manifest,
                parts_at,
                had_without,
                _identities(session),
                cancelled=watch[1],
                progress=watch[0],  # after the rows: the documents, one by one
            )
            last_carried = max(summary.top_seq, manifest.seq_from - 1, high)
            if manifest.seq_to > last_carried + MAX_SEQ_LEAD:
                raise BatchSequenceWrong(office=peer["code"])
            _hold_mass_delete(session, peer, summary, accept_held)
            capture.set_muted(db, False)
            cases = set(touched_cases) | set(store.cases_of_persons(db, sorted(touched_persons)))
            search.refresh(
                db, [rid for rid in store.case_rids(db, sorted(cases)) if rid <= before_rid]
            )
            search.index_new(db, before_rid)
            if session.office.level == "province" and 0 < len(new_persons) <= NOTE_NEW_PERSONS:
                # Persons another office may hold too: on the review list at once (a
                # larger batch, a district's first, is left to a full scan).
                summary.candidates = people_links.note_new_persons(session, new_persons)
            now = utc_now()
            update = {"received_upto": max(high, manifest.seq_to), "last_received_at": now}
            acked = _acked_after(
                peer["acked_upto"],
                manifest,
                high,
                store.max_seq(db),
                store.newest_batch_made(db, peer["office_id"]),
            )
            if acked != peer["acked_upto"]:
                update.update(acked_upto=acked, last_acked_at=now)
            update.update(_anchor_peer(db, peer, manifest, now))
            store.update_peer(db, peer["office_id"], **update)
            store.record_batch(
                db,
                batch_id=manifest.batch_id,
                direction="in",
                peer=peer["office_id"],
                seq_from=manifest.seq_from,
                seq_to=manifest.seq_to,
                ack_upto=manifest.ack_upto,
                at=now,
                by=session.user.username,
                summary={
                    "created_at": manifest.created_at,
                    "applied": summary.applied,
                    "unchanged": summary.unchanged,
                    "merged": summary.merged,
                    "conflicts": summary.conflicts,
                },
            )
            audit.record(
                session,
                "import",
                entity="batches",
                record_id=manifest.batch_id,
                detail={
                    "from": peer["code"],
                    "applied": summary.applied,
                    "merged": summary.merged,
                    "conflicts": summary.conflicts,
                },
            )
            store.remove_inbox(db, manifest.batch_id)
        finally:
            if db.conn.in_transaction:
                capture.set_muted(db, False)


def _hold_mass_delete(
    session: Session, peer: dict, summary: ImportSummary, accept_held: bool
) -> None:
    """Roll back (``_Held``) a batch that deletes a large share of the cases it may
    write here, unless an administrator accepted it."""
    deleted = summary.deleted_cases
    if accept_held or deleted < MASS_DELETE_MIN:
        return
    had = deleted + sum(
        store.live_cases_of(session.db, office) for office in _writable(session, peer)
    )
    if deleted > MASS_DELETE_SHARE * had:
        raise _Held("mass_delete", {"deleted_cases": deleted, "cases": had})


def _anchor_peer(db, peer: dict, manifest, now: str) -> dict:
    """Keep the audit head the peer sent (noting a chain that went back on one it sent
    before), and our own head as it last saw it. Returns the peer's new columns."""
    if manifest.anchor:
        store.set_anchor(
            db, peer["office_id"], manifest.anchor["seq"], manifest.anchor["hash"], now
        )
    head = manifest.audit_head
    if not head:
        return {}
    update = {"audit_seq": head["seq"], "audit_hash": head["hash"], "audit_at": now}
    known_seq, known_hash = peer.get("audit_seq"), peer.get("audit_hash")
    if known_seq is not None and (
        head["seq"] < known_seq or (head["seq"] == known_seq and head["hash"] != known_hash)
    ):
        # Its trail now ends before, or differs at, a head it already showed us.
        update["audit_warning"] = json.dumps(
            {"seq": known_seq, "hash": known_hash, "now_seq": head["seq"], "at": now}
        )
    return update


def _acked_after(acked: int, manifest, high: int, top: int, newest_made: str | None) -> int:
    """Our export window after a batch from the peer: its word on what it has, capped by
    what we have. The newest batch may lower it — a peer restored from a backup says what
    it lost, and we send that again. Return batches that carry no changes of their own
    tie on ``seq_to``; of those, the one made last (to the second) is the newest. An
    older batch, read late, is stale news and moves nothing."""
    newest = manifest.seq_to > high or (
        manifest.seq_to == high and (newest_made is None or manifest.created_at >= newest_made)
    )
    return min(manifest.ack_upto, top) if newest else acked


def _keep_in_inbox(
    session: Session,
    data: bytes,
    manifest,
    peer: dict,
    *,
    held: str | None = None,
    detail: dict | None = None,
    parts_at: tuple[Path, str] | None = None,
) -> None:
    folder = session.folder / "inbox"
    folder.mkdir(exist_ok=True)
    name = f"{secrets.token_hex(8)}{BATCH_SUFFIX}"
    # Its document parts first: a batch in the inbox never waits without them.
    carried.keep_parts(manifest, parts_at, folder, Path(name).stem)
    atomic_write(folder / name, data)
    with session.write() as db:
        store.add_inbox(
            db,
            batch_id=manifest.batch_id,
            peer=peer["office_id"],
            file=name,
            seq_from=manifest.seq_from,
            seq_to=manifest.seq_to,
            received_at=utc_now(),
            held=held,
            detail=detail or {},
        )
        if held:
            audit.record(
                session,
                "inbox_hold",
                entity="batches",
                record_id=manifest.batch_id,
                detail={"from": peer["code"], "reason": held, **(detail or {})},
            )


def _drain_inbox(session: Session) -> list[str]:
    """Apply waiting batches that have become applicable; drop ones already covered."""
    applied: list[str] = []
    progress = True
    while progress:
        progress = False
        for item in store.inbox(session.db):
            path = session.folder / "inbox" / item["file"]
            peer = store.peer_by(session.db, office_id=item["peer"])
            if peer is None or not path.exists():
                with session.write() as db:
                    store.remove_inbox(db, item["batch_id"])
                carried.drop_parts(path.parent, path.stem)
                continue
            if item["held"] or item["seq_from"] > peer["received_upto"] + 1:
                continue  # held for an admin, or still after a gap
            summary = _import(
                session, path.read_bytes(), from_inbox=True, parts_at=(path.parent, path.stem)
            )
            if summary.held:
                continue
            if summary.already_imported:
                with session.write() as db:
                    store.remove_inbox(db, item["batch_id"])
            else:
                applied.append(item["batch_id"])
            path.unlink(missing_ok=True)
            carried.drop_parts(path.parent, path.stem)
            progress = True
    return applied


def process_inbox(session: Session) -> list[str]:
    permissions.require(session, "sync")
    return _drain_inbox(session)


@dataclass(frozen=True)
class InboxItem:
    batch_id: str
    peer_code: str
    seq_from: int
    seq_to: int
    received_at: str
    held: str  # "" (waiting for a gap) or why an admin must decide
    detail: dict


def list_inbox(session: Session) -> list[InboxItem]:
    """The batches waiting in the inbox: for a missing one before them, or held for an
    administrator (a mass delete, with how many cases it deletes of how many)."""
    permissions.require(session, "sync")
    codes = {p["office_id"]: p["code"] for p in store.peers(session.db)}
    return [
        InboxItem(
            item["batch_id"],
            codes.get(item["peer"], ""),
            item["seq_from"],
            item["seq_to"],
            item["received_at"],
            item["held"] or "",
            json.loads(item["detail"] or "{}"),
        )
        for item in store.inbox(session.db)
    ]


def _held_item(session: Session, batch_id: str) -> dict:
    permissions.require(session, "review_held_batches")
    item = store.inbox_item(session.db, batch_id)
    if item is None or not item["held"]:
        raise NotFound(what="held_batch", key=batch_id)
    return item


def accept_held(
    session: Session,
    batch_id: str,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportSummary:
    """Apply a batch held for an administrator, as it is (audited)."""
    item = _held_item(session, batch_id)
    path = session.folder / "inbox" / item["file"]
    summary = _import(
        session,
        path.read_bytes(),
        progress=progress,
        cancelled=cancelled,
        from_inbox=True,
        accept_held=True,
        parts_at=(path.parent, path.stem),
    )
    if summary.waiting:  # a gap before it after all: it waits, no longer held
        with session.write() as db:
            store.hold_inbox(db, batch_id, None, {})
        return summary
    with session.write() as db:
        store.remove_inbox(db, batch_id)
        audit.record(
            session,
            "inbox_accept",
            entity="batches",
            record_id=batch_id,
            detail={"from": summary.peer_code, "reason": item["held"], "applied": summary.applied},
        )
    path.unlink(missing_ok=True)
    carried.drop_parts(path.parent, path.stem)
    summary.from_inbox = _drain_inbox(session)
    return summary


def discard_held(session: Session, batch_id: str) -> None:
    """Throw away a batch held for an administrator (audited); nothing of it is applied.
    The sender's next batch carries the same changes again, and is held again."""
    item = _held_item(session, batch_id)
    code = store.peer_by(session.db, office_id=item["peer"])
    with session.write() as db:
        store.remove_inbox(db, batch_id)
        audit.record(
            session,
            "inbox_discard",
            entity="batches",
            record_id=batch_id,
            detail={"from": code["code"] if code else "", "reason": item["held"]},
        )
    (session.folder / "inbox" / item["file"]).unlink(missing_ok=True)
    carried.drop_parts(session.folder / "inbox", Path(item["file"]).stem)


IMPORT_CHUNK = 2000
# A province looks at once for other offices' persons who may be the persons of a batch
# of at most this many new persons (about 100 ms each at 1,000,000 cases).
NOTE_NEW_PERSONS = 200
# From this many changes, a batch's entries are read by a second process (import_reader).
READ_APART_CHANGES = 20_000
# From this many changes, a batch goes in with a rollback journal (connection.bulk_journal);
# so does one that brings this many bytes of documents.
BULK_JOURNAL_CHANGES = 5000
BULK_JOURNAL_DOCUMENT_BYTES = 64 * 1024 * 1024


def _apply(
    session: Session,
    changes: envelope.ChangesText,
    manifest,
    peer: dict,
    summary: ImportSummary,
    touched_cases: set,
    touched_persons: set,
    watch: tuple[Progress | None, CancelCheck | None],
    before_rid: int,
    new_persons: list[str],
) -> None:
    """Records we do not have go in with one statement per chunk; records we have are
    compared one by one (unchanged, fast-forward or merge). ``new_persons`` gets the ids
    of the persons taken in."""
    db = session.db
    high = peer["received_upto"]
    newest_rev = ""
    done = 0
    progress, cancelled = watch
    # The sender's own count, for the bar only (a wrong one shows a wrong bar, no more).
    total = sum(manifest.counts.values())
    erased = erasures.erased_ids(db)
    writable = _writable(session, peer)
    own = session.office.id
    reach = {peer["office_id"], own}
    columns = {entity: store.table_columns(db, entity) for entity in store.APPLY_ORDER}
    read = (
        import_reader.read_apart
        if sum(manifest.counts.values()) >= READ_APART_CHANGES
        else import_reader.read_chunks
    )
    chunks = read(changes, columns, _rules(session, manifest, peer), IMPORT_CHUNK)
    hand = handover.Handover(session, peer)
    try:
        for chunk in chunks:
            entity = chunk.entity
            local = store.rows_by_id(db, entity, chunk.ids)
            origin_at = columns[entity].index("origin")
            deleted_at = columns[entity].index("deleted")
            provider_at = (
                columns[entity].index("provider_id") if "provider_id" in columns[entity] else None
            )
            parents, providers = _parent_owners(db, entity, chunk, local, provider_at)
            extra = hand.extra_owners(entity, chunk.ids, chunk.parents, local)
            relay = hand.relaying(entity, chunk.ids, chunk.parents, local)
            newest_rev = max(newest_rev, *chunk.revs)
            summary.top_seq = max(summary.top_seq, *chunk.seqs)
            new_values, lines, taken = [], None, set()
            for i, (rid, seq, op, values) in enumerate(
                zip(chunk.ids, chunk.seqs, chunk.ops, chunk.values, strict=True)
            ):
                if (erased and _erased(rid, chunk.parents[i], erased)) or hand.skipped(
                    entity, rid, chunk.parents[i]
                ):
                    summary.unchanged += 1
                    continue
                mine = local.get(rid)
                if rid in extra and values is not None:
                    # An old owner's late edit is taken as the new owner's.
                    owner = hand.owner_for(entity, rid, chunk.parents[i], mine, values[origin_at])
                    if owner != values[origin_at]:
                        values = (*values[:origin_at], owner, *values[origin_at + 1 :])
                        chunk.values[i] = values
                if entity == "transfers":
                    hand.check_transfer(
                        rid,
                        None if values is None else dict(zip(columns[entity], values, strict=True)),
                        mine,
                    )
                elif op != "ref":
                    if rid in hand.tombstones_only and not (
                        values is not None and values[deleted_at]
                    ):
                        raise BatchOverreach(what=entries.THING[entity], record=rid)
                    _in_scope(
                        entity,
                        rid,
                        None if values is None else values[origin_at],
                        mine,
                        chunk.parents[i],
                        parents,
                        writable | extra.get(rid, frozenset()),
                    )
                    if provider_at is not None and values is not None and values[provider_at]:
                        _provider_in_reach(
                            entity,
                            rid,
                            providers.get(values[provider_at]),
                            reach | hand.file_offices(entity, rid, chunk.parents[i], mine),
                        )
                elif mine is None and values is not None and values[origin_at] == own:
                    # A reference is a copy of another office's record, never of ours.
                    raise BatchOverreach(what=entries.THING[entity], record=rid)
                if mine is None:
                    # A record we do not have goes in, whatever its seq: a seq is only
                    # the sender's word, and no word of it may lose a record. (Once: a
                    # reference and the record's own entry are the same row.)
                    if values is not None and rid not in taken:
                        taken.add(rid)
                        new_values.append(values)
                        if rid in relay:
                            hand.relay(entity, rid, None, {"rev": chunk.revs[i]})
                    else:
                        summary.unchanged += 1
                    continue
                if op == "ref" or (seq <= high and chunk.revs[i] <= mine["rev"]):
                    summary.unchanged += 1  # seen before, and ours is as new
                    continue
                lines = lines or chunk.lines()
                entry = orjson.loads(lines[i])  # checked: taken apart again
                if entry["row"] is not None and values is not None:
                    entry["row"]["origin"] = values[origin_at]  # as taken above
                if entity == "cases":
                    touched_cases.add(rid)
                    if entry["row"] and entry["row"].get("deleted") and not mine["deleted"]:
                        summary.deleted_cases += 1
                elif entity == "persons":
                    touched_persons.add(rid)
                elif entity == "case_notes" and entry["row"]:
                    touched_cases.add(entry["row"]["case_id"])
                _apply_existing(session, entity, entry, mine, manifest, peer, summary)
                if rid in relay:
                    hand.relayed(entity, rid, mine)
            try:
                bulk.insert_tuples(db, entity, columns[entity], new_values)
            except (IntegrityError, OperationalError, AttributeError):
                raise BatchDamaged(reason="content") from None
            summary.applied += len(new_values)
            if entity == "persons" and new_values:
                id_at = columns[entity].index("id")
                new_persons.extend(values[id_at] for values in new_values)
            if entity == "transfers":
                hand.after_transfers(chunk.ids, local)
            if entity == "case_notes" and new_values:
                case_id = columns[entity].index("case_id")
                touched_cases.update(
                    store.older_cases(db, {values[case_id] for values in new_values}, before_rid)
                )
            done += len(chunk.ids)
            if progress:
                progress(min(done, total), total)
            stop_if_cancelled(cancelled)
    finally:
        chunks.close()
    if newest_rev:
        session.clock.observe(newest_rev, max_lead_ms=MAX_CLOCK_LEAD_MS)


def _writable(session: Session, peer: dict) -> frozenset[str]:
    """The offices whose records ``peer`` may write here (DESIGN.md section 5b): its own;
    and ours too if it is our province."""
    if session.office.level == "district" and peer["level"] == "province":
        return frozenset({peer["office_id"], session.office.id})
    return frozenset({peer["office_id"]})


def _rules(session: Session, manifest, peer: dict) -> entries.Rules:
    # The origins an entry's row may name at all; which of them a record may really have
    # (its case's owner, say) is checked here, against the register (_in_scope).
    # A transfer names two offices; a province relays a file another office offers us:
    # whose rows those may be is checked against the register (handover).
    open_origins = {"transfers"}
    if session.office.level == "district" and peer["level"] == "province":
        open_origins |= handover.FILE_TABLES
    return entries.Rules(
        sender=peer["office_id"],
        owners=_writable(session, peer) | {session.office.id},
        today=dt.date.today() + dt.timedelta(days=1),
        partial=manifest.profile == "deidentified",
        seq_from=manifest.seq_from,
        seq_to=manifest.seq_to,
        open_origins=frozenset(open_origins),
    )


# The table a record's owner comes from: a case's person must have the case's owner; a
# service, referral or note has the owner of its case.
_PARENT_TABLE = {"cases": "persons", **{table: "cases" for table in r.CHILD_TABLES}}
_PARENT_FIELD = {"cases": "person_id", **{table: "case_id" for table in r.CHILD_TABLES}}


def _parent_owners(
    db, entity: str, chunk, local: dict, provider_at: int | None
) -> tuple[dict[str, str], dict[str, str]]:
    """The owner of each parent the chunk's rows, and our copies of them, name; and of
    each provider they name."""
    table = _PARENT_TABLE.get(entity)
    if table is None:
        return {}, {}
    field_name = _PARENT_FIELD[entity]
    wanted = {parent for parent in chunk.parents if parent}
    wanted.update(mine[field_name] for mine in local.values() if mine.get(field_name))
    providers = (
        {}
        if provider_at is None
        else store.origins(
            db,
            "providers",
            {
                values[provider_at]
                for values in chunk.values
                if values is not None and values[provider_at]
            },
        )
    )
    return store.origins(db, table, wanted), providers


def _in_scope(
    entity: str,
    rid: str,
    origin: str | None,
    mine: dict | None,
    parent: str | None,
    parents: dict[str, str],
    writable: frozenset[str],
) -> None:
    """Refuse an entry that writes outside the sender's scope (``BatchOverreach``), or
    whose parent is not here or has another owner (``BatchEntryRefused``)."""
    what = entries.THING[entity]
    child = entity in r.CHILD_TABLES
    if not child and (
        (origin is not None and origin not in writable)
        or (mine is not None and mine["origin"] not in writable)
    ):
        raise BatchOverreach(what=what, record=rid)
    if child and mine is None and origin is not None and origin not in writable:
        raise BatchOverreach(what=what, record=rid)
    field_name = _PARENT_FIELD.get(entity)
    if field_name is None:
        return
    for named in (parent, mine and mine.get(field_name)):
        if not named:
            continue
        owner = parents.get(named)
        if owner is None:
            raise BatchEntryRefused(
                what=what, record=rid, field=field_name, problem="missing_parent"
            )
        if not child and owner != (origin or (mine and mine["origin"])):
            raise BatchEntryRefused(
                what=what, record=rid, field=field_name, problem="owner_mismatch"
            )
        if owner not in writable:
            raise BatchOverreach(what=what, record=rid)


def _provider_in_reach(entity: str, rid: str, owner: str | None, reach: set[str]) -> None:
    """A service or referral names a provider that is here and that both offices hold:
    the sender's or ours (a province's directory travels to its districts), or, in a
    file handed between offices, one of those offices'."""
    if owner is None:
        raise BatchEntryRefused(
            what=entries.THING[entity], record=rid, field="provider_id", problem="missing_parent"
        )
    if owner not in reach:
        raise BatchEntryRefused(
            what=entries.THING[entity], record=rid, field="provider_id", problem="owner_mismatch"
        )


def _erased(rid: str, parent: str | None, erased: set[str]) -> bool:
    """A record erased here (right to erasure), or a new one of an erased person or case
    (``parent``: its row's person or case): never written again. A skipped new case's id
    joins ``erased`` for this import, so its services, referrals and notes are skipped
    with it."""
    if rid in erased:
        return True
    if parent and parent in erased:
        erased.add(rid)
        return True
    return False


def _apply_existing(
    session: Session,
    entity: str,
    entry: dict,
    mine: dict,
    manifest,
    peer: dict,
    summary: ImportSummary,
) -> None:
    row = entry["row"]
    if row is not None and row.get("origin") != mine["origin"]:
        # A record never moves to another office.
        raise BatchOverreach(what=entries.THING[entity], record=entry["id"])
    if mine["rev"] == entry["rev"] or entry["op"] == "ref":
        summary.unchanged += 1
        return
    chain = [entry["base_rev"], *(step[0] for step in entry["steps"])]
    if mine["rev"] in chain:
        if row is None:
            summary.unchanged += 1  # a purge; the tombstone stays
            return
        # Fast-forward with the fields their steps since our rev changed, not the whole
        # row: a row that reached them de-identified comes back with blanks in fields
        # they never touched, which must not wipe ours.
        after = chain.index(mine["rev"])
        changed = {name for step in entry["steps"][after:] for name in step[1]}
        if "*" in changed:
            written = row
        else:
            written = {
                **mine,
                **{k: row.get(k) for k in changed if k in row},
                **{k: row[k] for k in (*META, "deleted") if k in row},
            }
        store.write_row(session.db, entity, written)
        _scrub_if_deleted(session, entity, mine, written)
        summary.applied += 1
        return
    _merge(session, entity, entry, mine, chain, manifest, peer, summary)


def _merge(
    session: Session,
    entity: str,
    entry: dict,
    mine: dict,
    chain: list,
    manifest,
    peer: dict,
    summary: ImportSummary,
) -> None:
    db = session.db
    theirs = entry["row"]
    if theirs is None:
        summary.unchanged += 1
        return
    history = store.local_changes(db, entity, entry["id"])
    position = {rev: i for i, rev in enumerate(chain) if rev}
    point: int | None = None  # index of the chain rev both sides share
    edits_from = len(history)
    for i, change in enumerate(history):
        if change["rev"] in position:
            point, edits_from = position[change["rev"]], i + 1
        elif change["base_rev"] in position:
            point, edits_from = position[change["base_rev"]], i
    data_fields = [k for k in theirs if k not in META]
    if point is None:
        # Nothing shared: compare what they changed against their own base.
        their_fields = {f for step in entry["steps"] for f in step[1]}
        if "*" in their_fields:
            their_fields = set(data_fields)
        before = entry["before"]
        our_fields = {f for f in their_fields if f in before and mine.get(f) != before[f]}
        if "*" in {f for step in entry["steps"] for f in step[1]}:
            our_fields = {f for f in data_fields if mine.get(f) != theirs.get(f)}
    else:
        their_fields = {f for step in entry["steps"][point:] for f in step[1]}
        if "*" in their_fields:
            their_fields = set(data_fields)
        our_fields = set()
        for change in history[edits_from:]:
            if change["op"] == "insert":
                our_fields |= set(data_fields)
            for name in json.loads(change["before_json"] or "{}"):
                our_fields.add(name)
    merged = dict(mine)
    conflicts: list[dict] = []
    now = utc_now()

    def conflict(name: str, kind: str, ours: object, theirs_value: object) -> None:
        conflicts.append(
            {
                "id": session.new_id(),
                "entity": entity,
                "record_id": entry["id"],
                "field": name,
                "kind": kind,
                "local_value": ours,
                "remote_value": theirs_value,
                "local_rev": mine["rev"],
                "remote_rev": entry["rev"],
                "local_author": mine.get("updated_by", ""),
                "remote_author": theirs.get("updated_by", ""),
                "batch_id": manifest.batch_id,
                "peer": peer["office_id"],
                "created_at": now,
            }
        )

    our_data = our_fields - set(META) - {"deleted"}
    their_data = their_fields - set(META) - {"deleted"}
    they_deleted = bool(theirs.get("deleted")) and not mine.get("deleted")
    we_deleted = bool(mine.get("deleted")) and not theirs.get("deleted")
    if they_deleted and our_data:
        conflict("", "delete", "edited", "deleted")
    elif we_deleted and their_data:
        conflict("", "delete", "deleted", theirs)  # their row, to restore if kept
    else:
        for name in sorted(their_fields - set(META)):
            if name not in our_fields:
                merged[name] = theirs.get(name)
            elif mine.get(name) != theirs.get(name):
                conflict(name, "field", mine.get(name), theirs.get(name))
    differs = sorted(k for k in data_fields if merged.get(k) != theirs.get(k))
    store.supersede(db, entity, entry["id"])
    _scrub_if_deleted(session, entity, mine, theirs if not differs else merged)
    if not differs:
        store.write_row(db, entity, theirs)  # we end where they are
    else:
        merged.update(session.stamp())
        store.write_row(db, entity, merged)
        store.append_change(
            db,
            {
                "entity": entity,
                "id": entry["id"],
                "op": "delete" if merged.get("deleted") and not theirs.get("deleted") else "update",
                "rev": merged["rev"],
                "base_rev": entry["rev"],
                "before_json": json.dumps({k: theirs.get(k) for k in differs}, ensure_ascii=False),
                "after_json": json.dumps({k: merged.get(k) for k in differs}, ensure_ascii=False),
                "author": session.user.username,
            },
        )
    for item in conflicts:
        store.add_conflict(db, item)
    summary.merged += 1
    summary.conflicts += len(conflicts)


def _scrub_if_deleted(session: Session, entity: str, mine: dict, written: dict) -> None:
    """A delete that arrives scrubs what our change log kept of the record's personal
    fields, as a delete made here does (rows.soft_delete)."""
    if written.get("deleted") and not mine.get("deleted"):
        capture.redact(session.db, entity, mine["id"], r.personal_fields(_RECORD_TYPES[entity]))
        deleted_cases = [mine["id"]] if entity == "cases" else []
        scrub_beside_rows(session.db, deleted_cases, [mine["id"]])


def _refresh_search(db, entity: str, record_id: str) -> None:
    """Re-index the cases a change of this record shows in (names, places, notes)."""
    rids: Sequence[int | None]
    if entity == "persons":
        rids = search.rids_for_person(db, record_id)
    elif entity == "cases":
        rids = [search.rid_for_case(db, record_id)]
    elif entity == "case_notes":
        note = rows.get(db, r.CaseNote, record_id)
        rids = [search.rid_for_case(db, note.case_id)] if note else []
    else:
        return
    search.refresh(db, [rid for rid in rids if rid is not None])


# --- conflicts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    id: str
    entity: str
    record_id: str
    field: str
    kind: str  # field | delete
    local_value: object
    remote_value: object
    local_rev: str
    remote_rev: str
    local_author: str
    remote_author: str
    peer_code: str
    created_at: str
    case_number: str = ""

    @property
    def local_at(self) -> dt.datetime:
        return _rev_time(self.local_rev)

    @property
    def remote_at(self) -> dt.datetime:
        return _rev_time(self.remote_rev)


def _rev_time(rev: str) -> dt.datetime:
    ms, _c, _n = parse_rev(rev)
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC)


def _may_see_conflict(session: Session, entity: str, record_id: str) -> str | None:
    """The case number of the record a conflict is about, or None if the user may not
    see that case (the conflict holds both offices' values of its fields)."""
    number = store.case_number_of(session.db, entity, record_id)
    if number and not permissions.allowed(session, "view_all_cases"):
        case = case_store.case_by_number(session.db, number)
        if case is None or not permissions.may_see_case(session, case):
            return None
    return number


def list_conflicts(session: Session) -> list[Conflict]:
    """Open conflicts of the records the user may see (a case worker: their cases')."""
    permissions.require(session, "sync")
    codes = {p["office_id"]: p["code"] for p in store.peers(session.db)}
    found = []
    for row in store.conflicts(session.db):
        number = _may_see_conflict(session, row["entity"], row["record_id"])
        if number is None:
            continue
        found.append(
            Conflict(
                id=row["id"],
                entity=row["entity"],
                record_id=row["record_id"],
                field=row["field"],
                kind=row["kind"],
                local_value=row["local_value"],
                remote_value=row["remote_value"],
                local_rev=row["local_rev"],
                remote_rev=row["remote_rev"],
                local_author=row["local_author"],
                remote_author=row["remote_author"],
                peer_code=codes.get(row["peer"], ""),
                created_at=row["created_at"],
                case_number=number,
            )
        )
    return found


def resolve_conflict(session: Session, conflict_id: str, keep: str) -> None:
    """Keep our value or theirs. Keeping theirs is an ordinary change of the record,
    which travels like any other, so both offices end with the same value."""
    permissions.require(session, "sync")
    if keep not in ("local", "remote"):
        raise BadArgument(argument="--keep", reason="local or remote")
    item = store.conflict(session.db, conflict_id)
    if item is None or item["resolved_at"]:
        raise NotFound(what="conflict", key=conflict_id)
    if _may_see_conflict(session, item["entity"], item["record_id"]) is None:
        permissions.require(session, "view_all_cases")
    record_type = _RECORD_TYPES[item["entity"]]
    with session.write() as db:
        # Keeping ours changes nothing here: the merge already sent our value back.
        if keep == "remote":
            record = rows.get(db, record_type, item["record_id"])
            if record is None:
                raise NotFound(what=record_type.__name__.lower(), key=item["record_id"])
            if item["kind"] == "delete" and item["remote_value"] == "deleted":
                rows.soft_delete(db, record, session.stamp)
            elif item["kind"] == "delete":
                # They edited what we deleted: their row comes back (our copy was
                # scrubbed when it was deleted).
                restored = rows.from_row(record_type, item["remote_value"])
                restored.deleted = False
                rows.update(db, restored, session.stamp)
            else:
                row = rows.to_row(record)
                row[item["field"]] = item["remote_value"]
                rows.update(db, rows.from_row(record_type, row), session.stamp)
            _refresh_search(db, item["entity"], item["record_id"])
        store.resolve_conflict(
            db, conflict_id, resolution=keep, at=utc_now(), by=session.user.username
        )


def conflicts_json(session: Session) -> list[dict]:
    return [
        {**c.__dict__, "local_at": c.local_at.isoformat(), "remote_at": c.remote_at.isoformat()}
        for c in list_conflicts(session)
    ]


__all__ = [
    "PROFILES",
    "Conflict",
    "ExportResult",
    "ImportSummary",
    "InboxItem",
    "Peer",
    "accept_held",
    "accept_rotation",
    "create_recovery_identity",
    "discard_held",
    "ensure_keys",
    "export_batch",
    "export_key_file",
    "import_batch",
    "list_conflicts",
    "list_inbox",
    "list_peers",
    "our_card",
    "process_inbox",
    "read_key_file",
    "resolve_conflict",
    "rotate_keys",
    "trust_key_file",
]
