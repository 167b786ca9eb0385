"""The documents' budgets (issue 24), measured by ``tipdesk bench`` on a district register
of its own (``DOCUMENT_CASES`` demo cases, fewer for fewer documents; ``DOCUMENTS``
documents of 1 MB attached to them, as scans that do not compress) and a new province:

- ``documents_export``: the district's batch to the province, with every document, in a
  process of its own (budget 30 s); baseline: age-encrypting the same bytes, read from
  memory, to a file (what any export of them costs at least).
- ``documents_import``: the province imports it, in a process of its own (budget 30 s);
  baseline: decrypting the parts alone, nothing kept.
- ``documents_export_memory`` / ``documents_import_memory``: those processes' peak memory
  (budget 300 MB each); baseline: such a process signing in alone.
- ``documents_growth``: how much more the district's register grew than the documents'
  own bytes, in percent (budget 5); baseline: 0.
- ``document_read``: one 5 MB scan read back from the register and checked (the service
  part of showing it; the desktop app's bench times the showing); baseline: reading the
  same bytes from a plain file.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tipdesk.domain.records import Office, User
from tipdesk.services.casework import documents
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.devtools.measures import STEPS, measure, median_ms, own_peak_mb
from tipdesk.services.register import create_register, open_register
from tipdesk.storage import benchmarks

DOCUMENTS = 1000
DOCUMENT_BYTES = 1024 * 1024
DOCUMENT_CASES = 2000
SHOWN_BYTES = 5 * 1024 * 1024
PASSWORD = "bench-password-not-secret"


def scan_bytes(seed: int, size: int = DOCUMENT_BYTES) -> bytes:
    """A PDF-looking scan of ``size`` bytes that does not compress (as a real scan)."""
    head = b"%PDF-1.4\n"
    body = hashlib.shake_256(seed.to_bytes(8, "big")).digest(size - len(head))
    return head + body


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.name.startswith("register.db"))


def _office(folder: Path, code: str, level: str, region: str) -> None:
    create_register(
        folder,
        Office(code=code, name=f"Bench {code}", level=level, region_code=region),
        User(username="bench", role="admin"),
        PASSWORD,
    )


def document_measures(tmp: Path, count: int = DOCUMENTS) -> dict:
    """The measures above, with ``count`` documents of 1 MB."""
    from tipdesk.services import sync

    district, province = tmp / "doc-district", tmp / "doc-province"
    cases = min(DOCUMENT_CASES, max(2 * count, 20))
    _office(district, "BDK", "district", "53.71")
    _office(province, "BDP", "province", "53")
    STEPS.info(f"documents: {cases:,} demo cases and {count:,} documents of 1 MB ...")
    with (
        open_register(district, "bench", PASSWORD) as d,
        open_register(province, "bench", PASSWORD) as p,
    ):
        for src, dst in ((d, p), (p, d)):
            path, fingerprint = sync.export_key_file(src, tmp / f"{src.office.code}.tipkey")
            sync.trust_key_file(dst, path.read_bytes(), fingerprint)
        add_demo_cases(d, cases, seed=7)
        numbers = benchmarks.sample_case_numbers(d.db, min(count, cases), seed=5)
    before = _folder_bytes(district)
    with open_register(district, "bench", PASSWORD) as d:
        for i in range(count):
            documents.attach(
                d, numbers[i % len(numbers)], scan_bytes(i), kind="medical_report", file_name=""
            )
        shown = documents.attach(
            d, numbers[0], scan_bytes(10**9, SHOWN_BYTES), kind="court_decision", file_name=""
        )
        read_ms = statistics.median(
            median_ms(lambda: documents.read_document(d, shown.id), 3) for _ in range(3)
        )
    added = count * DOCUMENT_BYTES + SHOWN_BYTES
    growth = (_folder_bytes(district) - before - added) / added * 100
    plain = tmp / "plain-scan.pdf"
    plain.write_bytes(scan_bytes(10**9, SHOWN_BYTES))
    plain_ms = statistics.median(median_ms(plain.read_bytes, 3) for _ in range(3))
    plain.unlink()

    STEPS.info("documents: exporting and importing them, each in a process of its own ...")
    batch = tmp / "documents.tipbatch"
    export = _in_child("export", district, batch)
    imported = _in_child("import", province, batch)
    alone = _in_child("alone", province, batch)
    floor = _crypto_floor(tmp, count)
    return {
        "documents_export": measure(export["s"], "s", floor["encrypt_s"], 30),
        "documents_import": measure(imported["s"], "s", floor["decrypt_s"], 30),
        "documents_export_memory": measure(export["peak_mb"], "MB", alone["peak_mb"], 300),
        "documents_import_memory": measure(imported["peak_mb"], "MB", alone["peak_mb"], 300),
        "documents_growth": measure(growth, "%", 0.0, 5),
        "document_read": measure(read_ms, "ms", plain_ms, 300),
    }


def _in_child(what: str, folder: Path, batch: Path) -> dict:
    code = (
        "import sys; from tipdesk.services.devtools.document_measures import child; "
        "child(sys.argv[1:])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, what, str(folder), str(batch)],
        env={**os.environ, "TIPDESK_PASSWORD": PASSWORD},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def child(argv: list[str]) -> None:
    """In a process of its own: sign in to ``argv[1]`` and export the batch ``argv[2]`` to
    the province (``export``), import it (``import``), or nothing (``alone``); print the
    seconds and this process's peak memory as JSON."""
    from tipdesk.services import sync

    what, folder, batch = argv[0], Path(argv[1]), Path(argv[2])
    with open_register(folder, "bench", os.environ["TIPDESK_PASSWORD"]) as session:
        started = time.perf_counter()
        if what == "export":
            sync.export_batch(session, "BDP", batch)
        elif what == "import":
            sync.import_batch(session, batch)
        seconds = time.perf_counter() - started
    print(json.dumps({"s": seconds, "peak_mb": own_peak_mb()}))


def _crypto_floor(tmp: Path, count: int) -> dict:
    """Seconds to age-encrypt as many bytes as the documents hold, from memory (a few
    scans made once, over and over), to a file, and to decrypt that file into nothing."""
    import pyrage

    identity = pyrage.x25519.Identity.generate()
    made = [scan_bytes(seed) for seed in range(8)]

    class Source(io.RawIOBase):
        def __init__(self) -> None:
            self.index, self.pending = 0, b""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            while not self.pending:
                if self.index >= count:
                    return 0
                self.pending, self.index = made[self.index % len(made)], self.index + 1
            n = min(len(buffer), len(self.pending))
            buffer[:n], self.pending = self.pending[:n], self.pending[n:]
            return n

    class Sink(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: Any) -> int:
            return len(data)

    path = tmp / "floor.age"
    started = time.perf_counter()
    with open(path, "wb") as out:
        pyrage.encrypt_io(Source(), out, [identity.to_public()])  # type: ignore[arg-type]
    encrypt_s = time.perf_counter() - started
    started = time.perf_counter()
    with open(path, "rb") as source:
        pyrage.decrypt_io(source, Sink(), [identity])  # type: ignore[arg-type]
    decrypt_s = time.perf_counter() - started
    path.unlink()
    return {"encrypt_s": encrypt_s, "decrypt_s": decrypt_s}
