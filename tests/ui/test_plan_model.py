"""The day's route as a table model, without a widget: what each row says, how stops move."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from pytestqt.qtbot import QtBot

from fieldapp.records import Account, Visit
from fieldapp.routing import Point, distance_km, legs_km
from fieldapp.usecases.planning import PlannedStop
from fieldapp.usecases.route import DayRoute, RouteStop, route_stops
from ui.models.plan_model import (
    ACCOUNT,
    ADDRESS,
    DISTANCE,
    MIME_TYPE,
    STATUS,
    STOP_ROLE,
    TIME,
    VISIT_ID_ROLE,
    PlanModel,
)

MONDAY = date(2026, 11, 23)
STAMP = "2026-11-01T12:00:00Z"


def account(name: str, block: float | None, city: str = "Montréal") -> Account:
    """A shop on one street, ``block`` hundredths of a degree east; None: not on the map."""
    return Account(
        id=f"account-{name}",
        name=name,
        tier="B",
        address=f"{name} street",
        city=city,
        postal_code=None,
        country="CA",
        latitude=None if block is None else 45.5,
        longitude=None if block is None else -73.6 + block / 100,
        phone=None,
        owner_id="rep",
        visit_frequency_days=None,
        version=1,
        created_at=STAMP,
        updated_at=STAMP,
    )


def visit(name: str, hour: int, status: str = "planned") -> Visit:
    return Visit(
        id=f"visit-{name}",
        account_id=f"account-{name}",
        rep_id="rep",
        planned_start=f"2026-11-23T{hour:02d}:00:00Z",
        planned_end=f"2026-11-23T{hour:02d}:45:00Z",
        route_position=None,
        status=status,
        checked_in_at=None,
        checked_out_at=None,
        contacts_met=(),
        outcome=None,
        summary=None,
        next_steps=None,
        version=1,
        created_at=STAMP,
        updated_at=STAMP,
    )


def route(*stops: tuple[str, float | None, int, str]) -> DayRoute:
    """(name, block, hour, status) per stop, in the order ``plan`` gives them."""
    return DayRoute(
        MONDAY,
        route_stops(
            [
                PlannedStop(visit(name, hour, status), account(name, block))
                for name, block, hour, status in stops
            ]
        ),
    )


def local(hour: int, minute: int = 0) -> str:
    """The time the screen shows for an hour of the 23rd in UTC (the machine's zone)."""
    return datetime(2026, 11, 23, hour, minute, tzinfo=UTC).astimezone().strftime("%H:%M")


def _point(block: float) -> Point:
    return Point(45.5, -73.6 + block / 100)


def names(model: PlanModel) -> list[str]:
    return [model.index(row, ACCOUNT).data() for row in range(model.rowCount())]


@pytest.fixture
def model(qapp: object) -> PlanModel:
    made = PlanModel()
    made.set_route(
        route(
            ("Done", 0, 13, "completed"),
            ("Bakery", 1, 14, "planned"),
            ("Dentist", 3, 15, "planned"),
            ("Garage", 2, 16, "planned"),
        )
    )
    return made


def test_each_stop_reads_time_account_address_and_distance_from_the_previous_one(
    model: PlanModel, qtmodeltester: object
) -> None:
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 4 and model.columnCount() == 5
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Time",
        "Account",
        "Address",
        "Distance",
        "Status",
    ]
    assert model.index(1, TIME).data() == f"{local(14)}\N{EN DASH}{local(14, 45)}"
    assert model.index(1, ADDRESS).data() == "Bakery street, Montréal"
    assert model.index(0, DISTANCE).data() == "—"  # nothing before the first stop
    block = distance_km(_point(0), _point(1))
    assert model.index(1, DISTANCE).data() == f"{block:.1f} km"
    assert model.index(2, DISTANCE).data() == f"{2 * block:.1f} km"
    assert model.index(0, STATUS).data() == "Completed"
    assert model.index(1, STATUS).data() == ""
    assert model.index(2, ACCOUNT).data(VISIT_ID_ROLE) == "visit-Dentist"
    assert isinstance(model.index(2, TIME).data(STOP_ROLE), RouteStop)
    assert model.total_km == pytest.approx(4 * distance_km(_point(0), _point(1)), rel=1e-6)


