"""The documents' bytes a batch carries beside its rows (issue 24).

Export: every live document whose row a batch carries goes with it, its bytes read from
the register a part at a time and encrypted into the batch's document parts
(``security.docparts``); the signed manifest lists each one with its SHA-256 and size.
Import, inside the import's one transaction: each listed document is checked against its
SHA-256 as it is read and kept if the register now holds its live row with that digest;
then no live document of the batch may be left without its bytes. A part that is missing,
altered or from another batch refuses the whole batch, so a record is never shown as
synced (nor the sender's export window moved) while its documents are not here.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from tipdesk.domain.errors import (
    BatchDamaged,
    BatchPartMissing,
    BatchTooManyDocuments,
    DocumentRefused,
)
from tipdesk.runtime.progress import CancelCheck, Progress, stop_if_cancelled
from tipdesk.security import batch as envelope
from tipdesk.security import docparts
from tipdesk.services.session import Session
from tipdesk.storage import documents as store
from tipdesk.storage.connection import begin_snapshot, open_database
from tipdesk.storage.files import atomic_file

Item = tuple[str, str, int]  # document id, SHA-256, size


def carried(piece: bytes) -> list[Item]:
    """The live documents whose rows a piece of ``changes.jsonl`` (documents lines) holds."""
    found: list[Item] = []
    for line in piece.splitlines():
        if not line:
            continue
        row = orjson.loads(line).get("row")
        if row and not row.get("deleted") and row.get("sha256"):
            found.append((row["id"], row["sha256"], int(row["size"])))
    return found


def _groups(items: list[Item], part_bytes: int) -> list[list[Item]]:
    """The documents in parts of at most ``part_bytes`` (a document never spans two)."""
    groups: list[list[Item]] = []
    size = 0
    for item in items:
        if not groups or (size + item[2] > part_bytes and groups[-1]):
            groups.append([])
            size = 0
        groups[-1].append(item)
        size += item[2]
    return groups


@dataclass
class Written:
    documents: dict | None  # the manifest's ``documents``
    paths: list[Path]


def write_parts(
    session: Session,
    items: list[Item],
    main: Path,
    recipients: list[str],
    *,
    part_bytes: int = docparts.DEFAULT_PART_BYTES,
    cancelled: CancelCheck | None = None,
    progress: Progress | None = None,
) -> Written:
    """Write the parts of a batch that will be ``main``, beside it; on any failure (a
    cancel too) the parts already written are removed. ``progress`` counts documents."""
    unique = list(dict.fromkeys(items))
    if not unique:
        return Written(None, [])
    total = sum(item[2] for item in unique)
    if len(unique) > envelope.MAX_BATCH_DOCUMENTS or total > envelope.MAX_BATCH_DOCUMENT_BYTES:
        raise BatchTooManyDocuments(
            documents=len(unique),
            max=envelope.MAX_BATCH_DOCUMENTS,
            gigabytes=round(total / 1024**3, 1),
        )
    # Read as the rows were (a connection of its own, as the export's), or, inside an
    # open transaction, through the session's.
    own = not session.db.conn.in_transaction
    db = open_database(session.database_path, session.key) if own else session.db
    written: list[Path] = []
    parts = []
    try:
        if own:
            begin_snapshot(db)
        counted = _Counted(len(unique), progress)
        for number, group in enumerate(_groups(unique, part_bytes), start=1):
            path = main.parent / docparts.part_name(main.stem, number)
            pieces = _bytes_of(db, group, cancelled, counted)
            size, sha256 = docparts.write_part(path, pieces, recipients)
            written.append(path)
            parts.append({"size": size, "sha256": sha256, "items": [list(i) for i in group]})
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    finally:
        if own:
            db.close()
    return Written({"parts": parts}, written)


class _Counted:
    """Documents done, said to a ``progress`` as (done, of)."""

    def __init__(self, of: int, progress: Progress | None) -> None:
        self.done, self.of, self._progress = 0, of, progress

    def one(self) -> None:
        self.done += 1
        if self._progress is not None:
            self._progress(self.done, self.of)


def _bytes_of(
    db, group: list[Item], cancelled: CancelCheck | None, counted: _Counted
) -> Iterator[bytes]:
    for document_id, sha256, size in group:
        stop_if_cancelled(cancelled)
        digest, total = hashlib.sha256(), 0
        for data in store.read_parts(db, document_id):
            digest.update(data)
            total += len(data)
            yield data
        if total != size or digest.hexdigest() != sha256:
            raise DocumentRefused(reason="bytes_missing", id=document_id)
        counted.one()


def part_paths(manifest, folder: Path, stem: str) -> list[Path]:
    """Where the parts of a batch read from ``folder / stem...`` are; BatchPartMissing
    names the first that is not there."""
    count = len(manifest.document_parts())
    paths = [folder / docparts.part_name(stem, n) for n in range(1, count + 1)]
    for path in paths:
        if not path.is_file():
            raise BatchPartMissing(part=path.name, parts=count)
    return paths


def keep_parts(manifest, source: tuple[Path, str] | None, folder: Path, stem: str) -> None:
    """Copy a batch's parts into ``folder`` (the inbox) under ``stem`` (its name there)."""
    if not manifest.document_parts():
        return
    if source is None:
        raise BatchPartMissing(
            part=docparts.part_name("?", 1), parts=len(manifest.document_parts())
        )
    for number, path in enumerate(part_paths(manifest, *source), start=1):
        with open(path, "rb") as src, atomic_file(folder / docparts.part_name(stem, number)) as out:
            shutil.copyfileobj(src, out, 1024 * 1024)


