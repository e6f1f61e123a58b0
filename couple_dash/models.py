"""All database tables. Datetimes are timezone-aware UTC everywhere (SQLModel rejects naive ones)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from couple_dash.dbtypes import UTCDateTime


def utcnow() -> datetime:
    return datetime.now(UTC)


def _utc_column(*, nullable: bool = False, index: bool = False) -> sa.Column:
    return sa.Column(UTCDateTime(), nullable=nullable, index=index)


class Couple(SQLModel, table=True):
    """Two partners sharing one dashboard. Outlives either member leaving."""

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    created_by: int  # a user id; not a foreign key, so couple and user do not reference each other in a cycle
    member_count: int = Field(default=0)  # kept by conditional UPDATEs, so a third member can never slip in


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, sa_column_kwargs={"unique": True})
    display_name: str = Field(max_length=40)
    password_hash: str = Field(max_length=255)
    time_zone: str = Field(default="UTC", max_length=64)
    couple_id: int | None = Field(default=None, foreign_key="couple.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    pulse_shared: bool = Field(default=False)  # the partner may see this person's pulse trajectory (opt-in)


class AuthSession(SQLModel, table=True):
    """A signed-in device. Only a hash of the bearer token is stored."""

    __tablename__ = "auth_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    user_id: int = Field(foreign_key="user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    expires_at: datetime = Field(sa_column=_utc_column())
    revoked_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


class LoginAttempt(SQLModel, table=True):
    """Failed sign-ins (and refused sign-ups), kept for throttling."""

    __tablename__ = "login_attempt"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, index=True)
    ip: str = Field(max_length=64, index=True)
    at: datetime = Field(default_factory=utcnow, sa_column=_utc_column(index=True))


class Invite(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=16, sa_column_kwargs={"unique": True})
    couple_id: int = Field(foreign_key="couple.id", index=True)
    created_by: int = Field(foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    expires_at: datetime = Field(sa_column=_utc_column())
    used_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    used_by: int | None = Field(default=None, foreign_key="user.id")
    revoked_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


class AgendaItem(SQLModel, table=True):
    """Something either partner wants to bring to the weekly check-in.

    ``version`` rises on every edit; an edit names the version it started from, so two partners editing the same
    item can never silently overwrite each other.
    """

    __tablename__ = "agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    kind: str = Field(max_length=24)
    text: str = Field(max_length=500)
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    updated_by: int | None = Field(default=None, foreign_key="user.id")
    # "Reveal at check-in": only the author sees the text until a check-in starts.
    private: bool = Field(default=False)
    revealed_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    position: int = Field(default=0)  # order within its kind; either partner may reorder
    # Set when a check-in dealt with the item; unresolved items carry over to the next check-in.
    resolved_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    resolved_in: int | None = Field(default=None, foreign_key="check_in_meeting.id")


class Commitment(SQLModel, table=True):
    """A specific, checkable promise one partner makes to the other."""

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    owner_id: int = Field(foreign_key="user.id")
    proposed_by: int = Field(foreign_key="user.id")
    text: str = Field(max_length=280)
    why: str = Field(default="", max_length=500)
    category: str = Field(max_length=16)
    cadence_kind: str = Field(max_length=16)
    weekdays: str = Field(default="", max_length=13)  # "0,2,4" = Monday, Wednesday, Friday
    times_per_week: int = Field(default=0)
    due_by: str | None = Field(default=None, max_length=5)  # "18:00", in the owner's own time zone
    start_date: date
    review_date: date
    status: str = Field(max_length=12)
    ended_on: date | None = None
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())


class CommitmentChange(SQLModel, table=True):
    """The edit history: who changed what, when. ``detail`` is JSON ({"field": [old, new], ...})."""

    __tablename__ = "commitment_change"

    id: int | None = Field(default=None, primary_key=True)
    commitment_id: int = Field(foreign_key="commitment.id", index=True)
    actor_id: int = Field(foreign_key="user.id")
    at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    action: str = Field(max_length=24)
    detail: str = Field(default="{}", max_length=4000)


class Tick(SQLModel, table=True):
    """Follow-through on one day (the owner's local date), or one logged occurrence of an occasion."""

    __table_args__ = (
        # One tick per day for day-based cadences; occasions may be logged several times a day.
        sa.Index(
            "uq_tick_commitment_day",
            "commitment_id",
            "day",
            unique=True,
            sqlite_where=sa.text("occurrence = 0"),
            postgresql_where=sa.text("occurrence = false"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    commitment_id: int = Field(foreign_key="commitment.id", index=True)
    day: date
    occurrence: bool = Field(default=False)
    occurred_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    note: str = Field(default="", max_length=200)
    logged_by: int = Field(foreign_key="user.id")
    acknowledged_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    acknowledged_by: int | None = Field(default=None, foreign_key="user.id")


class Pause(SQLModel, table=True):
    """Days a commitment is on hold (travel, illness): never counted as missed once agreed.

    The partner who did not propose a pause agrees to it; a pause the owner puts on their own commitment (status
    "paused") is agreed by them at once and open-ended until they resume it.
    """

    id: int | None = Field(default=None, primary_key=True)
    commitment_id: int = Field(foreign_key="commitment.id", index=True)
    start_date: date
    end_date: date | None = None  # inclusive; None while open-ended
    reason: str = Field(default="", max_length=200)
    proposed_by: int = Field(foreign_key="user.id")
    proposed_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    agreed_by: int | None = Field(default=None, foreign_key="user.id")
    agreed_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    withdrawn_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


class CheckInMeeting(SQLModel, table=True):
    """One weekly check-in, live while ``ended_at`` is empty (at most one per couple), then its saved summary.

    Every step of the meeting is written here first: a partner joining late, or a restarted server, picks it up.
    """

    __tablename__ = "check_in_meeting"
    __table_args__ = (
        sa.Index(
            "uq_check_in_meeting_open",
            "couple_id",
            unique=True,
            sqlite_where=sa.text("ended_at IS NULL"),
            postgresql_where=sa.text("ended_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    started_by: int = Field(foreign_key="user.id")
    started_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    ended_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    section: int = Field(default=0)
    section_started_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    time_out_by: int | None = Field(default=None, foreign_key="user.id")
    time_out_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    turn_seconds: int = Field(default=180)
    # Appreciations: whose turn it is. The issue section: the item on the table, the speaker, and who has
    # confirmed feeling understood ("1,2").
    appreciation_turn: int | None = Field(default=None, foreign_key="user.id")
    issue_item_id: int | None = None  # an agenda item id; not a foreign key (the item points back at its meeting)
    speaker_id: int | None = Field(default=None, foreign_key="user.id")
    understood: str = Field(default="", max_length=32)
    turn_started_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    version: int = Field(default=1)
    summary: str = Field(default="", sa_column=sa.Column(sa.Text(), nullable=False, server_default=""))


class MeetingNote(SQLModel, table=True):
    """Something the couple agreed on (or planned) during a check-in; part of its summary."""

    __tablename__ = "meeting_note"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="check_in_meeting.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    kind: str = Field(max_length=16)  # "agreement" | "ritual"
    text: str = Field(max_length=500)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())


class PulseResponse(SQLModel, table=True):
    """One partner's CSI-4 answers at one check-in. Private to its author unless they share their trajectory."""

    __tablename__ = "pulse_response"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "user_id", name="uq_pulse_response_meeting_user"),)

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    meeting_id: int = Field(foreign_key="check_in_meeting.id")
    happiness: int
    warmth: int
    rewarding: int
    satisfaction: int
    total: int
    answered_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())


class Ritual(SQLModel, table=True):
    """Time the couple plans together: a date night, a morning coffee, the weekly check-in itself.

    Times are wall-clock in ``zone`` (whoever created it): 19:00 stays 19:00 across DST changes.
    """

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    kind: str = Field(default="ritual", max_length=12)  # "ritual" | "check_in" (at most one live per couple)
    title: str = Field(max_length=80)
    description: str = Field(default="", max_length=500)
    recurrence: str = Field(max_length=12)  # "weekly" | "monthly" | "once"
    weekdays: str = Field(default="", max_length=13)  # "0,4" = Monday, Friday
    interval_weeks: int = Field(default=1)
    month_day: int = Field(default=0)
    start_date: date  # the first day it may happen (the day itself for a one-off)
    minute: int  # minutes after midnight
    duration_minutes: int = Field(default=60)
    zone: str = Field(max_length=64)
    planner_mode: str = Field(default="alternate", max_length=12)  # "me" | "partner" | "alternate"
    planner_id: int = Field(foreign_key="user.id")  # who plans it ("alternate": who plans the first one)
    created_by: int = Field(foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    archived_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    version: int = Field(default=1)


class RitualIdea(SQLModel, table=True):
    """ "Try the new Thai place": ideas either partner adds for a ritual."""

    __tablename__ = "ritual_idea"

    id: int | None = Field(default=None, primary_key=True)
    ritual_id: int = Field(foreign_key="ritual.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    text: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())


class RitualOccurrence(SQLModel, table=True):
    """What happened to one planned occurrence (rows exist only once someone acted on it)."""

    __tablename__ = "ritual_occurrence"
    __table_args__ = (sa.UniqueConstraint("ritual_id", "day", name="uq_ritual_occurrence_day"),)

    id: int | None = Field(default=None, primary_key=True)
    ritual_id: int = Field(foreign_key="ritual.id", index=True)
    day: date  # the scheduled local date
    status: str = Field(default="planned", max_length=12)  # planned | done | missed | moved
    confirmed_by: str = Field(default="", max_length=32)  # "1,2": who said "I'll be there"
    reflection: str = Field(default="", max_length=500)
    moved_to: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    updated_by: int | None = Field(default=None, foreign_key="user.id")
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())


class ReminderSettings(SQLModel, table=True):
    """Which reminders a person gets, how early, and when to stay quiet (minutes after midnight, their zone)."""

    __tablename__ = "reminder_settings"

    user_id: int = Field(foreign_key="user.id", primary_key=True)
    rituals: bool = Field(default=True)
    ritual_lead_minutes: int = Field(default=60)
    check_in: bool = Field(default=True)
    check_in_lead_minutes: int = Field(default=60)
    commitment_windows: bool = Field(default=True)
    streak_nudge: bool = Field(default=False)  # opt-in: gentle, never a guilt trip
    weekly_digest: bool = Field(default=True)
    quiet_enabled: bool = Field(default=True)
    quiet_start: int = Field(default=22 * 60)
    quiet_end: int = Field(default=7 * 60)


class Notification(SQLModel, table=True):
    """One reminder delivered to one person. ``dedupe_key`` makes every delivery happen at most once."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    kind: str = Field(max_length=24)
    title: str = Field(max_length=120)
    body: str = Field(default="", max_length=500)
    link: str = Field(default="", max_length=200)
    due_at: datetime = Field(sa_column=_utc_column())  # when it was meant to arrive
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    read_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    dedupe_key: str = Field(max_length=160, sa_column_kwargs={"unique": True})


class PushSubscription(SQLModel, table=True):
    """One browser or phone that asked for Web Push for one person (the push service's URL and its keys)."""

    __tablename__ = "push_subscription"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    endpoint: str = Field(max_length=1000, sa_column_kwargs={"unique": True})
    p256dh: str = Field(max_length=200)
    auth: str = Field(max_length=100)
    device: str = Field(default="", max_length=80)  # "Chrome on Android", shown in Settings
    discreet: bool = Field(default=False)  # no words of the reminder on the lock screen
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    last_sent_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    failures: int = Field(default=0)  # consecutive failed sends; the push service's "gone" removes it at once


class SchedulerLease(SQLModel, table=True):
    """Leader election for the one scheduler of a deployment, and how far its sweep has got.

    A worker holds the lease while ``expires_at`` is ahead and renews it; if it dies another takes over after
    expiry. ``swept_until`` is the end of the last reminder window handled, so a restart catches up, once.
    """

    __tablename__ = "scheduler_lease"

    name: str = Field(primary_key=True, max_length=32)
    holder: str = Field(default="", max_length=120)
    expires_at: datetime = Field(sa_column=_utc_column())
    swept_until: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


class CalendarFeed(SQLModel, table=True):
    """A private, revocable calendar link. Only a hash of its token is stored."""

    __tablename__ = "calendar_feed"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    token_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    revoked_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


# ---- The private space: private notes, understanding the why, explanations, the forgiveness workbook ----------
# Every row here belongs to its author alone. Explanations and workbook entries can be shared: while they are,
# ``shared_couple_id`` holds the couple the author was in when sharing, and only the other member of that couple
# reads them (and only while both are still in it). Notes and reflections are never shared.


class PrivateNote(SQLModel, table=True):
    """A short journal-like note only its author ever reads."""

    __tablename__ = "private_note"

    id: int | None = Field(default=None, primary_key=True)
    author_id: int = Field(foreign_key="user.id", index=True)
    text: str = Field(max_length=2000)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())


class WhyReflection(SQLModel, table=True):
    """Understanding the why: the hurt partner's private answers (one reflection per person, revisited at will)."""

    __tablename__ = "why_reflection"

    author_id: int = Field(foreign_key="user.id", primary_key=True)
    repeated: str = Field(default="", max_length=16)
    repeated_note: str = Field(default="", max_length=2000)
    circumstances: str = Field(default="", max_length=16)
    circumstances_note: str = Field(default="", max_length=2000)
    control: str = Field(default="", max_length=16)
    control_note: str = Field(default="", max_length=2000)
    forgive: str = Field(default="", max_length=16)
    forgive_note: str = Field(default="", max_length=2000)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())


class Explanation(SQLModel, table=True):
    """Clear communication of reasons, by the partner who caused the hurt; private until its author shares it."""

    id: int | None = Field(default=None, primary_key=True)
    author_id: int = Field(foreign_key="user.id", index=True)
    context: str = Field(default="", max_length=2000)
    thinking: str = Field(default="", max_length=2000)
    impact: str = Field(default="", max_length=2000)
    not_excuse: str = Field(default="", max_length=2000)
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    shared_couple_id: int | None = Field(default=None, foreign_key="couple.id", index=True)
    shared_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    # The partner's short reply (kept if the author unshares, shown again if they share once more).
    reply: str = Field(default="", max_length=500)
    reply_by: int | None = Field(default=None, foreign_key="user.id")
    replied_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


class WorkbookEntry(SQLModel, table=True):
    """One journal entry at one REACH step of the forgiveness workbook; private unless its author shares it."""

    __tablename__ = "workbook_entry"

    id: int | None = Field(default=None, primary_key=True)
    author_id: int = Field(foreign_key="user.id", index=True)
    step: str = Field(max_length=16)
    text: str = Field(max_length=4000)
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    shared_couple_id: int | None = Field(default=None, foreign_key="couple.id", index=True)
    shared_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


class WorkbookStepDone(SQLModel, table=True):
    """A REACH step its author marked as done (when they chose to); removing the row reopens it."""

    __tablename__ = "workbook_step_done"

    author_id: int = Field(foreign_key="user.id", primary_key=True)
    step: str = Field(primary_key=True, max_length=16)
    done_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())


# ---- Proactive transparency and bids for connection (issue 8) ----------------------------------------------------


class TransparencyUpdate(SQLModel, table=True):
    """A short update a partner offers before being asked ("Leaving work now"); the other may react once."""

    __tablename__ = "transparency_update"

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    text: str = Field(max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column(index=True))
    reaction: str = Field(default="", max_length=16)  # the partner's reaction ("heart", "grateful", "thanks")
    reacted_by: int | None = Field(default=None, foreign_key="user.id")
    reacted_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


class UpdatePreset(SQLModel, table=True):
    """One-tap words a person defines for their own updates. Only ever read by their owner."""

    __tablename__ = "update_preset"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    text: str = Field(max_length=80)
    position: int = Field(default=0)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())


class TransparencyAgreement(SQLModel, table=True):
    """What one partner (the sharer) offers to share. Opt-in by the sharer only, visible to both, with a review
    date; either partner may withdraw it at any time. ``status``: asked | active | withdrawn | declined."""

    __tablename__ = "transparency_agreement"

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    sharer_id: int = Field(foreign_key="user.id")
    text: str = Field(max_length=200)
    status: str = Field(max_length=12)
    asked_by: int | None = Field(default=None, foreign_key="user.id")  # the partner who asked, if one did
    review_weeks: int = Field(default=4)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    agreed_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    review_on: date | None = None  # in the sharer's calendar
    ended_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    ended_by: int | None = Field(default=None, foreign_key="user.id")
    ended_on: date | None = None  # the day it ended, in the calendar of whoever ended it


class ConnectionBid(SQLModel, table=True):
    """A small reach-out ("thinking of you") and the partner's reply. Missed after a day: computed, not stored."""

    __tablename__ = "connection_bid"

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    sender_id: int = Field(foreign_key="user.id")
    recipient_id: int = Field(foreign_key="user.id")
    text: str = Field(max_length=140)
    sent_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column(index=True))
    reply_kind: str = Field(default="", max_length=12)  # "" | "warm" | "later"
    reply_text: str = Field(default="", max_length=200)
    replied_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