def test_only_planned_stops_can_be_dragged_and_drops_land_between_rows(model: PlanModel) -> None:
    assert not model.flags(model.index(0, ACCOUNT)) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(model.index(1, ACCOUNT)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(model.index(1, ACCOUNT)) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.supportedDropActions() == Qt.DropAction.MoveAction


def test_dragging_the_last_stop_up_reorders_the_plan_and_remeasures_the_legs(
    model: PlanModel, qtbot: QtBot
) -> None:
    data = model.mimeData([model.index(3, ACCOUNT), model.index(3, TIME)])
    assert data.hasFormat(MIME_TYPE)
    with qtbot.waitSignal(model.order_changed) as saved:
        # Dropped between Bakery and Dentist (the view drops on the root, before row 2).
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert saved.args == [["visit-Bakery", "visit-Garage", "visit-Dentist"]]
    assert names(model) == ["Done", "Bakery", "Garage", "Dentist"]
    block = distance_km(_point(0), _point(1))
    assert [model.index(r, DISTANCE).data() for r in range(4)] == [
        "—",
        f"{block:.1f} km",
        f"{block:.1f} km",
        f"{block:.1f} km",
    ]
    assert model.total_km == pytest.approx(3 * block, rel=1e-6)


def test_nothing_moves_above_the_visits_already_made(model: PlanModel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(model.order_changed) as saved:
        model.dropMimeData(
            model.mimeData([model.index(2, ACCOUNT)]), Qt.DropAction.MoveAction, 0, 0, QModelIndex()
        )
    assert names(model) == ["Done", "Dentist", "Bakery", "Garage"]
    assert saved.args == [["visit-Dentist", "visit-Bakery", "visit-Garage"]]
    with qtbot.assertNotEmitted(model.order_changed):
        assert not model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 4)  # history stays
        assert not model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 3)  # onto itself
        assert not model.dropMimeData(QMimeData(), Qt.DropAction.MoveAction, 1, 0, QModelIndex())
        assert not model.moveRows(QModelIndex(), 3, 2, QModelIndex(), 1)  # past the end
    assert names(model) == ["Done", "Dentist", "Bakery", "Garage"]


def test_a_drop_onto_a_stop_puts_the_dragged_one_before_it(model: PlanModel) -> None:
    data = model.mimeData([model.index(1, ACCOUNT)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(3, ACCOUNT))
    assert names(model) == ["Done", "Dentist", "Bakery", "Garage"]
    data = model.mimeData([model.index(1, ACCOUNT)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert names(model) == ["Done", "Bakery", "Garage", "Dentist"]  # below the last row


def test_a_reload_of_the_same_stops_changes_only_the_rows_that_differ(
    model: PlanModel, qtbot: QtBot
) -> None:
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: changed.append((top.row(), bottom.row())))
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_route(
            route(
                ("Done", 0, 13, "completed"),
                ("Bakery", 1, 14, "planned"),
                ("Dentist", 3, 17, "planned"),  # moved to 17:00 elsewhere
                ("Garage", 2, 16, "planned"),
            )
        )
    assert changed == [(2, 2)]
    assert model.index(2, TIME).data().startswith(local(17))
    with qtbot.waitSignal(model.modelReset):
        model.set_route(route(("Bakery", 1, 14, "planned")))
    assert names(model) == ["Bakery"]


def test_a_stop_off_the_map_has_no_distance_and_the_next_is_measured_past_it(
    qapp: object,
) -> None:
    model = PlanModel()
    model.set_route(
        route(
            ("Bakery", 0, 14, "planned"),
            ("Nowhere", None, 15, "planned"),
            ("Garage", 2, 16, "planned"),
        )
    )
    assert model.index(1, DISTANCE).data() == "—"
    assert "no map position" in model.index(1, DISTANCE).data(Qt.ItemDataRole.ToolTipRole)
    [_, _, leg] = legs_km([_point(0), None, _point(2)])
    assert model.index(2, DISTANCE).data() == f"{leg:.1f} km"


def test_an_account_name_with_markup_is_shown_as_typed(qapp: object) -> None:
    model = PlanModel()
    model.set_route(route(("<b>Chez Éric</b>", 0, 14, "planned")))
    assert model.index(0, ACCOUNT).data() == "<b>Chez Éric</b>"
