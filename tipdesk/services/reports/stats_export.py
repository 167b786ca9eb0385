"""The anonymised statistical export (issue 7): one row per case in a CTDC/HTCDS-shaped
layout, k-anonymous on its quasi-identifiers, safe to send outside the office.

No names, numbers, ids, free text or dates finer than the year leave the register; only
cases whose person consented to anonymous statistics are included. The quasi-identifiers
(year of registration, sex, age band, citizenship, province of origin, country of
exploitation, and of the case journey (issue 22) only the coarse legal stage reached
(none, police, prosecution, verdict) and whether restitution was claimed (yes, no)) are
generalised where a combination is rarer than k, and rows still in a
combination rarer than k are suppressed (left out); the export says how many.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tipdesk.domain.errors import BadArgument
from tipdesk.runtime.progress import Progress
from tipdesk.services.access import permissions
from tipdesk.services.session import Session
from tipdesk.storage import stats as store
from tipdesk.storage.files import atomic_file

# Our exploitation and means-of-control codes as HTCDS-style flag columns.
EXPLOITATION_FLAGS = {
    "forced_labour": "isForcedLabour",
    "sexual_exploitation": "isSexualExploit",
    "forced_marriage": "isForcedMarriage",
    "domestic_servitude": "isDomesticServitude",
    "child_labour": "isChildLabour",
    "forced_begging": "isForcedBegging",
    "organ_removal": "isOrganRemoval",
    "forced_criminality": "isForcedCriminality",
    "slavery_practices": "isSlaveryAndPractices",
    "other": "isOtherExploit",
}
MEANS_FLAGS = {
    "debt_bondage": "meansDebtBondage",
    "takes_earnings": "meansTakesEarnings",
    "restricts_financial_access": "meansRestrictsFinancialAccess",
    "threats": "meansThreats",
    "psychological_abuse": "meansPsychologicalAbuse",
    "physical_abuse": "meansPhysicalAbuse",
    "sexual_abuse": "meansSexualAbuse",
    "false_promises": "meansFalsePromises",
    "psychoactive_substances": "meansPsychoactiveSubstances",
    "restricts_movement": "meansRestrictsMovement",
    "restricts_medical_care": "meansRestrictsMedicalCare",
    "excessive_working_hours": "meansExcessiveWorkingHours",
    "uses_children": "meansUsesChildren",
    "threat_of_law_enforcement": "meansThreatOfLawEnforcement",
    "withholds_necessities": "meansWithholdsNecessities",
    "withholds_documents": "meansWithholdsDocuments",
    "other": "meansOther",
}

# Flag column -> (the list it is read from, the code it flags).
FLAGS = {
    **{name: ("exploitation_types", code) for code, name in EXPLOITATION_FLAGS.items()},
    **{name: ("means_of_control", code) for code, name in MEANS_FLAGS.items()},
}

# File header -> column of temp.stats_rows (or a flag of FLAGS).
LAYOUT: tuple[tuple[str, str], ...] = (
    ("yearOfRegistration", "year"),
    ("gender", "sex"),
    ("ageBroad", "age_band"),
    ("citizenship", "citizenship"),
    ("provinceOfOrigin", "province"),
    ("CountryOfExploitation", "country"),
    ("legalStage", "legal_stage"),
    ("restitution", "restitution"),
    *((name, name) for name in EXPLOITATION_FLAGS.values()),
    ("typeOfLabour", "labour_sector"),
    *((name, name) for name in MEANS_FLAGS.values()),
    ("recruiterRelation", "recruiter_relationship"),
)
QUASI_IDENTIFIER_HEADERS = (
    "yearOfRegistration",
    "gender",
    "ageBroad",
    "citizenship",
    "provinceOfOrigin",
    "CountryOfExploitation",
    "legalStage",
    "restitution",
)
DEFAULT_K = 11


@dataclass(frozen=True)
class StatsExport:
    path: Path
    k: int
    exported: int  # rows in the file
    generalised: int  # values made coarser to reach k
    suppressed: int  # rows left out because their combination stayed rarer than k
    without_consent: int  # cases left out: no consent to anonymous statistics


def export_stats(
    session: Session, out: Path, *, k: int = DEFAULT_K, progress: Progress | None = None
) -> StatsExport:
    """Write the anonymised export as CSV to ``out`` (a temporary name, then renamed);
    ``progress`` counts its three steps."""
    permissions.require(session, "view_statistics")
    if k < 2:
        raise BadArgument(argument="--k", reason="k must be 2 or more")
    db = session.db
    with db.atomic():  # one snapshot; only the temporary tables are written
        try:
            _, without_consent = store.fill(db)
            if progress:
                progress(1, 3)
            generalised, suppressed = store.anonymise(db, k)
            if progress:
                progress(2, 3)
            exported = 0
            with atomic_file(Path(out)) as handle:
                handle.write((",".join(h for h, _ in LAYOUT) + "\n").encode("utf-8"))
                for lines in store.csv_lines(db, [column for _, column in LAYOUT], FLAGS):
                    handle.write(lines.encode("utf-8"))
                    exported += lines.count("\n")
        finally:
            store.drop(db)
    if progress:
        progress(3, 3)
    return StatsExport(Path(out), k, exported, generalised, suppressed, without_consent)
