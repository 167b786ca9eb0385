"""The batch envelope: seal and open with real age and Ed25519 keys, and refuse every kind
of damaged, misdirected, unsigned, forged or oversized file with its own error."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import json
import random
import struct
import zipfile

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tipdesk.domain.errors import (
    BadSignature,
    BatchDamaged,
    BatchFormatTooNew,
    BatchNotForThisOffice,
    NotABatch,
    TipdeskError,
    UnknownSender,
)
from tipdesk.security import batch as b
from tipdesk.security import officekeys as ok

DISTRICT_ID = "0192f0c1-7a3e-7b10-8e1f-5a2b3c4d5e6f"
PROVINCE_ID = "0192f0c1-7a3e-7b10-8e1f-000000000001"
OTHER_ID = "0192f0c1-7a3e-7b10-8e1f-000000000002"
NAME = "Maria Goreti Bria"
CHANGES = (
    "\n".join(
        json.dumps(
            {
                "entity": "persons",
                "id": f"0192f0c1-0000-7000-8000-{i:012d}",
                "op": "insert",
                "rev": f"1795877719000-{i:04d}-{DISTRICT_ID}",
                "after": {
                    "full_name": NAME if i == 7 else f"Korban {i}",
                    "nik": "5371014101900007",
                },
            }
        )
        for i in range(40)
    ).encode()
    + b"\n"
)
SEAL_ERRORS = (NotABatch, BatchDamaged, BatchNotForThisOffice)


@dataclasses.dataclass
class Office:
    secrets: ok.OfficeSecrets
    card: ok.KeyCard


@pytest.fixture(scope="module")
def district():
    secrets = ok.new_office_secrets()
    return Office(
        secrets, ok.card_for(DISTRICT_ID, "KUP", "UPTD PPA Kota Kupang", "district", secrets)
    )


@pytest.fixture(scope="module")
def recovery():
    return ok.new_recovery_identity()


@pytest.fixture(scope="module")
def province(recovery):
    secrets = ok.new_office_secrets()
    return Office(
        secrets,
        ok.card_for(
            PROVINCE_ID,
            "NTT",
            "UPTD PPA Provinsi NTT",
            "province",
            secrets,
            recovery_recipient=recovery[1],
        ),
    )


def fields(district: Office, province: Office, **overrides) -> dict:
    values = dict(
        origin=district.card.office_id,
        origin_code=district.card.code,
        destination=province.card.office_id,
        destination_fingerprint=ok.fingerprint(province.card),
        seq_from=1,
        seq_to=40,
        ack_upto=12,
        schema_version="4",
        counts={"persons": 40},
        profile="full",
        changes=CHANGES,
        signing_key=district.secrets.signing_key,
        recipients=[province.card.age_recipient, province.card.recovery_recipient],
    )
    values.update(overrides)
    return values


@pytest.fixture(scope="module")
def sealed(district, province):
    return b.seal(**fields(district, province))


def open_as(office: Office, data: bytes, *senders: Office, identities=None):
    enrolled = {ok.key_id(s.card.ed25519): s.card.ed25519 for s in senders}
    manifest, changes = b.open_batch(
        data,
        identities or office.secrets.all_age_identities,
        enrolled.get,
        our_office_id=office.card.office_id,
    )
    return manifest, changes.read()


def unwrap(office: Office, data: bytes) -> dict[str, bytes]:
    plain = pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(office.secrets.age_identity)])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rewrap(office: Office, members) -> bytes:
    """Members (a dict, or a list of (name, bytes)) zipped and encrypted to ``office``."""
    items = list(members.items()) if isinstance(members, dict) else members
    return b.encrypt(b.zip_members(items), [office.card.age_recipient])


def signed_manifest(signer: Office, data: dict) -> tuple[bytes, bytes]:
    body = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    return body, b.sign_minisign(body, signer.secrets.signing_key, trusted_comment="test").encode()


# --- the good path -----------------------------------------------------------------------


def test_a_sealed_batch_opens_with_its_manifest_and_changes(district, province, sealed):
    manifest, changes = open_as(province, sealed, district)
    assert changes == CHANGES
    # A batch without documents is written in format 2, which offices not yet updated
    # for documents (format 3) still read.
    assert manifest.format == 2 and b.FORMAT_VERSION == 3
    assert len(manifest.batch_id) == 32 and int(manifest.batch_id, 16) >= 0
    assert (manifest.origin, manifest.origin_code, manifest.destination) == (
        DISTRICT_ID,
        "KUP",
        PROVINCE_ID,
    )
    assert manifest.destination_fingerprint == ok.fingerprint(province.card)
    assert (manifest.seq_from, manifest.seq_to, manifest.ack_upto) == (1, 40, 12)
    assert manifest.schema_version == "4" and manifest.profile == "full"
    assert manifest.counts == {"persons": 40}
    assert manifest.members == {"changes.jsonl": hashlib.sha256(CHANGES).hexdigest()}
    assert manifest.created_at.endswith("+00:00")


def _big_changes(lines: int, width: int) -> bytes:
    return b"".join(
        json.dumps({"e": "persons", "n": i, "pad": "x" * (width + i % 97)}).encode() + b"\n"
        for i in range(lines)
    )


def test_changes_read_line_by_line_are_the_lines_sealed(district, province):
    # Lines cross the 1 MiB inflate steps, and one line is longer than a step.
    text = _big_changes(3000, 900) + b'{"long": "' + b"y" * (3 * b._READ_STEP) + b'"}\n'
    text += _big_changes(10, 5)[:-1]  # a last line without its newline
    sealed = b.seal(**fields(district, province, changes=text))
    enrolled = {ok.key_id(district.card.ed25519): district.card.ed25519}
    _, changes = b.open_batch(
        sealed, province.secrets.all_age_identities, enrolled.get, our_office_id=PROVINCE_ID
    )
    assert list(changes.lines()) == text.split(b"\n")
    assert changes.read() == text
    assert list(changes.lines()) == text.split(b"\n")  # and again: read on demand


def test_a_line_longer_than_any_entry_is_refused_without_gathering_it(
    district, province, monkeypatch
):
    monkeypatch.setattr(b, "MAX_LINE_BYTES", 256 * 1024)
    monkeypatch.setattr(b, "_READ_STEP", 16 * 1024)
    for text in (
        b"x" * (1024 * 1024),  # never ends
        b'{"e": 1}\n' + b"y" * (300 * 1024) + b"\n",
    ):  # ends, too late
        sealed = b.seal(**fields(district, province, changes=text))
        enrolled = {ok.key_id(district.card.ed25519): district.card.ed25519}
        _, changes = b.open_batch(
            sealed, province.secrets.all_age_identities, enrolled.get, our_office_id=PROVINCE_ID
        )
        with pytest.raises(BatchDamaged) as refused:
            list(changes.lines())
        assert refused.value.params == {"reason": "entry"}


def test_opening_a_large_batch_never_holds_its_changes_whole(district, province):
    """The changes may be ten times the file: an import (a 4 GB laptop) inflates them a
    step at a time, to check their hash and then to apply them, and never all at once."""
    import tracemalloc

    text = _big_changes(40_000, 800)  # about 33 MB, deflates to little
    sealed = b.seal(**fields(district, province, changes=text))
    size = len(text)
    del text
    enrolled = {ok.key_id(district.card.ed25519): district.card.ed25519}
    tracemalloc.start()
    try:
        _, changes = b.open_batch(
            sealed, province.secrets.all_age_identities, enrolled.get, our_office_id=PROVINCE_ID
        )
        read = sum(len(line) + 1 for line in changes.lines())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert read == size
    assert peak < size / 3, (peak, size)


def test_the_envelope_is_binary_age_around_a_three_member_zip(district, province, sealed):
    assert sealed.startswith(b"age-encryption.org/v1\n")
    assert b"-----BEGIN AGE" not in sealed
    plain = pyrage.decrypt(sealed, [pyrage.x25519.Identity.from_str(province.secrets.age_identity)])
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["manifest.json", "manifest.sig", "changes.jsonl"]
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    members = unwrap(province, sealed)
    manifest = json.loads(members["manifest.json"])
    assert (
        members["manifest.json"]
        == json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    )
    assert b.verify_minisign(
        members["manifest.sig"], members["manifest.json"], district.card.ed25519
    )


def test_zipping_is_deterministic():
    members = [("manifest.json", b"{}"), ("manifest.sig", b"sig"), ("changes.jsonl", CHANGES)]
    assert b.zip_members(members) == b.zip_members(members)


def _zipfile_zip(members) -> bytes:
    """The same members written by the standard library, as batches were before the zip
    was laid out by hand."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o600 << 16
            archive.writestr(info, data, compresslevel=1)
    return out.getvalue()


