"""The records behind a figure (``fieldapp.kpi.drill``): exactly the ids a number keeps,
grouped by what they counted as, readable, in the order a person expects."""

from __future__ import annotations

import io
from datetime import date

import pytest
from support.kpi_world import MONTREAL, KpiWorld, local

from fieldapp.errors import ValidationError
from fieldapp.kpi import figure, period_containing, scope_for
from fieldapp.kpi.drill import Drill, records_behind
from fieldapp.kpi.export import write_csv
from fieldapp.kpi.visits import VisitsFigure

MONDAY = date(2026, 11, 16)


def test_the_visits_behind_planned_are_every_visit_counted_with_what_became_of_it(
    org: KpiWorld,
) -> None:
    shop = org.account("Quincaillerie Nord", owner="julie")
    held = org.visit(shop, rep="julie", start=local(MONDAY, 9))
    cancelled = org.visit(shop, rep="julie", start=local(MONDAY, 14), status="cancelled")
    org.visit(shop, rep="julie", start=local(date(2026, 10, 1), 9))  # another month
    period = period_containing("week", MONDAY, MONTREAL)
    visits = figure(org.store, period, scope_for(org.store), "visits")
    assert isinstance(visits, VisitsFigure)
    tally = visits.total
    drill = Drill(
        "visits",
        (("held", tally.held), ("cancelled", tally.cancelled), ("no_show", tally.no_show)),
    )
    table = records_behind(org.store, drill)
    assert table.columns == (
        "id",
        "account_id",
        "account",
        "state",
        "rep",
        "planned_start",
        "status",
        "outcome",
    )
    assert [(r[0], r[3]) for r in table.rows] == [(held, "held"), (cancelled, "cancelled")]
    assert table.rows[0][1:3] == (shop, "Quincaillerie Nord")
    assert table.rows[0][4] == "Julie"  # the rep's name, not an id


def test_one_group_has_no_state_column_and_an_id_the_profile_lacks_is_left_out(
    org: KpiWorld,
) -> None:
    a = org.account("Boulangerie Sud", owner="marc", tier="A")
    b = org.account("Atelier Est", owner="marc", tier="A")
    table = records_behind(org.store, Drill.of("accounts", (b, a, "0190b000-gone")))
    assert "state" not in table.columns
    # Tier, then name.
    assert [r[2] for r in table.rows] == ["Atelier Est", "Boulangerie Sud"]
    out = io.StringIO()
    write_csv(table, out)
    assert (
        out.getvalue().splitlines()[0]
        == "id,account_id,account,tier,city,owner,visit_frequency_days"
    )
    assert out.getvalue().count("\n") == 3


def test_a_drill_into_an_unknown_collection_is_refused_by_name() -> None:
    with pytest.raises(ValidationError, match="No drill-down into 'contacts'"):
        Drill.of("contacts", ())
