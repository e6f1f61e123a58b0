"""The notification centre and reminder settings: each person's own, counted live, never the partner's."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import Session

from couple_dash.config import Settings
from couple_dash.domain.reminders import Due
from couple_dash.models import User
from couple_dash.services import ServiceError, notifications, reminder_settings
from couple_dash.services.reminder_settings import ReminderChoices
from tests.integration.helpers import pair

AT = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)


def due(key: str, user_id: int) -> Due:
    return Due(key, user_id, "ritual", "Date night in 1 hour", "", "/rituals", AT)


def test_each_reminder_is_stored_once_and_only_its_person_reads_it(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "bell")
    assert notifications.deliver(session, due("k1", sam))
    assert not notifications.deliver(session, due("k1", sam))  # the same reminder again: nothing new
    assert notifications.deliver(session, due("k2", sam))
    couple_id = session.get_one(User, alex).couple_id
    assert couple_id is not None
    counts = {c.user_id: c.count for c in notifications.unread_counts(session=session, couple_id=couple_id)}
    assert counts == {alex: 0, sam: 2}
    assert notifications.for_user(session=session, user_id=alex) == []
    shown = notifications.for_user(session=session, user_id=sam, time_zone="Europe/Berlin")
    assert [n.when for n in shown] == ["Fri 27 Nov, 19:00", "Fri 27 Nov, 19:00"]
    assert notifications.mark_all_read(session=session, user_id=sam) == 2
    counts = {c.user_id: c.count for c in notifications.unread_counts(session=session, couple_id=couple_id)}
    assert counts[sam] == 0


def choices(**change: object) -> ReminderChoices:
    base = {
        "rituals": True,
        "ritual_lead_minutes": 60,
        "check_in": True,
        "check_in_lead_minutes": 120,
        "commitment_windows": False,
        "streak_nudge": True,
        "weekly_digest": False,
        "quiet_enabled": True,
        "quiet_start": "23:00",
        "quiet_end": "06:30",
    }
    return ReminderChoices(**{**base, **change})  # type: ignore[arg-type]


def test_reminder_settings_are_saved_and_checked(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "prefs")
    assert reminder_settings.current(session=session, user_id=alex).streak_nudge is False  # opt-in by default
    saved = reminder_settings.save(session=session, user_id=alex, choices=choices())
    assert (saved.quiet_start, saved.quiet_end, saved.streak_nudge) == (23 * 60, 6 * 60 + 30, True)
    for bad, message in (
        (choices(ritual_lead_minutes=7), "how early"),
        (choices(quiet_start="late"), "quiet hours"),
        (choices(quiet_start="22:00", quiet_end="22:00"), "differ"),
    ):
        with pytest.raises(ServiceError, match=message):
            reminder_settings.save(session=session, user_id=alex, choices=bad)
    assert reminder_settings.current(session=session, user_id=alex).quiet_start == 23 * 60
