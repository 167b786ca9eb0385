"""Spelling keys: the ways one Indonesian name is written fold to one key."""

import pytest

from tipdesk.domain.spelling import fold_word, folded_words


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Lidya", "Lidia"),  # y / i
        ("Sity", "Siti"),
        ("Djoko", "Joko"),  # dj / j
        ("Tjahjono", "Cahyono"),  # tj / c (and j / y beside an old spelling)
        ("Soekarno", "Sukarno"),  # oe / u
        ("Sjamsul", "Syamsul"),  # sj / sy
        ("Chairul", "Khairul"),  # ch / kh
        ("Njoman", "Nyoman"),  # nj / ny
        ("Mohammad", "Mohamad"),  # doubled letters
        ("Tjahjadi", "Cahyadi"),  # rules together
        ("Joesoef", "Yusuf"),
        ("Sjamsoeddin", "Syamsudin"),
        ("Fátima", "FATIMA"),  # accents and case
        ("Khoiriyah", "Khoiriah"),
    ],
)
def test_variants_of_a_name_have_one_key(one, other):
    assert fold_word(one) == fold_word(other)


@pytest.mark.parametrize(
    ("one", "other"), [("Lidia", "Linda"), ("Yusuf", "Usuf"), ("Joko", "Yoko")]
)
def test_different_names_keep_different_keys(one, other):
    assert fold_word(one) != fold_word(other)


@pytest.mark.parametrize(
    "name", ["Khoiriyah", "Panjaitan", "Joesoef", "Tjahjadi", "Mohammad", "Siyyah", "Chairul"]
)
def test_a_key_is_its_own_key(name):
    assert fold_word(fold_word(name)) == fold_word(name)


def test_a_typed_beginning_folds_to_the_beginning_of_the_names_key():
    assert fold_word("Syamsul").startswith(fold_word("Sjams"))
    assert fold_word("Mohammad").startswith(fold_word("Mohamm"))


def test_only_words_written_otherwise_than_their_key_need_one():
    assert folded_words("Lidya Sari Mohammad") == ["lidia", "mohamad"]
    assert folded_words("Maria Goreti 5371015403990001") == []
