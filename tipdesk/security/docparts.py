"""A batch's document parts (issue 24): the bytes of the documents a batch carries, in
files beside the ``.tipbatch``, streamed in and out so that no batch is ever whole in
memory.

A part is an age v1 file (binary), encrypted to the batch's recipients like the batch
itself; its plaintext is the documents' bytes one after another, in the order the signed
manifest lists them with their sizes and SHA-256 (``batch.Manifest.documents``), so the
part needs no framing of its own. The manifest also holds each part's size and the
SHA-256 of its encrypted bytes: a part from another batch, or one altered on the stick, is
refused before anything of it is kept, and each document is checked against its own
SHA-256 as it is read.

A batch with more documents than fit in one part (``DEFAULT_PART_BYTES``, well under the
4 GiB a FAT32 stick allows for one file) comes in numbered parts: ``<batch>.01.tipdocs``,
``<batch>.02.tipdocs``... beside ``<batch>.tipbatch``; they import as one.
"""

from __future__ import annotations

import hashlib
import hmac
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import pyrage

from tipdesk.domain.errors import BatchDamaged, BatchNotForThisOffice
from tipdesk.storage.files import atomic_file

SUFFIX = ".tipdocs"
DEFAULT_PART_BYTES = 2 * 1024 * 1024 * 1024
# age's chunk (64 KiB) costs 16 bytes of tag; the header a few hundred bytes.
_AGE_OVERHEAD_PER_CHUNK = 16
_AGE_CHUNK = 64 * 1024


def part_name(stem: str, number: int) -> str:
    return f"{stem}.{number:02d}{SUFFIX}"


def most_encrypted_bytes(plain_size: int) -> int:
    """An upper bound of the size of a part whose plaintext is ``plain_size`` bytes."""
    chunks = plain_size // _AGE_CHUNK + 1
    return plain_size + chunks * _AGE_OVERHEAD_PER_CHUNK + 64 * 1024


class _Readable(io.BufferedIOBase):
    """A stream that only knows ``read``; what age asks of an input besides, from it."""

    def readable(self) -> bool:
        return True

    def read1(self, size: int = -1) -> bytes:
        return self.read(size)

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _Source(_Readable):
    """A readable stream over an iterable of byte strings (the documents, in order)."""

    def __init__(self, pieces: Iterable[bytes]) -> None:
        self._pieces: Iterator[bytes] = iter(pieces)
        self._pending = b""

    def read(self, size: int | None = -1) -> bytes:
        while not self._pending:
            try:
                self._pending = next(self._pieces)
            except StopIteration:
                return b""
        n = len(self._pending) if size is None or size < 0 else min(size, len(self._pending))
        out, self._pending = self._pending[:n], self._pending[n:]
        return out


class _Hashing(io.BufferedIOBase):
    """Passes writes to a file, counting and hashing them."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        data = bytes(data)
        self._handle.write(data)
        self.digest.update(data)
        self.size += len(data)
        return len(data)


def write_part(path: Path, pieces: Iterable[bytes], recipients: Sequence[str]) -> tuple[int, str]:
    """Encrypt ``pieces`` (the documents' bytes, in order) to ``recipients`` into
    ``path`` (a temporary name, then renamed); the part's size and the SHA-256 of its
    encrypted bytes."""
    parsed = [pyrage.x25519.Recipient.from_str(text) for text in dict.fromkeys(recipients)]
    with atomic_file(path) as handle:
        out = _Hashing(handle)
        pyrage.encrypt_io(_Source(pieces), out, parsed)
    return out.size, out.digest.hexdigest()


class _Reading(_Readable):
    """Reads a part's file, hashing what it reads."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int | None = -1) -> bytes:
        data = self._handle.read(-1 if size is None else size)
        self.digest.update(data)
        return data


class _Splitter(io.BufferedIOBase):
    """Cuts the decrypted stream into the listed documents and hands each one's bytes,
    a piece at a time, to ``take(index, piece)``; checks each against its SHA-256 when
    it ends (``BatchDamaged("document")``)."""

    def __init__(
        self,
        items: Sequence[tuple[str, str, int]],
        take: Callable[[int, bytes | None], None],
    ) -> None:
        self._items = items
        self._take = take
        self._index = 0
        self._left = items[0][2] if items else 0
        self._digest = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        view = memoryview(bytes(data))
        total = len(view)
        while view:
            if self._index >= len(self._items):
                raise BatchDamaged(reason="documents")  # more bytes than listed
            n = min(self._left, len(view))
            piece = bytes(view[:n])
            self._digest.update(piece)
            self._take(self._index, piece)
            view = view[n:]
            self._left -= n
            if self._left == 0:
                self._finish()
        return total

    def _finish(self) -> None:
        _, sha256, _ = self._items[self._index]
        if not hmac.compare_digest(self._digest.hexdigest(), sha256):
            raise BatchDamaged(reason="document")
        self._take(self._index, None)  # the document is whole and checked
        self._index += 1
        self._digest = hashlib.sha256()
        self._left = self._items[self._index][2] if self._index < len(self._items) else 0

    def done(self) -> bool:
        return self._index == len(self._items)


def read_part(
    path: Path,
    *,
    size: int,
    sha256: str,
    items: Sequence[tuple[str, str, int]],
    identities: Sequence[str],
    take: Callable[[int, bytes | None], None],
) -> None:
    """Check ``path`` against the manifest's ``size`` and ``sha256``, then decrypt it
    and hand its documents (``items``: id, SHA-256, size, in order) to ``take``: each
    piece of document ``index`` as it comes, then ``take(index, None)`` once the whole
    document matched its SHA-256. ``BatchDamaged``: "documents" when the part is not the
    one listed (or holds more or less than listed), "document" when a document does not
    match its hash. The caller keeps what ``take`` is given inside one transaction and
    rolls it back on any error, so a part refused at its end leaves nothing."""
    if path.stat().st_size != size:
        raise BatchDamaged(reason="documents")
    parsed = [pyrage.x25519.Identity.from_str(text) for text in identities]
    splitter = _Splitter(items, take)
    with open(path, "rb") as handle:
        source = _Reading(handle)
        try:
            pyrage.decrypt_io(source, splitter, parsed)
        except (pyrage.DecryptError, OSError) as error:
            # pyrage reports a chunk that fails its tag as an OSError ("decryption error").
            if "no matching keys" in str(error).lower():
                raise BatchNotForThisOffice(reason="no_matching_key") from None
            raise BatchDamaged(reason="documents") from None
    # What was decrypted is the part the signed manifest names (the caller rolls back
    # whatever ``take`` kept, otherwise).
    if not hmac.compare_digest(source.digest.hexdigest(), sha256) or not splitter.done():
        raise BatchDamaged(reason="documents")