def test_the_zip_is_byte_for_byte_the_one_zipfile_writes():
    noise = bytes(range(256)) * 3000 + CHANGES * 50
    for members in (
        [("manifest.json", b"{}"), ("manifest.sig", b"sig"), ("changes.jsonl", noise)],
        [("manifest.json", b""), ("manifest.sig", b""), ("changes.jsonl", b"")],
    ):
        assert b.zip_members(members) == _zipfile_zip(members)
        with zipfile.ZipFile(io.BytesIO(b.zip_members(members))) as archive:
            assert [(i.filename, archive.read(i)) for i in archive.infolist()] == members
            assert all(i.external_attr >> 16 == 0o600 for i in archive.infolist())


def test_changes_written_in_pieces_open_as_the_whole(district, province):
    pieces = [CHANGES[i : i + 7] for i in range(0, len(CHANGES), 7)]
    written = b.Changes()
    for piece in pieces:
        written.write(piece)
    sealed = b.seal(**fields(district, province, changes=written))
    manifest, changes = open_as(province, sealed, district)
    assert changes == CHANGES
    assert manifest.members[b.CHANGES] == hashlib.sha256(CHANGES).hexdigest()
    with pytest.raises(ValueError, match="sealed"):
        written.write(b"more")


def test_changes_past_the_cap_are_refused_while_written(monkeypatch):
    monkeypatch.setattr(b, "MAX_CHANGES_BYTES", 10)
    written = b.Changes()
    written.write(b"0123456789")
    with pytest.raises(ValueError, match="split the export"):
        written.write(b"x")