# ---- Repair: the repair menu, acknowledgements, and talking after a hard moment (issue 8) ----------------------


class RepairMenuItem(SQLModel, table=True):
    """An act of repair that is meaningful to ``owner_id`` (the one who receives it), on their own menu.

    The partner may turn it into a commitment of their own in one tap; the item then remembers it.
    """

    __tablename__ = "repair_menu_item"

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    owner_id: int = Field(foreign_key="user.id")
    text: str = Field(max_length=200)
    position: int = Field(default=0)  # order within the owner's menu; only the owner reorders
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    commitment_id: int | None = Field(default=None, foreign_key="commitment.id")  # the giver's, once made
    committed_by: int | None = Field(default=None, foreign_key="user.id")
    committed_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


class Acknowledgement(SQLModel, table=True):
    """A guided acknowledgement of harm by its author. A draft (``sent_at`` empty) is read by its author only;
    once sent it is shared with the partner and can no longer be edited (the author may add follow-ups)."""

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    author_id: int = Field(foreign_key="user.id", index=True)
    receiver_id: int | None = Field(default=None, foreign_key="user.id")  # set when sent
    what_happened: str = Field(default="", sa_column=sa.Column(sa.Text(), nullable=False, server_default=""))
    impact: str = Field(default="", sa_column=sa.Column(sa.Text(), nullable=False, server_default=""))
    feelings: str = Field(default="", sa_column=sa.Column(sa.Text(), nullable=False, server_default=""))
    differently: str = Field(default="", sa_column=sa.Column(sa.Text(), nullable=False, server_default=""))
    commitment_ids: str = Field(default="", max_length=200)  # "12,13": made from "what I will do differently"
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    sent_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))


