"""Office keys: secrets, .tipkey cards, fingerprints and rotation, with real keys."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import re

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tipdesk.domain.errors import BadKeyFile, FingerprintMismatch
from tipdesk.security import officekeys as ok

OFFICE_ID = "0192f0c1-7a3e-7b10-8e1f-5a2b3c4d5e6f"
FINGERPRINT = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$")


@pytest.fixture(scope="module")
def secrets():
    return ok.new_office_secrets()


@pytest.fixture(scope="module")
def recovery():
    return ok.new_recovery_identity()


@pytest.fixture(scope="module")
def card(secrets, recovery):
    return ok.card_for(
        OFFICE_ID,
        "KUP",
        "UPTD PPA Kota Kupang",
        "district",
        secrets,
        recovery_recipient=recovery[1],
    )


def as_json(card: ok.KeyCard) -> dict:
    return json.loads(ok.card_bytes(card))


def from_json(data: dict) -> bytes:
    return json.dumps(data).encode()


# --- secrets -----------------------------------------------------------------------------


def test_new_secrets_hold_an_ed25519_key_and_an_age_identity(secrets):
    assert len(secrets.signing_key) == 32
    assert secrets.age_identity.startswith("AGE-SECRET-KEY-1")
    assert secrets.age_recipient.startswith("age1")
    assert secrets.previous_age_identities == ()
    assert ok.new_office_secrets().signing_key != secrets.signing_key


def test_secrets_round_trip_through_json(secrets):
    rotated, _ = ok.rotate(secrets, ok.card_for(OFFICE_ID, "KUP", "K", "district", secrets))
    for value in (secrets, rotated):
        assert ok.OfficeSecrets.from_json(value.to_json()) == value


def test_secrets_never_show_in_repr(secrets):
    text = repr(secrets)
    assert secrets.age_identity not in text
    assert base64.b64encode(secrets.signing_key).decode() not in text
    assert secrets.signing_key.hex() not in text


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(format="other"),
        lambda d: d.update(signing_key="not base64!"),
        lambda d: d.update(signing_key=base64.b64encode(b"short").decode()),
        lambda d: d.update(age_identity="AGE-SECRET-KEY-1NOPE"),
        lambda d: d.update(extra=1),
        lambda d: d.pop("previous_age_identities"),
    ],
)
def test_damaged_secrets_are_refused(secrets, damage):
    data = json.loads(secrets.to_json())
    damage(data)
    with pytest.raises(ValueError):
        ok.OfficeSecrets.from_json(json.dumps(data))


def test_recovery_identity_pairs_a_secret_with_its_recipient(recovery):
    secret, recipient = recovery
    assert secret.startswith("AGE-SECRET-KEY-1") and recipient.startswith("age1")
    assert str(pyrage.x25519.Identity.from_str(secret).to_public()) == recipient
    sealed = pyrage.encrypt(b"hello", [pyrage.x25519.Recipient.from_str(recipient)])
    assert pyrage.decrypt(sealed, [pyrage.x25519.Identity.from_str(secret)]) == b"hello"


# --- cards -------------------------------------------------------------------------------


def test_card_holds_the_public_halves(card, secrets, recovery):
    assert card.age_recipient == secrets.age_recipient
    assert card.ed25519 == secrets.public_ed25519
    assert card.recovery_recipient == recovery[1]
    assert card.created_at.endswith("+00:00")
    assert card.previous_ed25519 == b"" and card.rotation_signature == b""


def test_card_file_is_sorted_json_with_a_format_and_base64(card):
    raw = ok.card_bytes(card)
    data = json.loads(raw.decode("utf-8"))
    assert data["format"] == "tipkey/1"
    assert list(data) == sorted(data)
    assert base64.b64decode(data["ed25519"]) == card.ed25519
    assert data["previous_ed25519"] == "" and data["rotation_signature"] == ""
    assert data["name"] == "UPTD PPA Kota Kupang"


def test_card_round_trips(card, secrets):
    assert ok.read_card(ok.card_bytes(card)) == card
    plain = ok.card_for(OFFICE_ID, "NTT", "UPTD PPA Provinsi NTT", "province", secrets)
    assert plain.recovery_recipient == ""
    assert ok.read_card(ok.card_bytes(plain)) == plain


def test_a_card_in_a_bad_shape_is_refused_when_made(secrets):
    with pytest.raises(BadKeyFile):
        ok.card_for(OFFICE_ID, "KUP", "Kupang", "national", secrets)
    with pytest.raises(BadKeyFile):
        ok.card_for(OFFICE_ID, "kup", "Kupang", "district", secrets)


def _replace(field, value):
    return lambda d: d.update({field: value})


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (_replace("format", "tipkey/2"), "format"),
        (lambda d: d.pop("format"), "format"),
        (lambda d: d.pop("code"), "fields"),
        (lambda d: d.pop("rotation_signature"), "fields"),
        (_replace("comment", "hello"), "fields"),
        (_replace("code", 42), "field_type"),
        (_replace("ed25519", None), "field_type"),
        (_replace("ed25519", "@@not base64@@"), "base64"),
        (_replace("ed25519", base64.b64encode(bytes(31)).decode()), "key_length"),
        (_replace("ed25519", base64.b64encode(bytes(33)).decode()), "key_length"),
        (_replace("previous_ed25519", base64.b64encode(bytes(16)).decode()), "key_length"),
        (_replace("previous_ed25519", base64.b64encode(bytes(32)).decode()), "rotation"),
        (_replace("age_recipient", "age1notarecipient"), "recipient"),
        (_replace("age_recipient", ""), "recipient"),
        (_replace("recovery_recipient", "AGE-SECRET-KEY-1XYZ"), "recipient"),
        (lambda d: d.update(age_recipient=d["age_recipient"].upper()), "recipient"),
        (_replace("level", "national"), "level"),
        (_replace("level", "District"), "level"),
        (_replace("code", "kup"), "code"),
        (_replace("office_id", ""), "office_id"),
        (_replace("office_id", "../../etc"), "office_id"),
        (_replace("name", ""), "name"),
        (_replace("name", "Kupang\nline two"), "name"),
        (_replace("created_at", "yesterday"), "created_at"),
        (_replace("created_at", "2026-11-28T10:00:00"), "created_at"),
        (_replace("created_at", "2026-11-28T10:00:00+08:00"), "created_at"),
    ],
)
def test_read_card_refuses_a_damaged_card(card, damage, reason):
    data = as_json(card)
    damage(data)
    with pytest.raises(BadKeyFile) as caught:
        ok.read_card(from_json(data))
    assert caught.value.params == {"reason": reason}


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "not_json"),
        (b"\xff\xfe not utf-8", "not_json"),
        (b"age1abc", "not_json"),
        (b"[1, 2, 3]", "not_json"),
        (b'"tipkey/1"', "not_json"),
        (b'{"format": "tipkey/1", "format": "tipkey/1"}', "not_json"),
        (b'{"format": NaN}', "not_json"),
        (b"[" * 60_000, "not_json"),
        (b"{}", "format"),
    ],
)
def test_read_card_refuses_what_is_not_a_card(raw, reason):
    with pytest.raises(BadKeyFile) as caught:
        ok.read_card(raw)
    assert caught.value.params == {"reason": reason}


def test_read_card_refuses_a_file_over_64_kb(card):
    data = as_json(card)
    data["name"] = "x" * (64 * 1024)
    with pytest.raises(BadKeyFile) as caught:
        ok.read_card(from_json(data))
    assert caught.value.params == {"reason": "too_large"}


def test_read_card_accepts_a_byte_order_mark(card):
    assert ok.read_card(b"\xef\xbb\xbf" + ok.card_bytes(card)) == card


# --- fingerprints ------------------------------------------------------------------------


def test_fingerprint_is_eight_groups_of_four_and_stable(card):
    print_ = ok.fingerprint(card)
    assert FINGERPRINT.match(print_), print_
    assert ok.fingerprint(card) == print_
    assert ok.fingerprint(ok.read_card(ok.card_bytes(card))) == print_
    assert ok.fingerprint(dataclasses.replace(card)) == print_


def test_fingerprint_is_sha256_of_the_canonical_fields(card):
    digest = hashlib.sha256(ok._fingerprint_message(card)).digest()[:20]
    assert ok.fingerprint(card).replace("-", "") == base64.b32encode(digest).decode()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("office_id", "0192f0c1-7a3e-7b10-8e1f-5a2b3c4d5e70"),
        ("code", "KUQ"),
        ("level", "province"),
        ("age_recipient", str(pyrage.x25519.Identity.generate().to_public())),
        ("recovery_recipient", ""),
        ("ed25519", bytes(32)),
    ],
    # by field: a new key's text in the id would differ between pytest-xdist's workers
    ids=["office_id", "code", "level", "age_recipient", "recovery_recipient", "ed25519"],
)
def test_one_changed_field_changes_the_fingerprint(card, field, value):
    assert ok.fingerprint(dataclasses.replace(card, **{field: value})) != ok.fingerprint(card)


def test_fields_outside_the_fingerprint_do_not_change_it(card):
    changed = dataclasses.replace(card, name="Kantor lain", created_at="2020-01-01T00:00:00Z")
    assert ok.fingerprint(changed) == ok.fingerprint(card)


def test_the_fields_cannot_slide_into_each_other(card):
    # length prefixes: moving a letter from one field to the next is another fingerprint
    a = dataclasses.replace(card, office_id="AB", code="CDE")
    b = dataclasses.replace(card, office_id="ABC", code="DE")
    assert ok.fingerprint(a) != ok.fingerprint(b)


def test_a_typed_fingerprint_may_differ_in_case_spaces_and_dashes(card):
    print_ = ok.fingerprint(card)
    assert ok.same_fingerprint(card, print_)
    assert ok.same_fingerprint(card, print_.lower())
    assert ok.same_fingerprint(card, print_.replace("-", " "))
    assert ok.same_fingerprint(card, print_.replace("-", ""))
    assert ok.same_fingerprint(card, "  " + print_.replace("-", " - ").lower() + " ")
    ok.require_fingerprint(card, print_.lower())


def test_a_wrong_or_partial_fingerprint_is_refused(card):
    print_ = ok.fingerprint(card)
    wrong = ("B" if print_[0] != "B" else "C") + print_[1:]
    assert not ok.same_fingerprint(card, wrong)
    assert not ok.same_fingerprint(card, print_[:-5])
    assert not ok.same_fingerprint(card, print_ + "A")
    assert not ok.same_fingerprint(card, "")
    assert not ok.same_fingerprint(card, print_ + "é")
    with pytest.raises(FingerprintMismatch) as caught:
        ok.require_fingerprint(card, wrong)
    assert caught.value.params == {"office": "KUP"}


def test_digits_base32_never_uses_are_read_as_the_letters_they_look_like(card):
    print_ = ok.fingerprint(card)
    typed = print_.replace("O", "0").replace("I", "1").replace("B", "8")
    assert ok.same_fingerprint(card, typed)


def test_key_id_is_the_first_8_bytes_of_sha256(card):
    assert ok.key_id(card.ed25519) == hashlib.sha256(card.ed25519).digest()[:8]
    assert len(ok.key_id(card.ed25519)) == 8


# --- rotation ----------------------------------------------------------------------------


def test_rotation_makes_new_keys_signed_by_the_old(secrets, card):
    new_secrets, new_card = ok.rotate(secrets, card)
    assert new_secrets.signing_key != secrets.signing_key
    assert new_secrets.age_identity != secrets.age_identity
    assert new_secrets.previous_age_identities == (secrets.age_identity,)
    assert new_card.ed25519 == new_secrets.public_ed25519
    assert new_card.age_recipient == new_secrets.age_recipient
    assert new_card.previous_ed25519 == card.ed25519
    assert len(new_card.rotation_signature) == 64
    assert (
        new_card.office_id,
        new_card.code,
        new_card.name,
        new_card.level,
        new_card.recovery_recipient,
    ) == (card.office_id, card.code, card.name, card.level, card.recovery_recipient)
    assert ok.fingerprint(new_card) != ok.fingerprint(card)
    assert ok.verify_rotation(card, new_card)
    # the rotated card survives the file
    assert ok.verify_rotation(card, ok.read_card(ok.card_bytes(new_card)))


def test_rotations_chain_and_keep_a_few_old_identities(secrets, card):
    current_secrets, current_card = secrets, card
    seen = [secrets.age_identity]
    for _ in range(5):
        next_secrets, next_card = ok.rotate(current_secrets, current_card)
        assert ok.verify_rotation(current_card, next_card)
        assert not ok.verify_rotation(card, next_card) or current_card == card
        current_secrets, current_card = next_secrets, next_card
        seen.append(current_secrets.age_identity)
    assert current_secrets.previous_age_identities == tuple(reversed(seen[-4:-1]))
    assert len(current_secrets.previous_age_identities) == ok.MAX_PREVIOUS_IDENTITIES


def test_rotate_refuses_a_card_of_other_secrets(card):
    with pytest.raises(ValueError):
        ok.rotate(ok.new_office_secrets(), card)


def test_a_forged_rotation_is_refused(secrets, card):
    _, genuine = ok.rotate(secrets, card)
    # an attacker's own key, claiming to replace the enrolled one
    attacker = ok.new_office_secrets()
    attacker_card = dataclasses.replace(
        card,
        age_recipient=attacker.age_recipient,
        ed25519=attacker.public_ed25519,
        previous_ed25519=card.ed25519,
    )
    forged_signature = Ed25519PrivateKey.from_private_bytes(attacker.signing_key).sign(
        ok._ROTATION_TAG + ok._fingerprint_message(attacker_card)
    )
    forged = dataclasses.replace(attacker_card, rotation_signature=forged_signature)
    assert not ok.verify_rotation(card, forged)
    # the genuine signature moved onto other keys
    assert not ok.verify_rotation(
        card, dataclasses.replace(genuine, age_recipient=attacker.age_recipient)
    )
    assert not ok.verify_rotation(
        card, dataclasses.replace(genuine, ed25519=attacker.public_ed25519)
    )
    assert not ok.verify_rotation(card, dataclasses.replace(genuine, level="province"))
    # another office, or a card that replaces some other key
    assert not ok.verify_rotation(card, dataclasses.replace(genuine, office_id="other"))
    other = dataclasses.replace(card, ed25519=attacker.public_ed25519)
    assert not ok.verify_rotation(other, genuine)
    # no rotation at all, or a damaged signature
    assert not ok.verify_rotation(card, card)
    assert not ok.verify_rotation(card, dataclasses.replace(genuine, rotation_signature=bytes(64)))
    assert not ok.verify_rotation(
        card, dataclasses.replace(genuine, rotation_signature=genuine.rotation_signature[:10])
    )