def test_seal_takes_the_batch_id_and_time_it_is_given(district, province):
    sealed = b.seal(
        **fields(district, province), batch_id="ab" * 16, created_at="2026-11-28T03:04:05+00:00"
    )
    manifest, _ = open_as(province, sealed, district)
    assert manifest.batch_id == "ab" * 16
    assert manifest.created_at == "2026-11-28T03:04:05+00:00"
    assert b.batch_file_name(manifest.batch_id) == "ab" * 16 + ".tipbatch"
    assert b.batch_file_name().endswith(".tipbatch")


def test_two_seals_of_the_same_changes_differ(district, province, sealed):
    assert b.seal(**fields(district, province)) != sealed


def test_the_recovery_identity_alone_opens_a_batch(district, province, recovery, sealed):
    _, changes = open_as(province, sealed, district, identities=[recovery[0]])
    assert changes == CHANGES


def test_an_identity_kept_from_a_rotation_opens_a_batch_in_transit(district, province):
    in_transit = b.seal(**fields(district, province))
    rotated, _ = ok.rotate(province.secrets, province.card)
    _, changes = open_as(province, in_transit, district, identities=rotated.all_age_identities)
    assert changes == CHANGES


def test_an_empty_batch_carries_only_an_acknowledgement(district, province):
    sealed = b.seal(
        **fields(
            province,
            district,
            changes=b"",
            counts={},
            seq_from=0,
            seq_to=0,
            ack_upto=40,
            destination_fingerprint=ok.fingerprint(district.card),
            recipients=[district.card.age_recipient],
        )
    )
    manifest, changes = open_as(district, sealed, province)
    assert changes == b"" and manifest.ack_upto == 40 and manifest.origin == PROVINCE_ID


def test_no_name_appears_in_the_sealed_bytes(district, province, sealed):
    assert NAME.encode() in CHANGES
    for needle in (NAME, "Maria", "Goreti", "5371014101900007", "persons"):
        assert needle.encode() not in sealed
        assert needle.encode("utf-16-le") not in sealed
    assert base64.b64encode(NAME.encode()) not in sealed


