"""Tests for tipdesk.domain.vocab: codes as in DOMAIN.md, complete labels, age bands."""

from __future__ import annotations

import ast
import dataclasses
import itertools
import re
import sys
from pathlib import Path

import pytest

from tipdesk.domain import vocab as vocab_module
from tipdesk.domain.vocab import (
    AGE_GROUPS,
    CASE_STATUS,
    COUNTRY,
    CTDC_AGE_BANDS,
    EXPLOITATION,
    INTAKE_SOURCE,
    PROVIDER_TYPE,
    SERVICE_TYPE,
    VOCABULARIES,
    Term,
    Vocabulary,
    age_group,
    ctdc_age_band,
)

# Copied literally from DOMAIN.md ("Vocabularies") and the task brief; order matters.
EXPECTED: dict[str, list[str]] = {
    "exploitation": [
        "forced_labour",
        "sexual_exploitation",
        "forced_marriage",
        "domestic_servitude",
        "child_labour",
        "forced_begging",
        "organ_removal",
        "forced_criminality",
        "slavery_practices",
        "other",
    ],
    "labour_sector": [
        "agriculture",
        "fishing_aquaculture",
        "begging",
        "construction",
        "domestic_work",
        "hospitality",
        "illicit_activities",
        "manufacturing",
        "mining",
        "peddling",
        "transportation",
        "other",
    ],
    "means_of_control": [
        "debt_bondage",
        "takes_earnings",
        "restricts_financial_access",
        "threats",
        "psychological_abuse",
        "physical_abuse",
        "sexual_abuse",
        "false_promises",
        "psychoactive_substances",
        "restricts_movement",
        "restricts_medical_care",
        "excessive_working_hours",
        "uses_children",
        "threat_of_law_enforcement",
        "withholds_necessities",
        "withholds_documents",
        "other",
    ],
    "recruitment_method": [
        "job_offer",
        "marriage_or_partner",
        "online_social_media",
        "family",
        "agent_or_broker",
        "abduction",
        "other",
        "unknown",
    ],
    "recruiter_relationship": [
        "intimate_partner",
        "family",
        "friend",
        "acquaintance",
        "stranger",
        "unknown",
    ],
    "intake_source": [
        "hotline",
        "walk_in",
        "police",
        "village_referral",
        "ngo",
        "health",
        "migrant_worker_agency",
        "foreign_mission",
        "other",
    ],
    "service_type": [
        "complaint_intake",
        "outreach",
        "case_management",
        "health",
        "psychological",
        "legal_aid",
        "law_enforcement_support",
        "shelter",
        "repatriation",
        "social_rehabilitation",
        "reintegration",
        "economic_empowerment",
        "education",
        "documentation",
        "mediation",
        "other",
    ],
    "provider_type": [
        "hospital",
        "health_centre",
        "police_ppa_unit",
        "prosecutor",
        "court",
        "legal_aid",
        "shelter",
        "social_affairs",
        "migrant_worker_agency",
        "lpsk",
        "ngo",
        "religious_or_community",
        "village_government",
        "other",
    ],
    "case_status": ["open", "active", "follow_up", "closed", "closed_referred"],
    "risk_level": ["low", "medium", "high"],
    "trafficking_status": ["possible", "confirmed", "not_trafficking"],
    "service_status": ["planned", "in_progress", "provided", "declined", "unavailable"],
    "referral_status": ["draft", "sent", "accepted", "declined", "completed"],
    "urgency": ["routine", "urgent", "emergency"],
    "sex": ["female", "male"],
    "education": [
        "none",
        "primary",
        "junior_secondary",
        "senior_secondary",
        "diploma",
        "university",
        "unknown",
    ],
    "marital_status": ["single", "married", "divorced", "widowed", "unknown"],
    "nationality": ["indonesian", "foreign", "stateless", "unknown"],
    "disability": [
        "none",
        "physical",
        "intellectual",
        "mental",
        "sensory",
        "multiple",
        "unknown",
    ],
    "closure_reason": [
        "goals_achieved",
        "referred_elsewhere",
        "reintegrated",
        "victim_withdrew",
        "lost_contact",
        "moved_away",
        "deceased",
        "not_trafficking",
        "other",
    ],
    "role": ["admin", "supervisor", "caseworker", "analyst"],
    "office_level": ["district", "province"],
    "paper": ["a4", "f4"],
    "letter_language": ["id", "en"],
    "country": [
        "id",
        "my",
        "sg",
        "sa",
        "ae",
        "qa",
        "kw",
        "om",
        "bh",
        "jo",
        "hk",
        "tw",
        "kr",
        "jp",
        "cn",
        "th",
        "kh",
        "mm",
        "la",
        "vn",
        "ph",
        "bn",
        "tl",
        "au",
        "nz",
        "tr",
        "iq",
        "sy",
        "ly",
        "eg",
        "pl",
        "other",
        "unknown",
    ],
    # The case journey (DOMAIN.md "Vocabularies for the journey"; issue 22)
    "assessment_kind": ["risk_triage", "biopsychosocial"],
    "assessment_domain": [
        "physical_health",
        "mental_health",
        "safety",
        "legal",
        "livelihood",
        "education",
        "family_and_care",
        "shelter",
        "civil_documents",
        "social_reintegration",
    ],
    "plan_goal_status": ["planned", "in_progress", "achieved", "not_achieved", "dropped"],
    "legal_step_kind": [
        "police_report",
        "investigation",
        "suspect_named",
        "file_returned",
        "file_complete",
        "handed_to_prosecutor",
        "indictment",
        "demand",
        "verdict",
        "appeal",
        "cassation",
        "final",
        "execution",
        "investigation_stopped",
    ],
    "verdict_outcome": ["convicted", "acquitted", "released"],
    "lpsk_protection": [
        "physical_protection",
        "procedural_rights",
        "medical_aid",
        "psychological_rehabilitation",
        "psychosocial_rehabilitation",
        "restitution_facilitation",
    ],
    "lpsk_decision": ["pending", "granted", "partly_granted", "refused"],
    "return_escort": [
        "migrant_worker_agency",
        "social_affairs",
        "ministry_shelter",
        "iom",
        "ngo",
        "police",
        "family",
        "other",
    ],
    "reintegration_status": ["on_track", "needs_support", "lost_contact", "retrafficked"],
    "incident_kind": ["raid", "rescue", "deportation", "repatriation", "other"],
    "transfer_status": ["requested", "accepted", "declined"],
    "duplicate_reason": ["same_nik", "similar_name"],
    "document_kind": [
        "identity_card",
        "family_card",
        "birth_certificate",
        "consent",
        "police_report",
        "medical_report",
        "court_decision",
        "photo",
        "other",
    ],
    "document_subject": ["person", "case", "service", "referral", "legal_step", "return"],
    "document_format": ["pdf", "jpeg", "png", "webp"],
}

