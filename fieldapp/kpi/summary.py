"""The dashboard's headline numbers as one table: a row per number, for CSV.

Columns: figure, group (who or what the number is about: a rep, a tier, a kind of
commitment, an age; "all" for everyone in scope), measure, value. A spreadsheet pivots it;
each figure's own table (``fieldapp kpi --figure``) has the breakdowns and the ids.
"""

from __future__ import annotations

from fieldapp.kpi.dashboard import Dashboard
from fieldapp.kpi.table import Cell, Table


def summary(board: Dashboard) -> Table:
    rows: list[tuple[Cell, ...]] = []

    def add(figure: str, group: str, measure: str, value: Cell) -> None:
        rows.append((figure, group, measure, value))

    visits = board.visits
    for label, tally in [
        *((rep.username, t) for rep, t in visits.by_rep),
        *((f"week of {week}", t) for week, t in visits.by_week),
        ("all", visits.total),
    ]:
        for measure, value in zip(
            ("planned", "held", "cancelled", "no_show", "open"), tally.counts(), strict=True
        ):
            add("visits", label, measure, value)
        add("visits", label, "held_share", tally.held_share)
    for tier in (*board.coverage.tiers, board.coverage.total):
        group = tier.tier or "all"
        add("coverage", group, "covered", len(tier.covered))
        add("coverage", group, "overdue", len(tier.overdue))
        add("coverage", group, "not_due_yet", len(tier.not_due_yet))
        add("coverage", group, "share", tier.share)
    for conversion in (*board.conversion.by_rep, board.conversion.total):
        group = conversion.rep.username if conversion.rep else "all"
        add("conversion", group, "held", len(conversion.held))
        add("conversion", group, "converted", len(conversion.converted))
        add("conversion", group, "waiting", len(conversion.waiting))
        add("conversion", group, "share", conversion.share)
        add("conversion", group, "deals_won", len(conversion.deals))
        for currency, amount in conversion.amounts:
            add("conversion", group, f"amount_won_{currency or 'unknown'}", amount)
    for travel in (*board.travel.by_rep, board.travel.total):
        group = travel.rep.username if travel.rep else "all"
        add("travel", group, "days_in_field", travel.days)
        add("travel", group, "km", round(travel.km, 3))
        add("travel", group, "held", len(travel.held))
        add("travel", group, "km_per_day", travel.km_per_day)
        add("travel", group, "km_per_held_visit", travel.km_per_held_visit)
    for kind in board.sla.kinds:
        if not kind.measured:
            continue
        add("sla", kind.kind, "on_time", len(kind.on_time))
        add("sla", kind.kind, "late", len(kind.late))
        add("sla", kind.kind, "overdue", len(kind.overdue))
        add("sla", kind.kind, "pending", len(kind.pending))
        add("sla", kind.kind, "on_time_share", kind.on_time_share)
        add(
            "sla",
            kind.kind,
            "median_hours",
            None if kind.median_seconds is None else kind.median_seconds / 3600,
        )
    add("sla", "all", "breaches", len(board.sla.breaches))
    for bucket in board.backlog.awaiting_review:
        add("backlog", bucket.label, "awaiting_review", len(bucket.items))
    for bucket in board.backlog.follow_ups_open:
        add("backlog", bucket.label, "follow_ups_open", len(bucket.items))
        add("backlog", bucket.label, "follow_ups_past_due", len(bucket.past_due))
    return Table(("figure", "group", "measure", "value"), tuple(rows))