# --- not an age file, not decryptable, damaged -------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        random.Random(5).randbytes(4096),
        b"PK\x03\x04" + bytes(100),
        b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n",
        b"age-encryption.org/v2\n-> X25519 abc\n",
        "untrusted comment: é".encode(),
    ],
)
def test_what_is_not_an_age_file_is_not_a_batch(province, data):
    with pytest.raises(NotABatch) as caught:
        open_as(province, data)
    assert caught.value.params == {}


def test_a_batch_for_another_office_is_not_for_this_office(district, province):
    other = ok.new_office_secrets()
    sealed = b.seal(**fields(district, province, recipients=[other.age_recipient]))
    with pytest.raises(BatchNotForThisOffice) as caught:
        open_as(province, sealed, district)
    assert caught.value.params == {"reason": "no_matching_key"}


def test_a_batch_sealed_to_us_but_addressed_elsewhere_is_not_for_this_office(district, province):
    sealed = b.seal(**fields(district, province, destination=OTHER_ID))
    with pytest.raises(BatchNotForThisOffice) as caught:
        open_as(province, sealed, district)
    assert caught.value.params == {"reason": "destination"}


def _positions(length: int, header_end: int) -> list[int]:
    """Eleven places in the age header and forty spread over the payload to its last byte.

    The two sets cannot overlap (the payload's start is past the last header place), so
    the count does not depend on the file's length, which varies with the key material.
    """
    header = [0, 5, 21, 22, 25, 40, 60, header_end - 3, header_end - 1, header_end, header_end + 1]
    start = header_end + 2
    spread = [start + round(i * (length - 1 - start) / 39) for i in range(40)]
    return sorted({*header, *spread})


def test_a_flipped_byte_anywhere_is_refused(district, province, sealed):
    header_end = sealed.index(b"\n---") + 1
    header_end = sealed.index(b"\n", header_end) + 1
    positions = _positions(len(sealed), header_end)
    assert len(positions) == 51
    for position in positions:
        for mask in (0x01, 0x80, 0xFF):
            damaged = bytearray(sealed)
            damaged[position] ^= mask
            with pytest.raises(SEAL_ERRORS) as caught:
                open_as(province, bytes(damaged), district)
            if position >= header_end:  # in the payload: never "not for us"
                assert isinstance(caught.value, BatchDamaged), (position, mask)
                assert caught.value.params == {"reason": "payload"}


def test_a_truncated_file_is_refused(district, province, sealed):
    header_end = sealed.index(b"\n---") + 1
    cuts = {
        0,
        1,
        5,
        21,
        22,
        23,
        60,
        header_end,
        header_end + 10,
        header_end + 43,
        header_end + 45,
        header_end + 60,
        len(sealed) // 2,
        len(sealed) - 17,
        len(sealed) - 16,
        len(sealed) - 2,
        len(sealed) - 1,
    }
    cuts |= {round(i * (len(sealed) - 1) / 19) for i in range(20)}
    for cut in sorted(cuts):
        with pytest.raises(SEAL_ERRORS) as caught:
            open_as(province, sealed[:cut], district)
        if cut == 0:
            assert isinstance(caught.value, NotABatch)
        else:
            assert isinstance(caught.value, BatchDamaged), cut
            assert caught.value.params["reason"] in ("truncated", "payload"), cut


def test_bytes_after_the_end_are_refused(district, province, sealed):
    with pytest.raises(BatchDamaged):
        open_as(province, sealed + b"\n", district)


def test_a_file_over_the_cap_is_refused_before_decrypting(district, province, sealed, monkeypatch):
    monkeypatch.setattr(b, "MAX_BATCH_BYTES", len(sealed) - 1)
    with pytest.raises(BatchDamaged) as caught:
        open_as(province, sealed, district)
    assert caught.value.params == {"reason": "too_large"}


def test_an_age_file_that_is_not_a_zip_is_damaged(province):
    sealed = b.encrypt(b"just text, no zip", [province.card.age_recipient])
    with pytest.raises(BatchDamaged) as caught:
        open_as(province, sealed)
    assert caught.value.params == {"reason": "zip"}


