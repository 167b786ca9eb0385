"""Second processes handing items over (services/workers): order, errors, and either
process ending early, even killed."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest

from tests.conftest import outcome_within
from tipdesk.domain.errors import BatchDamaged, HelperStopped
from tipdesk.services import workers

BIG = 4_000_000          # more than any pipe holds: a sender is stopped half-way through


def _count(n: int, size: int, out) -> None:
    workers.serve(out, lambda: ((i, os.getpid(), b"x" * size) for i in range(n)))


def _refuse_after(n: int, error: str, out) -> None:
    def items():
        yield from range(n)
        if error == "damaged":
            raise BatchDamaged(reason="payload")
        raise ValueError("Siti Aminah")          # its text stays in the second process

    workers.serve(out, items)


def _end_at_once(out) -> None:
    os._exit(3)


def _one_then_wait(out) -> None:
    def items():
        yield "first"
        time.sleep(600)
        yield "never"

    workers.serve(out, items)


def _helpers() -> list:
    return [p for p in multiprocessing.active_children() if p.name == "tipdesk-test"]


def test_items_arrive_in_order_made_by_another_process():
    items = list(workers.run_apart(_count, (25, 10), name="tipdesk-test", here=list))
    assert [i for i, _pid, _data in items] == list(range(25))
    assert {pid for _i, pid, _data in items} != {os.getpid()}
    assert _helpers() == []


def test_a_refusal_arrives_as_itself_and_other_errors_by_their_name_only():
    got = []
    with pytest.raises(BatchDamaged) as refused:
        for item in workers.run_apart(_refuse_after, (3, "damaged"), name="tipdesk-test",
                                      here=list):
            got.append(item)
    assert got == [0, 1, 2] and refused.value.params == {"reason": "payload"}
    with pytest.raises(ValueError) as failed:
        list(workers.run_apart(_refuse_after, (0, "other"), name="tipdesk-test", here=list))
    assert "Siti" not in str(failed.value)


def test_a_process_that_ends_before_its_first_item_is_replaced_by_reading_here():
    assert list(workers.run_apart(_end_at_once, (), name="tipdesk-test",
                                  here=lambda: ["read", "here"])) == ["read", "here"]


def test_a_helper_killed_half_way_through_an_item_is_reported_not_waited_for():
    items = workers.run_apart(_count, (50, BIG), name="tipdesk-test", here=list)
    assert next(items)[0] == 0
    time.sleep(0.5)                   # it fills the pipe and waits, half-way through
    [helper] = _helpers()
    os.kill(helper.pid, signal.SIGKILL)
    # waiting for the rest of the item would be waiting for ever
    assert isinstance(outcome_within(lambda: sum(1 for _ in items), 30), HelperStopped)


def test_a_helper_ends_when_its_reader_stops_reading():
    items = workers.run_apart(_one_then_wait, (), name="tipdesk-test", here=list)
    assert next(items) == "first"
    [helper] = _helpers()
    items.close()
    helper.join(timeout=10)
    assert not helper.is_alive()