def drop_parts(folder: Path, stem: str) -> None:
    for path in folder.glob(f"{stem}.*{docparts.SUFFIX}"):
        path.unlink(missing_ok=True)


def store_parts(
    session: Session,
    manifest,
    source: tuple[Path, str] | None,
    had_without: set[str],
    identities: list[str],
    cancelled: CancelCheck | None = None,
    progress: Progress | None = None,
) -> int:
    """Inside the import's transaction, after its rows: read, check and keep the batch's
    documents; returns how many were kept. ``had_without``: the live documents without
    bytes before the batch (none, in a sound register), which it is not blamed for.
    ``progress`` counts the documents read; ``cancelled`` is asked after each."""
    db = session.db
    parts = manifest.document_parts()
    kept = 0
    if parts:
        if source is None:
            raise BatchPartMissing(part=docparts.part_name("?", 1), parts=len(parts))
        paths = part_paths(manifest, *source)
        counted = _Counted(sum(len(part[2]) for part in parts), progress)
        for path, (size, sha256, items) in zip(paths, parts, strict=True):
            stop_if_cancelled(cancelled)
            kept += _store_part(session, path, size, sha256, items, identities, cancelled, counted)
    if store.live_without_bytes(db) - had_without:
        raise BatchDamaged(reason="documents")  # a live document came without its bytes
    return kept


def _store_part(
    session: Session,
    path: Path,
    size: int,
    sha256: str,
    items: list[Item],
    identities: list[str],
    cancelled: CancelCheck | None,
    counted: _Counted,
) -> int:
    db = session.db
    wanted = [store.live_digest(db, item[0]) == item[1] for item in items]
    writers: dict[int, store.BytesWriter] = {}

    def take(index: int, piece: bytes | None) -> None:
        if piece is None:
            counted.one()
            stop_if_cancelled(cancelled)
        if not wanted[index]:
            return
        if piece is None:
            writers.pop(index).close()
            return
        if index not in writers:
            writers[index] = store.BytesWriter(db, items[index][0])
        writers[index].add(piece)

    docparts.read_part(
        path, size=size, sha256=sha256, items=items, identities=identities, take=take
    )
    return sum(wanted)
