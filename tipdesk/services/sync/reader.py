"""An imported batch's entries read, decoded and checked ahead of the writing, for a large
batch in a second process.

An import spends about a third of its time taking the batch's text apart: inflating it,
decoding each line (orjson) and checking every entry (``entries.check_chunk``), all of it
holding Python's lock. For a large batch a second process (spawned, like the demo's maker,
so it works the same on Windows) does that while this one writes, and hands over each
chunk checked, with the values of its new rows as tuples in the table's column order:
unpickling those costs a fraction of decoding the lines (0.7 s against 3.1 s for 100,000
cases, docs/performance.md). The records we already have are decoded again here from their
lines, which travel with the chunk as one text, and merged as before.

The second process gets the decrypted zip in memory, through a pipe, after this one has
checked the signature and the member hashes (DESIGN.md's order of checks), and nothing
else: it opens no register and writes no file. A refusal it finds (a damaged or
overreaching entry) is raised here, the same refusal the reading here would raise. If it
cannot start at all, the entries are read here instead: slower, the same result.
"""

from __future__ import annotations

import operator
from collections.abc import Generator, Iterator
from dataclasses import dataclass

import orjson

from tipdesk.domain.errors import BatchDamaged
from tipdesk.runtime.processes import run_apart, serve
from tipdesk.security import batch as envelope
from tipdesk.services.sync.entries import Rules, check_chunk, check_records
from tipdesk.storage.sync import APPLY_ORDER

# A chunk is cut after this much text, however few its lines.
CHUNK_BYTES = 8 * 1024 * 1024


@dataclass
class Chunk:
    """A run of checked entries of one table, in batch order, taken apart."""

    entity: str
    text: bytes  # the entries' lines joined by newlines, one object to pass
    ids: list[str]
    seqs: list[int]
    ops: list[str]
    revs: list[str]
    parents: list[str | None]  # the row's person (a case) or case (the rest), if any
    values: list[tuple | None]  # the row's values in the table's column order, or None

    def lines(self) -> list[bytes]:
        """Each entry's line (none holds a newline), to decode one again."""
        return self.text.split(b"\n")


def chunks_of(changes: envelope.ChangesText, size: int) -> Iterator[tuple[str, list[bytes]]]:
    """``(entity, lines)`` runs of at most ``size`` lines, and about ``CHUNK_BYTES``, of
    one table, in order: a chunk's entries, decoded, take several times their text."""
    entity = ""  # the run's table: none yet ("" is no table's name)
    lines: list[bytes] = []
    held = 0
    same = b"\n"  # how a line of the current run starts (no line starts with this)
    for block in changes.line_blocks():
        for line in block:
            if line.startswith(same) and len(lines) < size and held < CHUNK_BYTES:
                lines.append(line)  # the common case
                held += len(line)
                continue
            line = line.strip()
            if not line:
                continue
            head = line[:40]
            this = head[6 : head.index(b'"', 6)].decode() if head.startswith(b'{"e":"') else None
            if this not in APPLY_ORDER:
                raise BatchDamaged(reason="entry")
            if (this != entity or len(lines) >= size or held >= CHUNK_BYTES) and lines:
                yield entity, lines
                lines, held = [], 0
            entity, same = this, b'{"e":"' + this.encode() + b'"'
            lines.append(line)
            held += len(line)
    if lines:
        yield entity, lines


def read_chunks(
    changes: envelope.ChangesText, columns: dict[str, list[str]], rules: Rules, size: int
) -> Generator[Chunk, None, None]:
    """The batch's chunks, each decoded and checked (``BatchDamaged``,
    ``BatchOverreach``, ``BatchEntryRefused`` for the first entry that fails), read
    here."""
    for entity, lines in chunks_of(changes, size):
        try:
            entries = [orjson.loads(line) for line in lines]
            check_chunk(
                entity, entries, frozenset(columns[entity]), rules.sender, rules.owners_of(entity)
            )
        except (orjson.JSONDecodeError, KeyError, TypeError):
            raise BatchDamaged(reason="entry") from None
        check_records(entity, entries, rules)
        yield _taken_apart(entity, lines, entries, columns[entity])


def _taken_apart(entity: str, lines: list[bytes], entries: list[dict], columns: list[str]) -> Chunk:
    rows = [entry["row"] for entry in entries]
    pick = operator.itemgetter(*columns)
    try:
        values = [None if row is None else pick(row) for row in rows]  # every column sent
    except KeyError:  # a peer with fewer columns: the ones it lacks stay blank
        values = [None if row is None else tuple(map(row.get, columns)) for row in rows]
    if len(columns) == 1:
        values = [None if value is None else (value,) for value in values]
    parent = "person_id" if entity == "cases" else "case_id"
    return Chunk(
        entity,
        b"\n".join(lines),
        [e["id"] for e in entries],
        [e["seq"] for e in entries],
        [e["op"] for e in entries],
        [e["rev"] for e in entries],
        [None if row is None else row.get(parent) for row in rows],
        values,
    )


def read_apart(
    changes: envelope.ChangesText, columns: dict[str, list[str]], rules: Rules, size: int
) -> Generator[Chunk, None, None]:
    """What :func:`read_chunks` yields, read by a second process a few chunks ahead (or
    here, if it cannot run)."""
    return run_apart(
        _read,
        (changes.archive_bytes(), columns, rules, size),
        name="tipdesk-import",
        ahead=4,
        here=lambda: read_chunks(changes, columns, rules, size),
    )


def _read(plain: bytes, columns: dict[str, list[str]], rules: Rules, size: int, out) -> None:
    """Entry point of the reading process: every chunk onto ``out``, then None."""
    serve(
        out,
        lambda: read_chunks(envelope.read_members(plain)[envelope.CHANGES], columns, rules, size),
    )
