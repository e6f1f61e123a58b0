"""Which rows of every table are a person's own, for "export my data" and "delete my account". One line per table.

A new table that names a user (a column pointing at ``user.id``) must be added here or to ``NOT_PERSONAL`` with a
reason: ``tests/unit/test_personal_data_map.py`` fails until it is. For each table say
- how to find the person's rows (``who``: columns holding their id; ``couple``: the column holding a couple id, for
  rows of their current couple that both partners share; ``via``: rows whose parent row was exported; ``email``),
- which columns are secrets and never leave the server (token hashes, keys, invite codes),
- what deleting the account does: ``KEEP`` the rows for the partner (their history depends on them; the person's id
  in them then names an anonymous "A former partner"), or ``ERASE`` the rows ``erase_by`` names the person in, and
  every row whose ``via`` parent is erased.
Order matters: a parent comes before the tables that reach it ``via`` it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlmodel import SQLModel

from couple_dash.models import (
    Acknowledgement,
    AcknowledgementReply,
    AgendaItem,
    AuthSession,
    CalendarFeed,
    CheckInMeeting,
    Commitment,
    CommitmentChange,
    ConnectionBid,
    Couple,
    Explanation,
    HardMoment,
    HardMomentEntry,
    Invite,
    LoginAttempt,
    MeetingNote,
    Notification,
    Pause,
    PrivateNote,
    PulseResponse,
    PushSubscription,
    ReminderSettings,
    RepairMenuItem,
    ReportConsent,
    ReportLink,
    Ritual,
    RitualIdea,
    RitualOccurrence,
    TherapistReport,
    Tick,
    TimeOutRecord,
    TransparencyAgreement,
    TransparencyUpdate,
    UpdatePreset,
    User,
    WhyReflection,
    WorkbookEntry,
    WorkbookStepDone,
)


class OnDelete(StrEnum):
    KEEP = "keep"  # stays for the partner; the person's id in it is an anonymous former partner from then on
    ERASE = "erase"  # the person's own rows (``erase_by``) and the rows below erased parents (``via``) are deleted
    ANONYMISE = "anonymise"  # the account row itself: name, email and password are wiped, the id stays


@dataclass(frozen=True)
class Personal:
    model: type[SQLModel]
    on_delete: OnDelete
    who: tuple[str, ...] = ()
    couple: str | None = None
    via: tuple[type[SQLModel], str] | None = None  # (parent table, this table's column pointing at the parent)
    email: str | None = None
    secret: tuple[str, ...] = ()
    erase_by: tuple[str, ...] = ()
    # Columns naming a user that deliberately don't select rows, with the reason in a comment where listed.
    not_selecting: tuple[str, ...] = ()
    # (parent table, column) links set to NULL when the parent row is erased: the row stays, the link goes.
    detach: tuple[tuple[type[SQLModel], str], ...] = ()

    @property
    def table(self) -> str:
        return str(self.model.__tablename__)


PERSONAL_DATA: tuple[Personal, ...] = (
    Personal(User, OnDelete.ANONYMISE, who=("id",), email="email", secret=("password_hash",)),
    Personal(AuthSession, OnDelete.ERASE, who=("user_id",), secret=("token_hash",), erase_by=("user_id",)),
    Personal(LoginAttempt, OnDelete.ERASE, email="email", erase_by=("email",)),
    Personal(Couple, OnDelete.KEEP, who=("created_by",), couple="id"),
    Personal(Invite, OnDelete.KEEP, who=("created_by", "used_by"), secret=("code",)),
    # Own items only, private ones included. Not the partner's items the person once edited (``updated_by``).
    Personal(AgendaItem, OnDelete.ERASE, who=("author_id",), erase_by=("author_id",), not_selecting=("updated_by",)),
    # Their promises and the ones they proposed; deleting removes their own (with ticks, pauses and history).
    Personal(Commitment, OnDelete.ERASE, who=("owner_id", "proposed_by"), erase_by=("owner_id",)),
    Personal(CommitmentChange, OnDelete.ERASE, who=("actor_id",), via=(Commitment, "commitment_id")),
    Personal(Tick, OnDelete.ERASE, who=("logged_by", "acknowledged_by"), via=(Commitment, "commitment_id")),
    Personal(Pause, OnDelete.ERASE, who=("proposed_by", "agreed_by"), via=(Commitment, "commitment_id")),
    # Check-ins of their current couple (the shared record) and any they started or took a turn in.
    Personal(
        CheckInMeeting,
        OnDelete.KEEP,
        who=("started_by", "time_out_by", "appreciation_turn", "speaker_id"),
        couple="couple_id",
    ),
    Personal(MeetingNote, OnDelete.KEEP, who=("author_id",), via=(CheckInMeeting, "meeting_id")),
    Personal(TimeOutRecord, OnDelete.KEEP, who=("called_by",), via=(CheckInMeeting, "meeting_id")),
    # Only their own pulse, never the partner's (no ``couple`` here, on purpose).
    Personal(PulseResponse, OnDelete.ERASE, who=("user_id",), erase_by=("user_id",)),
    Personal(Ritual, OnDelete.KEEP, who=("created_by", "planner_id"), couple="couple_id"),
    Personal(RitualIdea, OnDelete.KEEP, who=("author_id",), via=(Ritual, "ritual_id")),
    Personal(RitualOccurrence, OnDelete.KEEP, who=("updated_by",), via=(Ritual, "ritual_id")),
    Personal(ReminderSettings, OnDelete.ERASE, who=("user_id",), erase_by=("user_id",)),
    Personal(Notification, OnDelete.ERASE, who=("user_id",), erase_by=("user_id",)),
    Personal(
        PushSubscription, OnDelete.ERASE, who=("user_id",), secret=("endpoint", "p256dh", "auth"), erase_by=("user_id",)
    ),
    Personal(CalendarFeed, OnDelete.ERASE, who=("user_id",), secret=("token_hash",), erase_by=("user_id",)),
    Personal(TherapistReport, OnDelete.KEEP, who=("requested_by", "revoked_by"), couple="couple_id"),
    Personal(
        ReportConsent, OnDelete.ERASE, who=("user_id",), via=(TherapistReport, "report_id"), erase_by=("user_id",)
    ),
    Personal(
        ReportLink,
        OnDelete.ERASE,
        who=("created_by",),
        via=(TherapistReport, "report_id"),
        secret=("token_hash",),
        erase_by=("created_by",),
    ),
    # The private space: the author's alone (the partner's reply to a shared explanation goes with it).
    Personal(PrivateNote, OnDelete.ERASE, who=("author_id",), erase_by=("author_id",)),
    Personal(WhyReflection, OnDelete.ERASE, who=("author_id",), erase_by=("author_id",)),
    Personal(Explanation, OnDelete.ERASE, who=("author_id",), erase_by=("author_id",), not_selecting=("reply_by",)),
    Personal(WorkbookEntry, OnDelete.ERASE, who=("author_id",), erase_by=("author_id",)),
    Personal(WorkbookStepDone, OnDelete.ERASE, who=("author_id",), erase_by=("author_id",)),
    # Transparency: their own updates and presets go; an agreement and a bid are both partners' history.
    Personal(
        TransparencyUpdate, OnDelete.ERASE, who=("author_id",), erase_by=("author_id",), not_selecting=("reacted_by",)
    ),
    Personal(UpdatePreset, OnDelete.ERASE, who=("user_id",), erase_by=("user_id",)),
    Personal(TransparencyAgreement, OnDelete.KEEP, who=("sharer_id", "asked_by"), not_selecting=("ended_by",)),
    Personal(ConnectionBid, OnDelete.KEEP, who=("sender_id", "recipient_id")),
    # Repair: their own menu goes (a commitment made from an item is the giver's); a sent acknowledgement and a
    # hard-moment talk are the couple's shared record. Never ``couple=``: an unsent draft is its author's alone.
    Personal(
        RepairMenuItem,
        OnDelete.ERASE,
        who=("owner_id",),
        erase_by=("owner_id",),
        not_selecting=("committed_by",),
        detach=((Commitment, "commitment_id"),),
    ),
    Personal(Acknowledgement, OnDelete.KEEP, who=("author_id",), not_selecting=("receiver_id",)),
    Personal(AcknowledgementReply, OnDelete.KEEP, who=("author_id",), via=(Acknowledgement, "acknowledgement_id")),
    Personal(HardMoment, OnDelete.KEEP, who=("started_by", "ended_by"), couple="couple_id"),
    Personal(
        HardMomentEntry,
        OnDelete.KEEP,
        who=("author_id",),
        via=(HardMoment, "moment_id"),
        detach=((Commitment, "commitment_id"),),
    ),
)

# Tables holding nothing about a person, each with the reason.
NOT_PERSONAL: dict[str, str] = {
    "scheduler_lease": "which worker runs the scheduler: no person in it",
}