# Module constant name -> Vocabulary.name
CONSTANTS = {
    "EXPLOITATION": "exploitation",
    "LABOUR_SECTOR": "labour_sector",
    "MEANS_OF_CONTROL": "means_of_control",
    "RECRUITMENT_METHOD": "recruitment_method",
    "RECRUITER_RELATIONSHIP": "recruiter_relationship",
    "INTAKE_SOURCE": "intake_source",
    "SERVICE_TYPE": "service_type",
    "PROVIDER_TYPE": "provider_type",
    "CASE_STATUS": "case_status",
    "RISK_LEVEL": "risk_level",
    "TRAFFICKING_STATUS": "trafficking_status",
    "SERVICE_STATUS": "service_status",
    "REFERRAL_STATUS": "referral_status",
    "URGENCY": "urgency",
    "SEX": "sex",
    "EDUCATION": "education",
    "MARITAL_STATUS": "marital_status",
    "NATIONALITY": "nationality",
    "DISABILITY": "disability",
    "CLOSURE_REASON": "closure_reason",
    "ROLE": "role",
    "OFFICE_LEVEL": "office_level",
    "PAPER": "paper",
    "LETTER_LANGUAGE": "letter_language",
    "COUNTRY": "country",
    "ASSESSMENT_KIND": "assessment_kind",
    "ASSESSMENT_DOMAIN": "assessment_domain",
    "PLAN_GOAL_STATUS": "plan_goal_status",
    "LEGAL_STEP_KIND": "legal_step_kind",
    "VERDICT_OUTCOME": "verdict_outcome",
    "LPSK_PROTECTION": "lpsk_protection",
    "LPSK_DECISION": "lpsk_decision",
    "RETURN_ESCORT": "return_escort",
    "REINTEGRATION_STATUS": "reintegration_status",
    "INCIDENT_KIND": "incident_kind",
    "TRANSFER_STATUS": "transfer_status",
    "DUPLICATE_REASON": "duplicate_reason",
    "DOCUMENT_KIND": "document_kind",
    "DOCUMENT_SUBJECT": "document_subject",
    "DOCUMENT_FORMAT": "document_format",
}

