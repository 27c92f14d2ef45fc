"""The Sync page's tables as models, without a widget: what each row says, how reloads apply."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from fieldapp.clock import from_text
from fieldapp.usecases.sync_issues import Conflict, RejectedChange
from fieldapp.usecases.sync_overview import (
    ConflictItem,
    PendingChange,
    RecordLabel,
    RejectionItem,
    SyncRun,
)
from ui.formatting import clock_time, short_date
from ui.models.sync_models import (
    C_MINE,
    C_RECORD,
    C_THEIRS,
    CHANGE,
    FIELDS,
    ITEM_ROLE,
    L_ERROR,
    L_RECEIVED,
    L_RESULT,
    L_SENT,
    QUEUED,
    R_CHANGE,
    R_REASON,
    RECORD,
    WHAT,
    ConflictsModel,
    PendingChangesModel,
    RejectionsModel,
    SyncLogModel,
    value_text,
)

STAMP = "2026-11-23T14:05:00Z"
BAKERY = RecordLabel("Boulangerie Saint-Laurent", None)


def pending(number: int, op: str = "update", **fields: Any) -> PendingChange:
    return PendingChange(
        seq=number,
        mutation_id=f"m{number}",
        collection="accounts",
        record_id="a1",
        op=op,
        fields=fields or {"phone": f"514 555 010{number}"},
        record=BAKERY,
        queued_at=STAMP,
        attempts=0,
        last_attempt_at=None,
    )


def cell(model: Any, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return model.data(model.index(row, column), role)


def test_a_pending_change_reads_as_what_which_record_which_values_and_when() -> None:
    model = PendingChangesModel()
    note = PendingChange(
        seq=2,
        mutation_id="m2",
        collection="notes",
        record_id="n1",
        op="create",
        fields={"account_id": "a1", "body": "Spring catalogue", "kind": "for_field"},
        record=RecordLabel("Spring catalogue", "Boulangerie Saint-Laurent"),
        queued_at=STAMP,
        attempts=2,
        last_attempt_at=STAMP,
    )
    edit = pending(1, city="Laval", account_id="a9", latitude=45.5)
    model.set_items([edit, note])

    assert model.columnCount() == 5 and model.rowCount() == 2
    assert model.headerData(QUEUED, Qt.Orientation.Horizontal) == "Queued"
    assert [cell(model, 0, c) for c in (WHAT, RECORD, CHANGE)] == [
        "Account",
        "Boulangerie Saint-Laurent",
        "Edit",
    ]
    # The values a person typed, by field name; links between records are not shown.
    assert cell(model, 0, FIELDS) == "City: Laval; Latitude: 45.5"
    assert [cell(model, 1, c) for c in (WHAT, RECORD, CHANGE, FIELDS)] == [
        "Note",
        "Spring catalogue — Boulangerie Saint-Laurent",
        "New",
        "",
    ]
    assert clock_time(from_text(STAMP)) in cell(model, 1, QUEUED)
    assert cell(model, 1, QUEUED, Qt.ItemDataRole.ToolTipRole).startswith("Sent 2 time")
    assert cell(model, 0, QUEUED, Qt.ItemDataRole.ToolTipRole) == "Not sent yet"
    assert cell(model, 1, WHAT, ITEM_ROLE) is note
    assert model.last_seq == 2


def test_a_reload_moves_only_the_rows_that_changed() -> None:
    model = PendingChangesModel()
    events: list[tuple[str, int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: events.append(("removed", first, last)))
    model.rowsInserted.connect(lambda _p, first, last: events.append(("inserted", first, last)))
    model.dataChanged.connect(
        lambda top, bottom, _r: events.append(("changed", top.row(), bottom.row()))
    )
    model.modelReset.connect(lambda: events.append(("reset", -1, -1)))
    one, two, three, four, five = (pending(n) for n in (1, 2, 3, 4, 5))
    model.set_items([one, two, three])
    assert events == [("inserted", 0, 2)]  # a page arrives as one insertion
    events.clear()

    three_sent = dataclasses.replace(three, attempts=1, last_attempt_at=STAMP)
    model.set_items([one, three_sent, four])

    assert events == [("removed", 1, 1), ("changed", 1, 1), ("inserted", 2, 2)]
    assert [item.mutation_id for item in model.items] == ["m1", "m3", "m4"]
    assert cell(model, 1, QUEUED, Qt.ItemDataRole.ToolTipRole).startswith("Sent 1 time")

    events.clear()
    model.set_items([one, three_sent, four])  # the same rows again: nothing moves
    model.set_items([four, five])
    assert events == [("removed", 0, 1), ("inserted", 1, 1)]

    events.clear()
    model.set_items([five, four])  # another order: shown afresh
    assert events == [("reset", -1, -1)]
    assert model.row_of("m4") == 1 and model.row_of("m1") is None


def conflict_item(field: str, mine: Any, theirs: Any, base: Any = None) -> ConflictItem:
    return ConflictItem(
        Conflict(f"c-{field}", "accounts", "a1", field, mine, theirs, base, 8, STAMP), BAKERY
    )


def test_a_conflict_shows_mine_and_theirs_on_one_line_and_in_full_on_hover() -> None:
    model = ConflictsModel()
    model.set_items(
        [
            conflict_item("phone", "514 555 0100", "514 555 0777", "514-555-0142"),
            conflict_item("address", "12 rue Principale\nLocal 3", None),
        ]
    )
    assert [cell(model, 0, c) for c in (C_RECORD, C_MINE, C_THEIRS)] == [
        "Boulangerie Saint-Laurent",
        "514 555 0100",
        "514 555 0777",
    ]
    assert cell(model, 1, C_MINE) == "12 rue Principale Local 3"
    assert cell(model, 1, C_MINE, Qt.ItemDataRole.ToolTipRole) == "12 rue Principale\nLocal 3"
    assert cell(model, 1, C_THEIRS) == "(empty)"
    assert model.headerData(C_THEIRS, Qt.Orientation.Horizontal) == "Theirs"


def test_a_rejected_change_shows_the_servers_reason_and_its_values_on_hover() -> None:
    model = RejectionsModel()
    rejection = RejectedChange(
        "r1",
        "accounts",
        "a1",
        "update",
        {"city": "Laval", "owner_id": "u2"},
        {"city": "Montréal"},
        "City is not in this territory",
        "invalid_field",
        STAMP,
    )
    model.set_items([RejectionItem(rejection, BAKERY)])
    assert cell(model, 0, R_REASON) == "City is not in this territory"
    assert cell(model, 0, R_CHANGE) == "Edit"
    assert cell(model, 0, R_CHANGE, Qt.ItemDataRole.ToolTipRole) == "City: Laval"


def test_the_sync_log_says_how_each_run_ended() -> None:
    model = SyncLogModel()
    model.set_items(
        [
            SyncRun(3, STAMP, None, 0, 0, 0, 0, None),
            SyncRun(2, STAMP, STAMP, 0, 0, 0, 0, "The server did not answer in time."),
            SyncRun(1, STAMP, STAMP, 3, 120, 1, 0, None),
        ]
    )
    assert [cell(model, r, L_RESULT) for r in range(3)] == ["Not finished", "Failed", "Succeeded"]
    assert (cell(model, 2, L_SENT), cell(model, 2, L_RECEIVED)) == ("3", "120")
    assert cell(model, 1, L_ERROR) == "The server did not answer in time."
    assert model.rowCount(model.index(0, 0)) == 0 and model.rowCount(QModelIndex()) == 3


def test_values_read_as_words_not_as_code() -> None:
    assert [value_text(v) for v in (None, "", True, False, 45.5212, 14)] == [
        "(empty)",
        "(empty)",
        "Yes",
        "No",
        "45.5212",
        "14",
    ]


def test_a_fields_code_moment_and_day_read_as_words_and_local_dates() -> None:
    # The Sync page listed a check-in as "Status: checked_in; Check-in time:
    # 2026-11-23T13:00:00Z" (tests/ui/test_no_raw_values.py found it).
    assert value_text("checked_in", "visits", "status") == "Checked in"
    assert value_text("inside", "follow_ups", "assignee_team") == "Inside team"
    assert value_text("for_field", "notes", "kind") == "Note for the field"
    stamp = "2026-11-23T13:00:00Z"
    moment = from_text(stamp)
    assert value_text(stamp, "visits", "checked_in_at") == (
        f"{short_date(moment.astimezone().date())} {clock_time(moment)}"
    )
    assert value_text("2026-12-02", "follow_ups", "due_date") == short_date(date(2026, 12, 2))
    # Without its field, or for a field that is prose, a text stays as typed.
    assert value_text("checked_in") == "checked_in"
    assert value_text("2026-12-02 meeting", "notes", "body") == "2026-12-02 meeting"
