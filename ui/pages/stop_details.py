"""Under the Today page's map: the chosen stop, a link to it on a map, and who to call.

The stop's account phone and its contacts are links (``tel:``, ``mailto:``) the desktop
opens; "Open in maps" gives driving directions from the previous stop (or the stop alone,
or a search for its address when it has no coordinates). Contacts are read on the store
worker when the chosen stop changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from fieldapp.records import Contact
from fieldapp.usecases.accounts import contacts_of
from fieldapp.usecases.route import RouteStop
from ui.context import AppContext
from ui.links import anchor, stop_map_url
from ui.models.plan_model import address_text
from ui.widgets.link_label import LinkLabel, contact_html, no_link_words, phone_html


def previous_point(stops: Sequence[RouteStop], visit_id: str) -> RouteStop | None:
    """The stop before this one that has coordinates: where the drive to it starts."""
    ids = [stop.visit.id for stop in stops]
    if visit_id not in ids:
        return None
    before = stops[: ids.index(visit_id)]
    return next((stop for stop in reversed(before) if stop.point is not None), None)


class StopDetails(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Stop"), parent)
        self.setObjectName("stopDetails")
        self.context = context
        self.stop: RouteStop | None = None
        self.name_label = QLabel()
        self.name_label.setObjectName("stopName")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setWordWrap(True)
        self.map_link = LinkLabel("stopMapLink")
        self.phone_link = LinkLabel("stopPhone")
        self.contacts = LinkLabel("stopContacts")
        self.problem = QLabel()
        self.problem.setObjectName("stopLinkProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        for widget in (self.name_label, self.map_link, self.phone_link, self.contacts):
            layout.addWidget(widget)
            if isinstance(widget, LinkLabel):
                widget.link_opened.connect(self._opened)
        layout.addWidget(self.problem)
        self.show_stop(None, ())

    def show_stop(self, stop: RouteStop | None, stops: Sequence[RouteStop]) -> None:
        self.stop = stop
        self.problem.hide()
        if stop is None:
            self.name_label.setText(self.tr("Choose a stop to see how to get there."))
            for label in (self.map_link, self.phone_link, self.contacts):
                label.clear()
            return
        self.name_label.setText(stop.account.name)
        previous = previous_point(stops, stop.visit.id)
        address = address_text(stop)
        url = stop_map_url(stop.point, previous.point if previous else None, address)
        words = self.tr("Open in maps") if url else self.tr("No location to open in maps")
        self.map_link.setText(anchor(url, words))
        self.map_link.setToolTip(
            self.tr("Driving directions from the previous stop")
            if stop.point is not None and previous is not None
            else address
        )
        self.phone_link.setText(phone_html(stop.account.phone))
        self.contacts.clear()
        account_id, visit_id = stop.account.id, stop.visit.id
        self.context.tasks.read(
            lambda store: (visit_id, contacts_of(store, account_id)),
            self._show_contacts,
            key="stop-contacts",
        )

    def _show_contacts(self, answer: tuple[str, list[Contact]]) -> None:
        visit_id, contacts = answer
        if self.stop is None or self.stop.visit.id != visit_id:
            return  # the rep has chosen another stop meanwhile
        self.contacts.setText(
            "<br>".join(contact_html(c) for c in contacts)
            if contacts
            else anchor(None, self.tr("No contact"))
        )

    def _opened(self, url: str, opened: bool) -> None:
        self.problem.setText("" if opened else no_link_words(url))
        self.problem.setVisible(not opened)