CODE_SHAPE = re.compile(r"^[a-z][a-z0-9_]*$")
ALL = sorted(EXPECTED)


# --- Registry and constants ---------------------------------------------------------------


def test_registry_holds_exactly_the_expected_vocabularies():
    assert set(VOCABULARIES) == set(EXPECTED)
    assert set(CONSTANTS.values()) == set(EXPECTED)


@pytest.mark.parametrize(("constant", "name"), sorted(CONSTANTS.items()))
def test_module_constant_is_the_registered_vocabulary(constant, name):
    vocabulary = getattr(vocab_module, constant)
    assert isinstance(vocabulary, Vocabulary)
    assert vocabulary.name == name
    assert VOCABULARIES[name] is vocabulary


@pytest.mark.parametrize("name", ALL)
def test_registry_key_matches_vocabulary_name(name):
    assert VOCABULARIES[name].name == name


# --- Codes --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_codes_exactly_as_documented_and_in_order(name):
    vocabulary = VOCABULARIES[name]
    assert list(vocabulary.codes()) == EXPECTED[name]
    assert [term.code for term in vocabulary.terms] == EXPECTED[name]
    assert [term.code for term in vocabulary] == EXPECTED[name]
    assert len(vocabulary) == len(EXPECTED[name])


@pytest.mark.parametrize("name", ALL)
def test_codes_unique_and_well_shaped(name):
    codes = VOCABULARIES[name].codes()
    assert isinstance(codes, tuple)
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert CODE_SHAPE.match(code), (name, code)


def test_country_codes_are_iso_alpha2_plus_other_and_unknown():
    for code in COUNTRY.codes():
        assert code in ("other", "unknown") or re.fullmatch(r"[a-z]{2}", code), code
    assert COUNTRY.codes()[0] == "id"


@pytest.mark.parametrize("name", ALL)
def test_contains(name):
    vocabulary = VOCABULARIES[name]
    for code in EXPECTED[name]:
        assert code in vocabulary
    assert "no_such_code" not in vocabulary
    assert "" not in vocabulary
    assert None not in vocabulary
    assert 1 not in vocabulary
    assert ["other"] not in vocabulary  # unhashable: False, not TypeError
    assert EXPECTED[name][0].upper() not in vocabulary  # codes are case-sensitive


# --- Labels -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_labels_complete_and_unique_per_language(name, lang):
    vocabulary = VOCABULARIES[name]
    labels = [vocabulary.label(code, lang) for code in vocabulary.codes()]
    for code, label in zip(vocabulary.codes(), labels, strict=True):
        assert isinstance(label, str)
        assert label.strip(), (name, code, lang)
        assert label == label.strip(), (name, code, lang)
        assert label == getattr(vocabulary.term(code), lang)
    folded = [label.casefold() for label in labels]
    assert len(set(folded)) == len(folded), (name, lang, labels)


def test_label_defaults_to_indonesian():
    assert EXPLOITATION.label("forced_labour") == "Kerja paksa"
    assert EXPLOITATION.label("forced_labour", "id") == "Kerja paksa"
    assert EXPLOITATION.label("forced_labour", "en") == "Forced labour"


