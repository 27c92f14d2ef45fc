"""The desktop notification after a sync: one summary, in the window's language, never
when the setting is off. The tray itself cannot run off screen, so the test records what
would be shown; what counts as news is tested against a real server in
tests/sync/test_sync_news.py."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from fieldapp.store.change_set import ChangeSet, Kind
from fieldapp.usecases.inbox import InboxKind, inbox
from ui.notifier import SyncNotifier
from ui.settings import NOTIFY_NEWS
from ui.sync_worker import SyncOutcome


def _pinned_for_me(context: Any, qtbot: QtBot) -> str:
    """A note pinned for the field rep's accounts that their inbox holds (its last 30
    days): what a sync bringing it would announce."""
    found: list[list[str]] = []
    context.tasks.read(
        lambda store: [i.item_id for i in inbox(store) if i.kind == InboxKind.PINNED_NOTE],
        found.append,
    )
    qtbot.waitUntil(lambda: bool(found))
    assert found[0], "the demo data has a note pinned for the field rep's accounts"
    return found[0][0]


def test_a_sync_that_brings_news_shows_one_summary_unless_turned_off(
    make_context, qtbot: QtBot, qapp: Any
) -> None:
    from ui.i18n import Languages

    languages = Languages(qapp)
    languages.apply("en")  # its catalogue holds the plural forms
    try:
        context = make_context("field")
        shown: list[tuple[str, str]] = []
        notifier = SyncNotifier(context, lambda title, text: shown.append((title, text)))
        pinned = _pinned_for_me(context, qtbot)
        brought = ChangeSet(listed={"notes": {pinned: Kind.CREATED}})

        context.sync.finished.emit(SyncOutcome(None, None, changes=brought))
        qtbot.waitUntil(lambda: bool(shown))
        assert shown == [("FieldApp", "1 note pinned for your accounts")]

        context.sync.finished.emit(SyncOutcome(None, None))  # nothing committed: nothing said
        context.settings.set(NOTIFY_NEWS, False)
        context.sync.finished.emit(SyncOutcome(None, None, changes=brought))
        qtbot.waitUntil(lambda: context.tasks.outstanding == 0)
        qtbot.wait(100)
        assert len(shown) == 1
        del notifier
    finally:
        languages.clear()


def test_the_summary_reads_in_french(make_context, qapp: Any) -> None:
    from fieldapp.usecases.news import News
    from ui.i18n import Languages

    context = make_context("field")
    notifier = SyncNotifier(context, None)
    languages = Languages(qapp)
    try:
        languages.apply("fr")
        text = notifier.text(News(feedback=2, pinned=1, handed_to_me=1, completed_for_me=3))
    finally:
        languages.clear()
    assert text == (
        "2 réponses ou révisions de vos comptes rendus · 1 note épinglée pour vos comptes"
        " · 1 suivi pour vous · 3 suivis que vous avez confiés sont terminés"
    )


def test_leads_answers_and_comments_read_in_both_languages(make_context, qapp: Any) -> None:
    from fieldapp.usecases.news import News
    from ui.i18n import Languages

    context = make_context("field")
    notifier = SyncNotifier(context, None)
    news = News(leads_handed=2, lead_answers=1, leads_withdrawn=1, claimed_for_me=1, comments=3)
    languages = Languages(qapp)
    try:
        languages.apply("en")
        english = notifier.text(news)
        languages.apply("fr")
        french = notifier.text(news)
    finally:
        languages.clear()
    assert english == (
        "1 of your follow-ups taken on · 2 leads handed to you · 1 answer to your leads"
        " · 1 lead withdrawn · 3 comments on your hand-offs"
    )
    assert french == (
        "1 suivi que vous avez confié est pris en charge · 2 pistes qui vous sont confiées"
        " · 1 réponse à vos pistes · 1 piste retirée · 3 commentaires sur vos transferts"
    )