# --- members -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda m: [*m.items(), ("extra.txt", b"x")], "members"),
        (
            lambda m: [(n if n != "changes.jsonl" else "changes.json", d) for n, d in m.items()],
            "members",
        ),
        (lambda m: [*m.items(), ("../x", b"x")], "members"),
        (
            lambda m: [
                (n if n != "changes.jsonl" else "../changes.jsonl", d) for n, d in m.items()
            ],
            "members",
        ),
        (
            lambda m: [
                (n if n != "changes.jsonl" else "sub/changes.jsonl", d) for n, d in m.items()
            ],
            "members",
        ),
        (lambda m: [*m.items(), ("changes.jsonl", b"{}\n")], "members"),
        (lambda m: [*m.items(), ("dir/", b"")], "members"),
        (lambda m: [(n, d) for n, d in m.items() if n != "manifest.sig"], "members"),
        (lambda m: [], "members"),
        (
            lambda m: [
                ("manifest.json", m["manifest.json"]),
                ("manifest.json", m["manifest.json"]),
                ("changes.jsonl", m["changes.jsonl"]),
            ],
            "members",
        ),
    ],
)
@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_zip_without_exactly_the_three_members_is_damaged(
    district, province, sealed, change, reason
):
    members = unwrap(province, sealed)
    with pytest.raises(BatchDamaged) as caught:
        open_as(province, rewrap(province, change(members)), district)
    assert caught.value.params == {"reason": reason}


@pytest.mark.parametrize(
    ("name", "cap"), [("manifest.json", 4 * 1024 * 1024), ("manifest.sig", 4 * 1024)]
)
def test_an_oversize_member_is_damaged(district, province, sealed, name, cap):
    members = unwrap(province, sealed)
    members[name] += b" " * cap  # deflates to a few KB
    with pytest.raises(BatchDamaged) as caught:
        open_as(province, rewrap(province, members), district)
    assert caught.value.params == {"reason": "member_size"}


def test_oversize_changes_are_damaged(district, province, sealed, monkeypatch):
    monkeypatch.setitem(b.MEMBER_CAPS, "changes.jsonl", len(CHANGES) - 1)
    with pytest.raises(BatchDamaged) as caught:
        open_as(province, sealed, district)
    assert caught.value.params == {"reason": "member_size"}


def _lie_about_size(zipped: bytes, name: str, size: int) -> bytes:
    """Set ``name``'s uncompressed size in both its local and central headers."""
    data = bytearray(zipped)
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        offset = archive.getinfo(name).header_offset
    struct.pack_into("<I", data, offset + 22, size)
    start = data.index(b"PK\x01\x02")
    while start >= 0:
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_length] == name.encode():
            struct.pack_into("<I", data, start + 24, size)
        start = data.find(b"PK\x01\x02", start + 46)
    return bytes(data)


def test_a_zip_bomb_that_lies_about_its_size_is_damaged(district, province, sealed):
    members = unwrap(province, sealed)
    members["manifest.json"] = b" " * (20 * 1024 * 1024)  # 20 MiB of spaces, ~20 KB zipped
    zipped = b.zip_members(list(members.items()))
    assert len(zipped) < 100_000
    lying = _lie_about_size(zipped, "manifest.json", 1000)
    with pytest.raises(BatchDamaged):
        open_as(province, b.encrypt(lying, [province.card.age_recipient]), district)


def test_a_member_stored_with_another_compression_is_damaged(district, province, sealed):
    members = unwrap(province, sealed)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_BZIP2)
    with pytest.raises(BatchDamaged) as caught:
        open_as(province, b.encrypt(out.getvalue(), [province.card.age_recipient]), district)
    assert caught.value.params == {"reason": "compression"}


def test_changes_swapped_under_a_good_signature_fail_the_member_hash(district, province, sealed):
    members = unwrap(province, sealed)
    members["changes.jsonl"] = CHANGES.replace(b"Korban 3", b"Korban 9")
    with pytest.raises(BatchDamaged) as caught:
        open_as(province, rewrap(province, members), district)
    assert caught.value.params == {"reason": "member_hash"}


# --- sender and signature ----------------------------------------------------------------


