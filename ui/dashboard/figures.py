"""The dashboard's headline tiles and table rows, read from the core's ``Dashboard``: each
with its words and the records behind it (a ``Drill``), so a double-click opens them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from fieldapp.catalogue import Tier
from fieldapp.kpi import Dashboard
from fieldapp.kpi.backlog import AgeBucket
from fieldapp.kpi.drill import Drill, commitments_drill
from fieldapp.kpi.visits import VisitTally
from ui.dashboard.words import (
    Plurals,
    duration_text,
    km_text,
    money_text,
    number,
    share_text,
)
from ui.formatting import fill
from ui.labels import commitment_label, median_label, tier_label

# Below these shares a tile is drawn as a warning: the defaults a sales director reads as
# "look here" (a manager's own thresholds would be a setting, not yet asked for).
WARN_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class Tile:
    key: str  # a stable name, for tests and settings: "visits_held", "coverage_A"…
    caption: str
    value: str
    detail: str
    drill: Drill
    warn: bool = False


def visit_groups(tally: VisitTally) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return (
        ("held", tally.held),
        ("cancelled", tally.cancelled),
        ("no_show", tally.no_show),
        ("open", tally.open),
    )


def age_groups(buckets: tuple[AgeBucket, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((b.label, b.items) for b in buckets)


def age_text(bucket_label: str) -> str:
    """A backlog bucket's label ("0-1 days", "31+ days") in the user's words."""
    head = bucket_label.split(" ", 1)[0]
    if head.endswith("+"):
        return fill(QCoreApplication.translate("DashboardFigures", "%1 days or more"), head[:-1])
    if "-" in head:
        youngest, oldest = head.split("-", 1)
        return fill(
            QCoreApplication.translate("DashboardFigures", "%1 to %2 days"), youngest, oldest
        )
    return bucket_label


def tiles(board: Dashboard) -> tuple[Tile, ...]:
    plural = Plurals()
    made: list[Tile] = []
    visits = board.visits.total
    planned = len(visits.planned)
    made.append(
        Tile(
            "visits_planned",
            QCoreApplication.translate("DashboardFigures", "Visits planned"),
            number(planned),
            fill(
                QCoreApplication.translate("DashboardFigures", "%1 held · %2 not closed yet"),
                len(visits.held),
                len(visits.open),
            ),
            Drill("visits", visit_groups(visits)),
        )
    )
    made.append(
        Tile(
            "visits_held",
            QCoreApplication.translate("DashboardFigures", "Visits held"),
            number(len(visits.held)),
            fill(
                QCoreApplication.translate("DashboardFigures", "%1 of those planned"),
                share_text(visits.held_share),
            ),
            Drill.of("visits", visits.held),
            warn=visits.held_share is not None and visits.held_share < WARN_SHARE,
        )
    )
    made.append(
        Tile(
            "visits_cancelled",
            QCoreApplication.translate("DashboardFigures", "Cancelled"),
            number(len(visits.cancelled)),
            plural.visits(len(visits.cancelled)),
            Drill.of("visits", visits.cancelled),
        )
    )
    made.append(
        Tile(
            "visits_no_show",
            QCoreApplication.translate("DashboardFigures", "No-show"),
            number(len(visits.no_show)),
            plural.visits(len(visits.no_show)),
            Drill.of("visits", visits.no_show),
            warn=bool(visits.no_show),
        )
    )
    travel = board.travel.total
    made.append(
        Tile(
            "travel_per_day",
            QCoreApplication.translate("DashboardFigures", "Travel per day"),
            km_text(travel.km_per_day),
            fill(
                QCoreApplication.translate("DashboardFigures", "%1 · %2 in all"),
                plural.days_in_field(travel.days),
                km_text(travel.km),
            ),
            Drill.of("visits", travel.stops),
        )
    )
    made.append(
        Tile(
            "travel_per_held_visit",
            QCoreApplication.translate("DashboardFigures", "Travel per held visit"),
            km_text(travel.km_per_held_visit),
            plural.visits(len(travel.held)),
            Drill.of("visits", travel.held),
        )
    )
    for tier in board.coverage.tiers:
        code = tier.tier or Tier.A
        judged = len(tier.covered) + len(tier.overdue)
        made.append(
            Tile(
                f"coverage_{code}",
                fill(
                    QCoreApplication.translate("DashboardFigures", "Coverage, %1"), tier_label(code)
                ),
                share_text(tier.share),
                fill(
                    QCoreApplication.translate("DashboardFigures", "%1 of %2 in time · %3 overdue"),
                    len(tier.covered),
                    judged,
                    len(tier.overdue),
                ),
                Drill(
                    "accounts",
                    (
                        ("overdue", tier.overdue),
                        ("covered", tier.covered),
                        ("not_due_yet", tier.not_due_yet),
                    ),
                ),
                warn=tier.share is not None and tier.share < WARN_SHARE,
            )
        )
    conversion = board.conversion.total
    converted = set(conversion.converted)
    waiting = set(conversion.waiting)
    made.append(
        Tile(
            "conversion",
            fill(
                QCoreApplication.translate("DashboardFigures", "Conversion within %1 days"),
                board.conversion.window_days,
            ),
            share_text(conversion.share),
            fill(
                QCoreApplication.translate(
                    "DashboardFigures", "%1 of %2 held visits · %3 still open"
                ),
                len(conversion.converted),
                len(conversion.held),
                len(conversion.waiting),
            ),
            Drill(
                "visits",
                (
                    ("converted", conversion.converted),
                    ("waiting", conversion.waiting),
                    (
                        "not_converted",
                        tuple(
                            v for v in conversion.held if v not in converted and v not in waiting
                        ),
                    ),
                ),
            ),
        )
    )
    # The largest currency is the number; others (never added to it) follow in the detail.
    amounts = sorted(conversion.amounts, key=lambda pair: -pair[1])
    others = money_text(amounts[1:]) if len(amounts) > 1 else ""
    won = plural.deals(len(conversion.deals))
    made.append(
        Tile(
            "amount_won",
            QCoreApplication.translate("DashboardFigures", "Amount won"),
            money_text(amounts[:1]),
            fill(QCoreApplication.translate("DashboardFigures", "+ %1 · %2"), others, won)
            if others
            else won,
            Drill.of("opportunities", conversion.deals),
        )
    )
    backlog = board.backlog
    reviews = backlog.awaiting_review_ids
    old_reviews = sum(len(b.items) for b in backlog.awaiting_review if b.youngest > 7)
    made.append(
        Tile(
            "awaiting_review",
            QCoreApplication.translate("DashboardFigures", "Reports awaiting review"),
            number(len(reviews)),
            plural.older_than_week(old_reviews),
            Drill("notes", age_groups(backlog.awaiting_review)),
            warn=old_reviews > 0,
        )
    )
    open_follow_ups = backlog.follow_up_ids
    past_due = sum(len(b.past_due) for b in backlog.follow_ups_open)
    made.append(
        Tile(
            "follow_ups_open",
            QCoreApplication.translate("DashboardFigures", "Follow-ups open"),
            number(len(open_follow_ups)),
            plural.past_due(past_due),
            Drill("follow_ups", age_groups(backlog.follow_ups_open)),
            warn=past_due > 0,
        )
    )
    for kind in board.sla.kinds:
        if not kind.measured:
            continue
        made.append(
            Tile(
                f"sla_{kind.kind}",
                fill(
                    QCoreApplication.translate("DashboardFigures", "%1 on time"),
                    commitment_label(kind.kind),
                ),
                share_text(kind.on_time_share),
                fill(
                    QCoreApplication.translate(
                        "DashboardFigures", "%1 late · %2 overdue\nmedian %3: %4"
                    ),
                    len(kind.late),
                    len(kind.overdue),
                    median_label(kind.kind),
                    duration_text(kind.median_seconds),
                ),
                commitments_drill(
                    kind.kind,
                    (
                        ("late", kind.late),
                        ("overdue", kind.overdue),
                        ("on_time", kind.on_time),
                        ("pending", kind.pending),
                    ),
                ),
                warn=kind.on_time_share is not None and kind.on_time_share < WARN_SHARE,
            )
        )
    return tuple(made)
