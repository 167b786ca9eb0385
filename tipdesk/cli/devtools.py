"""Tools for trying and measuring TipDesk: ``demo``, ``selftest``, ``bench``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from tipdesk import __version__
from tipdesk.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    add_command,
    err,
    not_negative,
    open_register,
    positive,
    print_json,
    say,
)

DEMO_PASSWORD = "demo"


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    p = add_command(
        subparsers, "demo", cmd_demo, "create a demo register, or add demo cases to one"
    )
    p.add_argument("--cases", type=positive, default=500)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--progress", action="store_true", help="show progress even for small runs")

    add_command(
        subparsers,
        "selftest",
        cmd_selftest,
        "check this installation: a throwaway district and "
        "province, a case, a letter, a batch, a report",
        register=False,
    )

    p = add_command(
        subparsers,
        "bench",
        cmd_bench,
        "measure speed and memory on a fresh demo register",
        register=False,
    )
    p.add_argument("--cases", type=positive, default=100_000)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--core-only",
        action="store_true",
        help="measure the register core only, not the desktop app",
    )
    p.add_argument(
        "--statistics-cases",
        type=not_negative,
        default=1_000_000,
        metavar="N",
        help="cases in the province register the statistics budgets are measured "
        "on (default 1,000,000; 0 leaves them out)",
    )
    p.add_argument(
        "--documents",
        type=not_negative,
        default=1000,
        metavar="N",
        help="documents of 1 MB the documents' budgets are measured with (default 1,000; "
        "0 leaves them out)",
    )
    p.add_argument(
        "--app-only",
        action="store_true",
        help="measure the desktop app only, on a new register of --cases demo cases "
        "(the province scale: --cases 1000000 --app-only)",
    )
    p.add_argument(
        "--app-register",
        metavar="FOLDER",
        help="measure the desktop app only, on this demo register (made once with "
        "`tipdesk demo FOLDER --cases 1000000`; user demo, password $TIPDESK_PASSWORD or "
        "demo) instead of a new one",
    )


def cmd_demo(args: argparse.Namespace) -> int:
    """``tipdesk demo demo-register --cases 2000 --seed 1`` (a new one: user "demo")."""
    from tipdesk.services.devtools.demo import add_demo_cases, create_demo_register
    from tipdesk.services.register import is_register
    from tipdesk.services.register import open_register as open_session

    folder = Path(args.register)
    if not is_register(folder):
        password = os.environ.get("TIPDESK_PASSWORD", DEMO_PASSWORD)
        created = create_demo_register(folder, password)
        err(say("cli_demo_register_created", code=created.recovery_code))
        session = open_session(folder, "demo", password)
    else:
        session = open_register(args)
    with session:
        show = args.cases >= 5000 or args.progress

        def progress(done: int, total: int) -> None:
            if show:
                print(f"\r{done:,}/{total:,}", end="", file=sys.stderr, flush=True)

        add_demo_cases(session, args.cases, seed=args.seed, progress=progress)
        if show:
            print(file=sys.stderr)
    print(say("cli_demo_cases_added", count=args.cases))
    return EXIT_OK


def cmd_selftest(args: argparse.Namespace) -> int:
    """``tipdesk selftest``: exit 0 when every step passed."""
    from tipdesk.services.devtools.selftest import STEP_COUNT, run_selftest

    def show(step) -> None:
        mark = "ok  " if step.ok else "FAIL"
        print(
            f"{mark} {step.name} ({step.ms:.0f} ms){'  ' + step.detail if step.detail else ''}",
            flush=True,
        )

    print(f"tipdesk {__version__} selftest")
    steps = run_selftest(show)
    passed = sum(s.ok for s in steps)
    print(f"{passed} passed, {len(steps) - passed} failed")
    return EXIT_OK if passed == len(steps) == STEP_COUNT else EXIT_ERROR


def cmd_bench(args: argparse.Namespace) -> int:
    """``tipdesk bench --cases 100000 --json``: each measure with its baseline and budget."""
    from tipdesk.services.devtools.bench import run_bench

    if not args.json:  # the steps as the bench takes them, on stderr
        from tipdesk.services.devtools.measures import STEPS

        shown = logging.StreamHandler(sys.stderr)
        shown.setFormatter(logging.Formatter("%(message)s"))
        STEPS.addHandler(shown)
        STEPS.setLevel(logging.INFO)
    more = None
    if not args.core_only:
        from tipdesk.ui.bench import measure as more  # the desktop app's budgets
    if (args.app_only or args.app_register) and more is not None:
        from tipdesk.services.devtools.bench import app_bench

        results = app_bench(
            more,
            args.cases,
            register=Path(args.app_register) if args.app_register else None,
            password=os.environ.get("TIPDESK_PASSWORD", DEMO_PASSWORD),
        )
    else:
        results = run_bench(
            args.cases,
            more=more,
            statistics_cases=args.statistics_cases,
            documents=args.documents,
        )
    if args.json:
        print_json(results)
        return EXIT_OK
    print(f"{'measure':<28}{'value':>12} {'unit':<8}{'baseline':>12}{'ratio':>8}{'budget':>10}")
    for name, m in results.items():
        ratio = f"{m['value'] / m['baseline']:.2f}" if m["baseline"] else ""
        baseline = f"{m['baseline']:.3f}" if m["baseline"] is not None else "-"
        budget = f"{m['budget']:g}" if m["budget"] is not None else "-"
        detail = f"  {m['detail']}" if m.get("detail") else ""  # e.g. the slowest column
        print(
            f"{name:<28}{m['value']:>12.3f} {m['unit']:<8}{baseline:>12}{ratio:>8}{budget:>10}"
            f"{detail}"
        )
    return EXIT_OK
