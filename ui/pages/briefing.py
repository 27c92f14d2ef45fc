"""The account briefing: the one screen a rep reads before walking in, and what they do next.

Header (tier, address, phone, owner, last and next visit), the lead handed over on the
account while something is owed on it (ui/pages/lead_panel.py), notes pinned for the field,
the last visit reports with their feedback, open follow-ups, contacts and open
opportunities; actions: plan a visit, check in, add a note, new contact, edit the account.
It reads ``account_briefing`` on the store worker (one keyed read, so clicking through the
list only runs the latest) and reads it again when a change notice may concern it. Every
word people typed is shown as plain text.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.catalogue import VisitStatus
from fieldapp.clock import from_text
from fieldapp.records import Contact, FollowUp, Note, Opportunity, Visit
from fieldapp.store.database import Store
from fieldapp.usecases.briefing import Briefing, VisitReport, account_briefing
from fieldapp.usecases.planning import todays_plan
from fieldapp.usecases.visits import check_in, start_unplanned_visit
from ui.changes import Changes
from ui.context import AppContext
from ui.dialogs.account_dialogs import (
    AddNoteDialog,
    EditAccountDialog,
    NewContactDialog,
    PlanVisitDialog,
)
from ui.formatting import clock_time, fill, money, short_date
from ui.labels import (
    error_label,
    outcome_label,
    plain_label,
    show_error,
    stage_label,
    team_in_sentence,
    tier_label,
    visit_status_label,
)
from ui.links import anchor
from ui.pages.lead_panel import LeadPanel
from ui.tasks import describe
from ui.widgets.chip import chip, overdue_chip, show_chip
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.link_label import LinkLabel, contact_html, no_link_words, phone_html
from ui.widgets.styling import primary, secondary, text_role

# A briefing shows records of all these; a change to any of them may change what it shows.
SHOWN = ("accounts", "users", "visits", "notes", "follow_ups", "contacts", "opportunities",
         "reviews")  # fmt: skip


def check_in_at(store: Store, account_id: str, today: date, tz: tzinfo | None) -> Visit:
    """Check in to today's planned visit of the account, or start an unplanned one.

    A visit already checked in today is returned as it is: pressing "Check in" twice
    opens the same visit rather than starting a second one.
    """
    with store.transaction():
        for stop in todays_plan(store, today=today, tz=tz):
            if stop.visit.account_id != account_id:
                continue
            if stop.visit.status == VisitStatus.CHECKED_IN:
                return stop.visit
            if stop.visit.status == VisitStatus.PLANNED:
                return check_in(store, stop.visit.id)
        return start_unplanned_visit(store, account_id)


def visit_overdue_days(briefing: Briefing, today: date) -> int | None:
    """Days since the account's next visit fell due, as the accounts list counts them (the
    last completed visit's day plus the visit target); None when one is planned, when it
    is not due yet, or when the account was never visited."""
    last = briefing.last_visit
    if briefing.next_visit is not None or last is None:
        return None
    due = date.fromisoformat(last.planned_start[:10]) + timedelta(
        days=briefing.account.effective_visit_frequency_days
    )
    late = (today - due).days
    return late if late >= 0 else None


class Section(QFrame):
    """One part of the briefing, as a card: a heading and a few plain-text entries, or
    "None".

    Its labels are kept and reused from one account to the next: creating and polishing
    new widgets was most of the time a briefing took to appear.
    """

    link_opened = Signal(str, bool)  # a contact's link, whether the desktop opened it

    def __init__(self, title: str, name: str, empty: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("role", "card")
        self._empty = empty
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.setSpacing(8)
        self.heading = text_role(QLabel(title), "heading")
        self._layout.addWidget(self.heading)
        self._labels: list[QLabel] = []
        self._shown = 0
        self._is_empty = True

    def show_entries(self, entries: list[str]) -> None:
        texts = entries or [self._empty]
        while len(self._labels) < len(texts):
            label = plain_label(selectable=True)
            self._layout.addWidget(label)
            self._labels.append(label)
        for number, label in enumerate(self._labels):
            if number < len(texts):
                label.setText(texts[number])
                label.setEnabled(bool(entries))  # "None" is greyed: nothing to read here
                label.show()
            else:
                label.clear()  # no words of the previous account linger in a hidden label
                label.hide()
        self._shown = len(texts)
        self._is_empty = not entries

    def entry_label(self, position: int) -> QLabel:
        """The label showing entry ``position`` (0 for the first)."""
        return self._labels[position]

    def texts(self) -> list[str]:
        """What the section shows, entry by entry (empty when it shows "None")."""
        return [] if self._is_empty else [lb.text() for lb in self._labels[: self._shown]]

    def title(self) -> str:
        return self.heading.text()


class ContactSection(QFrame):
    """The contacts, as a card like the other sections: each a name, then its phone and
    e-mail as call and mail links, in a label of its own (so that a search hit can bring
    one contact into view and select it)."""

    link_opened = Signal(str, bool)  # a contact's link, whether the desktop opened it

    def __init__(self, title: str, name: str, empty: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setProperty("role", "card")
        self._empty = empty
        self._name = name
        self.heading = text_role(QLabel(title), "heading")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.heading)
        self._labels: list[LinkLabel] = []
        self._plain: list[str] = []

    def title(self) -> str:
        return self.heading.text()

    def show_contacts(self, contacts: list[Contact]) -> None:
        self._plain = [_contact_text(c) for c in contacts]
        texts = [contact_html(c) for c in contacts] or [anchor(None, self._empty)]
        while len(self._labels) < len(texts):  # kept and reused, as Section's labels
            label = LinkLabel(f"{self._name}Links")
            label.link_opened.connect(self.link_opened)
            self._layout.addWidget(label)
            self._labels.append(label)
        for number, label in enumerate(self._labels):
            label.setVisible(number < len(texts))
            label.setText(texts[number] if number < len(texts) else "")
            label.setEnabled(bool(contacts))

    def entry_label(self, position: int) -> LinkLabel:
        """The label showing contact ``position`` (0 for the first)."""
        return self._labels[position]

    def links(self) -> list[str]:
        """Every call and mail link shown, contact by contact."""
        return [link for label in self._labels if label.isVisibleTo(self) for link in label.links()]

    def texts(self) -> list[str]:
        """Each contact as plain text (empty when there is none)."""
        return list(self._plain)


def _contact_text(contact: Contact) -> str:
    return "\n".join(
        line
        for line in (
            " — ".join(p for p in (contact.full_name, contact.job_title) if p),
            " · ".join(p for p in (contact.phone, contact.email) if p),
        )
        if line
    )


class BriefingPane(QWidget):
    shown = Signal(str)  # the account whose briefing is now on screen

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingPane")
        self.context = context
        self.account_id: str | None = None
        self.briefing: Briefing | None = None
        # A contact chosen in the global search: shown selected once its account is read.
        self._wanted_contact: str | None = None

        self.placeholder = text_role(
            plain_label(self.tr("Choose an account to read its briefing.")), "secondary"
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label = error_label("briefingError")

        self.name_label = text_role(plain_label(name="accountName", selectable=True), "title")
        # The tier and its visit target, and how late the next visit is, as chips under
        # the name: what a rep checks first, read at a glance.
        self.tier_label = chip()
        self.tier_label.setObjectName("accountTier")
        self.tier_label.setTextFormat(Qt.TextFormat.PlainText)
        self.overdue_chip = chip(tone="danger")
        self.overdue_chip.setObjectName("accountOverdue")
        self.overdue_chip.hide()
        chips = QHBoxLayout()
        chips.setSpacing(6)
        chips.addWidget(self.tier_label)
        chips.addWidget(self.overdue_chip)
        chips.addStretch(1)
        self.address_label = plain_label(name="accountAddress", selectable=True)
        # A call link, as the contacts' phones below and the Today stop panel's.
        self.phone_label = LinkLabel("accountPhone")
        self.phone_label.link_opened.connect(self._link_opened)
        self.owner_label = plain_label(name="accountOwner", selectable=True)
        self.last_visit_label = plain_label(name="lastVisit", selectable=True)
        self.next_visit_label = plain_label(name="nextVisit", selectable=True)
        facts = QFormLayout()
        facts.setHorizontalSpacing(14)
        facts.setVerticalSpacing(4)
        for caption, label in (
            (self.tr("Address"), self.address_label),
            (self.tr("Phone"), self.phone_label),
            (self.tr("Owner"), self.owner_label),
            (self.tr("Last visit"), self.last_visit_label),
            (self.tr("Next visit"), self.next_visit_label),
        ):
            facts.addRow(text_role(QLabel(caption), "secondary"), label)

        self.plan_button = QPushButton(self.tr("&Plan visit…"))
        self.check_in_button = QPushButton(self.tr("Check &in"))
        self.note_button = QPushButton(self.tr("Add &note…"))
        self.contact_button = QPushButton(self.tr("New &contact…"))
        self.edit_button = QPushButton(self.tr("&Edit account…"))
        self.plan_button.clicked.connect(self.plan_visit)
        self.check_in_button.clicked.connect(self.check_in)
        self.note_button.clicked.connect(self.add_note)
        self.contact_button.clicked.connect(self.new_contact)
        self.edit_button.clicked.connect(self.edit_account)
        self.check_in_button.setToolTip(
            self.tr("Check in to today's planned visit here, or start an unplanned visit")
        )
        # The inside team books and reads; planning and checking in are the field's.
        if context.user.role == "inside":
            self.plan_button.hide()
            self.check_in_button.hide()
        # One primary action per view: the field rep walks in, the inside team writes.
        for button in self._buttons():
            secondary(button)
        primary(self.note_button if context.user.role == "inside" else self.check_in_button)
        # Wrapped onto a second row when the words are longer than the pane is wide (in
        # French), so the pane never grows wider than the window and cuts what follows.
        actions = FlowLayout()
        for button in self._buttons():
            actions.addWidget(button)

        self.pinned = Section(self.tr("Pinned for the field"), "pinnedNotes", self.tr("None"))
        self.reports = Section(self.tr("Last visit reports"), "visitReports", self.tr("None"))
        self.follow_ups = Section(self.tr("Open follow-ups"), "openFollowUps", self.tr("None"))
        self.contacts = ContactSection(self.tr("Contacts"), "contacts", self.tr("None"))
        self.contacts.link_opened.connect(self._link_opened)
        self.opportunities = Section(
            self.tr("Open opportunities"), "openOpportunities", self.tr("None")
        )

        # The lead first: what someone is waiting on before anything else on the account.
        self.lead = LeadPanel(context)

        self.header_card = QFrame()
        self.header_card.setObjectName("briefingHeader")
        self.header_card.setProperty("role", "card")
        header = QVBoxLayout(self.header_card)
        header.setContentsMargins(14, 12, 14, 12)
        header.setSpacing(8)
        header.addWidget(self.name_label)
        header.addLayout(chips)
        header.addLayout(facts)
        header.addLayout(actions)

        self.content = QWidget()
        body = QVBoxLayout(self.content)
        body.setSpacing(10)
        body.addWidget(self.header_card)
        body.addWidget(self.lead)
        for section in self._sections():
            body.addWidget(section)
        body.addStretch(1)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.error_label)
        layout.addWidget(scroller, 1)
        self._scroller = scroller
        self._show_nothing()
        context.notices.changed.connect(self._on_changed)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.plan_button, self.check_in_button, self.note_button, self.contact_button,
                self.edit_button)  # fmt: skip

    def _sections(self) -> tuple[Section | ContactSection, ...]:
        return (self.pinned, self.reports, self.follow_ups, self.contacts, self.opportunities)

    # -- loading ----------------------------------------------------------------------
    def show_account(self, account_id: str) -> None:
        self.account_id = account_id
        self.lead.show_account(account_id)
        self.refresh()

    def point_at_contact(self, contact_id: str) -> None:
        """Bring one of the account's contacts into view, selected (a search hit on them)."""
        self._wanted_contact = contact_id
        if self.briefing is not None and self.briefing.account.id == self.account_id:
            self._point_at_wanted_contact()

    def _point_at_wanted_contact(self) -> None:
        briefing, wanted = self.briefing, self._wanted_contact
        if briefing is None or wanted is None:
            return
        # Only the shown account's briefing gets here: if it does not hold the contact (it
        # was deleted meanwhile), there is nothing to wait for.
        self._wanted_contact = None
        position = next((n for n, c in enumerate(briefing.contacts) if c.id == wanted), None)
        if position is None:
            return
        label = self.contacts.entry_label(position)
        self._scroller.ensureWidgetVisible(label)
        label.setFocus(Qt.FocusReason.OtherFocusReason)
        # The label is rich text (its links): select the length of what it shows.
        label.setSelection(0, len(self.contacts.texts()[position]))

    def refresh(self) -> None:
        account_id = self.account_id
        if account_id is None:
            return
        self.context.tasks.read(
            lambda store: account_briefing(store, account_id),
            self._show,
            failed=lambda error: self._show_error(account_id, error),
            key="briefing",
        )

    def _on_changed(self, changes: Changes) -> None:
        if self.account_id is None or not changes.touches(*SHOWN):
            return
        # A change to other accounts alone is not this briefing's; a child record (a
        # visit, a note) names no account, so any of those reads the briefing again.
        only_accounts = not changes.touches(*(c for c in SHOWN if c != "accounts"))
        account_ids = changes.ids("accounts")
        if only_accounts and account_ids is not None and self.account_id not in account_ids:
            return  # another account changed
        self.refresh()

    def _link_opened(self, url: str, opened: bool) -> None:
        """A call or mail link the desktop has no program for: say so (as the Today stop
        panel does) rather than let the click do nothing."""
        show_error(self.error_label, "" if opened else no_link_words(url))

    def _show_error(self, account_id: str, error: Exception) -> None:
        if account_id != self.account_id:
            return
        self.briefing = None
        self._show_nothing()
        self.error_label.setText(describe(error))
        self.error_label.show()

    def _show_nothing(self) -> None:
        self.placeholder.setVisible(self.account_id is None)
        self._scroller.setVisible(False)
        for button in self._buttons():
            button.setEnabled(False)

    def _show(self, briefing: Briefing) -> None:
        if briefing.account.id != self.account_id:
            return  # the rep has moved on to another account
        self.briefing = briefing
        self.placeholder.hide()
        self.error_label.hide()
        self._scroller.show()
        for button in self._buttons():
            button.setEnabled(True)
        self._show_header(briefing)
        self.pinned.show_entries([self._pinned_text(n) for n in briefing.pinned_notes])
        self.reports.show_entries([self._report_text(r) for r in briefing.recent_reports])
        self.follow_ups.show_entries([self._follow_up_text(f) for f in briefing.open_follow_ups])
        self.contacts.show_contacts(list(briefing.contacts))
        self.opportunities.show_entries(
            [self._opportunity_text(o) for o in briefing.open_opportunities]
        )
        self._point_at_wanted_contact()
        self.shown.emit(briefing.account.id)

    # -- what each part says ----------------------------------------------------------
    def _show_header(self, briefing: Briefing) -> None:
        account = briefing.account
        self.name_label.setText(account.name)
        self.tier_label.setText(
            fill(
                self.tr("%1 — a visit every %n day(s)", "", account.effective_visit_frequency_days),
                tier_label(account.tier),
            )
        )
        today = self.context.now().astimezone().date()
        show_chip(self.overdue_chip, overdue_chip(visit_overdue_days(briefing, today)))
        place = " ".join(p for p in (account.postal_code, account.city) if p)
        address = ", ".join(p for p in (account.address, place, account.country) if p)
        self.address_label.setText(address or self.tr("No address"))
        self.phone_label.setText(phone_html(account.phone))
        self.owner_label.setText(
            briefing.owner.display_name if briefing.owner else self.tr("Nobody")
        )
        last = briefing.last_visit
        self.last_visit_label.setText(
            fill(self.tr("%1 — %2"), self._day(last.planned_start), outcome_label(last.outcome))
            if last
            else self.tr("Never visited")
        )
        upcoming = briefing.next_visit
        self.next_visit_label.setText(
            fill(
                self.tr("%1 at %2 — %3"),
                self._day(upcoming.planned_start),
                clock_time(from_text(upcoming.planned_start)),
                visit_status_label(upcoming.status),
            )
            if upcoming
            else self.tr("None planned")
        )

    def _day(self, moment: str) -> str:
        return short_date(from_text(moment).astimezone().date())

    def _pinned_text(self, note: Note) -> str:
        return fill(self.tr("%1\n(pinned on %2)"), note.body, self._day(note.created_at))

    def _report_text(self, item: VisitReport) -> str:
        when = item.visit.planned_start if item.visit else item.report.created_at
        outcome = outcome_label(item.visit.outcome if item.visit else None)
        status = self.tr("reviewed") if item.reviewed else self.tr("not reviewed yet")
        lines = [fill(self.tr("%1 · %2 · %3"), self._day(when), outcome, status), item.report.body]
        lines += [fill(self.tr("Feedback: %1"), reply.body) for reply in item.feedback]
        return "\n".join(lines)

    def _follow_up_text(self, follow_up: FollowUp) -> str:
        who = (
            team_in_sentence(follow_up.assignee_team)
            if follow_up.assignee_team
            else self.tr("a person")
        )
        due = short_date(date.fromisoformat(follow_up.due_date))
        return fill(self.tr("%1 — for %2, due %3"), follow_up.title, who, due)

    def _opportunity_text(self, opportunity: Opportunity) -> str:
        parts = [opportunity.name, stage_label(opportunity.stage)]
        if opportunity.amount is not None:
            parts.append(money(opportunity.amount, opportunity.currency))
        if opportunity.close_date:
            closes = short_date(date.fromisoformat(opportunity.close_date))
            parts.append(fill(self.tr("closes %1"), closes))
        return " — ".join(parts)

    # -- actions ----------------------------------------------------------------------
    def plan_visit(self) -> None:
        if self.briefing is not None:
            PlanVisitDialog(self.context, self.briefing.account, self).open()

    def add_note(self) -> None:
        if self.briefing is not None:
            AddNoteDialog(self.context, self.briefing.account, self).open()

    def new_contact(self) -> None:
        if self.briefing is not None:
            NewContactDialog(self.context, self.briefing.account, self).open()

    def edit_account(self) -> None:
        if self.briefing is not None:
            EditAccountDialog(self.context, self.briefing.account, self).open()

    def check_in(self) -> None:
        if self.account_id is None:
            return
        account_id = self.account_id
        now: datetime = self.context.now().astimezone()
        self.check_in_button.setEnabled(False)

        def done(visit: Visit) -> None:
            self.check_in_button.setEnabled(True)
            self.context.navigator.visit_requested.emit(visit.id)

        def failed(error: Exception) -> None:
            self.check_in_button.setEnabled(True)
            self.error_label.setText(describe(error))
            self.error_label.show()

        self.context.tasks.write(
            lambda store: check_in_at(store, account_id, now.date(), now.tzinfo),
            done,
            failed=failed,
        )
