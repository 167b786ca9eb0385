"""Second processes handing items over (runtime/processes): order, errors, and either
process ending early, even killed."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest

from tests.helpers import ends_within, exit_code_of, outcome_within
from tipdesk.domain.errors import BatchDamaged, HelperStopped
from tipdesk.runtime import processes as workers

BIG = 4_000_000  # more than any pipe holds: a sender is stopped half-way through


def _count(n: int, size: int, out) -> None:
    workers.serve(out, lambda: ((i, os.getpid(), b"x" * size) for i in range(n)))


def _refuse_after(n: int, error: str, out) -> None:
    def items():
        yield from range(n)
        if error == "damaged":
            raise BatchDamaged(reason="payload")
        raise ValueError("Siti Aminah")  # its text stays in the second process

    workers.serve(out, items)


def _end_at_once(out) -> None:
    os._exit(3)


def _read_one_and_die(pid_file: str) -> None:
    """A reading process: takes the first item, notes its helper, and dies at once, with
    the helper half-way through handing over the next ones."""
    items = workers.run_apart(_count, (50, BIG), name="tipdesk-test", here=list)
    next(items)
    [helper] = _helpers()
    with open(pid_file, "w") as out:
        out.write(str(helper.pid))
    os._exit(9)


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
        for item in workers.run_apart(
            _refuse_after, (3, "damaged"), name="tipdesk-test", here=list
        ):
            got.append(item)
    assert got == [0, 1, 2] and refused.value.params == {"reason": "payload"}
    with pytest.raises(ValueError) as failed:
        list(workers.run_apart(_refuse_after, (0, "other"), name="tipdesk-test", here=list))
    assert "Siti" not in str(failed.value)


def test_a_process_that_ends_before_its_first_item_is_replaced_by_reading_here():
    assert list(
        workers.run_apart(_end_at_once, (), name="tipdesk-test", here=lambda: ["read", "here"])
    ) == ["read", "here"]


def test_a_helper_killed_half_way_through_an_item_is_reported_not_waited_for():
    items = workers.run_apart(_count, (50, BIG), name="tipdesk-test", here=list)
    assert next(items)[0] == 0
    time.sleep(0.5)  # it fills the pipe and waits, half-way through
    [helper] = _helpers()
    os.kill(helper.pid, signal.SIGKILL)
    # waiting for the rest of the item would be waiting for ever
    assert isinstance(outcome_within(lambda: sum(1 for _ in items), 30), HelperStopped)


def test_a_helper_ends_by_itself_when_its_reader_dies(tmp_path):
    pid_file = tmp_path / "helper.pid"
    assert exit_code_of(_read_one_and_die, str(pid_file), timeout=60) == 9
    assert ends_within(int(pid_file.read_text()), 20)


def test_a_reader_that_stops_reading_stops_its_helper():
    items = workers.run_apart(_count, (50, BIG), name="tipdesk-test", here=list)
    assert next(items)[0] == 0
    [helper] = _helpers()
    items.close()
    assert not helper.is_alive() and _helpers() == []


def test_a_helper_that_ends_before_taking_its_end_of_the_pipe_is_not_waited_for():
    """On Windows this process holds a copy of the writing end until the helper takes
    it: the end of the helper is then seen by watching the process, not the pipe."""
    ctx = multiprocessing.get_context("spawn")
    reader, writer = ctx.Pipe(duplex=False)  # ``writer`` kept here: that copy
    helper = ctx.Process(target=_end_at_once, args=(None,), name="tipdesk-test")
    helper.start()
    try:
        assert isinstance(outcome_within(lambda: workers._receive(reader, helper), 30), EOFError)
    finally:
        helper.join()
        reader.close()
        writer.close()