@pytest.mark.parametrize(
    ("name", "code", "label_id"),
    [
        ("exploitation", "forced_labour", "Kerja paksa"),
        ("exploitation", "sexual_exploitation", "Eksploitasi seksual"),
        ("means_of_control", "debt_bondage", "Jeratan utang"),
        ("intake_source", "hotline", "Hotline SAPA 129"),
        ("provider_type", "hospital", "Rumah sakit (RSUD)"),
        ("provider_type", "health_centre", "Puskesmas"),
        ("provider_type", "police_ppa_unit", "Unit PPA Kepolisian"),
        ("provider_type", "legal_aid", "Bantuan hukum (LBH)"),
        ("provider_type", "shelter", "Rumah aman / shelter (RPTC, RPSA)"),
        ("provider_type", "migrant_worker_agency", "BP2MI / KP2MI"),
        ("provider_type", "lpsk", "LPSK"),
        ("service_type", "repatriation", "Pemulangan"),
        ("service_type", "reintegration", "Reintegrasi sosial"),
        ("service_type", "complaint_intake", "Pengaduan dan identifikasi"),
        ("sex", "female", "Perempuan"),
        ("sex", "male", "Laki-laki"),
        ("country", "id", "Indonesia"),
        ("country", "my", "Malaysia"),
        ("country", "sa", "Arab Saudi"),
    ],
)
def test_known_indonesian_labels(name, code, label_id):
    assert VOCABULARIES[name].label(code, "id") == label_id


@pytest.mark.parametrize(
    ("name", "code", "label_en"),
    [
        ("exploitation", "sexual_exploitation", "Sexual exploitation"),
        ("means_of_control", "debt_bondage", "Debt bondage"),
        ("case_status", "open", "Open"),
        ("sex", "female", "Female"),
        ("country", "sa", "Saudi Arabia"),
        ("country", "kr", "South Korea"),
    ],
)
def test_known_english_labels(name, code, label_en):
    assert VOCABULARIES[name].label(code, "en") == label_en


def test_languages_differ_where_they_should():
    assert SERVICE_TYPE.label("repatriation", "id") != SERVICE_TYPE.label("repatriation", "en")
    assert CASE_STATUS.label("closed", "id") != CASE_STATUS.label("closed", "en")


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_label_unknown_code_raises_key_error(name, lang):
    with pytest.raises(KeyError):
        VOCABULARIES[name].label("no_such_code", lang)
    with pytest.raises(KeyError):
        VOCABULARIES[name].term("no_such_code")


def test_label_unknown_code_even_if_it_exists_elsewhere():
    assert "shelter" in PROVIDER_TYPE
    with pytest.raises(KeyError):
        INTAKE_SOURCE.label("shelter")


def test_label_unknown_language_raises_value_error():
    with pytest.raises(ValueError):
        EXPLOITATION.label("forced_labour", "fr")
    with pytest.raises(ValueError):
        EXPLOITATION.label("forced_labour", "ID")


def test_term_lookup_and_immutability():
    term = PROVIDER_TYPE.term("lpsk")
    assert term == Term("lpsk", "LPSK", PROVIDER_TYPE.label("lpsk", "en"))
    assert term is PROVIDER_TYPE.terms[PROVIDER_TYPE.codes().index("lpsk")]
    with pytest.raises(dataclasses.FrozenInstanceError):
        term.code = "x"  # type: ignore[misc]
    assert not hasattr(term, "__dict__")  # slots
    assert isinstance(PROVIDER_TYPE.terms, tuple)


# --- The Vocabulary class itself ----------------------------------------------------------


def test_vocabulary_from_generator_keeps_order():
    rows = [("b", "Bi", "Be"), ("a", "Ai", "Ae")]
    vocabulary = Vocabulary("sample", (Term(*row) for row in rows))
    assert vocabulary.name == "sample"
    assert vocabulary.codes() == ("b", "a")
    assert list(vocabulary) == [Term("b", "Bi", "Be"), Term("a", "Ai", "Ae")]
    assert len(vocabulary) == 2
    assert vocabulary.label("a") == "Ai"
    assert vocabulary.label("a", "en") == "Ae"


