"""Schema migrations (sqlite-utils ``Migrations("tipdesk")``).

Migrations are named ``m001_...`` and never edited once landed; a change of schema is a
new migration. Before pending migrations run on an existing register, the database is
copied to ``backups/`` (see ``tipdesk.storage.backup``).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from tipdesk.storage import analysis, capture, search

migrations = Migrations("tipdesk")

_SYNCED = """
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    rev TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
"""

_M001 = f"""
CREATE TABLE offices (
    {_SYNCED}
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    region_code TEXT NOT NULL DEFAULT '',
    parent_office_id TEXT NOT NULL DEFAULT '',
    letterhead TEXT NOT NULL DEFAULT '[]',
    head_name TEXT NOT NULL DEFAULT '',
    head_title TEXT NOT NULL DEFAULT '',
    head_nip TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE UNIQUE INDEX offices_code ON offices (code);

CREATE TABLE persons (
    {_SYNCED}
    register_number TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL DEFAULT '',
    alias TEXT NOT NULL DEFAULT '',
    sex TEXT,
    birth_date TEXT,
    estimated_age INTEGER,
    nik TEXT NOT NULL DEFAULT '',
    nationality TEXT,
    phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    region_code TEXT NOT NULL DEFAULT '',
    education TEXT,
    occupation TEXT NOT NULL DEFAULT '',
    disability TEXT,
    marital_status TEXT,
    language TEXT NOT NULL DEFAULT '',
    guardian_name TEXT NOT NULL DEFAULT '',
    guardian_relationship TEXT NOT NULL DEFAULT '',
    guardian_phone TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX persons_nik ON persons (nik) WHERE nik <> '';

-- rid is a stable local row number: the full-text index refers to cases by it.
CREATE TABLE cases (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    rev TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    case_number TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL REFERENCES persons (id),
    opened_on TEXT,
    intake_source TEXT,
    status TEXT NOT NULL,
    risk_level TEXT,
    assigned_to TEXT NOT NULL DEFAULT '',
    trafficking_status TEXT,
    exploitation_types TEXT NOT NULL DEFAULT '[]',
    labour_sector TEXT,
    means_of_control TEXT NOT NULL DEFAULT '[]',
    recruitment_method TEXT,
    recruiter_relationship TEXT,
    recruitment_region TEXT NOT NULL DEFAULT '',
    recruitment_place TEXT NOT NULL DEFAULT '',
    transit_countries TEXT NOT NULL DEFAULT '[]',
    transit_place TEXT NOT NULL DEFAULT '',
    exploitation_country TEXT,
    exploitation_place TEXT NOT NULL DEFAULT '',
    cross_border INTEGER NOT NULL DEFAULT 0,
    migrant_worker INTEGER NOT NULL DEFAULT 0,
    consent_services INTEGER NOT NULL DEFAULT 0,
    consent_share INTEGER NOT NULL DEFAULT 0,
    consent_statistics INTEGER NOT NULL DEFAULT 0,
    consent_date TEXT,
    consent_by TEXT NOT NULL DEFAULT '',
    follow_up_on TEXT,
    closed_on TEXT,
    closure_reason TEXT,
    summary TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX cases_person ON cases (person_id);
CREATE INDEX cases_status ON cases (status, opened_on);
CREATE INDEX cases_worker ON cases (assigned_to, status);
CREATE INDEX cases_opened ON cases (opened_on);
CREATE INDEX cases_follow_up ON cases (follow_up_on) WHERE follow_up_on IS NOT NULL;
CREATE INDEX cases_updated ON cases (updated_at);

CREATE TABLE providers (
    {_SYNCED}
    name TEXT NOT NULL,
    provider_type TEXT,
    address TEXT NOT NULL DEFAULT '',
    region_code TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    contact_person TEXT NOT NULL DEFAULT '',
    contact_title TEXT NOT NULL DEFAULT '',
    services_offered TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX providers_name ON providers (name);

CREATE TABLE services (
    {_SYNCED}
    case_id TEXT NOT NULL REFERENCES cases (id),
    service_type TEXT,
    provider_id TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    planned_on TEXT,
    started_on TEXT,
    completed_on TEXT,
    description TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX services_case ON services (case_id);

CREATE TABLE referrals (
    {_SYNCED}
    case_id TEXT NOT NULL REFERENCES cases (id),
    provider_id TEXT NOT NULL REFERENCES providers (id),
    services_requested TEXT NOT NULL DEFAULT '[]',
    reason TEXT NOT NULL DEFAULT '',
    urgency TEXT NOT NULL,
    letter_number TEXT NOT NULL DEFAULT '',
    letter_date TEXT,
    status TEXT NOT NULL,
    response TEXT NOT NULL DEFAULT '',
    responded_on TEXT,
    follow_up_on TEXT
) STRICT;
CREATE INDEX referrals_case ON referrals (case_id);
CREATE INDEX referrals_status ON referrals (status);
CREATE INDEX referrals_follow_up ON referrals (follow_up_on) WHERE follow_up_on IS NOT NULL;

CREATE TABLE case_notes (
    {_SYNCED}
    case_id TEXT NOT NULL REFERENCES cases (id),
    noted_on TEXT NOT NULL,
    author TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX case_notes_case ON case_notes (case_id, noted_on);

-- Local only, never synced.
CREATE TABLE users (
    username TEXT PRIMARY KEY,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE counters (
    name TEXT NOT NULL,
    year INTEGER NOT NULL,
    value INTEGER NOT NULL,
    PRIMARY KEY (name, year)
) STRICT;

CREATE TABLE _changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    id TEXT NOT NULL,
    op TEXT NOT NULL,
    rev TEXT NOT NULL,
    base_rev TEXT,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX _changes_record ON _changes (entity, id);

CREATE TABLE _capture (muted INTEGER NOT NULL);
INSERT INTO _capture (muted) VALUES (0);

-- One row per case (rowid = cases.rid); contentless, so the text lives only in cases.
CREATE VIRTUAL TABLE case_search USING fts5 (
    names, numbers, places, notes,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
"""


@migrations()
def m001_initial(db: Database) -> None:
    for statement in _split(_M001):
        db.execute(statement)
    for table in capture.M001_TABLES:
        capture.install(db, table)


def _split(script: str) -> list[str]:
    """Statements of a script (none of ours has ';' inside a string or trigger)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


_M002 = """
-- Who made each change, for the case history (the row's updated_by at the time).
ALTER TABLE _changes ADD COLUMN author TEXT NOT NULL DEFAULT '';

-- For the case list (storage/listing.py), which pages without reading wide case rows:
-- the few deleted cases, to leave out by id;
CREATE INDEX cases_deleted ON cases (rid) WHERE deleted = 1;
-- sort orders with no index yet (blank follow-ups included) and the exploitation filter;
CREATE INDEX cases_follow_up_all ON cases (follow_up_on);
CREATE INDEX cases_exploitation ON cases (exploitation_types);
-- sorting by name, walking persons in name order to their cases.
CREATE INDEX persons_name ON persons (full_name COLLATE NOCASE, id);
-- The referral list likewise: deleted referrals, and referrals to a provider.
CREATE INDEX referrals_deleted ON referrals (id) WHERE deleted = 1;
CREATE INDEX referrals_provider ON referrals (provider_id);
"""


@migrations()
def m002_change_author(db: Database) -> None:
    for statement in _split(_M002):
        db.execute(statement)
    # The triggers name their columns: re-create them to fill the new one.
    for table in capture.M001_TABLES:
        capture.install(db, table)


_M003 = """
-- Local only, never synced: every letter this office issued, with the PDF as printed,
-- so a reprint gives the same bytes. Numbers are unique; (year, seq) is the counter.
CREATE TABLE letters (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    referral_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    language TEXT NOT NULL,
    includes_identity INTEGER NOT NULL,
    attachments INTEGER NOT NULL DEFAULT 0,
    override_reason TEXT NOT NULL DEFAULT '',
    username TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    pdf BLOB NOT NULL,
    UNIQUE (year, seq)
) STRICT;
CREATE INDEX letters_referral ON letters (referral_id, issued_at);
CREATE INDEX letters_issued ON letters (issued_at);
"""


@migrations()
def m003_letters(db: Database) -> None:
    for statement in _split(_M003):
        db.execute(statement)


@migrations()
def m004_sync(db: Database) -> None:
    from tipdesk.storage.sync import MIGRATION

    for statement in _split(MIGRATION):
        db.execute(statement)
    # The capture triggers name their columns; the new one takes its default.


@migrations()
def m005_case_origin(db: Database) -> None:
    # A province lists, counts and filters cases by the district they came from.
    db.execute("CREATE INDEX cases_origin ON cases (origin)")


_M006 = """
-- Local only, never synced: who did what to which record, when. Each row holds the
-- SHA-256 of the one before it (storage/audit.py), so an edited or removed row shows.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    username TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '',
    record_id TEXT NOT NULL DEFAULT '',
    case_number TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_case ON audit_log (case_number) WHERE case_number <> '';
CREATE INDEX audit_log_user ON audit_log (username, seq);

-- Who registered a case (a case worker sees the cases assigned to them and the ones they
-- created), and the supervisor who approved its closure.
ALTER TABLE cases ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN closure_approved_by TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN closure_approved_on TEXT;
CREATE INDEX cases_created_by ON cases (created_by, status);

-- A removed account keeps its row (the audit trail names it) but has no key slot.
ALTER TABLE users ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
"""


@migrations()
def m006_access(db: Database) -> None:
    for statement in _split(_M006):
        db.execute(statement)
    # Cases made before: their creator is the author of their insert (not a change of
    # the case, so not captured).
    muted = capture.is_muted(db)
    capture.set_muted(db, True)
    db.execute("""UPDATE cases SET created_by = coalesce(
                      (SELECT author FROM _changes ch WHERE ch.entity = 'cases'
                         AND ch.id = cases.id AND ch.op = 'insert' AND ch.author <> ''
                       ORDER BY ch.seq LIMIT 1), updated_by)""")
    capture.set_muted(db, muted)
    for table in capture.M001_TABLES:
        capture.install(db, table)


@migrations()
def m007_report_indexes(db: Database) -> None:
    # A report reads the cases handled in its period: those still open (few, in a large
    # register) and those closed on or after its first day, each through its own index.
    db.execute("CREATE INDEX cases_open_opened ON cases (opened_on) WHERE closed_on IS NULL")
    db.execute("CREATE INDEX cases_closed ON cases (closed_on) WHERE closed_on IS NOT NULL")


# Words of new entries are gathered in memory and written out as one index segment when
# this much is pending (FTS5's default is 1 MiB): a bulk load of demo cases or an import
# writes and merges far fewer segments (A/B in docs/performance.md). An ordinary save
# writes its few words at commit, as before. Segments merge once 8 of a level exist
# (default 4): fewer rewrites while cases arrive, no slower search. m010 lowers the
# amount to SEARCH_HASH_BYTES.
_M008_HASH_BYTES = 32 * 1024 * 1024
SEARCH_AUTOMERGE = 8


@migrations()
def m008_search_settings(db: Database) -> None:
    db.execute(
        "INSERT INTO case_search (case_search, rank) VALUES ('hashsize', ?)", [_M008_HASH_BYTES]
    )
    db.execute(
        "INSERT INTO case_search (case_search, rank) VALUES ('automerge', ?)", [SEARCH_AUTOMERGE]
    )


# The search index without its 2- and 3-letter prefix indexes, which took four fifths of
# it (94 of 121 MB for 100,000 demo cases) and half the time of indexing a bulk load. A
# prefix query of 3 letters or more is as fast without them (FTS5 reads the words in that
# range of its dictionary; a whole name never used them); one of 2 letters takes a few
# milliseconds more. Measured in docs/performance.md. The new index starts empty; the
# setting asks ``search.index_if_emptied`` to fill it once every migration has run, with
# the search code of that day (which may read columns later migrations add).
_M009 = """
DROP TABLE case_search;
CREATE VIRTUAL TABLE case_search USING fts5 (
    names, numbers, places, notes,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
)
"""


@migrations()
def m009_search_without_prefixes(db: Database) -> None:
    for statement in _split(_M009):
        db.execute(statement)
    m008_search_settings(db)  # the bulk settings, on the new index
    db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')", [search.EMPTIED])


# 8 MiB of pending words instead of m008's 32: once the demo stopped writing its words out
# at every chunk, a bulk load used the whole 32 MiB, and the process held 40 MB more for
# no speed (100,000 demo cases, and a 100,000-case import, as fast at 8 as at 32 MiB;
# docs/performance.md).
SEARCH_HASH_BYTES = 8 * 1024 * 1024


@migrations()
def m010_search_hash_smaller(db: Database) -> None:
    db.execute(
        "INSERT INTO case_search (case_search, rank) VALUES ('hashsize', ?)", [SEARCH_HASH_BYTES]
    )


_M011 = """
-- Why an inbox batch waits: NULL for a gap before it; 'mass_delete' for a batch that
-- deletes many of the sender's cases, held for an administrator (DESIGN.md section 5b),
-- with what it would delete.
ALTER TABLE inbox ADD COLUMN held TEXT;
ALTER TABLE inbox ADD COLUMN detail TEXT NOT NULL DEFAULT '{}';
-- The newest audit head each peer sent us (its row number and hash), and whether its
-- chain ever went back on a head it had sent before.
ALTER TABLE peers ADD COLUMN audit_seq INTEGER;
ALTER TABLE peers ADD COLUMN audit_hash TEXT;
ALTER TABLE peers ADD COLUMN audit_at TEXT;
ALTER TABLE peers ADD COLUMN audit_warning TEXT;
-- Our own audit heads as peers have seen them (echoed back in their batches): our chain
-- must still extend each of them.
CREATE TABLE audit_anchors (
    peer TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    at TEXT NOT NULL
) STRICT;
"""


@migrations()
def m011_sync_trust(db: Database) -> None:
    for statement in _split(_M011):
        db.execute(statement)


_M012 = f"""
-- The records written since the analysis copy (storage/analysis.py) last took them in:
-- noted by triggers that imports do not mute, dropped once the copy holds them.
CREATE TABLE {analysis.DIRTY} (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    id TEXT NOT NULL,
    gone INTEGER NOT NULL DEFAULT 0     -- a purge: the copy deletes the record too
)
"""


@migrations()
def m012_analysis_copy(db: Database) -> None:
    db.execute(_M012)
    analysis.install_triggers(db)


# The search index with a fifth column, ``spellings``: the spelling keys of name words
# written otherwise than their key (domain.spelling; "lidia" for "Lidya"), so that a
# search forgives Indonesian spelling variants (issue 21). FTS5 cannot add a column: the
# index is made anew, empty, with m008's settings, and filled once every migration has
# run (``search.index_if_emptied``, as for m009).
_M013 = """
DROP TABLE case_search;
CREATE VIRTUAL TABLE case_search USING fts5 (
    names, numbers, places, notes, spellings,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
)
"""


@migrations()
def m013_search_spellings(db: Database) -> None:
    for statement in _split(_M013):
        db.execute(statement)
    m008_search_settings(db)
    m010_search_hash_smaller(db)
    db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')", [search.EMPTIED])


# The register list sorted by any column from an index, at a province's million cases
# (issue 21; docs/performance.md): each index holds its column then the row id, the order
# ties are listed in. Sex and age are the person's: walked from persons to their cases.
# Home's follow-ups likewise, with the status beside the date.
_M014 = """
CREATE INDEX cases_status_rid ON cases (status);
CREATE INDEX cases_worker_rid ON cases (assigned_to);
CREATE INDEX persons_sex ON persons (sex);
CREATE INDEX persons_birth ON persons (birth_date) WHERE birth_date IS NOT NULL;
CREATE INDEX persons_estimated_age ON persons (estimated_age) WHERE birth_date IS NULL;
-- Home and the navigation's counts: follow-ups of open cases, and of sent referrals, by
-- date, their status read from the index (not a set of every open case's id first).
CREATE INDEX cases_follow_up_status ON cases (follow_up_on, status);
CREATE INDEX referrals_follow_up_status ON referrals (follow_up_on, status)
    WHERE follow_up_on IS NOT NULL
"""


@migrations()
def m014_list_sort_indexes(db: Database) -> None:
    for statement in _split(_M014):
        db.execute(statement)


# The case journey (issue 22; DESIGN.md section 10): the records of a case beyond intake,
# synced like services (the standard columns, capture, the analysis copy's notes), and
# the incidents that bring many victims at once, which cases name (no reference: a
# case may name an incident its office does not hold).
_M015_JOURNEY = f"""
CREATE TABLE assessments (
    {_SYNCED}
    case_id TEXT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    assessed_on TEXT,
    assessed_by TEXT NOT NULL DEFAULT '',
    risk_level TEXT,
    respond_by TEXT,
    needs TEXT NOT NULL DEFAULT '[]',
    findings TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX assessments_case ON assessments (case_id, assessed_on);
CREATE INDEX assessments_respond_by ON assessments (respond_by) WHERE respond_by IS NOT NULL;

CREATE TABLE plan_goals (
    {_SYNCED}
    case_id TEXT NOT NULL REFERENCES cases (id),
    goal TEXT NOT NULL DEFAULT '',
    domain TEXT,
    linked_ids TEXT NOT NULL DEFAULT '[]',
    target_on TEXT,
    review_on TEXT,
    status TEXT NOT NULL,
    approved_by TEXT NOT NULL DEFAULT '',
    approved_on TEXT
) STRICT;
CREATE INDEX plan_goals_case ON plan_goals (case_id);
CREATE INDEX plan_goals_review ON plan_goals (review_on) WHERE review_on IS NOT NULL;

CREATE TABLE legal_steps (
    {_SYNCED}
    case_id TEXT NOT NULL REFERENCES cases (id),
    kind TEXT,
    step_on TEXT,
    reference_number TEXT NOT NULL DEFAULT '',
    authority TEXT NOT NULL DEFAULT '',
    restitution_requested INTEGER NOT NULL DEFAULT 0,
    outcome TEXT,
    sentence_months INTEGER,
    perpetrators INTEGER,
    perpetrator_relationship TEXT,
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX legal_steps_case ON legal_steps (case_id, step_on);
CREATE INDEX legal_steps_kind ON legal_steps (kind, step_on);

CREATE TABLE restitution (
    {_SYNCED}
    case_id TEXT NOT NULL REFERENCES cases (id),
    requested_on TEXT,
    requested_amount INTEGER,
    requested_by TEXT NOT NULL DEFAULT '',
    lpsk_assessed_on TEXT,
    lpsk_assessed_amount INTEGER,
    awarded_on TEXT,
    awarded_amount INTEGER,
    paid_on TEXT,
    paid_amount INTEGER,
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX restitution_case ON restitution (case_id);

CREATE TABLE lpsk_requests (
    {_SYNCED}
    case_id TEXT NOT NULL REFERENCES cases (id),
    requested_on TEXT,
    protection_types TEXT NOT NULL DEFAULT '[]',
    decision TEXT NOT NULL,
    decided_on TEXT,
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX lpsk_requests_case ON lpsk_requests (case_id);

CREATE TABLE returns (
    {_SYNCED}
    case_id TEXT NOT NULL REFERENCES cases (id),
    origin_region TEXT NOT NULL DEFAULT '',
    escort TEXT,
    departed_on TEXT,
    arrived_on TEXT,
    handover_on TEXT,
    handover_number TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX returns_case ON returns (case_id);

CREATE TABLE reintegration_checkups (
    {_SYNCED}
    case_id TEXT NOT NULL REFERENCES cases (id),
    return_id TEXT NOT NULL DEFAULT '',
    checked_on TEXT,
    status TEXT,
    next_on TEXT,
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX reintegration_checkups_case ON reintegration_checkups (case_id, checked_on);
CREATE INDEX reintegration_checkups_next ON reintegration_checkups (next_on)
    WHERE next_on IS NOT NULL;

CREATE TABLE incidents (
    {_SYNCED}
    incident_number TEXT NOT NULL UNIQUE,
    occurred_on TEXT,
    kind TEXT,
    region_code TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX incidents_occurred ON incidents (occurred_on);

-- NULL in the cases made before (and in rows from offices that do not know incidents yet).
ALTER TABLE cases ADD COLUMN incident_id TEXT;
CREATE INDEX cases_incident ON cases (incident_id) WHERE incident_id IS NOT NULL
    AND incident_id <> ''
"""
JOURNEY_TABLES = (
    "assessments",
    "plan_goals",
    "legal_steps",
    "restitution",
    "lpsk_requests",
    "returns",
    "reintegration_checkups",
    "incidents",
)


@migrations()
def m015_case_journey(db: Database) -> None:
    for statement in _split(_M015_JOURNEY):
        db.execute(statement)
    # The case triggers name their columns: made again with incident_id.
    for table in ("cases", *JOURNEY_TABLES):
        capture.install(db, table)
    analysis.install_triggers(db)


_M016_LETTER_KINDS = """
-- One archive for a family of letters (issue 22): each row says what kind of letter it
-- is and the record it was issued for; the letters made before are referral letters.
ALTER TABLE letters RENAME COLUMN referral_id TO record_id;
ALTER TABLE letters ADD COLUMN kind TEXT NOT NULL DEFAULT 'referral';
DROP INDEX letters_referral;
CREATE INDEX letters_record ON letters (kind, record_id, issued_at);

-- The number of the request's letter to LPSK ('' in rows from offices that do not know it).
ALTER TABLE lpsk_requests ADD COLUMN letter_number TEXT NOT NULL DEFAULT ''
"""


@migrations()
def m016_letter_kinds(db: Database) -> None:
    for statement in _split(_M016_LETTER_KINDS):
        db.execute(statement)
    # The capture triggers name their columns: made again with letter_number.
    capture.install(db, "lpsk_requests")


_M017_TRANSFERS = f"""
-- A case handed to another office (issue 23). No foreign keys: a receiving office gets
-- the transfer before (or without) the records it moves.
CREATE TABLE transfers (
    {_SYNCED}
    case_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    from_office TEXT NOT NULL,
    to_office TEXT NOT NULL,
    hop INTEGER NOT NULL DEFAULT 1,
    reason TEXT NOT NULL DEFAULT '',
    requested_on TEXT,
    requested_by TEXT NOT NULL DEFAULT '',
    letter_number TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    decided_on TEXT,
    decided_by TEXT NOT NULL DEFAULT '',
    decision_reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX transfers_person ON transfers (person_id, hop);
CREATE INDEX transfers_case ON transfers (case_id);
CREATE INDEX transfers_offices ON transfers (to_office, status);
CREATE INDEX transfers_from ON transfers (from_office, status);

-- Two offices' persons a province found to be one (issue 23): a link, never a merge.
CREATE TABLE person_links (
    {_SYNCED}
    person_a TEXT NOT NULL,
    person_b TEXT NOT NULL,
    office_a TEXT NOT NULL,
    office_b TEXT NOT NULL,
    case_number_a TEXT NOT NULL DEFAULT '',
    case_number_b TEXT NOT NULL DEFAULT '',
    reasons TEXT NOT NULL DEFAULT '[]',
    linked_on TEXT,
    linked_by TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX person_links_a ON person_links (person_a);
CREATE INDEX person_links_b ON person_links (person_b);
CREATE INDEX person_links_offices ON person_links (office_a, office_b);

-- The records of a file this office was offered and declined (local): dropped, and not
-- taken again from a batch that was on its way before the decline arrived.
CREATE TABLE transfer_dropped (
    record_id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    transfer_id TEXT NOT NULL
) STRICT;
CREATE INDEX transfer_dropped_person ON transfer_dropped (person_id);

-- Persons of two offices that may be one, found by the province's duplicate check
-- (local): the review list. a < b; reasons is a JSON list of duplicate_reason codes.
CREATE TABLE person_link_candidates (
    person_a TEXT NOT NULL,
    person_b TEXT NOT NULL,
    reasons TEXT NOT NULL DEFAULT '[]',
    score REAL NOT NULL DEFAULT 0,
    found_at TEXT NOT NULL,
    PRIMARY KEY (person_a, person_b)
) STRICT;

-- Pairs a province looked at and found to be two people: not proposed again.
CREATE TABLE person_link_dismissed (
    person_a TEXT NOT NULL,
    person_b TEXT NOT NULL,
    dismissed_at TEXT NOT NULL,
    dismissed_by TEXT NOT NULL,
    PRIMARY KEY (person_a, person_b)
) STRICT
"""


@migrations()
def m017_transfers_and_links(db: Database) -> None:
    for statement in _split(_M017_TRANSFERS):
        db.execute(statement)
    for table in ("transfers", "person_links"):
        capture.install(db, table)


_M018_DOCUMENTS = f"""
-- Scans and photos kept with a case (issue 24). The row travels like any record of the
-- case; the bytes stay in this (encrypted) database, in parts of DOCUMENT_PART bytes, so
-- a document is written, read and sent a part at a time, and its row and its bytes are
-- written, and erased, in one transaction.
CREATE TABLE documents (
    {_SYNCED}
    case_id TEXT NOT NULL REFERENCES cases (id),
    person_id TEXT NOT NULL DEFAULT '',
    attached_to TEXT NOT NULL DEFAULT 'case',
    attached_id TEXT NOT NULL DEFAULT '',
    kind TEXT,
    document_on TEXT,
    note TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    media_type TEXT,
    size INTEGER,
    sha256 TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX documents_case ON documents (case_id);
CREATE INDEX documents_person ON documents (person_id) WHERE attached_to = 'person';

-- The bytes of the live documents (local: they travel beside the rows, never as changes).
CREATE TABLE document_bytes (
    document_id TEXT NOT NULL,
    part INTEGER NOT NULL,
    data BLOB NOT NULL
) STRICT;
CREATE UNIQUE INDEX document_bytes_part ON document_bytes (document_id, part);

-- The documents a letter lists in its Lampiran (a JSON array of document ids, in the
-- letter's order), so a reprint prints the same ones after the letter.
ALTER TABLE letters ADD COLUMN documents TEXT NOT NULL DEFAULT '[]'
"""
# A document removed (a tombstone) or purged (erasure) takes its bytes with it, in the
# same statement: no bytes outlive their row, whoever removes it (the app, an import).
_M018_TRIGGERS = (
    """CREATE TRIGGER documents_removed AFTER UPDATE OF deleted ON documents
    WHEN NEW.deleted AND NOT OLD.deleted
    BEGIN DELETE FROM document_bytes WHERE document_id = NEW.id; END""",
    """CREATE TRIGGER documents_purged AFTER DELETE ON documents
    BEGIN DELETE FROM document_bytes WHERE document_id = OLD.id; END""",
)


@migrations()
def m018_documents(db: Database) -> None:
    for statement in [*_split(_M018_DOCUMENTS), *_M018_TRIGGERS]:
        db.execute(statement)
    capture.install(db, "documents")


_M019_SIMFONI = f"""
-- That a case was entered into SIMFONI-PPA (issue 25): one live entry a case.
CREATE TABLE simfoni_entries (
    {_SYNCED}
    case_id TEXT NOT NULL REFERENCES cases (id),
    entered_on TEXT,
    entered_by TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX simfoni_entries_case ON simfoni_entries (case_id) WHERE deleted = 0;
CREATE INDEX simfoni_entries_reference ON simfoni_entries (reference) WHERE deleted = 0
"""


@migrations()
def m019_simfoni_entries(db: Database) -> None:
    for statement in _split(_M019_SIMFONI):
        db.execute(statement)
    capture.install(db, "simfoni_entries")