class AcknowledgementReply(SQLModel, table=True):
    """The thread under a sent acknowledgement: the receiver's responses and the author's follow-ups."""

    __tablename__ = "acknowledgement_reply"

    id: int | None = Field(default=None, primary_key=True)
    acknowledgement_id: int = Field(foreign_key="acknowledgement.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    kind: str = Field(max_length=12)  # "heard" | "reply" | "not_ready" (the receiver) | "follow_up" (the author)
    text: str = Field(default="", max_length=1000)
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())


class HardMoment(SQLModel, table=True):
    """Talking through a hard moment together, live while ``ended_at`` is empty (one at a time per couple), then
    kept as a summary."""

    __tablename__ = "hard_moment"
    __table_args__ = (
        sa.Index(
            "uq_hard_moment_open",
            "couple_id",
            unique=True,
            sqlite_where=sa.text("ended_at IS NULL"),
            postgresql_where=sa.text("ended_at IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    started_by: int = Field(foreign_key="user.id")
    started_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    step: int = Field(default=0)
    version: int = Field(default=1)
    ended_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    ended_by: int | None = Field(default=None, foreign_key="user.id")


class HardMomentEntry(SQLModel, table=True):
    """What one partner shared at one step of a hard-moment talk (their own view; neither is "the truth")."""

    __tablename__ = "hard_moment_entry"
    __table_args__ = (sa.UniqueConstraint("moment_id", "author_id", "step", name="uq_hard_moment_entry_step"),)

    id: int | None = Field(default=None, primary_key=True)
    moment_id: int = Field(foreign_key="hard_moment.id", index=True)
    author_id: int = Field(foreign_key="user.id")
    step: str = Field(max_length=12)
    text: str = Field(max_length=1000)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    commitment_id: int | None = Field(default=None, foreign_key="commitment.id")  # a plan made a commitment


# --- Therapist report, time-out history (issue 8: "when to involve a therapist") -------------------------------


class TimeOutRecord(SQLModel, table=True):
    """Every time-out called at a check-in (the meeting row only holds the current one): a signal, never a score."""

    __tablename__ = "time_out_record"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="check_in_meeting.id", index=True)
    called_by: int = Field(foreign_key="user.id")
    called_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())


class TherapistReport(SQLModel, table=True):
    """A read-only progress report for a couple therapist. Live only while BOTH partners consent.

    Either partner asks (and consents by asking), the other consents separately; either withdrawing (or leaving
    the couple) sets ``revoked_at``, which turns the report and every share link of it off at once.
    """

    __tablename__ = "therapist_report"

    id: int | None = Field(default=None, primary_key=True)
    couple_id: int = Field(foreign_key="couple.id", index=True)
    requested_by: int = Field(foreign_key="user.id")
    requested_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    revoked_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
    revoked_by: int | None = Field(default=None, foreign_key="user.id")


class ReportConsent(SQLModel, table=True):
    """One partner's consent to a report, and whether their own pulse (CSI-4) line goes into it."""

    __tablename__ = "report_consent"
    __table_args__ = (sa.UniqueConstraint("report_id", "user_id", name="uq_report_consent_report_user"),)

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="therapist_report.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    consented_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    include_pulse: bool = Field(default=False)


class ReportLink(SQLModel, table=True):
    """A revocable, expiring link to a report for the therapist. Only a hash of its token is stored."""

    __tablename__ = "report_link"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(foreign_key="therapist_report.id", index=True)
    created_by: int = Field(foreign_key="user.id")
    token_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    created_at: datetime = Field(default_factory=utcnow, sa_column=_utc_column())
    expires_at: datetime = Field(sa_column=_utc_column())
    revoked_at: datetime | None = Field(default=None, sa_column=_utc_column(nullable=True))