def test_a_batch_from_an_office_not_enrolled_is_refused(district, province, sealed):
    with pytest.raises(UnknownSender) as caught:
        open_as(province, sealed)  # nobody enrolled
    assert caught.value.params == {"key_id": ok.key_id(district.card.ed25519).hex()}
    stranger = Office(ok.new_office_secrets(), province.card)
    with pytest.raises(UnknownSender):
        open_as(province, sealed, stranger)


def test_a_signature_by_another_key_claiming_the_enrolled_key_id_is_refused(
    district, province, sealed
):
    members = unwrap(province, sealed)
    attacker = Ed25519PrivateKey.generate()
    body = members["manifest.json"]
    signature = attacker.sign(body)
    comment = "timestamp:0\tfile:manifest.json"
    members["manifest.sig"] = (
        "untrusted comment: forged\n"
        + base64.b64encode(b"Ed" + ok.key_id(district.card.ed25519) + signature).decode()
        + f"\ntrusted comment: {comment}\n"
        + base64.b64encode(attacker.sign(signature + comment.encode())).decode()
        + "\n"
    ).encode()
    with pytest.raises(BadSignature) as caught:
        open_as(province, rewrap(province, members), district)
    assert caught.value.params == {"reason": "signature"}


def test_an_altered_manifest_under_the_old_signature_is_refused(district, province, sealed):
    members = unwrap(province, sealed)
    manifest = json.loads(members["manifest.json"])
    manifest["seq_from"] = 0
    members["manifest.json"] = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    with pytest.raises(BadSignature):
        open_as(province, rewrap(province, members), district)
    # even one added space, which would parse to the same manifest
    members = unwrap(province, sealed)
    members["manifest.json"] += b" "
    with pytest.raises(BadSignature):
        open_as(province, rewrap(province, members), district)


def test_the_signature_is_checked_before_the_manifest_is_parsed(district, province, sealed):
    members = unwrap(province, sealed)
    members["manifest.json"] = b"this is not json"
    with pytest.raises(BadSignature):
        open_as(province, rewrap(province, members), district)


def test_another_enrolled_office_cannot_pass_its_signature_off_as_the_senders(
    district, province, sealed
):
    # signed by an enrolled office (the other district) but with the sender's key id
    other = Office(ok.new_office_secrets(), district.card)
    members = unwrap(province, sealed)
    members["manifest.sig"] = b.sign_minisign(
        members["manifest.json"], other.secrets.signing_key, trusted_comment="x"
    ).encode()
    with pytest.raises(UnknownSender):
        open_as(province, rewrap(province, members), district)


@pytest.mark.parametrize(
    "sig",
    [
        b"",
        b"not a signature",
        b"untrusted comment: x\nAAAA\ntrusted comment: y\nAAAA\n",
        b"\xff\xfe\xfd",
    ],
)
def test_a_malformed_signature_file_is_refused(district, province, sealed, sig):
    members = unwrap(province, sealed)
    members["manifest.sig"] = sig
    with pytest.raises(BadSignature) as caught:
        open_as(province, rewrap(province, members), district)
    assert caught.value.params == {"reason": "malformed"}


def test_a_newer_format_is_reported_as_such(district, province, sealed):
    members = unwrap(province, sealed)
    manifest = json.loads(members["manifest.json"])
    manifest.update(format=4, compression="zstd")  # a later format may add fields
    members["manifest.json"], members["manifest.sig"] = signed_manifest(district, manifest)
    with pytest.raises(BatchFormatTooNew) as caught:
        open_as(province, rewrap(province, members), district)
    assert caught.value.params == {"version": 4}


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.update(format=0),
        lambda m: m.update(format="1"),
        lambda m: m.update(format=True),
        lambda m: m.pop("counts"),
        lambda m: m.update(extra="field"),
        lambda m: m.update(seq_from=-1),
        lambda m: m.update(seq_to=1.5),
        lambda m: m.update(ack_upto=None),
        lambda m: m.update(batch_id="not-hex"),
        lambda m: m.update(origin_code="kup"),
        lambda m: m.update(destination=""),
        lambda m: m.update(destination_fingerprint="AAAA"),
        lambda m: m.update(created_at="2026-11-28T10:00:00"),
        lambda m: m.update(counts={"persons": -1}),
        lambda m: m.update(counts=[1]),
        lambda m: m.update(members={}),
        lambda m: m.update(members={"changes.jsonl": "00", "../x": "00"}),
        lambda m: m.update(profile="Full Profile"),
    ],
)
def test_a_signed_but_malformed_manifest_is_damaged(district, province, sealed, change):
    members = unwrap(province, sealed)
    manifest = json.loads(members["manifest.json"])
    change(manifest)
    members["manifest.json"], members["manifest.sig"] = signed_manifest(district, manifest)
    with pytest.raises(BatchDamaged) as caught:
        open_as(province, rewrap(province, members), district)
    assert caught.value.params == {"reason": "manifest"}


