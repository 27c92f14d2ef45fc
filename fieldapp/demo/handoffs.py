"""The demo's hand-offs: each team's SLA agreement, leads handed to the field (waiting,
late, accepted, returned), the history of every hand-off as the server would have written
it, today's and tomorrow's priorities, and the demo people's read marks (what they read
more than two days ago), so the inbox and the work queue have something true to show.

Runs after the activity is built, on the same random source: same seed, same data.
"""

from __future__ import annotations

from datetime import datetime

from fieldapp.demo import vocabulary as V
from fieldapp.demo.activity import HOUR, Account, ActivityBuilder, Record, Rep
from fieldapp.demo.timeline import DAY_SECONDS as DAY
from fieldapp.ids import derived_id
from fieldapp.team.policies import DEFAULT_POLICIES

# One lead for this many accounts of a rep, and at least the four states for the demo rep.
ACCOUNTS_PER_LEAD = 40
INBOX_DAYS = 30  # the inbox's horizon (fieldapp.usecases.inbox.HORIZON)
READ_BEFORE = 2 * DAY  # the demo people read what is older than this


def add_handoffs(builder: ActivityBuilder, demo_user_ids: tuple[str, ...]) -> None:
    _add_agreements(builder)
    planned = {v["account_id"]: v for v in builder.out["visits"] if v["status"] == "planned"}
    for number, rep in enumerate(builder.reps):
        _add_leads(builder, rep, planned, first=number == 0)
        _add_priorities(builder, rep)
    for follow_up in list(builder.out["follow_ups"]):
        _add_follow_up_history(builder, follow_up)
    for user_id in demo_user_ids:
        _add_read_marks(builder, user_id)


def _event(
    builder: ActivityBuilder,
    at: int,
    account_id: str,
    actor: str,
    action: str,
    *,
    lead_id: str | None = None,
    follow_up_id: str | None = None,
    to_user: str | None = None,
    to_team: str | None = None,
    note: str | None = None,
) -> None:
    text = builder.stamp(at)
    builder.out["handoff_events"].append(
        {
            "id": builder.new_id(at),
            "account_id": account_id,
            "lead_id": lead_id,
            "follow_up_id": follow_up_id,
            "action": action,
            "actor_id": actor,
            "to_user_id": to_user,
            "to_team": to_team,
            "note": note,
            "at": text,
            "version": 1,
            "created_at": text,
            "updated_at": text,
        }
    )


def _add_agreements(builder: ActivityBuilder) -> None:
    manager = next(u["id"] for u in builder.out["users"] if u["role"] == "manager")
    set_at = builder.stamp(builder.cutoff - 90 * DAY)
    for team in sorted(builder.inside_by_team):
        builder.out["sla_policies"].append(
            {
                "id": builder.new_id(builder.cutoff - 90 * DAY),
                "team": team,
                "region": V.TEAM_REGIONS.get(team, "QC"),
                "policies": DEFAULT_POLICIES.to_data(),
                "changed_by": manager,
                "version": 1,
                "created_at": set_at,
                "updated_at": set_at,
            }
        )


def _working_days_ago(builder: ActivityBuilder, count: int) -> int:
    day = 0
    while count > 0:
        day -= 1
        if builder.cal.is_workday(day):
            count -= 1
    return day


