"""Transfers in a batch (DESIGN.md sections 5b and 10): who may send a transfer, what an
accepted or declined one does here, which other office's records a batch may carry
because of one, and the province relaying a person's file between two districts.

How a transfer travels:
- The owner asks (``requested``), or the province hands over on its own authority
  (``accepted`` from the start). The province relays the request and the person's whole
  file to the receiving office, which holds it read-only while it decides.
- The receiving office accepts or declines. Every office that learns of an accepted
  transfer moves the owner of the person's file itself (capture muted), so the move never
  travels as a change and cannot be refused as one; the highest accepted ``hop`` wins,
  whatever order transfers arrive in. An office that declined drops its copy.
- Edits the old owner made before it learned of the acceptance reach the province as the
  old owner's: they are taken as the new owner's (never refused, never dropped), merged
  like any concurrent edit, and relayed on.
"""

from __future__ import annotations

from collections.abc import Iterable

from tipdesk.domain import records as r
from tipdesk.domain.errors import BatchEntryRefused, BatchOverreach
from tipdesk.services.session import Session
from tipdesk.storage import rows
from tipdesk.storage import transfers as store

FILE_TABLES = frozenset(store.FILE_TABLES)
# The decision a province records for a request from an office that no longer owns the
# file (both languages: it is read at both offices, whichever language each uses).
SUPERSEDED = (
    "Ditolak otomatis: kasus sudah tidak dipegang kantor pengaju. "
    "(Declined automatically: the asking office no longer holds the case.)"
)
# The fields a receiving office (or the province relaying it) may change in a transfer.
DECISION_FIELDS = frozenset({"status", "decided_on", "decided_by", "decision_reason"})
_META = frozenset({"id", "origin", "rev", "updated_at", "updated_by"})
# What nobody changes once a transfer is asked for.
_FIXED = frozenset(
    {"case_id", "person_id", "from_office", "to_office", "hop", "reason", "requested_on"}
)