@pytest.mark.parametrize(
    "body",
    [
        b"[]",
        b"not json",
        b'{"format": 1, "format": 1}',
        b'{"format": NaN}',
        '{"format": 1, "name": "\udcff"}'.encode("utf-8", "surrogatepass"),
    ],
)
def test_parse_manifest_refuses_what_is_not_a_json_object(body):
    with pytest.raises(BatchDamaged):
        b.parse_manifest(body)


def test_seal_refuses_what_open_would_refuse(district, province, monkeypatch):
    for bad in (
        dict(origin_code="kup"),
        dict(seq_from=-1),
        dict(profile=""),
        dict(destination_fingerprint="nope"),
        dict(batch_id="xyz"),
        dict(recipients=[]),
    ):
        with pytest.raises(ValueError):
            b.seal(**fields(district, province, **bad))
    monkeypatch.setattr(b, "MAX_CHANGES_BYTES", 10)
    with pytest.raises(ValueError):
        b.seal(**fields(district, province))


# --- minisign ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def signature(district):
    return b.sign_minisign(
        b"the manifest",
        district.secrets.signing_key,
        trusted_comment="timestamp:1795877719\tfile:manifest.json",
    )


def test_the_signature_is_in_minisign_format(district, signature):
    lines = signature.split("\n")
    assert len(lines) == 5 and lines[4] == ""
    assert lines[0].startswith("untrusted comment: ")
    assert lines[2] == "trusted comment: timestamp:1795877719\tfile:manifest.json"
    blob = base64.b64decode(lines[1], validate=True)
    assert blob[:2] == b"Ed" and blob[2:10] == ok.key_id(district.card.ed25519)
    assert len(blob) == 74
    assert len(base64.b64decode(lines[3], validate=True)) == 64
    assert b.verify_minisign(signature, b"the manifest", district.card.ed25519)
    assert b.verify_minisign(signature.encode(), b"the manifest", district.card.ed25519)


def test_minisign_verification_covers_message_key_and_trusted_comment(
    district, province, signature
):
    key = district.card.ed25519
    lines = signature.split("\n")
    assert not b.verify_minisign(signature, b"the manifest!", key)
    assert not b.verify_minisign(signature, b"the manifest", province.card.ed25519)
    changed = signature.replace("timestamp:1795877719", "timestamp:1795877720")
    assert not b.verify_minisign(changed, b"the manifest", key)
    # the untrusted comment is, as in minisign, not covered
    relabelled = signature.replace("untrusted comment: ", "untrusted comment: edited ")
    assert b.verify_minisign(relabelled, b"the manifest", key)
    assert not b.verify_minisign("\n".join(lines[:3]), b"the manifest", key)
    assert not b.verify_minisign("", b"the manifest", key)
    assert not b.verify_minisign(b"\xff" * 10, b"the manifest", key)
    assert not b.verify_minisign(
        "\n".join([lines[2], lines[1], lines[0], lines[3]]), b"the manifest", key
    )


