"""Record ids (UUIDv7) and revisions (hybrid logical clock), DESIGN.md sections 3 and 5.

A rev is ``<ms since epoch: 13 digits>-<counter: 4 digits>-<office id>``: revs order
correctly as text, a clock that goes backwards never reissues a rev, and the office id
breaks ties between offices.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable

_REV = re.compile(r"^(\d{13})-(\d{4})-(.+)$")
MAX_COUNTER = 9999


def now_ms() -> int:
    return time.time_ns() // 1_000_000


class UuidV7:
    """UUIDv7 (RFC 9562) with a 12-bit counter in ``rand_a``, so ids from one process sort
    in the order they were made even within one millisecond."""

    def __init__(self, clock: Callable[[], int] = now_ms) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._last_ms = -1
        self._counter = 0

    def __call__(self) -> str:
        return self.many(1)[0]

    def many(self, count: int) -> list[str]:
        """``count`` new ids, in order: one clock reading and one draw of random bytes for
        them all (bulk rows take ids by the thousand)."""
        random = os.urandom(8 * count + 2)
        ids = []
        with self._lock:
            ms = self._clock()
            if ms > self._last_ms:
                self._last_ms = ms
                self._counter = (random[-2] << 8 | random[-1]) & 0x3FF
            else:
                self._counter += 1
            for at in range(0, 8 * count, 8):
                if self._counter > 0xFFF:
                    self._last_ms += 1
                    self._counter = 0
                ms, counter = self._last_ms, self._counter
                rand_b = int.from_bytes(random[at : at + 8], "big") & _RAND_B
                ids.append(
                    _UUID
                    % (
                        ms >> 16,
                        ms & 0xFFFF,
                        0x7000 | counter,
                        0x8000 | rand_b >> 48,
                        rand_b & 0xFFFFFFFFFFFF,
                    )
                )
                self._counter += 1
            self._counter -= 1
        return ids


# Version 7 in the third group, the variant (binary 10) opening the fourth.
_UUID = "%08x-%04x-%04x-%04x-%012x"
_RAND_B = (1 << 62) - 1


new_id = UuidV7()


def parse_rev(rev: str) -> tuple[int, int, str]:
    """``(ms, counter, office id)`` of a rev; ValueError if it is not one."""
    match = _REV.match(rev)
    if not match:
        raise ValueError("not a rev")
    return int(match.group(1)), int(match.group(2)), match.group(3)


def format_rev(ms: int, counter: int, node: str) -> str:
    return f"{ms:013d}-{counter:04d}-{node}"


class HybridClock:
    """A hybrid logical clock for one office (``node``).

    ``tick()`` issues the rev of a local change; ``observe(rev)`` takes in a rev seen in
    an imported batch so that later local revs sort after it.
    """

    def __init__(
        self, node: str, last: str | None = None, physical: Callable[[], int] = now_ms
    ) -> None:
        self.node = node
        self._physical = physical
        self._lock = threading.Lock()
        self._ms, self._counter = 0, 0
        if last:
            self._ms, self._counter, _ = parse_rev(last)

    @property
    def last(self) -> str:
        return format_rev(self._ms, self._counter, self.node)

    def tick(self) -> str:
        with self._lock:
            pt = self._physical()
            if pt > self._ms:
                self._ms, self._counter = pt, 0
            else:
                self._advance()
            return format_rev(self._ms, self._counter, self.node)

    def observe(self, rev: str, *, max_lead_ms: int | None = None) -> None:
        """Take in a rev from elsewhere; with ``max_lead_ms``, a rev further ahead of our
        own time than that is not followed (a peer's clock may be wrong)."""
        ms, counter, _ = parse_rev(rev)
        if max_lead_ms is not None and ms > self._physical() + max_lead_ms:
            return
        with self._lock:
            if (ms, counter) > (self._ms, self._counter):
                self._ms, self._counter = ms, counter

    def _advance(self) -> None:
        self._counter += 1
        if self._counter > MAX_COUNTER:
            self._ms, self._counter = self._ms + 1, 0
