"""What happens at the demo accounts: visits, visit reports, reviews, feedback, notes for the
field, follow-ups, and the coming days' planned visits.

``ActivityBuilder`` also holds the random-draw helpers that ``generator`` shares; the
organisation itself (users, accounts, contacts, opportunities) is built there.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

from fieldapp.catalogue import COLLECTIONS
from fieldapp.demo import vocabulary as V
from fieldapp.demo.timeline import DAY_SECONDS as DAY
from fieldapp.demo.timeline import Calendar
from fieldapp.demo.vocabulary import Territory
from fieldapp.ids import seeded_id

Record = dict[str, Any]
_T = TypeVar("_T")

HOUR = 3_600
HISTORY_DAYS = 182
PLAN_DAYS = 5  # today and the next four working days
# Local start times (minutes after midnight) of a rep's visit slots, 8:00 to 16:30 with a
# lunch break: 70 minutes apart, so the longest visit (60) plus lateness (10) fits.
SLOT_STARTS = (480, 550, 620, 690, 780, 850, 920, 990)
VISIT_MINUTES = {"A": 60, "B": 45, "C": 30}
PLAN_PREFERENCE = {"A": 1.0, "B": 0.5, "C": 0.2}  # which accounts get booked first
OUTCOMES = (("order_placed", 0.30), ("positive", 0.65), ("neutral", 0.90), ("negative", 1.0))
DUE_IN_DAYS = (1, 2, 2, 2, 3, 5, 7, 10, 14)  # mostly the two-working-day hand-off SLA


class Rep:
    """A field rep while the data is being built."""

    __slots__ = ("accounts", "booked", "id", "inside_id", "territory")

    def __init__(self, rep_id: str, territory: Territory, inside_id: str) -> None:
        self.id = rep_id
        self.territory = territory
        self.inside_id = inside_id  # the inside rep of this rep's pod
        self.accounts: list[Account] = []
        self.booked: dict[int, int] = {}  # day -> visit slots taken


class Account:
    """What the builder remembers about an account after writing its record."""

    __slots__ = ("contacts", "created", "id", "lang", "lat", "lon", "rep", "tier")

    def __init__(
        self, account_id: str, rep: Rep, lang: str, tier: str, lat: float, lon: float, created: int
    ) -> None:
        self.id = account_id
        self.rep = rep
        self.lang = lang  # "fr" or "en": the language its people and reports use
        self.tier = tier
        self.lat = lat
        self.lon = lon
        self.created = created
        self.contacts: list[tuple[str, str, str, str]] = []  # (id, first, full name, title)


class ActivityBuilder:
    """One generation run's random source, calendar and output lists, and the activity."""

    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.rnd = self.rng.random  # bound once: it is called millions of times
        self.cal = Calendar(today)
        self.stamp = self.cal.stamp  # epoch seconds -> store text, a million times a run
        # History ends at midnight in Montréal, before anyone starts today's work.
        self.cutoff = self.cal.local(0, 0, "america")
        self.out: dict[str, list[Record]] = {name: [] for name in COLLECTIONS}
        self.reps: list[Rep] = []
        self.inside_by_team: dict[str, list[str]] = {}
        self.folded: dict[str, str] = {}

    # -- draws --------------------------------------------------------------------------
    def pick(self, items: Sequence[_T]) -> _T:
        return items[int(self.rnd() * len(items))]

    def new_id(self, ts: int) -> str:
        return seeded_id(self.rng, ts * 1000)

    def fold(self, text: str) -> str:
        """Lower-case ASCII, for e-mail addresses and web domains ('Côté' -> 'cote')."""
        folded = self.folded.get(text)
        if folded is None:
            ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
            folded = self.folded[text] = ascii_text.decode().lower()
        return folded

    def work_time(self, day: int, territory: Territory) -> int:
        """A moment during office hours (8:30-17:30 local) of ``day``."""
        return self.cal.local(day, 510 + int(self.rnd() * 540), territory.clock) + int(
            self.rnd() * 60
        )

    def past_workday(self, within: int) -> int:
        day = -1 - int(self.rnd() * within)
        while not self.cal.is_workday(day):
            day -= 1
        return day

    def colleague(self, account: Account) -> str:
        """The inside rep who handles this account: the pod's, or a colleague covering."""
        if self.rnd() < 0.85:
            return account.rep.inside_id
        return self.pick(self.inside_by_team[account.rep.territory.team])

    # -- the past six months -------------------------------------------------------------
    def add_visit_history(self, account: Account) -> None:
        rnd = self.rnd
        if account.tier == "A":
            count = 9 + int(rnd() * 5)  # a 14-day target, mostly but not always met
        elif account.tier == "B":
            count = 4 + int(rnd() * 3)
        else:
            roll = rnd()
            count = 0 if roll < 0.15 else 1 if roll < 0.6 else 2
        span = HISTORY_DAYS / count if count else 0
        for index in range(count):
            wanted = -HISTORY_DAYS + int((index + 0.2 + 0.6 * rnd()) * span)
            slot = self.book(account.rep, wanted, earliest=-HISTORY_DAYS - 7, latest=-1)
            if slot is not None:
                self.add_past_visit(account, *slot)

    def book(self, rep: Rep, wanted: int, earliest: int, latest: int) -> tuple[int, int] | None:
        """The working day nearest ``wanted`` with a free slot in the rep's calendar, so a
        rep's week never has two visits at once."""
        for shift in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 7, -7):
            day = wanted + shift
            if earliest <= day <= latest and self.cal.is_workday(day):
                taken = rep.booked.get(day, 0)
                if taken < len(SLOT_STARTS):
                    rep.booked[day] = taken + 1
                    return day, taken
        return None

    def add_past_visit(self, account: Account, day: int, slot: int) -> None:
        rnd, pick = self.rnd, self.pick
        territory = account.rep.territory
        start = self.cal.local(day, SLOT_STARTS[slot] + 5 * int(rnd() * 3), territory.clock)
        minutes = VISIT_MINUTES[account.tier]
        booked_at = start - DAY * (1 + int(rnd() * 14)) - int(rnd() * 6 * HOUR)
        visit_id = self.new_id(booked_at)
        # Mostly French; a Québec rep now and then writes in English.
        lang = (
            "en" if account.lang == "en" or (territory.country == "CA" and rnd() < 0.08) else "fr"
        )
        contact = pick(account.contacts)
        fill = self.fill(account, lang, contact)
        roll = rnd()
        checked_in = checked_out = outcome = next_steps = None
        people = [contact]
        if roll < 0.86:
            status = "completed"
            checked_in = start + int((rnd() * 30 - 10) * 60)
            checked_out = checked_in + minutes * 60 + int((rnd() * 35 - 10) * 60)
            if len(account.contacts) > 1 and rnd() < 0.3:
                other = pick(account.contacts)
                if other is not contact:
                    people.append(other)
            roll = rnd()
            outcome = next(name for name, share in OUTCOMES if roll < share)
            summary = pick(V.SUMMARIES[lang][outcome]).format(**fill)
            next_steps = pick(V.NEXT_STEPS[lang][outcome]).format(**fill)
        else:
            status = "cancelled" if roll < 0.94 else "no_show"
            summary = pick(V.MISSED_REASONS[lang][status == "no_show"]).format(**fill)
        stamp = self.stamp
        start_text = stamp(start)
        out_text = None if checked_out is None else stamp(checked_out)
        self.out["visits"].append(
            {
                "id": visit_id,
                "account_id": account.id,
                "rep_id": account.rep.id,
                "planned_start": start_text,
                "planned_end": stamp(start + minutes * 60),
                "route_position": slot,
                "status": status,
                "checked_in_at": None if checked_in is None else stamp(checked_in),
                "checked_out_at": out_text,
                "contacts_met": [person[0] for person in people] if checked_out else [],
                "outcome": outcome,
                "summary": summary,
                "next_steps": next_steps,
                "version": 1,
                "created_at": stamp(booked_at),
                "updated_at": out_text or start_text,
            }
        )
        if checked_out is not None and outcome is not None and next_steps is not None:
            self.add_report(
                account,
                visit_id,
                day,
                checked_out,
                people,
                lang,
                outcome,
                summary,
                next_steps,
                fill,
            )

    def fill(
        self, account: Account, lang: str, contact: tuple[str, str, str, str]
    ) -> dict[str, str]:
        """Values for the text templates' {contact}, {product}, {quote}... fields."""
        language = 0 if lang == "fr" else 1
        country = account.rep.territory.country
        amount = 300 + int(self.rnd() * 8700)
        return {
            "contact": contact[1],
            "product": self.pick(V.PRODUCTS)[language],
            "product2": self.pick(V.PRODUCTS)[language],
            "quote": V.QUOTE_WORD[country],
            "currency": V.CURRENCY[country][1],
            "amount": f"{amount:,}".replace(",", " " if lang == "fr" else ","),
        }

    def add_report(
        self,
        account: Account,
        visit_id: str,
        day: int,
        checked_out: int,
        people: list[tuple[str, str, str, str]],
        lang: str,
        outcome: str,
        summary: str,
        next_steps: str,
        fill: dict[str, str],
    ) -> None:
        """The rep's visit report, then whatever the inside team did with it."""
        rnd = self.rnd
        roll = rnd()
        # Most reports are written right after the visit; some that evening; a few days
        # later, which is the SLA breach a manager looks for.
        delay = (
            300 + int(rnd() * 5400)
            if roll < 0.7
            else 2 * HOUR + int(rnd() * 5 * HOUR)
            if roll < 0.9
            else DAY + int(rnd() * 2 * DAY)
        )
        created = checked_out + delay
        if created >= self.cutoff:
            created = checked_out + (self.cutoff - checked_out) // 2
        who = V.WHO_JOINER[lang].join(f"{person[2]} ({person[3]})" for person in people)
        parts = [self.pick(V.REPORT_OPENINGS[lang]).format(who=who)]
        # Half the reports add what the rep noticed: enough to read like a person wrote
        # them, without making every note as long (the search index pays per word).
        if rnd() < 0.5:
            parts.append(self.pick(V.REPORT_CONTEXT[lang]))
        parts.append(summary)
        if outcome == "order_placed":
            parts.append(V.ORDER_TOTAL[lang].format(**fill))
        parts.append(V.NEXT_STEPS_LABEL[lang] + next_steps)
        note_id = self.new_id(created)
        created_text = self.stamp(created)
        self.out["notes"].append(
            {
                "id": note_id,
                "account_id": account.id,
                "visit_id": visit_id,
                "author_id": account.rep.id,
                "kind": "visit_report",
                "body": " ".join(parts),
                "pinned": False,
                "reply_to_id": None,
                "arrived_at": created_text,
                "pinned_at": None,
                "version": 1,
                "created_at": created_text,
                "updated_at": created_text,
            }
        )
        self.add_review(account, note_id, visit_id, created, lang, fill)
        # Follow-ups cluster around today: the recent visits are the ones still in play.
        if rnd() < (0.22 if day >= -21 else 0.045):
            self.add_follow_up(
                account,
                created,
                V.VISIT_FOLLOW_UPS[lang],
                fill,
                visit_id=visit_id,
                note_id=note_id,
                created_by=account.rep.id,
            )

    def add_review(
        self,
        account: Account,
        note_id: str,
        visit_id: str,
        created: int,
        lang: str,
        fill: dict[str, str],
    ) -> None:
        """Old reports are mostly reviewed; the last two days' are not, so the inside
        team's review queue has work in it."""
        rnd = self.rnd
        age = self.cutoff - created
        chance = 0.93 if age > 5 * DAY else 0.5 if age > 2 * DAY else 0.0
        if rnd() >= chance:
            return
        roll = rnd()
        lag = (
            HOUR + int(rnd() * 5 * HOUR)
            if roll < 0.6
            else 18 * HOUR + int(rnd() * 12 * HOUR)
            if roll < 0.9
            else 2 * DAY + int(rnd() * 3 * DAY)
        )
        reviewed = created + lag
        if reviewed >= self.cutoff:
            return
        reviewer = self.colleague(account)
        reviewed_text = self.stamp(reviewed)
        self.out["reviews"].append(
            {
                "id": self.new_id(reviewed),
                "note_id": note_id,
                "reviewer_id": reviewer,
                "reviewed_at": reviewed_text,
                "arrived_at": reviewed_text,
                "version": 1,
                "created_at": reviewed_text,
                "updated_at": reviewed_text,
            }
        )
        answered = reviewed + 60 + int(rnd() * 1800)
        if rnd() < 0.3 and answered < self.cutoff:
            answered_text = self.stamp(answered)
            self.out["notes"].append(
                {
                    "id": self.new_id(answered),
                    "account_id": account.id,
                    "visit_id": visit_id,
                    "author_id": reviewer,
                    "kind": "feedback",
                    "body": self.pick(V.FEEDBACK_NOTES[lang]).format(**fill),
                    "pinned": False,
                    "reply_to_id": note_id,
                    "arrived_at": answered_text,
                    "pinned_at": None,
                    "version": 1,
                    "created_at": answered_text,
                    "updated_at": answered_text,
                }
            )

    def add_follow_up(
        self,
        account: Account,
        created: int,
        templates: Sequence[tuple[str, str | None]],
        fill: dict[str, str],
        *,
        visit_id: str | None,
        note_id: str,
        created_by: str,
    ) -> None:
        rnd = self.rnd
        title, details = self.pick(templates)
        due = self.cal.day_of(created) + self.pick(DUE_IN_DAYS)
        roll = rnd()
        if visit_id is not None:  # handed over after a visit: mostly to the inside team
            user, team = (
                (None, "inside")
                if roll < 0.55
                else (account.rep.inside_id, None)
                if roll < 0.70
                else (account.rep.id, None)
                if roll < 0.9
                else (None, "field")
            )
        else:  # asked by the inside team in a note: for the field
            user, team = (account.rep.id, None) if roll < 0.6 else (None, "field")
        roll = rnd()
        if due < 0:  # most past-due follow-ups were done; the rest are overdue
            status = "done" if roll < 0.78 else "cancelled" if roll < 0.83 else "open"
        else:
            status = "done" if roll < 0.2 else "open"
        completed = None
        created_text = updated_text = self.stamp(created)
        if status != "open":
            latest = min(
                self.cal.local(due + 2, 1020, account.rep.territory.clock), self.cutoff - 60
            )
            if latest <= created:
                status = "open"
            else:
                updated_text = self.stamp(created + int(rnd() * (latest - created)))
                completed = updated_text if status == "done" else None
        # Whoever completed a follow-up of a team had taken it (the pod's inside rep, or the
        # account's field rep), and said what was done.
        claimer = None
        if completed is not None and team is not None:
            claimer = account.rep.inside_id if team == "inside" else account.rep.id
        outcomes = V.FOLLOW_UP_OUTCOMES[account.lang]
        outcome = (
            outcomes[len(title) % len(outcomes)].format(**fill) if completed is not None else None
        )
        self.out["follow_ups"].append(
            {
                "id": self.new_id(created),
                "account_id": account.id,
                "title": title.format(**fill),
                "details": None if details is None else details.format(**fill),
                "assignee_user_id": user,
                "assignee_team": team,
                "due_date": self.cal.date_text(due),
                "status": status,
                "origin_visit_id": visit_id,
                "origin_note_id": note_id,
                "created_by": created_by,
                "completed_at": completed,
                "claimed_by": claimer,
                "outcome": outcome,
                "handed_at": created_text,
                "claimed_at": completed if claimer is not None else None,
                "version": 1,
                "created_at": created_text,
                "updated_at": updated_text,
            }
        )

    def add_for_field_note(self, account: Account, day: int, pinned: bool | None) -> None:
        """A note the inside team leaves for the field rep's next visit. Recent ones are
        often pinned so they show in the visit briefing."""
        rnd = self.rnd
        created = self.work_time(day, account.rep.territory)
        if pinned is None:
            pinned = rnd() < (0.5 if day >= -30 else 0.1)
        author = self.colleague(account)
        fill = self.fill(account, account.lang, self.pick(account.contacts))
        note_id = self.new_id(created)
        created_text = self.stamp(created)
        self.out["notes"].append(
            {
                "id": note_id,
                "account_id": account.id,
                "visit_id": None,
                "author_id": author,
                "kind": "for_field",
                "body": self.pick(V.FOR_FIELD_NOTES[account.lang]).format(**fill),
                "pinned": pinned,
                "reply_to_id": None,
                "arrived_at": created_text,
                "pinned_at": created_text if pinned else None,
                "version": 1,
                "created_at": created_text,
                "updated_at": created_text,
            }
        )
        if rnd() < 0.15:
            self.add_follow_up(
                account,
                created,
                V.NOTE_FOLLOW_UPS[account.lang],
                fill,
                visit_id=None,
                note_id=note_id,
                created_by=author,
            )

    # -- the coming days -----------------------------------------------------------------
    def build_plans(self) -> None:
        """Each field rep's route for today (whatever day it is, so the demo's plan is never
        empty) and the next working days, with pinned notes for some of those visits."""
        for rep in self.reps:
            chosen: set[str] = set()
            day = planned_days = 0
            while planned_days < PLAN_DAYS and len(chosen) < len(rep.accounts):
                if day == 0 or self.cal.is_workday(day):
                    wanted = 4 + int(self.rnd() * 3) if day == 0 else 3 + int(self.rnd() * 4)
                    route = _route(self.choose_accounts(rep, wanted, chosen))
                    for position, account in enumerate(route):
                        self.add_planned_visit(account, day, position)
                    planned_days += 1
                day += 1

    def choose_accounts(self, rep: Rep, wanted: int, chosen: set[str]) -> list[Account]:
        """Accounts for one day, key accounts first, none twice in the week."""
        free = len(rep.accounts) - len(chosen)
        if free <= wanted:
            picks = [a for a in rep.accounts if a.id not in chosen]
        else:
            picks = []
            while len(picks) < wanted:
                account = self.pick(rep.accounts)
                if account.id not in chosen and self.rnd() < PLAN_PREFERENCE[account.tier]:
                    picks.append(account)
                    chosen.add(account.id)
        chosen.update(a.id for a in picks)
        return picks

    def add_planned_visit(self, account: Account, day: int, position: int) -> None:
        rnd = self.rnd
        territory = account.rep.territory
        start = self.cal.local(day, SLOT_STARTS[position] + 5 * int(rnd() * 3), territory.clock)
        booked_at = self.cutoff - DAY * (1 + int(rnd() * 10)) - int(rnd() * 10 * HOUR)
        booked_text = self.stamp(booked_at)
        self.out["visits"].append(
            {
                "id": self.new_id(booked_at),
                "account_id": account.id,
                "rep_id": account.rep.id,
                "planned_start": self.stamp(start),
                "planned_end": self.stamp(start + VISIT_MINUTES[account.tier] * 60),
                "route_position": position,
                "status": "planned",
                "checked_in_at": None,
                "checked_out_at": None,
                "contacts_met": [],
                "outcome": None,
                "summary": None,
                "next_steps": None,
                "version": 1,
                "created_at": booked_text,
                "updated_at": booked_text,
            }
        )
        if day <= 1 and rnd() < 0.5:
            self.add_for_field_note(account, self.past_workday(5), pinned=True)


def _route(accounts: list[Account]) -> list[Account]:
    """A sensible driving order: start at the westernmost stop, then always the nearest."""
    if not accounts:
        return []
    left = sorted(accounts, key=lambda a: (a.lon, a.id))
    route = [left.pop(0)]
    while left:
        here = route[-1]
        nearest = min(
            left, key=lambda a: ((a.lat - here.lat) ** 2 + ((a.lon - here.lon) * 0.7) ** 2, a.id)
        )
        left.remove(nearest)
        route.append(nearest)
    return route
