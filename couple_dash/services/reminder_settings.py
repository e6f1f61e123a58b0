"""Each person's own reminder choices: which reminders, how early, and quiet hours (in their own zone)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from couple_dash.domain.check_in_time import ScheduleError, parse_time
from couple_dash.models import ReminderSettings
from couple_dash.services import ServiceError, couple_of

LEAD_CHOICES = (15, 30, 60, 120, 180, 24 * 60)


@dataclass(frozen=True)
class ReminderChoices:
    """What the settings form sends."""

    rituals: bool
    ritual_lead_minutes: int
    check_in: bool
    check_in_lead_minutes: int
    commitment_windows: bool
    streak_nudge: bool
    weekly_digest: bool
    quiet_enabled: bool
    quiet_start: str  # "22:00"
    quiet_end: str


def current(*, session: Session, user_id: int) -> ReminderSettings:
    """The person's settings (the defaults until they first save)."""
    return session.get(ReminderSettings, user_id) or ReminderSettings(user_id=user_id)


def save(*, session: Session, user_id: int, choices: ReminderChoices) -> ReminderSettings:
    couple_of(session, user_id)
    if choices.ritual_lead_minutes not in LEAD_CHOICES or choices.check_in_lead_minutes not in LEAD_CHOICES:
        raise ServiceError("Choose how early from the times offered.")
    try:
        quiet_start, quiet_end = parse_time(choices.quiet_start), parse_time(choices.quiet_end)
    except ScheduleError:
        raise ServiceError("Give quiet hours as two times, like 22:00 and 07:00.") from None
    if choices.quiet_enabled and quiet_start == quiet_end:
        raise ServiceError("Quiet hours need a start and an end that differ.")
    row = current(session=session, user_id=user_id)
    row.rituals, row.ritual_lead_minutes = choices.rituals, choices.ritual_lead_minutes
    row.check_in, row.check_in_lead_minutes = choices.check_in, choices.check_in_lead_minutes
    row.commitment_windows, row.streak_nudge, row.weekly_digest = (
        choices.commitment_windows,
        choices.streak_nudge,
        choices.weekly_digest,
    )
    row.quiet_enabled, row.quiet_start, row.quiet_end = choices.quiet_enabled, quiet_start, quiet_end
    session.add(row)
    session.flush()
    return row