def _add_leads(
    builder: ActivityBuilder, rep: Rep, planned: dict[str, Record], *, first: bool
) -> None:
    if not rep.accounts:
        return
    wanted = max(4 if first else 1, len(rep.accounts) // ACCOUNTS_PER_LEAD)
    # The demo rep's four: waiting since this morning, waiting for four working days
    # (late), accepted with its visit planned, returned with a reason.
    states = ("handed", "handed", "accepted", "returned")
    used: set[str] = set()
    for index in range(wanted):
        state = states[index % len(states)]
        pool = [a for a in rep.accounts if a.id not in used]
        if state == "accepted":
            pool = [a for a in pool if a.id in planned and planned[a.id]["rep_id"] == rep.id]
        if not pool:
            continue
        account = builder.pick(pool)
        used.add(account.id)
        days_ago = 0 if index == 0 else 4 if index == 1 else 1 + int(builder.rnd() * 6)
        day = _working_days_ago(builder, days_ago) if days_ago else -1
        handed = builder.work_time(day, rep.territory)
        if handed >= builder.cutoff:
            handed = builder.cutoff - 2 * HOUR
        _add_lead(builder, rep, account, state, handed, planned.get(account.id))


def _add_lead(
    builder: ActivityBuilder,
    rep: Rep,
    account: Account,
    state: str,
    handed: int,
    visit: Record | None,
) -> None:
    lang = account.lang
    fill = builder.fill(account, lang, builder.pick(account.contacts)) if account.contacts else {}
    why, who, promised = builder.pick(V.LEADS[lang])
    lead_id = builder.new_id(handed)
    answered = min(handed + HOUR + int(builder.rnd() * 20 * HOUR), builder.cutoff - 60)
    reason = builder.pick(V.LEAD_RETURN_REASONS[lang]) if state == "returned" else None
    handed_text, answered_text = builder.stamp(handed), builder.stamp(answered)
    builder.out["leads"].append(
        {
            "id": lead_id,
            "account_id": account.id,
            "handed_by": rep.inside_id,
            "assignee_id": rep.id,
            "status": state,
            "why": why.format_map(_Fill(fill)),
            "who_to_see": who.format_map(_Fill(fill)),
            "promised": promised.format_map(_Fill(fill)),
            "reason": reason,
            "visit_id": visit["id"] if state == "accepted" and visit is not None else None,
            "handed_at": handed_text,
            "accepted_at": answered_text if state == "accepted" else None,
            "returned_at": answered_text if state == "returned" else None,
            "version": 1,
            "created_at": handed_text,
            "updated_at": answered_text if state != "handed" else handed_text,
        }
    )
    _event(builder, handed, account.id, rep.inside_id, "handed", lead_id=lead_id, to_user=rep.id)
    if state == "accepted":
        _event(builder, answered, account.id, rep.id, "accepted", lead_id=lead_id)
    elif state == "returned":
        _event(
            builder,
            answered,
            account.id,
            rep.id,
            "returned",
            lead_id=lead_id,
            to_user=rep.inside_id,
            note=reason,
        )


class _Fill(dict[str, str]):
    """Template values; an account without contacts still reads (no {contact})."""

    def __missing__(self, key: str) -> str:
        return "…"


def _add_priorities(builder: ActivityBuilder, rep: Rep) -> None:
    if len(rep.accounts) < 3:
        return
    flagged_at = builder.cutoff - 2 * HOUR
    for day, count in ((0, 2), (1, 1)):
        for account in _distinct(builder, rep.accounts, count):
            builder.out["priorities"].append(
                {
                    "id": builder.new_id(flagged_at),
                    "account_id": account.id,
                    "rep_id": rep.id,
                    "day": builder.cal.date_text(day),
                    "why": builder.pick(V.PRIORITY_REASONS[account.lang]),
                    "flagged_by": rep.inside_id,
                    "version": 1,
                    "created_at": builder.stamp(flagged_at),
                    "updated_at": builder.stamp(flagged_at),
                }
            )


def _distinct(builder: ActivityBuilder, accounts: list[Account], count: int) -> list[Account]:
    chosen: list[Account] = []
    while len(chosen) < count:
        account = builder.pick(accounts)
        if account not in chosen:
            chosen.append(account)
    return chosen


def _add_follow_up_history(builder: ActivityBuilder, follow_up: Record) -> None:
    """The steps the server would have written for a follow-up handed over."""
    author, assignee = follow_up["created_by"], follow_up["assignee_user_id"]
    if assignee is not None and assignee == author:
        return  # one's own reminder: no hand-off, no history
    account_id, follow_up_id = follow_up["account_id"], follow_up["id"]
    created = _seconds(follow_up["created_at"])
    _event(
        builder,
        created,
        account_id,
        author,
        "handed",
        follow_up_id=follow_up_id,
        to_user=assignee,
        to_team=follow_up["assignee_team"],
    )
    ended = _seconds(follow_up["updated_at"])
    if follow_up["status"] == "done":
        actor = follow_up["claimed_by"] or assignee or author
        _event(
            builder,
            ended,
            account_id,
            actor,
            "completed",
            follow_up_id=follow_up_id,
            to_user=author,
            note=follow_up["outcome"],
        )
    elif follow_up["status"] == "cancelled":
        _event(builder, ended, account_id, author, "cancelled", follow_up_id=follow_up_id)


def _seconds(text: str) -> int:
    return int(datetime.fromisoformat(text).timestamp())


def _add_read_marks(builder: ActivityBuilder, user_id: str) -> None:
    """``user_id`` read their inbox items older than two days (the rest are new)."""
    since, read_until = builder.cutoff - INBOX_DAYS * DAY, builder.cutoff - READ_BEFORE
    notes = {n["id"]: n for n in builder.out["notes"]}
    owned = {a["id"] for a in builder.out["accounts"] if a["owner_id"] == user_id}
    seen: list[tuple[str, str, str]] = []
    for note in builder.out["notes"]:
        mine = (
            note["kind"] == "feedback"
            and notes.get(note["reply_to_id"] or "", {}).get("author_id") == user_id
        ) or (note["pinned"] and note["account_id"] in owned)
        if mine and note["author_id"] != user_id:
            seen.append(("notes", note["id"], note["created_at"]))
    for event in builder.out["handoff_events"]:
        if event["to_user_id"] == user_id and event["actor_id"] != user_id:
            seen.append(("handoff_events", event["id"], event["at"]))
    for source, item_id, at in seen:
        moment = _seconds(at)
        if since <= moment < read_until:
            text = builder.stamp(moment + HOUR)
            builder.out["inbox_reads"].append(
                {
                    "id": derived_id("inbox_reads", user_id, source, item_id),
                    "user_id": user_id,
                    "item_collection": source,
                    "item_id": item_id,
                    "read": True,
                    "version": 1,
                    "created_at": text,
                    "updated_at": text,
                }
            )
