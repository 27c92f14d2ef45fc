"""The account briefing: everything a rep should read before walking in, in one call."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.records import (
    OPEN_OPPORTUNITY_STAGES,
    Account,
    Contact,
    FollowUp,
    Note,
    NoteKind,
    Opportunity,
    User,
    Visit,
)
from fieldapp.store.database import Store
from fieldapp.usecases.accounts import contacts_of, get_account
from fieldapp.usecases.follow_ups import open_follow_ups

RECENT_REPORTS = 5


@dataclass(frozen=True, slots=True)
class VisitReport:
    visit: Visit | None
    report: Note
    feedback: tuple[Note, ...]
    reviewed: bool


@dataclass(frozen=True, slots=True)
class Briefing:
    account: Account
    owner: User | None
    last_visit: Visit | None
    next_visit: Visit | None
    pinned_notes: tuple[Note, ...]
    recent_reports: tuple[VisitReport, ...]
    open_follow_ups: tuple[FollowUp, ...]
    contacts: tuple[Contact, ...]
    open_opportunities: tuple[Opportunity, ...]


def account_briefing(store: Store, account_id: str) -> Briefing:
    account = get_account(store, account_id)
    owner_row = store.query_one("SELECT * FROM users WHERE id = ?", (account.owner_id,))
    last = store.query_one(
        "SELECT * FROM visits WHERE account_id = ? AND status = 'completed'"
        " ORDER BY planned_start DESC LIMIT 1",
        (account_id,),
    )
    upcoming = store.query_one(
        "SELECT * FROM visits WHERE account_id = ? AND status IN ('planned', 'checked_in')"
        " ORDER BY planned_start LIMIT 1",
        (account_id,),
    )
    pinned = store.query(
        "SELECT * FROM notes WHERE account_id = ? AND pinned = 1 ORDER BY created_at DESC",
        (account_id,),
    )
    reports = store.query(
        "SELECT n.*, EXISTS (SELECT 1 FROM reviews r WHERE r.note_id = n.id) AS reviewed"
        " FROM notes n WHERE n.account_id = ? AND n.kind = 'visit_report'"
        " ORDER BY n.created_at DESC LIMIT ?",
        (account_id, RECENT_REPORTS),
    )
    report_ids = [r["id"] for r in reports]
    feedback: dict[str, list[Note]] = {rid: [] for rid in report_ids}
    visits: dict[str, Visit] = {}
    if report_ids:
        marks = ", ".join("?" for _ in report_ids)
        for row in store.query(
            f"SELECT * FROM notes WHERE reply_to_id IN ({marks}) ORDER BY created_at",
            report_ids,
        ):
            feedback[row["reply_to_id"]].append(Note.from_row(row))
        visit_ids = [r["visit_id"] for r in reports if r["visit_id"]]
        marks = ", ".join("?" for _ in visit_ids)
        visits = {
            row["id"]: Visit.from_row(row)
            for row in store.query(f"SELECT * FROM visits WHERE id IN ({marks})", visit_ids)
        }
    opportunities = store.query(
        f"SELECT * FROM opportunities WHERE account_id = ? AND stage IN"
        f" ({', '.join('?' for _ in OPEN_OPPORTUNITY_STAGES)}) ORDER BY close_date",
        (account_id, *OPEN_OPPORTUNITY_STAGES),
    )
    return Briefing(
        account=account,
        owner=User.from_row(owner_row) if owner_row else None,
        last_visit=Visit.from_row(last) if last else None,
        next_visit=Visit.from_row(upcoming) if upcoming else None,
        pinned_notes=tuple(Note.from_row(r) for r in pinned),
        recent_reports=tuple(
            VisitReport(
                visit=visits.get(r["visit_id"]) if r["visit_id"] else None,
                report=Note.from_row(r),
                feedback=tuple(feedback[r["id"]]),
                reviewed=bool(r["reviewed"]),
            )
            for r in reports
        ),
        open_follow_ups=tuple(open_follow_ups(store, account_id)),
        contacts=tuple(contacts_of(store, account_id)),
        open_opportunities=tuple(Opportunity.from_row(r) for r in opportunities),
    )


LATEST_FEEDBACK = 2


@dataclass(frozen=True, slots=True)
class CheckInReminders:
    """What the visit window shows on the way in, so that nothing pinned is missed."""

    pinned_notes: tuple[Note, ...]
    latest_feedback: tuple[Note, ...]  # newest first

    def __bool__(self) -> bool:
        return bool(self.pinned_notes or self.latest_feedback)


def check_in_reminders(briefing: Briefing) -> CheckInReminders:
    """The notes pinned for the account and the latest feedback on its visit reports
    (the inside team's answers, not the rep's own replies), from its briefing."""
    feedback = [
        note
        for report in briefing.recent_reports
        for note in report.feedback
        if note.kind == NoteKind.FEEDBACK
    ]
    feedback.sort(key=lambda note: (note.arrived_at or note.created_at, note.id), reverse=True)
    return CheckInReminders(briefing.pinned_notes, tuple(feedback[:LATEST_FEEDBACK]))