def test_prehashed_minisign_signatures_verify_too(district):
    private = Ed25519PrivateKey.from_private_bytes(district.secrets.signing_key)
    message = b"the manifest"
    signature = private.sign(hashlib.blake2b(message, digest_size=64).digest())
    comment = "timestamp:1\tfile:x\thashed"

    def text(algorithm: bytes) -> str:
        blob = algorithm + ok.key_id(district.card.ed25519) + signature
        return (
            "untrusted comment: signature from minisign secret key\n"
            + base64.b64encode(blob).decode()
            + f"\ntrusted comment: {comment}\n"
            + base64.b64encode(private.sign(signature + comment.encode())).decode()
            + "\n"
        )

    assert b.verify_minisign(text(b"ED"), message, district.card.ed25519)
    assert not b.verify_minisign(text(b"Ed"), message, district.card.ed25519)
    assert not b.verify_minisign(text(b"XX"), message, district.card.ed25519)


def test_the_public_key_in_minisign_format(district):
    text = b.minisign_public_key(district.card.ed25519)
    first, second, end = text.split("\n")
    assert first.startswith("untrusted comment: minisign public key ") and end == ""
    blob = base64.b64decode(second)
    assert blob == b"Ed" + ok.key_id(district.card.ed25519) + district.card.ed25519
    assert first.endswith(ok.key_id(district.card.ed25519)[::-1].hex().upper())


def test_a_comment_must_be_one_line(district):
    with pytest.raises(ValueError):
        b.sign_minisign(b"m", district.secrets.signing_key, trusted_comment="a\nb")


# --- what errors say ---------------------------------------------------------------------


def test_errors_carry_codes_and_ids_only(district, province, sealed):
    members = unwrap(province, sealed)
    members["changes.jsonl"] = CHANGES + NAME.encode()
    refusals = [
        lambda: open_as(province, rewrap(province, members), district),
        lambda: open_as(
            province, b.seal(**fields(district, province, destination=OTHER_ID)), district
        ),
        lambda: open_as(province, sealed),
        lambda: open_as(province, sealed[:-1], district),
        lambda: open_as(province, NAME.encode()),
    ]
    for refuse in refusals:
        with pytest.raises(TipdeskError) as caught:
            refuse()
        text = f"{caught.value} {caught.value.params!r}"
        assert "Maria" not in text and "Korban" not in text
        assert caught.value.__cause__ is None
        for value in caught.value.params.values():
            assert isinstance(value, (str, int)) and len(str(value)) <= 32


# --- the documents a batch carries beside it (issue 24) ----------------------------------

DOC = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"


def documents_field(*items, size=1000, sha256="ab" * 32):
    return {"parts": [{"size": size, "sha256": sha256, "items": [list(i) for i in items]}]}


def test_a_batch_with_documents_is_format_3_and_lists_its_parts(district, province):
    listed = documents_field((DOC, "cd" * 32, 500))
    manifest, _ = open_as(
        province, b.seal(**fields(district, province), documents=listed), district
    )
    assert manifest.format == 3
    assert manifest.document_parts() == [(1000, "ab" * 32, [(DOC, "cd" * 32, 500)])]


@pytest.mark.parametrize(
    "listed",
    [
        {"parts": []},
        documents_field(),  # a part with no document
        documents_field((DOC, "cd" * 32, b.MAX_DOCUMENT_BYTES + 1)),  # over the cap
        documents_field((DOC, "cd" * 32, 0)),
        documents_field((DOC, "not a digest", 10)),
        documents_field(("../../etc", "cd" * 32, 10)),
        documents_field((DOC, "cd" * 32, 10), (DOC, "cd" * 32, 10)),  # twice
        documents_field((DOC, "cd" * 32, 10), sha256="nope"),
        {"parts": [{"size": 1, "sha256": "ab" * 32, "items": [[DOC, "cd" * 32, 1]], "x": 1}]},
    ],
)
def test_a_document_list_out_of_shape_or_over_its_caps_is_refused(district, province, listed):
    with pytest.raises(ValueError):
        b.seal(**fields(district, province), documents=listed)
    # and, signed all the same by a sender that skips the check, read as damaged
    members = unwrap(province, b.seal(**fields(district, province)))
    manifest = json.loads(members["manifest.json"])
    manifest.update(format=3, documents=listed)
    members["manifest.json"], members["manifest.sig"] = signed_manifest(district, manifest)
    with pytest.raises(BatchDamaged) as caught:
        open_as(province, rewrap(province, members), district)
    assert caught.value.params == {"reason": "manifest"}
