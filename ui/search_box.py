"""The global search field: accounts, contacts and notes as you type (Ctrl+F / Ctrl+K).

Accounts are found by name and address, contacts by name and e-mail, and a contact's line
names their account.

Each keystroke queues a keyed read on the store worker, so only the latest text is
searched and typing never waits on SQLite. Results drop down under the field; arrow keys
move through them, Enter opens one, Escape closes the list. Every text is shown as plain
text (a note holding HTML shows its tags, it is never rendered).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fieldapp.search import Place, SearchHit, account_places, search
from fieldapp.store.database import Store
from ui.addresses import one_line
from ui.changes import Changes
from ui.context import AppContext
from ui.formatting import fill
from ui.labels import collection_label

RESULT_LIMIT = 30


class SearchResults(QFrame):
    """The drop-down list under the field (a child of the window, not a separate popup)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.list = QListWidget(self)
        self.list.setObjectName("searchResults")
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.hide()


class SearchBox(QLineEdit):
    hit_chosen = Signal(object)  # SearchHit
    results_shown = Signal(int)  # how many hits the last search showed (tests wait on it)

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self._context = context
        self._hits: list[SearchHit] = []
        self.setObjectName("globalSearch")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(
            self.tr("Search accounts (name or address), contacts and notes (Ctrl+K)")
        )
        self.setMinimumWidth(360)
        self.results = SearchResults(window)
        self.results.list.itemActivated.connect(self._choose_item)
        self.results.list.itemClicked.connect(self._choose_item)
        self.textEdited.connect(self._search)
        self.returnPressed.connect(self._choose_current)
        context.notices.changed.connect(self._on_changed)
        window.installEventFilter(self)

    # -- searching --------------------------------------------------------------------
    def _search(self, text: str) -> None:
        if not text.strip():
            self._show([])
            return

        def read(store: Store) -> tuple[list[SearchHit], dict[str, Place]]:
            hits = search(store, text, limit=RESULT_LIMIT)
            # An account found by its street or postal code shows its address, not only its
            # city: the rep sees why it matched (about 30 rows read by key, well under 1 ms).
            found = [hit.record_id for hit in hits if hit.collection == "accounts"]
            return hits, account_places(store, found)

        self._context.tasks.read(read, self._show_found, key="global-search")

    def _on_changed(self, changes: Changes) -> None:
        # New records may now match: rerun the visible search, if any.
        if self.results.isVisible() and changes.touches("accounts", "contacts", "notes"):
            self._search(self.text())

    def _show_found(self, found: tuple[list[SearchHit], dict[str, Place]]) -> None:
        self._show(*found)

    def _show(self, hits: list[SearchHit], places: dict[str, Place] | None = None) -> None:
        self._hits = hits
        places = places or {}
        listing = self.results.list
        listing.clear()
        for hit in hits:
            kind = collection_label(hit.collection)
            title, detail = hit.title, hit.detail
            place = places.get(hit.record_id) if hit.collection == "accounts" else None
            if place is not None:
                detail = one_line(place.street, place.city, place.postal_code, place.country)
            if hit.collection == "contacts" and hit.account_name:
                # A name alone does not say which Marie Tremblay: her account does.
                title = fill(
                    self.tr("%1 at %2", "a contact and their account"), title, hit.account_name
                )
            item = QListWidgetItem(
                f"{kind} · {title} — {detail}" if detail else f"{kind} · {title}"
            )
            item.setToolTip("\n".join(p for p in (title, detail) if p))
            item.setData(Qt.ItemDataRole.UserRole, hit)
            listing.addItem(item)
        if not hits and self.text().strip():
            empty = QListWidgetItem(fill(self.tr("No match for “%1”"), self.text().strip()))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            listing.addItem(empty)
        if listing.count():
            listing.setCurrentRow(0)
            self._place_results()
            self.results.show()
            self.results.raise_()
        else:
            self.results.hide()
        self.results_shown.emit(len(hits))

    def _place_results(self) -> None:
        window = self.results.parentWidget()
        if window is None:  # not placed in a window yet: nothing to place it against
            return
        corner = self.mapTo(window, QPoint(0, self.height()))
        rows = min(self.results.list.count(), 12)
        height = rows * max(self.results.list.sizeHintForRow(0), 18) + 8
        self.results.setGeometry(corner.x(), corner.y(), max(self.width(), 520), height)

    # -- choosing ---------------------------------------------------------------------
    def _choose_item(self, item: QListWidgetItem) -> None:
        hit = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(hit, SearchHit):
            self.results.hide()
            self.hit_chosen.emit(hit)

    def _choose_current(self) -> None:
        item = self.results.list.currentItem()
        if self.results.isVisible() and item is not None:
            self._choose_item(item)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        listing = self.results.list
        if self.results.isVisible() and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(listing.count() - 1, listing.currentRow() + step))
            listing.setCurrentRow(row)
            return
        if event.key() == Qt.Key.Key_Escape:
            if self.results.isVisible():
                self.results.hide()
            else:
                self.clear()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.results.isVisible():
            self._place_results()
        return False
