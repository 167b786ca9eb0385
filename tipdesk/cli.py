"""The command line: ``tipdesk <command> ...``; with no command, the desktop app.

Exit codes (DESIGN.md section 8): 0 done, 1 unexpected error, 2 usage, 3 refused input,
with a one-line reason on stderr. Passwords come from ``TIPDESK_PASSWORD`` or a prompt.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import errno
import getpass
import json
import logging
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

from tipdesk import __version__
from tipdesk.domain.errors import (
    BadArgument,
    HelperStopped,
    NotAnAssignment,
    NotFound,
    NotUtf8,
    PasswordNeeded,
    PasswordsDiffer,
    TipdeskError,
    ValidationFailed,
    os_refusal,
)
from tipdesk.domain.messages import describe_error, describe_problem, field_label
from tipdesk.domain.records import Office, User, age_of, unreadable_fields
from tipdesk.domain.vocab import VOCABULARIES
from tipdesk.logs import frames, setup_command_line_logging, setup_logging
from tipdesk.storage.connection import DatabaseError, refusal

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3
log = logging.getLogger("tipdesk")


def _lang() -> str:
    """``TIPDESK_LANG`` (``id`` or ``en``, ``en_US`` style accepted); Indonesian otherwise."""
    lang = os.environ.get("TIPDESK_LANG", "id").split("_")[0].split(".")[0].lower()
    return lang if lang in ("id", "en") else "id"


def _password(*, confirm: bool = False) -> str:
    secret = os.environ.get("TIPDESK_PASSWORD")
    if secret is not None:
        return secret
    if not sys.stdin.isatty():
        raise PasswordNeeded()
    first = getpass.getpass("Kata sandi / Password: ")
    if confirm and getpass.getpass("Ulangi kata sandi / Repeat password: ") != first:
        raise PasswordsDiffer()
    return first


def _open(args: argparse.Namespace, *, write: bool = True):
    from tipdesk.services.register import open_register

    user = args.user or os.environ.get("TIPDESK_USER") or None
    return open_register(Path(args.register), user, _password(), write=write)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    raise TypeError(type(value).__name__)


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- commands -------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from tipdesk.services.register import create_register

    office = Office(
        code=args.office_code,
        name=args.office_name,
        level=args.level,
        region_code=args.region_code or "",
    )
    admin = User(username=args.admin, display_name=args.admin_name or args.admin, role="admin")
    if _refused_init(office, admin):
        return EXIT_REFUSED
    created = create_register(Path(args.register), office, admin, _password(confirm=True))
    lang = _lang()
    print(("Register dibuat di" if lang == "id" else "Register created at") + f" {created.folder}")
    print()
    if lang == "id":
        print(
            "KODE PEMULIHAN (hanya ditampilkan sekali; cetak atau tulis, simpan di tempat "
            "terkunci):"
        )
    else:
        print("RECOVERY CODE (shown only once; print or write it down and lock it away):")
    print(f"    {created.recovery_code}")
    if created.recovery_age_key:
        print()
        print(
            "KUNCI PEMULIHAN KIRIMAN (provinsi; hanya ditampilkan sekali; cetak dan simpan "
            "terkunci, terpisah dari kode di atas):"
            if lang == "id"
            else "BATCH RECOVERY KEY (province; shown only once; print it and lock it away, apart "
            "from the code above):"
        )
        print(f"    {created.recovery_age_key}")
    return EXIT_OK


# The option of ``init`` that gives each field, so a refusal says what to type.
_INIT_OPTIONS = (
    {
        "code": "--office-code",
        "name": "--office-name",
        "level": "--level",
        "region_code": "--region-code",
    },
    {"username": "--admin", "display_name": "--admin-name"},
)


def _refused_init(office: Office, admin: User) -> bool:
    """Print every problem of the office and its administrator, each with the option
    that gives it (``--office-name`` rather than the form's "Name"); True if any."""
    from tipdesk.domain.validation import validate

    found = [
        (options.get(p.field, ""), p)
        for record, options in zip((office, admin), _INIT_OPTIONS, strict=True)
        for p in validate(record)
        if p.is_error
    ]
    if not found:
        return False
    lang = _lang()
    _err("tipdesk: " + describe_error(ValidationFailed([p for _, p in found]), lang))
    for option, problem in found:
        _err("  " + (f"{option}: " if option else "") + describe_problem(problem, lang))
    return True


DEMO_PASSWORD = "demo"


def cmd_demo(args: argparse.Namespace) -> int:
    from tipdesk.services.devtools.demo import add_demo_cases, create_demo_register
    from tipdesk.services.register import is_register, open_register

    folder = Path(args.register)
    lang = _lang()
    if not is_register(folder):
        password = os.environ.get("TIPDESK_PASSWORD", DEMO_PASSWORD)
        created = create_demo_register(folder, password)
        _err(
            (
                "Register demo dibuat; pengguna 'demo', kode pemulihan: "
                if lang == "id"
                else "Demo register created; user 'demo', recovery code: "
            )
            + created.recovery_code
        )
        session = open_register(folder, "demo", password)
    else:
        session = _open(args)
    with session:
        show = args.cases >= 5000 or args.progress

        def progress(done: int, total: int) -> None:
            if show:
                print(f"\r{done:,}/{total:,}", end="", file=sys.stderr, flush=True)

        add_demo_cases(session, args.cases, seed=args.seed, progress=progress)
        if show:
            print(file=sys.stderr)
    print(("Kasus demo ditambahkan: " if lang == "id" else "Demo cases added: ") + str(args.cases))
    return EXIT_OK


def _age(row: dict) -> str:
    from tipdesk.domain.records import Person

    # find_cases gives an unreadable birth date as None (and names it in "unreadable").
    person = Person(
        full_name="",
        sex=row["sex"],
        estimated_age=row["estimated_age"],
        birth_date=dt.date.fromisoformat(str(row["birth_date"])) if row["birth_date"] else None,
    )
    age = age_of(person, dt.date.today())
    return "" if age is None else str(age)


def cmd_search(args: argparse.Namespace) -> int:
    from tipdesk.services.casework.cases import find_cases

    with _open(args) as session:
        rows = find_cases(session, args.query, limit=args.limit)
    if args.json:
        _print_json(
            [
                {k: v for k, v in row.items() if k != "rid"} | {"age": _age(row) or None}
                for row in rows
            ]
        )
        return EXIT_OK
    lang = _lang()
    if not rows:
        print("Tidak ada kasus yang cocok." if lang == "id" else "No matching cases.")
    for row in rows:
        status = VOCABULARIES["case_status"].label_or_code(row["status"], lang)
        print(
            f"{row['case_number']:<16} {row['register_number']:<14} {row['full_name']:<32} "
            f"{(row['sex'] or '')[:1].upper():<2}{_age(row):>4}  {status:<20} "
            f"{row['opened_on'] or ''}" + _unreadable_note(row.get("unreadable"), lang)
        )
    return EXIT_OK


def _unreadable_note(fields, lang: str) -> str:
    """The mark after a row holding values the app cannot read: "[cannot be read: ...]"."""
    if not fields:
        return ""
    return (
        "  ["
        + _say("tidak dapat dibaca: ", "cannot be read: ")
        + ", ".join(field_label(name, lang) for name in fields)
        + "]"
    )


def _unreadable_line(fields, lang: str) -> str:
    return _say("Beberapa isian tidak dapat dibaca: ", "Some fields cannot be read: ") + ", ".join(
        field_label(name, lang) for name in fields
    )


def _label(vocab: str, code: str | None, lang: str) -> str:
    return VOCABULARIES[vocab].label_or_code(code, lang) if code else ""


def cmd_show(args: argparse.Namespace) -> int:
    from tipdesk.services.casework.cases import open_case

    with _open(args) as session:
        file = open_case(session, args.case_number)
    unreadable = _unreadable_of(file)
    if args.json:
        shown = dataclasses.asdict(file)
        if unreadable:
            shown["unreadable"] = unreadable
        _print_json(shown)
        return EXIT_OK
    lang = _lang()
    hidden = {"id", "origin", "rev", "updated_at", "updated_by", "deleted", "person_id"}
    yes_no = ("Ya", "Tidak") if lang == "id" else ("Yes", "No")
    for title, record in ((("Korban", "Person"), file.person), (("Kasus", "Case"), file.case)):
        print(f"== {title[0] if lang == 'id' else title[1]}")
        if unreadable_fields(record):
            print(f"  (!) {_unreadable_line(unreadable_fields(record), lang)}")
        for f in dataclasses.fields(record):
            value = getattr(record, f.name)
            if f.name in hidden or value in ("", [], None):
                continue
            vocab = f.metadata.get("vocab")
            if isinstance(value, bool):
                value = yes_no[0] if value else yes_no[1]
            elif vocab and isinstance(value, list):
                value = ", ".join(_label(vocab, v, lang) for v in value)
            elif vocab:
                value = _label(vocab, value, lang)
            print(f"  {field_label(f.name, lang) + ':':<48} {value}")
    print("== " + ("Layanan" if lang == "id" else "Services"))
    for s in file.services:
        provider = file.providers.get(s.provider_id)
        print(
            f"  {s.started_on or s.planned_on or ''!s:<11} "
            f"{_label('service_type', s.service_type, lang):<34} "
            f"{_label('service_status', s.status, lang):<16} {provider.name if provider else ''}"
            + _unreadable_note(unreadable_fields(s), lang)
        )
    print("== " + ("Rujukan" if lang == "id" else "Referrals"))
    for ref in file.referrals:
        provider = file.providers.get(ref.provider_id)
        print(
            f"  {ref.id}  {_label('referral_status', ref.status, lang):<12} "
            f"{provider.name if provider else ''}"
            + (f"  ({ref.letter_number})" if ref.letter_number else "")
            + _unreadable_note(unreadable_fields(ref), lang)
        )
    print("== " + ("Catatan" if lang == "id" else "Notes"))
    for note in file.notes:
        print(
            f"  {note.noted_on or ''} {note.author}: {note.text}"
            + _unreadable_note(unreadable_fields(note), lang)
        )
    return EXIT_OK


def _unreadable_of(file) -> dict[str, Any]:
    """Which fields of the case file's records cannot be read, for ``show --json``:
    ``{"person": [...], "case": [...], "services": {id: [...]}, ...}``, only those with
    any."""
    found: dict[str, Any] = {}
    for name, record in (("person", file.person), ("case", file.case)):
        if unreadable_fields(record):
            found[name] = list(unreadable_fields(record))
    for name, items in (
        ("services", file.services),
        ("referrals", file.referrals),
        ("notes", file.notes),
    ):
        marked = {
            item.id: list(unreadable_fields(item)) for item in items if unreadable_fields(item)
        }
        if marked:
            found[name] = marked
    return found


def cmd_update(args: argparse.Namespace) -> int:
    from tipdesk.services.casework.cases import update_case_fields

    assignments: dict[str, str] = {}
    for item in args.set:
        if _not_utf8(item):
            # Bytes that are not UTF-8 reach argv as lone surrogates (PEP 383); a value
            # holding them cannot be stored, searched or printed. (The value is not
            # repeated: it may be personal.)
            name, sep, _ = item.partition("=")
            field = name.strip()
            named = sep and field.isascii() and field.replace(".", "_").isidentifier()
            raise NotUtf8(argument=f"--set {field}" if named else "--set")
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise NotAnAssignment(item=item)
        assignments[name.strip()] = value
    with _open(args) as session:
        _, warnings = update_case_fields(session, args.case_number, assignments)
    lang = _lang()
    for problem in warnings:
        _err(("peringatan: " if lang == "id" else "warning: ") + describe_problem(problem, lang))
    if not warnings.changed:
        print(
            ("Tidak ada yang berubah: " if lang == "id" else "Nothing changed: ") + args.case_number
        )
        return EXIT_OK
    print(("Disimpan: " if lang == "id" else "Saved: ") + args.case_number)
    return EXIT_OK


def _not_utf8(text: str) -> bool:
    """Whether ``text`` from the command line held bytes that are not UTF-8 (on Linux and
    macOS they arrive as surrogate escapes, ``\\udc80``-``\\udcff``)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _out_file(path: str) -> Path:
    out = Path(path)
    if out.is_dir():
        raise BadArgument(
            argument="--out",
            reason=(
                "ini folder; beri nama berkas PDF"
                if _lang() == "id"
                else "this is a folder; give a PDF file name"
            ),
        )
    if not out.parent.is_dir():
        raise BadArgument(
            argument="--out",
            reason=(
                f"folder '{out.parent}' tidak ada"
                if _lang() == "id"
                else f"folder '{out.parent}' does not exist"
            ),
        )
    return out


def cmd_letter(args: argparse.Namespace) -> int:
    from tipdesk.services import letters

    out = _out_file(args.out)
    with _open(args) as session:
        if args.reprint:
            letter = letters.reprint_letter(
                session,
                args.referral_id,
                language=args.lang,
                override_reason=args.override_reason or "",
            )
        else:
            letter = letters.issue_letter(
                session,
                args.referral_id,
                language=args.lang,
                attachments=args.attachments,
                new=args.new,
                override_reason=args.override_reason or "",
            )
        letters.save_pdf(letter.pdf, out)
    lang = _lang()
    for problem in letter.warnings:
        _err(("peringatan: " if lang == "id" else "warning: ") + describe_problem(problem, lang))
    done = (
        ("Dicetak ulang" if args.reprint else "Diterbitkan")
        if lang == "id"
        else ("Reprinted" if args.reprint else "Issued")
    )
    print(f"{done}: {letter.number} -> {out}")
    _err(
        "Berkas PDF ini TIDAK terenkripsi dan memuat data korban; simpan di tempat aman, "
        "hapus setelah dicetak."
        if lang == "id"
        else "This PDF is NOT encrypted and holds data about a victim; keep it safe and delete "
        "it once printed."
    )
    return EXIT_OK


def cmd_letters(args: argparse.Namespace) -> int:
    from tipdesk.services import letters

    with _open(args) as session:
        entries = letters.list_letters(session)
    if args.json:
        _print_json(
            [{**dataclasses.asdict(e.letter), "case_number": e.case_number} for e in entries]
        )
        return EXIT_OK
    lang = _lang()
    heads = (
        ("Nomor surat", "Tanggal", "Kasus", "Bahasa", "Identitas", "Oleh", "SHA-256")
        if lang == "id"
        else ("Letter number", "Date", "Case", "Language", "Identity", "By", "SHA-256")
    )
    print(
        f"{heads[0]:<34} {heads[1]:<10} {heads[2]:<16} {heads[3]:<7} {heads[4]:<9} "
        f"{heads[5]:<12} {heads[6]}"
    )
    yes_no = ("ya", "tidak") if lang == "id" else ("yes", "no")
    for e in entries:
        row = e.letter
        flag = yes_no[0] if row.includes_identity else yes_no[1]
        line = (
            f"{row.number:<34} {row.issued_on:<10} {e.case_number:<16} {row.language:<7} "
            f"{flag:<9} {row.username:<12} {row.sha256[:16]}"
        )
        if row.override_reason:
            line += (
                "  ("
                + ("tanpa persetujuan: " if lang == "id" else "without consent: ")
                + row.override_reason
                + ")"
            )
        print(line)
    if not entries:
        print("(belum ada surat)" if lang == "id" else "(no letters yet)")
    return EXIT_OK


def _say(id_text: str, en_text: str) -> str:
    return id_text if _lang() == "id" else en_text


def cmd_keys(args: argparse.Namespace) -> int:
    from tipdesk.services import sync

    needs = {
        "export": ("out",),
        "rotate": ("out",),
        "trust": ("file", "fingerprint"),
        "accept-rotation": ("file",),
        "recovery": (),
    }[args.action]
    for name in needs:
        if not getattr(args, name):
            raise BadArgument(
                argument=f"keys {args.action}",
                reason=_say(
                    f"perlu {'--' + name if name != 'file' else 'FILE.tipkey'}",
                    f"needs {'--' + name if name != 'file' else 'FILE.tipkey'}",
                ),
            )
    with _open(args) as session:
        if args.action == "export":
            path, fingerprint = sync.export_key_file(session, Path(args.out))
            print(_say("Berkas kunci: ", "Key file: ") + str(path))
            print(
                _say(
                    "Sidik jari (bacakan lewat telepon): ",
                    "Fingerprint (read it out over the phone): ",
                )
                + fingerprint
            )
        elif args.action == "trust":
            peer = sync.trust_key_file(
                session, _read_file(args.file), args.fingerprint or "", profile=args.profile
            )
            print(
                _say("Kantor terdaftar: ", "Office enrolled: ")
                + f"{peer.code} ({peer.name}), {peer.profile}"
            )
        elif args.action == "rotate":
            _card, fingerprint = sync.rotate_keys(session)
            path, _ = sync.export_key_file(session, Path(args.out))
            print(
                _say("Kunci baru, ditandatangani kunci lama: ", "New key, signed by the old one: ")
                + str(path)
            )
            print(_say("Sidik jari baru: ", "New fingerprint: ") + fingerprint)
        elif args.action == "accept-rotation":
            peer = sync.accept_rotation(session, _read_file(args.file))
            print(_say("Kunci baru diterima untuk ", "New key accepted for ") + peer.code)
        elif args.action == "recovery":
            secret = sync.create_recovery_identity(session)
            print(
                _say(
                    "KUNCI PEMULIHAN KIRIMAN (hanya ditampilkan sekali; cetak dan simpan "
                    "terkunci):",
                    "BATCH RECOVERY KEY (shown only once; print it and lock it away):",
                )
            )
            print(f"    {secret}")
            print(
                _say(
                    "Ekspor ulang berkas kunci dan kirim ke kabupaten/kota.",
                    "Export the key file again and send it to the districts.",
                )
            )
    return EXIT_OK


def _read_file(path: str, limit: int = 1024 * 1024 * 1024) -> bytes:
    file = Path(path)
    if file.is_dir():
        raise BadArgument(
            argument=path, reason=_say("ini folder, bukan berkas", "is a folder, not a file")
        )
    if not file.exists():
        raise BadArgument(argument=path, reason=_say("berkas tidak ada", "no such file"))
    if not file.is_file():
        raise BadArgument(argument=path, reason=_say("bukan berkas biasa", "is not a regular file"))
    if file.stat().st_size > limit:
        raise BadArgument(argument=path, reason=_say("berkas terlalu besar", "file too large"))
    try:
        return file.read_bytes()
    except PermissionError as exc:  # (a read: not "cannot write", as main would say)
        if getattr(exc, "winerror", None) in (32, 33):  # held by another program
            raise os_refusal(exc, path) or exc from None
        raise BadArgument(
            argument=path,
            reason=_say("tidak ada izin membaca berkas ini", "no permission to read this file"),
        ) from None


def cmd_export(args: argparse.Namespace) -> int:
    from tipdesk.services import sync

    out = Path(args.out)
    if not out.is_dir() and not out.parent.is_dir():
        raise BadArgument(
            argument="--out",
            reason=_say(
                f"folder '{out.parent}' tidak ada", f"folder '{out.parent}' does not exist"
            ),
        )
    if not out.is_dir() and (out.exists() or out.is_symlink()):
        # It may be an earlier batch not carried yet, or not a file at all.
        raise BadArgument(
            argument="--out",
            reason=_say(
                f"'{out}' sudah ada; pilih nama lain atau sebuah folder",
                f"'{out}' already exists; choose another name, or a folder",
            ),
        )
    with _open(args) as session:
        try:
            result = sync.export_batch(session, args.to, out)
        except OSError as exc:
            raise BadArgument(
                argument="--out",
                reason=_say(
                    f"tidak dapat menulis ke '{out}' ({_os_problem(exc, 'id')}); tidak ada "
                    "yang dikirim, coba lagi",
                    f"cannot write to '{out}' ({_os_problem(exc, 'en')}); nothing was sent, "
                    "try again",
                ),
            ) from None
    total = sum(result.records.values())
    print(_say("Kiriman ditulis: ", "Batch written: ") + str(result.path))
    if result.seq_to < result.seq_from:
        print(
            _say(
                f"Tidak ada perubahan baru untuk {result.peer_code}; kiriman ini hanya "
                "membawa tanda terima.",
                f"No new changes for {result.peer_code}; this batch carries only the "
                "acknowledgement.",
            )
        )
        return EXIT_OK
    print(
        _say(
            f"{total} rekaman untuk {result.peer_code} (perubahan {result.seq_from}-"
            f"{result.seq_to}); terenkripsi dan ditandatangani.",
            f"{total} records for {result.peer_code} (changes {result.seq_from}-"
            f"{result.seq_to}); encrypted and signed.",
        )
    )
    return EXIT_OK


_OS_PROBLEMS = {
    errno.ENOSPC: ("tempat penyimpanan penuh", "the disk or stick is full"),
    errno.EROFS: ("terkunci tulis", "it is write-protected"),
    errno.EACCES: ("tidak ada izin menulis", "no permission to write there"),
    errno.EPERM: ("tidak ada izin menulis", "no permission to write there"),
    errno.ENOENT: ("folder hilang; stik dicabut?", "the folder is gone; was the stick removed?"),
    errno.EIO: (
        "gagal membaca/menulis; stik dicabut?",
        "input/output error; was the stick removed?",
    ),
}


def _os_problem(exc: OSError, lang: str) -> str:
    said = _OS_PROBLEMS.get(exc.errno or 0, ("kesalahan sistem berkas", "a file system error"))
    return said[0] if lang == "id" else said[1]


def cmd_import(args: argparse.Namespace) -> int:
    from tipdesk.services import sync

    data = _read_file(args.file)
    with _open(args) as session:
        summary = sync.import_batch(session, data)
    if args.json:
        _print_json(dataclasses.asdict(summary))
        return EXIT_OK
    if summary.already_imported:
        print(
            _say(
                "Kiriman ini sudah pernah diimpor; tidak ada yang berubah.",
                "This batch was imported before; nothing changed.",
            )
        )
    elif summary.held:
        print(_held_words(summary.peer_code, summary.batch_id, args.register))
    elif summary.waiting:
        print(
            _say(
                f"Ada kiriman {summary.peer_code} yang belum diterima sebelum yang ini; "
                "kiriman disimpan di inbox/ dan diterapkan otomatis setelah kiriman yang "
                "hilang tiba. Minta kantor itu mengekspor lagi.",
                f"An earlier batch from {summary.peer_code} has not arrived; this one is "
                "kept in inbox/ and applied by itself once the missing one arrives. Ask "
                "that office to export again.",
            )
        )
    else:
        print(
            _say(
                f"Dari {summary.peer_code}: diterapkan {summary.applied}, tidak berubah "
                f"{summary.unchanged}, digabung {summary.merged}, konflik "
                f"{summary.conflicts}.",
                f"From {summary.peer_code}: applied {summary.applied}, unchanged "
                f"{summary.unchanged}, merged {summary.merged}, conflicts "
                f"{summary.conflicts}.",
            )
        )
        if summary.from_inbox:
            print(
                _say(
                    f"Juga diterapkan dari inbox: {len(summary.from_inbox)} kiriman.",
                    f"Also applied from the inbox: {len(summary.from_inbox)} batches.",
                )
            )
        if summary.conflicts:
            print(
                _say(
                    "Tinjau konflik: tipdesk conflicts " + args.register,
                    "Review conflicts: tipdesk conflicts " + args.register,
                )
            )
    return EXIT_OK


def _held_words(code: str, batch_id: str, register: str) -> str:
    return _say(
        f"Kiriman dari {code} menghapus banyak kasus kantor itu di sini; kiriman ditahan di "
        f"inbox/ dan belum diterapkan. Tanyakan ke kantor {code} apakah penghapusan itu "
        f"disengaja; lalu administrator menjalankan 'tipdesk inbox accept {register} "
        f"{batch_id}' atau 'tipdesk inbox discard {register} {batch_id}'.",
        f"The batch from {code} deletes many of that office's cases here; it is held in "
        f"inbox/ and nothing of it was applied. Ask {code} whether the deletes were meant; "
        f"then an administrator runs 'tipdesk inbox accept {register} {batch_id}' or "
        f"'tipdesk inbox discard {register} {batch_id}'.",
    )


def cmd_inbox(args: argparse.Namespace) -> int:
    from tipdesk.services import sync

    words = list(args.words)
    action = words[0] if words and words[0] in ("accept", "discard") else None
    if (action and len(words) != 3) or (not action and len(words) != 1):
        _err(
            "tipdesk: "
            + _say(
                "tulis: tipdesk inbox REGISTER [--json] | tipdesk inbox accept|discard REGISTER "
                "ID_KIRIMAN",
                "usage: tipdesk inbox REGISTER [--json] | tipdesk inbox accept|discard REGISTER "
                "BATCH_ID",
            )
        )
        return EXIT_USAGE
    args.register = words[1] if action else words[0]
    with _open(args) as session:
        if action == "accept":
            summary = sync.accept_held(session, words[2])
            if args.json:
                _print_json(dataclasses.asdict(summary))
            else:
                print(
                    _say(
                        f"Diterapkan dari {summary.peer_code}: {summary.applied}, "
                        f"tidak berubah {summary.unchanged}, digabung {summary.merged}, "
                        f"konflik {summary.conflicts}.",
                        f"Applied from {summary.peer_code}: {summary.applied}, unchanged "
                        f"{summary.unchanged}, merged {summary.merged}, conflicts "
                        f"{summary.conflicts}.",
                    )
                )
            return EXIT_OK
        if action == "discard":
            sync.discard_held(session, words[2])
            print(_say("Dibuang: ", "Discarded: ") + words[2])
            return EXIT_OK
        items = sync.list_inbox(session)
    if args.json:
        _print_json([dataclasses.asdict(item) for item in items])
        return EXIT_OK
    for item in items:
        if item.held == "mass_delete":
            why = _say(
                f"ditahan: menghapus {item.detail.get('deleted_cases')} dari "
                f"{item.detail.get('cases')} kasus",
                f"held: deletes {item.detail.get('deleted_cases')} of "
                f"{item.detail.get('cases')} cases",
            )
        else:
            why = _say("menunggu kiriman sebelumnya", "waiting for an earlier batch")
        print(
            f"{item.batch_id}  {item.peer_code:<5} {item.seq_from:>8}-{item.seq_to:<8} "
            f"{item.received_at[:16]}  {why}"
        )
    if not items:
        print(_say("(inbox kosong)", "(the inbox is empty)"))
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    from tipdesk.services import sync

    words = list(args.words)
    resolving = words and words[0] == "resolve"
    if resolving:
        if len(words) != 3 or not args.keep:
            _err(
                "tipdesk: "
                + _say(
                    "tulis: tipdesk conflicts resolve REGISTER ID_KONFLIK --keep local|remote",
                    "usage: tipdesk conflicts resolve REGISTER CONFLICT_ID --keep local|remote",
                )
            )
            return EXIT_USAGE
        args.register = words[1]
    elif len(words) != 1:
        raise BadArgument(
            argument="conflicts",
            reason=_say("tulis: tipdesk conflicts REGISTER", "write: tipdesk conflicts REGISTER"),
        )
    else:
        args.register = words[0]
    with _open(args) as session:
        if resolving:
            sync.resolve_conflict(session, words[2], args.keep)
            print(_say("Diselesaikan: ", "Resolved: ") + words[2])
            return EXIT_OK
        found = sync.conflicts_json(session)
    if args.json:
        _print_json(found)
        return EXIT_OK
    for item in found:
        what = item["field"] or _say("hapus/ubah", "delete/edit")
        print(
            f"{item['id']}  {item['case_number'] or item['entity']:<16} {what:<20} "
            f"{_say('di sini', 'here')}: {item['local_value']!s:.30} "
            f"({item['local_author']}, {item['local_at'][:16]})  "
            f"{item['peer_code']}: {item['remote_value']!s:.30} "
            f"({item['remote_author']}, {item['remote_at'][:16]})"
        )
    if not found:
        print(_say("(tidak ada konflik)", "(no conflicts)"))
    return EXIT_OK


def cmd_peers(args: argparse.Namespace) -> int:
    from tipdesk.services import sync

    with _open(args) as session:
        peers = sync.list_peers(session)
    if args.json:
        _print_json([dataclasses.asdict(p) for p in peers])
        return EXIT_OK
    heads = _say(
        "Kode  Nama                          Dikirim s.d.  Dikonfirmasi  Diterima s.d.  Menunggu",
        "Code  Name                          Sent up to    Acknowledged  Received up to Waiting",
    )
    print(heads)
    for p in peers:
        print(
            f"{p.code:<5} {p.name[:29]:<29} {p.sent_upto:>6} {(p.last_sent_at or '-')[:10]:<10}"
            f" {p.acked_upto:>6} {(p.last_acked_at or '-')[:10]:<10}"
            f" {p.received_upto:>6} {(p.last_received_at or '-')[:10]:<10} {p.waiting:>4}"
        )
        if p.audit_warning:
            print(
                "      "
                + _say(
                    f"PERINGATAN: jejak audit {p.code} kini berakhir di baris "
                    f"{p.audit_warning['now_seq']}, padahal sebelumnya sudah sampai baris "
                    f"{p.audit_warning['seq']} (baris dihapus atau ditulis ulang, atau "
                    "dipulihkan dari cadangan: tanyakan ke kantor itu)",
                    f"WARNING: {p.code}'s audit trail now ends at row "
                    f"{p.audit_warning['now_seq']}, after it had reached row "
                    f"{p.audit_warning['seq']} (rows removed or rewritten, or restored from "
                    "a backup: ask that office)",
                )
            )
    if not peers:
        print(
            _say(
                "(belum ada kantor terdaftar; tipdesk keys trust ...)",
                "(no office enrolled yet; tipdesk keys trust ...)",
            )
        )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from tipdesk.services.check import check_register

    with _open(args, write=False) as session:
        report = check_register(session)
    for name, problems in report.checks.items():
        print(f"{'ok' if not problems else 'FAILED':<7}{name}")
        lines = [line for problem in problems for line in str(problem).splitlines()]
        for line in lines[:20]:
            print(f"         {line}")
        if len(lines) > 20:
            print(
                "         "
                + _say(f"… dan {len(lines) - 20} baris lagi", f"… and {len(lines) - 20} more lines")
            )
    if not report.whole:
        _err(
            "tipdesk: "
            + (
                "register tidak utuh; lihat di atas dan pulihkan dari cadangan."
                if _lang() == "id"
                else "the register is not intact; see above and restore from a backup."
            )
        )
        return EXIT_REFUSED
    if report.checks.get("analysts"):
        # The file is whole; an analyst held the register key (DESIGN.md section 4).
        _err(
            "tipdesk: "
            + _say(
                "seorang analis pernah memegang kunci register (lihat di atas); enkripsi ulang "
                "register dengan: tipdesk users rekey REGISTER",
                "an analyst has held the register key (see above); re-encrypt the register "
                "with: tipdesk users rekey REGISTER",
            )
        )
    if report.checks.get("records"):
        # The file is whole; some records hold values the app cannot read (section 5b).
        _err(
            "tipdesk: "
            + _say(
                "beberapa rekaman berisi nilai yang tidak dapat dibaca atau tidak sah (lihat di "
                "atas); buka rekaman itu dan isi ulang isiannya.",
                "some records hold values that cannot be read or are not valid (see above); "
                "open those records and enter the fields again.",
            )
        )
    if not report.ok:
        return EXIT_REFUSED
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    from tipdesk.services.devtools.bench import run_bench

    def progress(text: str) -> None:
        if not args.json:
            _err(text)

    more = None
    if not args.core_only:
        from tipdesk.ui.bench import measure as more  # the desktop app's budgets
    results = run_bench(
        args.cases, progress=progress, more=more, statistics_cases=args.statistics_cases
    )
    if args.json:
        _print_json(results)
        return EXIT_OK
    print(f"{'measure':<28}{'value':>12} {'unit':<8}{'baseline':>12}{'ratio':>8}{'budget':>10}")
    for name, m in results.items():
        ratio = f"{m['value'] / m['baseline']:.2f}" if m["baseline"] else ""
        baseline = f"{m['baseline']:.3f}" if m["baseline"] is not None else "-"
        budget = f"{m['budget']:g}" if m["budget"] is not None else "-"
        print(f"{name:<28}{m['value']:>12.3f} {m['unit']:<8}{baseline:>12}{ratio:>8}{budget:>10}")
    return EXIT_OK


def cmd_app(args: argparse.Namespace) -> int:
    from tipdesk.ui.app import run  # Qt is loaded only for the desktop app

    return run(demo=args.demo, demo_cases=args.demo_cases)


def _size(count: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return str(count)


def cmd_backup(args: argparse.Namespace) -> int:
    from tipdesk.services import backup

    with _open(args) as session:
        result = backup.make_backup(session, Path(args.out))
    print(_say("Cadangan ditulis: ", "Backup written: ") + str(result.path))
    print(
        _say(
            f"{_size(result.size)}, {result.cases} kasus; terenkripsi, dibuka dengan kata "
            "sandi pengguna atau kode pemulihan.",
            f"{_size(result.size)}, {result.cases} cases; encrypted, opened with a user's "
            "password or the recovery code.",
        )
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from tipdesk.services import backup

    user = args.user or os.environ.get("TIPDESK_USER") or None
    code = None
    if args.recovery:
        code = os.environ.get("TIPDESK_RECOVERY_CODE")
        if code is None:
            if not sys.stdin.isatty():
                raise PasswordNeeded()
            code = getpass.getpass("Kode pemulihan / Recovery code: ")
    password = _password(confirm=args.recovery)
    result = backup.restore_backup(
        Path(args.file), Path(args.to), user, password, recovery_code=code
    )
    print(_say("Register dipulihkan di ", "Register restored at ") + str(result.folder))
    print(
        _say(
            f"Kantor {result.office_code}, {result.cases} kasus, cadangan dari "
            f"{result.created_at[:16].replace('T', ' ')} UTC; masuk sebagai "
            f"{result.username}.",
            f"Office {result.office_code}, {result.cases} cases, backup of "
            f"{result.created_at[:16].replace('T', ' ')} UTC; signed in as "
            f"{result.username}.",
        )
    )
    if args.recovery:
        print(
            _say(
                f"Kata sandi baru {result.username} berlaku di register ini.",
                f"{result.username}'s new password applies in this register.",
            )
        )
    return EXIT_OK


def cmd_person_export(args: argparse.Namespace) -> int:
    from tipdesk.services.casework import privacy

    with _open(args) as session:
        out = privacy.export_person_data(session, args.case_number, Path(args.out), lang=_lang())
    print(_say("Data orang ditulis: ", "The person's data written: ") + str(out))
    _err(
        _say(
            "Berkas ini TIDAK terenkripsi dan memuat data pribadi; serahkan kepada orang "
            "itu dan hapus salinannya.",
            "This file is NOT encrypted and holds personal data; hand it to the person "
            "and delete the copy.",
        )
    )
    return EXIT_OK


def cmd_erase(args: argparse.Namespace) -> int:
    from tipdesk.domain.errors import ErasureNotConfirmed
    from tipdesk.services.casework import privacy

    if not args.yes:
        raise ErasureNotConfirmed(case_number=args.case_number)
    with _open(args) as session:
        result = privacy.erase_person(session, args.case_number, args.reason)
    print(
        _say(
            f"Data orang dihapus: {result.records} rekaman dari kasus "
            f"{', '.join(result.case_numbers)} kini kosong (tanda hapus tetap ada); "
            f"{result.letters} surat dikosongkan.",
            f"The person's data is erased: {result.records} records of case(s) "
            f"{', '.join(result.case_numbers)} are now empty tombstones; "
            f"{result.letters} letters emptied.",
        )
    )
    if not result.compacted:
        _err(
            _say(
                "peringatan: TipDesk lain sedang membuka register, jadi berkas basis data "
                "belum dipadatkan; log-nya dikosongkan saat program itu ditutup. Tutup "
                "program itu sekarang.",
                "warning: another TipDesk has the register open, so the database file was "
                "not compacted; its log is emptied when that program closes. Close it "
                "now.",
            )
        )
    return EXIT_OK


def _role_of(session, username: str) -> str:
    from tipdesk.services.access import users

    return next((a.role for a in users.list_accounts(session) if a.username == username), "")


def _new_password() -> str:
    """A new password for an account: ``TIPDESK_NEW_PASSWORD`` or asked twice."""
    secret = os.environ.get("TIPDESK_NEW_PASSWORD")
    if secret is not None:
        return secret
    if not sys.stdin.isatty():
        raise PasswordNeeded()
    first = getpass.getpass(_say("Kata sandi baru: ", "New password: "))
    if getpass.getpass(_say("Ulangi kata sandi baru: ", "Repeat the new password: ")) != first:
        raise PasswordsDiffer()
    return first


def cmd_users(args: argparse.Namespace) -> int:
    from tipdesk.domain.vocab import ROLE
    from tipdesk.services.access import users

    lang = _lang()
    with _open(args) as session:
        action = args.action
        if action == "list":
            accounts = users.list_accounts(session)
            if args.json:
                _print_json([{**dataclasses.asdict(a), "status": a.status} for a in accounts])
                return EXIT_OK
            for a in accounts:
                print(
                    f"{a.username:<20} {ROLE.label(a.role, lang):<28} {a.status:<9} "
                    f"{a.display_name}"
                )
            return EXIT_OK
        if action == "rekey":
            done = users.rekey_database(session)
            print(
                _say(
                    "Basis data dienkripsi ulang dengan kunci baru; salinan analisis juga.",
                    "The database was re-encrypted under a new key; so was the analysis copy.",
                )
            )
            _after_rekey(done)
            return EXIT_OK
        if not args.username:
            raise BadArgument(argument="USERNAME", reason="required")
        name = args.username
        if action == "add":
            if not args.role:
                raise BadArgument(argument="--role", reason="required")
            users.add_user(
                session,
                User(username=name, display_name=args.name or "", role=args.role),
                _new_password(),
            )
            print(
                _say(
                    f"pengguna {name} ditambahkan ({ROLE.label(args.role, lang)}).",
                    f"user {name} added ({ROLE.label(args.role, lang)}).",
                )
            )
        elif action == "set-role":
            if not args.role:
                raise BadArgument(argument="--role", reason="required")
            password = None
            if users.crosses_analyst(_role_of(session, name), args.role):
                password = _new_password()  # the slot wraps another key from now on
            users.set_role(session, name, args.role, password=password)
            print(
                _say(
                    f"peran {name}: {ROLE.label(args.role, lang)}.",
                    f"{name}'s role: {ROLE.label(args.role, lang)}.",
                )
            )
        elif action == "disable":
            users.disable_user(session, name)
            print(
                _say(
                    f"{name} dinonaktifkan; kata sandinya tidak lagi membuka register.",
                    f"{name} disabled; their password no longer opens the register.",
                )
            )
        elif action == "enable":
            users.enable_user(session, name, _new_password())
            print(
                _say(
                    f"{name} diaktifkan dengan kata sandi baru.",
                    f"{name} enabled with a new password.",
                )
            )
        elif action == "reset-password":
            users.reset_password(session, name, _new_password())
            print(_say(f"kata sandi {name} diatur ulang.", f"{name}'s password was reset."))
        elif action == "remove":
            removed = users.remove_user(session, name, rekey=not args.no_rekey)
            print(
                _say(f"{name} dihapus.", f"{name} removed.")
                + (
                    _say(
                        " Basis data dienkripsi ulang dengan kunci baru.",
                        " The database was re-encrypted under a new key.",
                    )
                    if removed.rekeyed
                    else ""
                )
            )
            if removed.backups:
                print(
                    _say(
                        f"Slot kuncinya juga dihapus dari {removed.backups} cadangan di backups/.",
                        f"Their key slot was also taken out of {removed.backups} "
                        "backup(s) in backups/.",
                    )
                )
            _after_rekey(removed)
    return EXIT_OK


def _after_rekey(done) -> None:
    """What a re-key leaves to do: passwords to reset, a new recovery code (shown once)."""
    if done.needs_reset:
        print(
            _say("Atur ulang kata sandi: ", "Reset the passwords of: ")
            + ", ".join(done.needs_reset)
        )
    if done.new_recovery_code:
        print(
            _say(
                "KODE PEMULIHAN BARU (tulis dan simpan, hanya ditampilkan sekali):",
                "NEW RECOVERY CODE (write it down; shown only once):",
            )
        )
        print(done.new_recovery_code)


def cmd_passwd(args: argparse.Namespace) -> int:
    from tipdesk.services.access import users

    with _open(args) as session:
        users.change_password(session, _password(), _new_password())
        print(_say("kata sandi diganti.", "password changed."))
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    from tipdesk.services.access import users

    code = os.environ.get("TIPDESK_RECOVERY_CODE")
    if code is None:
        if not sys.stdin.isatty():
            raise PasswordNeeded()
        code = getpass.getpass(_say("Kode pemulihan: ", "Recovery code: "))
    if not args.user:
        raise BadArgument(argument="--user", reason="required: the admin to recover")
    with users.recover(Path(args.register), code, args.user, _new_password()):
        print(
            _say(
                f"kata sandi baru diatur untuk admin {args.user}.",
                f"a new password was set for admin {args.user}.",
            )
        )
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from tipdesk.domain.audit import action_label
    from tipdesk.services.access import audit

    with _open(args) as session:
        found = audit.entries(
            session, case_number=args.case or "", username=args.by or "", limit=args.limit
        )
    if args.json:
        _print_json(found)
        return EXIT_OK
    lang = _lang()
    for e in found:
        detail = ", ".join(f"{k}={v}" for k, v in sorted(e.detail.items()))
        print(
            f"{e.seq:>6} {e.at[:19].replace('T', ' ')} {e.username:<14} "
            f"{action_label(e.action, lang):<36} {e.case_number:<16} {detail}"
        )
    return EXIT_OK


def cmd_selftest(args: argparse.Namespace) -> int:
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


def _day(text: str, argument: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadArgument(
            argument=argument,
            reason=_say(
                f"'{text}' bukan tanggal; tulis TTTT-BB-HH, mis. 2026-11-30",
                f"'{text}' is not a date; write YYYY-MM-DD, e.g. 2026-11-30",
            ),
        ) from None


def _new_file(path: str) -> Path:
    """``--out``: a file that does not exist yet, in a folder that does."""
    from tipdesk.domain.errors import OutputExists

    out = Path(path)
    if out.is_dir():
        raise BadArgument(
            argument="--out",
            reason=_say("ini folder; beri nama berkas", "this is a folder; give a file name"),
        )
    if out.exists():
        raise OutputExists(path=str(out))
    if not out.parent.is_dir():
        raise BadArgument(
            argument="--out",
            reason=_say(
                f"folder '{out.parent}' tidak ada", f"folder '{out.parent}' does not exist"
            ),
        )
    return out


def cmd_report(args: argparse.Namespace) -> int:
    from tipdesk.domain.errors import ReportFormatUnknown
    from tipdesk.services.reports import build_report
    from tipdesk.services.reports.files import FORMATS, write_report

    start, end = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    if end < start:
        raise BadArgument(
            argument="--to",
            reason=_say(
                f"periode berakhir ({end}) sebelum dimulai ({start})",
                f"the period ends ({end}) before it starts ({start})",
            ),
        )
    out = _new_file(args.out)
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ReportFormatUnknown(format=fmt or out.name, known=", ".join(FORMATS))
    with _open(args) as session:
        report = build_report(session, start, end, office_code=args.office or "")
        path = write_report(session, report, out, fmt, lang=args.lang or _lang())
    print(_say("Laporan ditulis: ", "Report written: ") + str(path))
    return EXIT_OK


def cmd_stats_export(args: argparse.Namespace) -> int:
    from tipdesk.services.reports.stats_export import DEFAULT_K, export_stats

    if args.k is not None and args.k < 2:
        raise BadArgument(argument="--k", reason=_say("k paling kecil 2", "k must be 2 or more"))
    out = _new_file(args.out)
    with _open(args) as session:
        result = export_stats(session, out, k=DEFAULT_K if args.k is None else args.k)
    print(_say("Ekspor statistik ditulis: ", "Statistics export written: ") + str(result.path))
    print(
        _say(
            f"Rekaman diekspor: {result.exported} (k = {result.k})",
            f"Records exported: {result.exported} (k = {result.k})",
        )
    )
    print(
        _say(
            f"Nilai digeneralisasi: {result.generalised}",
            f"Values generalised: {result.generalised}",
        )
    )
    print(
        _say(
            f"Rekaman disupresi (tidak diekspor): {result.suppressed}",
            f"Records suppressed (left out): {result.suppressed}",
        )
    )
    print(
        _say(
            f"Kasus tanpa persetujuan masuk statistik anonim (tidak disertakan): "
            f"{result.without_consent}",
            f"Cases without consent to anonymous statistics (left out): {result.without_consent}",
        )
    )
    return EXIT_OK


# --- parser ---------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tipdesk", description="TipDesk case register")
    parser.add_argument("--version", action="version", version=f"tipdesk {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the desktop app on a throwaway demo register"
    )
    parser.add_argument(
        "--demo-cases",
        type=_positive,
        default=5000,
        metavar="N",
        help="cases in the --demo register (default 5000)",
    )
    parser.set_defaults(func=cmd_app)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, func, help_text: str, register: bool = True):
        p = sub.add_parser(name, help=help_text, description=help_text)
        if register:
            p.add_argument("register", metavar="REGISTER", help="register folder")
            p.add_argument("--user", help="username (default: TIPDESK_USER, else the only user)")
        p.set_defaults(func=func)
        return p

    p = command("init", cmd_init, "create a new, empty register")
    p.add_argument("--office-code", required=True, help="short office code, e.g. KUP")
    p.add_argument("--office-name", required=True)
    p.add_argument("--level", required=True, choices=("district", "province"))
    p.add_argument("--admin", required=True, metavar="USERNAME")
    p.add_argument("--admin-name", help="the administrator's display name")
    p.add_argument("--region-code", help="Kemendagri code of the office's area, e.g. 53.71")

    p = command("demo", cmd_demo, "create a demo register, or add demo cases to one")
    p.add_argument("--cases", type=_positive, default=500)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--progress", action="store_true", help="show progress even for small runs")

    p = command("search", cmd_search, "find cases by name, number, place or note")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=_positive, default=50)
    p.add_argument("--json", action="store_true")

    p = command("show", cmd_show, "show one case with its person, services, referrals, notes")
    p.add_argument("case_number", metavar="CASE_NUMBER")
    p.add_argument("--json", action="store_true")

    p = command("update", cmd_update, "change fields of a case or its person")
    p.add_argument("case_number", metavar="CASE_NUMBER")
    p.add_argument(
        "--set",
        action="append",
        required=True,
        metavar="FIELD=VALUE",
        help="e.g. --set status=active --set person.phone=0812...",
    )

    p = command("letter", cmd_letter, "issue (or reprint) the referral letter of a referral")
    p.add_argument("referral_id", metavar="REFERRAL_ID", help="as listed by 'tipdesk show'")
    p.add_argument(
        "--out", required=True, metavar="FILE.pdf", help="where to write the PDF (not encrypted)"
    )
    p.add_argument(
        "--lang",
        choices=("id", "en"),
        help="letter language (default: the office's letter settings)",
    )
    p.add_argument(
        "--reprint",
        action="store_true",
        help="reproduce the referral's latest letter exactly as issued",
    )
    p.add_argument(
        "--new",
        action="store_true",
        help="issue another letter, with a new number, for a referral that has one",
    )
    p.add_argument(
        "--attachments",
        type=_not_negative,
        default=0,
        metavar="N",
        help="number of attached files (Lampiran)",
    )
    p.add_argument(
        "--override-reason",
        metavar="TEXT",
        help="supervisors: issue without recorded consent to refer, for this reason",
    )

    p = command("letters", cmd_letters, "list the letters this office has issued")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "keys",
        help="this office's sync keys, and enrolling other offices",
        description="tipdesk keys export|trust|rotate|accept-rotation|recovery REGISTER ...",
    )
    p.set_defaults(func=cmd_keys)
    p.add_argument("action", choices=("export", "trust", "rotate", "accept-rotation", "recovery"))
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("--user", help="username (default: TIPDESK_USER, else the only user)")
    p.add_argument(
        "file",
        nargs="?",
        metavar="FILE.tipkey",
        help="the other office's key file (trust, accept-rotation)",
    )
    p.add_argument("--out", metavar="FILE.tipkey", help="where to write our key file")
    p.add_argument(
        "--fingerprint",
        metavar="FPR",
        help="the fingerprint the other office read out to you (trust)",
    )
    p.add_argument(
        "--profile",
        choices=("full", "deidentified"),
        help="what travels to that office (default: full case data)",
    )

    p = command("export", cmd_export, "write a batch of changes for another office")
    p.add_argument("--to", required=True, metavar="OFFICE_CODE")
    p.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="a file, or a folder (a neutral random file name is chosen)",
    )

    p = command("import", cmd_import, "apply a batch from another office")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "conflicts",
        help="list conflicts, or resolve one",
        description="tipdesk conflicts REGISTER [--json] | "
        "tipdesk conflicts resolve REGISTER CONFLICT_ID "
        "--keep local|remote",
    )
    p.add_argument("words", nargs="+", metavar="REGISTER | resolve REGISTER CONFLICT_ID")
    p.add_argument("--keep", choices=("local", "remote"))
    p.add_argument("--json", action="store_true")
    p.add_argument("--user", help="username (default: TIPDESK_USER, else the only user)")
    p.set_defaults(func=cmd_conflicts)

    p = command("peers", cmd_peers, "per enrolled office: sent, acknowledged, received, when")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "inbox",
        help="batches waiting in the inbox; accept or discard a held one",
        description="tipdesk inbox REGISTER [--json] | "
        "tipdesk inbox accept|discard REGISTER BATCH_ID (admins)",
    )
    p.add_argument("words", nargs="+", metavar="REGISTER | accept|discard REGISTER BATCH_ID")
    p.add_argument("--json", action="store_true")
    p.add_argument("--user", help="username (default: TIPDESK_USER, else the only user)")
    p.set_defaults(func=cmd_inbox)

    p = command("backup", cmd_backup, "write an encrypted backup of a register (one file)")
    p.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="a new file, or a folder (a name with the office code and date)",
    )

    p = sub.add_parser(
        "restore",
        help="restore a backup as a new register",
        description="restore a backup as a new register (admin); the "
        "password comes from TIPDESK_PASSWORD or a prompt",
    )
    p.add_argument("file", metavar="FILE.tipbackup")
    p.add_argument(
        "--to",
        required=True,
        metavar="NEW_REGISTER",
        help="a folder that does not exist yet, or an empty one",
    )
    p.add_argument("--user", help="username (default: TIPDESK_USER, else the only user)")
    p.add_argument(
        "--recovery",
        action="store_true",
        help="unlock with the recovery code (TIPDESK_RECOVERY_CODE or a prompt); "
        "the password becomes the user's new one",
    )
    p.set_defaults(func=cmd_restore)

    p = command(
        "person-export",
        cmd_person_export,
        "write everything held about the person of a case (right of access)",
    )
    p.add_argument("case_number", metavar="CASE_NUMBER")
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE.json|FILE.pdf",
        help="where to write it (not encrypted)",
    )

    p = command(
        "erase", cmd_erase, "erase the person of a case and all their records (cannot be undone)"
    )
    p.add_argument("case_number", metavar="CASE_NUMBER")
    p.add_argument(
        "--reason",
        required=True,
        metavar="CODE",
        help="person_request, legal_order or entered_by_mistake",
    )
    p.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")

    p = sub.add_parser(
        "users",
        help="accounts of a register (admins)",
        description="tipdesk users list|add|set-role|disable|enable|"
        "reset-password|remove|rekey REGISTER [USERNAME] ...",
    )
    p.set_defaults(func=cmd_users)
    p.add_argument(
        "action",
        choices=(
            "list",
            "add",
            "set-role",
            "disable",
            "enable",
            "reset-password",
            "remove",
            "rekey",
        ),
    )
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("username", nargs="?", metavar="USERNAME")
    p.add_argument("--user", help="who you are (default: TIPDESK_USER, else the only user)")
    p.add_argument("--role", choices=("admin", "supervisor", "caseworker", "analyst"))
    p.add_argument("--name", help="display name (add)")
    p.add_argument(
        "--no-rekey",
        action="store_true",
        help="remove: do not re-encrypt the database under a new key",
    )
    p.add_argument("--json", action="store_true")

    command(
        "passwd", cmd_passwd, "change your own password (new one: TIPDESK_NEW_PASSWORD or asked)"
    )

    p = sub.add_parser(
        "recover",
        help="set a new admin password with the recovery code",
        description="the code from TIPDESK_RECOVERY_CODE or asked; the new "
        "password from TIPDESK_NEW_PASSWORD or asked",
    )
    p.set_defaults(func=cmd_recover)
    p.add_argument("register", metavar="REGISTER", help="register folder")
    p.add_argument("--user", required=True, help="the admin account to recover")

    p = command("audit", cmd_audit, "the audit trail: who did what, when (admins, supervisors)")
    p.add_argument("--case", metavar="CASE_NUMBER")
    p.add_argument("--by", metavar="USERNAME", help="only what this user did")
    p.add_argument("--limit", type=_positive, default=500)
    p.add_argument("--json", action="store_true")

    command(
        "selftest",
        cmd_selftest,
        "check this installation: a throwaway district and "
        "province, a case, a letter, a batch, a report",
        register=False,
    )

    p = command("report", cmd_report, "write the statistics report of a period as PDF, XLSX or CSV")
    p.add_argument(
        "--from",
        dest="date_from",
        required=True,
        metavar="YYYY-MM-DD",
        help="first day of the period",
    )
    p.add_argument(
        "--to", dest="date_to", required=True, metavar="YYYY-MM-DD", help="last day of the period"
    )
    p.add_argument(
        "--office", metavar="CODE", help="province: only the cases of this district office"
    )
    p.add_argument(
        "--format",
        choices=("pdf", "xlsx", "csv"),
        help="file format (default: from the --out file name)",
    )
    p.add_argument("--out", required=True, metavar="FILE", help="a new file")
    p.add_argument(
        "--lang",
        choices=("id", "en"),
        help="language of the report (default: TIPDESK_LANG, else Indonesian)",
    )

    p = command(
        "stats-export",
        cmd_stats_export,
        "write the anonymised, k-anonymous statistical export (CSV)",
    )
    p.add_argument("--out", required=True, metavar="FILE.csv", help="a new file")
    p.add_argument(
        "--k",
        type=int,
        metavar="K",
        help="smallest group of alike records that may be shown (default 11)",
    )

    command("check", cmd_check, "check the integrity of a register")

    p = command(
        "bench", cmd_bench, "measure speed and memory on a fresh demo register", register=False
    )
    p.add_argument("--cases", type=_positive, default=100_000)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--core-only",
        action="store_true",
        help="measure the register core only, not the desktop app",
    )
    p.add_argument(
        "--statistics-cases",
        type=_not_negative,
        default=1_000_000,
        metavar="N",
        help="cases in the province register the statistics budgets are measured "
        "on (default 1,000,000; 0 leaves them out)",
    )
    return parser


def _not_negative(text: str) -> int:
    return _whole(text, 0)


def _positive(text: str) -> int:
    return _whole(text, 1)


# More than any register holds; a larger number only overflows SQLite's integers.
_LARGEST = 1_000_000_000


def _whole(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _say(f"'{text}' bukan bilangan bulat", f"'{text}' is not a whole number")
        ) from None
    if not least <= value <= _LARGEST:
        raise argparse.ArgumentTypeError(
            _say(
                f"harus antara {least} dan {_LARGEST:,}".replace(",", "."),
                f"must be from {least} to {_LARGEST:,}",
            )
        )
    return value


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the bundled app starts its workers as itself
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = _lang()
    setup_command_line_logging()  # (a re-key settled, leftovers removed: said and logged)
    try:
        return args.func(args)
    except ValidationFailed as exc:
        _err("tipdesk: " + describe_error(exc, lang))
        for problem in exc.problems:
            _err("  " + ("" if problem.is_error else "(!) ") + describe_problem(problem, lang))
        return EXIT_REFUSED
    except HelperStopped as exc:
        # not the input's fault (DESIGN.md section 8): an unexpected error, told plainly
        _err("tipdesk: " + describe_error(exc, lang))
        return EXIT_ERROR
    except TipdeskError as exc:
        said = describe_error(exc, lang)
        if isinstance(exc, NotFound) and exc.params.get("what") == "case":
            said += " " + _say(
                "Cari nomornya dengan: tipdesk search REGISTER KATA.",
                "Look the number up with: tipdesk search REGISTER WORDS.",
            )
        _err("tipdesk: " + said)  # one line, for people and for scripts alike
        return EXIT_REFUSED
    except DatabaseError as exc:
        # "damaged" only for a damaged file: a full or read-only drive, or a lock another
        # program holds, is said as such (issue 19)
        folder = getattr(args, "register", None) or getattr(args, "to", None) or ""
        _err("tipdesk: " + describe_error(refusal(exc, folder), lang))
        return EXIT_REFUSED
    except KeyboardInterrupt:
        _err("tipdesk: " + ("dihentikan." if lang == "id" else "interrupted."))
        return 130
    except BrokenPipeError:
        # The reader (``| head``) has all it wanted; nothing more is written to it.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        # A full, read-only or busy drive or folder (a backup, an export, a key file):
        # refused with what to do; any other system error is unexpected.
        refused = os_refusal(exc)
        if refused is None:
            return _unexpected(exc, lang)
        _err("tipdesk: " + describe_error(refused, lang))
        return EXIT_REFUSED
    except Exception as exc:
        return _unexpected(exc, lang)


def _unexpected(exc: BaseException, lang: str) -> int:
    """An error nobody refused: its type and stack to the log, one line to the person."""
    log_path = setup_logging()
    # Only the type and the stack: exception texts may quote data.
    log.error("unexpected %s\n%s", type(exc).__name__, frames(exc))
    _err(
        "tipdesk: "
        + _say(
            f"kesalahan tak terduga ({type(exc).__name__}); rincian: {log_path}",
            f"unexpected error ({type(exc).__name__}); details: {log_path}",
        )
    )
    return EXIT_ERROR