@pytest.mark.parametrize(
    "terms",
    [
        [Term("a", "A", "A"), Term("a", "B", "B")],  # duplicate code
        [Term("A", "A", "A")],  # bad code shape
        [Term("1a", "A", "A")],
        [Term("a-b", "A", "A")],
        [Term("a", "", "A")],  # empty label
        [Term("a", "A", "  ")],
        [Term("a", "Sama", "One"), Term("b", "Sama", "Two")],  # duplicate id label
        [Term("a", "Satu", "Same"), Term("b", "Dua", "Same")],  # duplicate en label
    ],
)
def test_vocabulary_refuses_bad_tables(terms):
    with pytest.raises(ValueError):
        Vocabulary("sample", terms)


# --- Age groups ---------------------------------------------------------------------------


def test_age_group_tables_as_documented():
    assert AGE_GROUPS == (
        ("0-5", 0, 5),
        ("6-12", 6, 12),
        ("13-17", 13, 17),
        ("18-24", 18, 24),
        ("25-44", 25, 44),
        ("45-59", 45, 59),
        ("60+", 60, None),
    )
    assert CTDC_AGE_BANDS == (
        ("0-8", 0, 8),
        ("9-17", 9, 17),
        ("18-20", 18, 20),
        ("21-23", 21, 23),
        ("24-26", 24, 26),
        ("27-29", 27, 29),
        ("30-38", 30, 38),
        ("39-47", 39, 47),
        ("48+", 48, None),
    )


@pytest.mark.parametrize("bands", [AGE_GROUPS, CTDC_AGE_BANDS])
def test_bands_are_contiguous_from_zero_and_open_ended(bands):
    assert bands[0][1] == 0
    for (_, _, high), (_, low, _) in itertools.pairwise(bands):
        assert low == high + 1
    assert bands[-1][2] is None
    assert all(high is not None for _, _, high in bands[:-1])


@pytest.mark.parametrize(
    ("age", "group"),
    [
        (0, "0-5"),
        (5, "0-5"),
        (6, "6-12"),
        (12, "6-12"),
        (13, "13-17"),
        (17, "13-17"),
        (18, "18-24"),
        (24, "18-24"),
        (25, "25-44"),
        (44, "25-44"),
        (45, "45-59"),
        (59, "45-59"),
        (60, "60+"),
        (120, "60+"),
    ],
)
def test_age_group_boundaries(age, group):
    assert age_group(age) == group


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (0, "0-8"),
        (8, "0-8"),
        (9, "9-17"),
        (17, "9-17"),
        (18, "18-20"),
        (20, "18-20"),
        (21, "21-23"),
        (23, "21-23"),
        (24, "24-26"),
        (26, "24-26"),
        (27, "27-29"),
        (29, "27-29"),
        (30, "30-38"),
        (38, "30-38"),
        (39, "39-47"),
        (47, "39-47"),
        (48, "48+"),
        (120, "48+"),
    ],
)
def test_ctdc_age_band_boundaries(age, band):
    assert ctdc_age_band(age) == band


def test_every_age_has_exactly_one_band():
    for age in range(0, 121):
        assert sum(lo <= age and (hi is None or age <= hi) for _, lo, hi in AGE_GROUPS) == 1
        assert sum(lo <= age and (hi is None or age <= hi) for _, lo, hi in CTDC_AGE_BANDS) == 1
        assert age_group(age) in {code for code, _, _ in AGE_GROUPS}
        assert ctdc_age_band(age) in {code for code, _, _ in CTDC_AGE_BANDS}


def test_children_are_under_eighteen_in_both_tables():
    assert age_group(17) == "13-17" and age_group(18) == "18-24"
    assert ctdc_age_band(17) == "9-17" and ctdc_age_band(18) == "18-20"


@pytest.mark.parametrize("age", [-1, -5, -120])
def test_negative_age_raises_value_error(age):
    with pytest.raises(ValueError):
        age_group(age)
    with pytest.raises(ValueError):
        ctdc_age_band(age)


@pytest.mark.parametrize("age", [17.5, "17", None, True])
def test_non_integer_age_raises_type_error(age):
    with pytest.raises(TypeError):
        age_group(age)
    with pytest.raises(TypeError):
        ctdc_age_band(age)


# --- Layering -----------------------------------------------------------------------------


def test_module_imports_only_the_standard_library():
    source = Path(vocab_module.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    assert ast.get_docstring(tree)
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}, imported