class Handover:
    """The transfers' part of one import, from ``peer``, into ``session``'s register."""

    def __init__(self, session: Session, peer: dict) -> None:
        self.session, self.db = session, session.db
        self.own = session.office.id
        self.sender = peer["office_id"]
        self.province = session.office.level == "province"
        self.from_province = session.office.level == "district" and peer["level"] == "province"
        self.active = self._any_transfers()
        self.dropped: set[str] | None = None
        # Records of a file this office handed over: only their deletions may come.
        self.tombstones_only: set[str] = set()

    def _any_transfers(self) -> bool:
        return store.any_transfers(self.db)

    # --- the transfers themselves -----------------------------------------------------

    def check_transfer(self, rid: str, row: dict | None, mine: dict | None) -> None:
        """Refuse a transfer entry the sender may not send (``BatchOverreach``), or that
        no office could have made (``BatchEntryRefused``)."""
        if row is None:
            if mine is not None:
                raise BatchOverreach(what="transfer", record=rid)  # never purged
            return
        relay = self.from_province and self.own in (row["from_office"], row["to_office"])
        if row["from_office"] == row["to_office"]:
            raise BatchEntryRefused(
                what="transfer", record=rid, field="to_office", problem="owner_mismatch"
            )
        if mine is None:
            made_by_sender = row["origin"] == self.sender and (
                row["from_office"] == self.sender
                or (row["status"] == "accepted" and self._is_province(self.sender))
                or (row["to_office"] == self.sender and self._is_province(self.sender))
            )
            if not (made_by_sender or relay):
                raise BatchOverreach(what="transfer", record=rid)
            if row["status"] != "requested" and not relay and row["origin"] == row["from_office"]:
                # A district's request arrives undecided; only its receiver decides it.
                raise BatchEntryRefused(
                    what="transfer", record=rid, field="status", problem="not_decidable"
                )
            return
        changed = {k for k in row if k not in _META and row.get(k) != mine.get(k)}
        if row.get("deleted") and self.sender in {row["from_office"], row["to_office"]} | (
            {self.sender} if self.from_province else set()
        ):
            return  # erased with its person at a party to it (scrubbed tombstone)
        if row["origin"] != mine["origin"] or changed & _FIXED:
            raise BatchOverreach(what="transfer", record=rid)
        if row["rev"] <= mine["rev"] or (
            row["status"] == "requested" and mine["status"] != "requested"
        ):
            return  # an older state (a batch that crossed ours): the merge keeps ours
        if changed == {"letter_number"} and self.sender in (row["origin"], row["from_office"]):
            return  # the requester issued its transfer letter
        if not changed - {"letter_number"} <= DECISION_FIELDS:
            raise BatchOverreach(what="transfer", record=rid)
        changed -= {"letter_number"}
        if not changed:
            return
        if mine["status"] != "requested" or row["status"] not in ("accepted", "declined"):
            raise BatchEntryRefused(
                what="transfer", record=rid, field="status", problem="not_decidable"
            )
        if not (relay or self.sender == row["to_office"]):
            raise BatchOverreach(what="transfer", record=rid)

    def _is_province(self, office_id: str) -> bool:
        office = rows.get(self.db, r.Office, office_id)
        return office is not None and office.level == "province"

    def after_transfers(self, ids: Iterable[str], before: dict[str, dict]) -> None:
        """What the transfers just written do here: an accepted one moves the owner of
        its person's file; one this office declined drops its copy; a new request makes
        the province relay the file. ``before``: their rows before (absent if new)."""
        self.active = True
        for transfer_id in ids:
            transfer = store.by_id(self.db, transfer_id)
            if transfer is None:
                continue
            prior = before.get(transfer_id)
            if self.province and prior is None and self._superseded(transfer):
                # Asked by an office that no longer owns the file (the province handed it
                # over meanwhile), or never did: declined here, on the province's
                # authority, and the decision travels to both offices (logged as a step
                # from the request as sent, so a later copy of the request merges away).
                sent = rows.to_row(transfer)
                self.relay("transfers", transfer.id, None, sent)
                transfer.status, transfer.decided_on = "declined", self.session.today()
                transfer.decided_by = self.session.user.username
                transfer.decision_reason = SUPERSEDED
                rows.update(self.db, transfer, self.session.stamp)
                prior = sent
            apply_outcome(self.db, transfer, self.own, district=not self.province)
            if self.province:
                if prior is None or prior["rev"] != transfer.rev:
                    store.relay_step(
                        self.db,
                        "transfers",
                        transfer.id,
                        prior,
                        rows.to_row(transfer),
                        self.session.user.username,
                    )
                if prior is None and transfer.status in ("requested", "accepted"):
                    store.relay_whole_file(self.db, transfer.person_id, self.session.user.username)
            if transfer.status == "requested" and transfer.to_office == self.own:
                store.forget_dropped(self.db, transfer.person_id)  # offered again
                self.dropped = None

    def _superseded(self, transfer: r.Transfer) -> bool:
        if transfer.status != "requested":
            return False
        owner = store.owner_of_person(self.db, transfer.person_id)
        return owner is not None and owner != transfer.from_office

    # --- the records of a person's file --------------------------------------------

    def skipped(self, entity: str, rid: str, parent: str | None) -> bool:
        """A record of a file this office declined (and dropped): not taken again."""
        if not self.from_province or not self.active or entity not in FILE_TABLES:
            return False
        if self.dropped is None:
            self.dropped = store.dropped_ids(self.db)
        if rid in self.dropped or (parent and parent in self.dropped):
            self.dropped.add(rid)
            return True
        return False

    def extra_owners(
        self, entity: str, ids: list[str], parents: list[str | None], local: dict[str, dict]
    ) -> dict[str, frozenset[str]]:
        """For the chunk's records, the offices besides the sender's own scope whose
        records it may write here because of a transfer: a province relays the file a
        district offers us; an old owner's late edits reach the province."""
        if not self.active or entity not in FILE_TABLES:
            return {}
        persons = self._persons(entity, ids, parents, local)
        if not persons:
            return {}
        files = store.of_persons(self.db, list(set(persons.values())), live=False)
        extra: dict[str, frozenset[str]] = {}
        for rid, person in persons.items():
            found = files.get(person, [])
            allowed = self._allowed(found, person)
            if not allowed and self.from_province:
                accepted = [t for t in found if t.status == "accepted"]
                if any(t.from_office == self.own for t in accepted):
                    newest = max(accepted, key=lambda t: (t.hop, t.id))
                    allowed = frozenset({newest.to_office})
                    self.tombstones_only.add(rid)
            if allowed:
                extra[rid] = allowed
        return extra

    def _allowed(self, transfers: list[r.Transfer], person_id: str) -> frozenset[str]:
        if self.from_province:
            # The file offered to us, and (relayed before the province learned that we
            # accepted) the old owner's late edits.
            return frozenset(
                t.from_office
                for t in transfers
                if t.status in ("requested", "accepted") and t.to_office == self.own
            )
        if self.province:
            accepted = [t for t in transfers if t.status == "accepted"]
            if accepted:
                last = max(accepted, key=lambda t: t.hop)
                if last.from_office == self.sender:
                    return frozenset({last.to_office})
        return frozenset()

    def _persons(
        self, entity: str, ids: list[str], parents: list[str | None], local: dict[str, dict]
    ) -> dict[str, str]:
        """The person each record of the chunk belongs to (as sent, or as we hold it)."""
        if entity == "persons":
            return {rid: rid for rid in ids}
        if entity == "cases":
            return {
                rid: parent or (local.get(rid) or {}).get("person_id", "")
                for rid, parent in zip(ids, parents, strict=True)
            }
        case_of = {
            rid: parent or (local.get(rid) or {}).get("case_id", "")
            for rid, parent in zip(ids, parents, strict=True)
        }
        person_of_case = store.persons_of_records(self.db, "cases", set(case_of.values()))
        return {
            rid: person_of_case[case] for rid, case in case_of.items() if case in person_of_case
        }

    def file_offices(self, entity: str, rid: str, parent: str | None, mine: dict | None) -> set:
        """The offices a file was handed between, if the record belongs to one: the
        providers either named may appear in it."""
        if not self.active or entity not in FILE_TABLES:
            return set()
        person = self._persons(entity, [rid], [parent], {rid: mine} if mine else {}).get(rid)
        found = store.of_person(self.db, person, live=False) if person else []
        return {office for t in found for office in (t.from_office, t.to_office)}

    def owner_now(self, entity: str, rid: str, parent: str | None, mine: dict | None) -> str:
        """The owner a record of a person's file has here (its person's)."""
        if entity == "persons":
            return store.owner_of_person(self.db, rid) or ""
        if entity == "cases":
            person = parent or (mine or {}).get("person_id", "")
            return store.owner_of_person(self.db, person) or ""
        case = parent or (mine or {}).get("case_id", "")
        found = store.persons_of_records(self.db, "cases", [case])
        return store.owner_of_person(self.db, found[case]) or "" if case in found else ""

    def owner_for(
        self, entity: str, rid: str, parent: str | None, mine: dict | None, origin: str
    ) -> str:
        """The owner a record written because of a transfer takes here: a previous owner's
        record (a late edit) becomes the current owner's; any other keeps its origin."""
        owner = self.owner_now(entity, rid, parent, mine)
        if not owner or owner == origin:
            return origin
        person = self._persons(entity, [rid], [parent], {rid: mine} if mine else {}).get(rid)
        previous = {
            t.from_office
            for t in store.of_person(self.db, person or "", live=False)
            if t.status == "accepted"
        }
        return owner if origin in previous else origin

    def relaying(
        self, entity: str, ids: list[str], parents: list[str | None], local: dict[str, dict]
    ) -> set[str]:
        """Of ``ids``, the records the province must log as it takes them, so they go on
        to the other office that holds them (a file offered or handed over)."""
        if not self.province or not self.active or entity not in FILE_TABLES:
            return set()
        persons = self._persons(entity, ids, parents, local)
        with_transfers = store.persons_with_transfers(self.db, persons.values())
        return {rid for rid, person in persons.items() if person in with_transfers}

    def relay(self, entity: str, rid: str, prior: dict | None, row: dict) -> None:
        store.relay_step(self.db, entity, rid, prior, row, self.session.user.username)

    def relayed(self, entity: str, rid: str, prior: dict) -> None:
        """Log the step a record just took here from ``prior`` (after any merge's own
        change), so it goes on to the other office that holds it."""
        now = store.row_of(self.db, entity, rid)
        if now is not None and now["rev"] != prior["rev"]:
            self.relay(entity, rid, prior, now)


def apply_outcome(db, transfer: r.Transfer, own: str, *, district: bool) -> None:
    """What a transfer's state means for this register's copy of the person's file:
    accepted, the newest accepted hop's receiver owns it; declined by this office (a
    district), the copy it held to decide is dropped. (A province keeps its districts'
    files whatever it decides.)"""
    if transfer.deleted:
        return  # erased with its person: the owner stays where it is
    if transfer.status == "accepted":
        accepted = [
            t for t in store.of_person(db, transfer.person_id, live=False) if t.status == "accepted"
        ]
        if accepted:
            newest = max(accepted, key=lambda t: (t.hop, t.id))
            store.move_owner(db, transfer.person_id, newest.to_office)
    elif transfer.status == "declined" and transfer.to_office == own and district:
        store.drop_copy(db, transfer.person_id, own, transfer.id)
