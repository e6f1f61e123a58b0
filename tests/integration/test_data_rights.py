"""Export my data holds everything that is mine (and nothing private of my partner's); deleting my account removes my
own data and leaves my partner's intact."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, SQLModel, col, func, select

from couple_dash.config import Settings
from couple_dash.domain.document import plain_text
from couple_dash.models import (
    Acknowledgement,
    AcknowledgementReply,
    AgendaItem,
    AuthSession,
    CalendarFeed,
    CheckInMeeting,
    Commitment,
    ConnectionBid,
    Explanation,
    HardMoment,
    HardMomentEntry,
    LoginAttempt,
    Notification,
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
    TransparencyAgreement,
    TransparencyUpdate,
    UpdatePreset,
    User,
    WhyReflection,
    WorkbookEntry,
    WorkbookStepDone,
)
from couple_dash.services import (
    ServiceError,
    accounts,
    calendar,
    commitment_views,
    commitments,
    data_rights,
    reminder_settings,
    report,
    rituals,
)
from couple_dash.services.personal_data import PERSONAL_DATA
from couple_dash.services.rituals import RitualInput
from tests.integration import lived_in as planted
from tests.integration.helpers import pair
from tests.integration.lived_in import NOW, lived_in

PASSWORD = "a long walk home"
RITUAL_NOTE = "Pangolin ritual reflection"
IDEA = "Try the new Thai place"
ALEX_NOTE, SAM_NOTE = "Quokka private note", "Wombat private note"
SAM_MENU_ITEM = "Sit with me without fixing (axolotl)"
TRUST_WORDS = (
    ALEX_NOTE,
    "Narwhal reflection",
    "Kestrel explanation",
    "Heron workbook entry",
    "Leaving work now (okapi)",
    "At the gym (tapir)",
    "Tell you when plans change (gecko)",
    "Thinking of you (lemur)",
    "Call me when you land (ibis)",
    "What happened (quail)",
    "I hear you (sam reply)",
    "I felt scared (bison)",
)


def trust_tools(session: Session, alex: int, sam: int, commitment_id: int) -> None:
    """Issue 8's tables, each with something of Alex's (and a private note and a menu item of Sam's)."""
    couple_id = session.get_one(User, alex).couple_id
    assert couple_id is not None
    session.add(PrivateNote(author_id=alex, text=ALEX_NOTE))
    session.add(PrivateNote(author_id=sam, text=SAM_NOTE))
    session.add(WhyReflection(author_id=alex, repeated="once", repeated_note="Narwhal reflection"))
    session.add(Explanation(author_id=alex, context="Kestrel explanation"))
    session.add(WorkbookEntry(author_id=alex, step="recall", text="Heron workbook entry"))
    session.add(WorkbookStepDone(author_id=alex, step="recall"))
    session.add(TransparencyUpdate(couple_id=couple_id, author_id=alex, text="Leaving work now (okapi)"))
    session.add(UpdatePreset(user_id=alex, text="At the gym (tapir)"))
    session.add(
        TransparencyAgreement(
            couple_id=couple_id, sharer_id=alex, text="Tell you when plans change (gecko)", status="active"
        )
    )
    session.add(ConnectionBid(couple_id=couple_id, sender_id=alex, recipient_id=sam, text="Thinking of you (lemur)"))
    session.add(RepairMenuItem(couple_id=couple_id, owner_id=alex, text="Call me when you land (ibis)"))
    # Sam's menu item that Alex made one of Alex's commitments: it stays Sam's when Alex's account goes.
    session.add(
        RepairMenuItem(
            couple_id=couple_id, owner_id=sam, text=SAM_MENU_ITEM, commitment_id=commitment_id, committed_by=alex
        )
    )
    acknowledgement = Acknowledgement(
        couple_id=couple_id, author_id=alex, receiver_id=sam, what_happened="What happened (quail)"
    )
    session.add(acknowledgement)
    session.flush()
    assert acknowledgement.id is not None
    session.add(
        AcknowledgementReply(
            acknowledgement_id=acknowledgement.id, author_id=sam, kind="text", text="I hear you (sam reply)"
        )
    )
    moment = HardMoment(couple_id=couple_id, started_by=alex)
    session.add(moment)
    session.flush()
    assert moment.id is not None
    session.add(
        HardMomentEntry(
            moment_id=moment.id,
            author_id=alex,
            step="feelings",
            text="I felt scared (bison)",
            commitment_id=commitment_id,
        )
    )


def everything(session: Session, alex: int, sam: int) -> None:
    """Planted values in every table that can hold something of Alex's."""
    history = lived_in(session, alex, sam)
    commitments.propose_pause(
        session=session,
        user_id=alex,
        commitment_id=history.alex_commitment,
        start=NOW.date() + timedelta(days=7),
        end=NOW.date() + timedelta(days=9),
        reason="Ocelot conference trip",
        now=NOW,
    )
    session.add(LoginAttempt(email=session.get_one(User, alex).email, ip="203.0.113.9", at=NOW))
    ritual = rituals.create(
        session=session,
        user_id=alex,
        data=RitualInput(
            title="Date night", recurrence="weekly", time="19:00", start=NOW.date(), weekdays=(NOW.weekday(),)
        ),
        now=NOW,
    )
    assert ritual.id is not None
    rituals.add_idea(session=session, user_id=alex, ritual_id=ritual.id, text=IDEA)
    rituals.mark(session=session, user_id=alex, ritual_id=ritual.id, day=NOW.date(), status="done", now=NOW)
    occurrence = session.exec(select(RitualOccurrence)).first()
    assert occurrence is not None
    occurrence.reflection = RITUAL_NOTE
    session.add(occurrence)
    settings_row = reminder_settings.current(session=session, user_id=alex)
    settings_row.quiet_start = 21 * 60 + 17  # a recognisable value
    session.add(settings_row)
    session.add(
        Notification(user_id=alex, kind="ritual", title="Date night in an hour", due_at=NOW, dedupe_key=f"plant-{alex}")
    )
    session.add(
        PushSubscription(
            user_id=alex, endpoint=f"https://push.example/{alex}", p256dh="KEYp256", auth="AUTHsecret", device="Phone"
        )
    )
    calendar.create_feed(session=session, user_id=alex, now=NOW)
    report.request(session=session, user_id=alex, include_pulse=True, now=NOW)
    report.consent(session=session, user_id=sam, include_pulse=False, now=NOW)
    report.create_link(session=session, user_id=alex, now=NOW)
    trust_tools(session, alex, sam, history.alex_commitment)
    session.flush()


def test_export_holds_every_table_of_mine_and_none_of_my_partners_private_things(
    session: Session, settings: Settings
) -> None:
    alex, sam = pair(session, settings, "x1")
    everything(session, alex, sam)
    data = data_rights.export_data(session=session, user_id=alex, now=NOW)
    tables = data["tables"]
    assert data["format"] == "couple-dash-export/1"
    assert set(tables) == {rule.table for rule in PERSONAL_DATA}
    # Every table holds something of Alex's here, and all of it is exported.
    assert not [name for name, rows in tables.items() if not rows]
    dump = json.dumps(data, ensure_ascii=False)
    for mine in (
        planted.ALEX_PROMISE,
        planted.ALEX_PRIVATE,  # my own private item: mine to export
        planted.CONCERN,
        planted.AGREEMENT,  # the check-in's record, shared by both
        IDEA,
        RITUAL_NOTE,
        "Date night in an hour",
        "Phone",
        "Ocelot conference trip",
        "203.0.113.9",
        *TRUST_WORDS,
    ):
        assert mine in dump, mine
    [mine_pulse] = tables["pulse_response"]
    assert (mine_pulse["user_id"], mine_pulse["total"]) == (alex, sum(planted.ALEX_PULSE))
    assert [r["quiet_start"] for r in tables["reminder_settings"]] == [21 * 60 + 17]
    # Never the partner's private items or pulse; never a secret.
    for theirs in (planted.SAM_PRIVATE, "Marmalade", SAM_NOTE):
        assert theirs not in dump
    assert all(r["user_id"] == alex for r in tables["pulse_response"])
    for secret in ("KEYp256", "AUTHsecret", f"https://push.example/{alex}", "argon2"):
        assert secret not in dump
    user = session.get_one(User, alex)
    assert user.password_hash not in dump
    for name in ("auth_session", "calendar_feed", "report_link"):
        assert all(r["token_hash"] == data_rights.WITHHELD for r in tables[name])
    # The readable copy has the same words.
    readable = plain_text(data_rights.export_document(session=session, user_id=alex, now=NOW))
    assert planted.ALEX_PRIVATE in readable
    assert planted.SAM_PRIVATE not in readable


def count(session: Session, model: type[SQLModel], *where: object) -> int:
    return int(session.exec(select(func.count()).select_from(model).where(*where)).one())  # type: ignore[arg-type]


def test_deleting_my_account_keeps_my_partners_data_and_removes_mine(session: Session, settings: Settings) -> None:
    alex, sam = pair(session, settings, "x2")
    everything(session, alex, sam)
    couple_id = session.get_one(User, sam).couple_id
    sam_before = commitment_views.commitment_cards(session=session, couple_id=couple_id or 0, now=NOW)
    sam_cards = [c for c in sam_before if c.owner_id == sam]
    sam_ticks = count(session, Tick, col(Tick.logged_by) == sam)
    alex_email = session.get_one(User, alex).email

    with pytest.raises(ServiceError, match="password doesn't match"):
        data_rights.delete_account(
            session=session, user_id=alex, password="wrong", confirmation="delete my account", settings=settings
        )
    with pytest.raises(ServiceError, match="Type"):
        data_rights.delete_account(
            session=session, user_id=alex, password=PASSWORD, confirmation="yes", settings=settings
        )
    assert not data_rights.is_deleted(session, alex)

    left = data_rights.delete_account(
        session=session, user_id=alex, password=PASSWORD, confirmation="  Delete my   ACCOUNT ", settings=settings
    )
    assert left == couple_id

    # Mine: gone.
    user = session.get_one(User, alex)
    assert (user.display_name, user.couple_id) == ("A former partner", None)
    assert "alex" not in user.email.lower()
    assert data_rights.is_deleted(session, alex)
    for model, column in (
        (Commitment, Commitment.owner_id),
        (AgendaItem, AgendaItem.author_id),
        (PulseResponse, PulseResponse.user_id),
        (AuthSession, AuthSession.user_id),
        (PushSubscription, PushSubscription.user_id),
        (CalendarFeed, CalendarFeed.user_id),
        (Notification, Notification.user_id),
        (ReminderSettings, ReminderSettings.user_id),
        (ReportConsent, ReportConsent.user_id),
        (ReportLink, ReportLink.created_by),
    ):
        assert count(session, model, col(column) == alex) == 0, model.__tablename__
    assert count(session, AgendaItem, col(AgendaItem.text) == planted.ALEX_PRIVATE) == 0
    for trust_model, owner in (
        (PrivateNote, PrivateNote.author_id),
        (WhyReflection, WhyReflection.author_id),
        (Explanation, Explanation.author_id),
        (WorkbookEntry, WorkbookEntry.author_id),
        (WorkbookStepDone, WorkbookStepDone.author_id),
        (TransparencyUpdate, TransparencyUpdate.author_id),
        (UpdatePreset, UpdatePreset.user_id),
        (RepairMenuItem, RepairMenuItem.owner_id),
    ):
        assert count(session, trust_model, col(owner) == alex) == 0, trust_model.__tablename__
    assert count(session, LoginAttempt, col(LoginAttempt.email) == alex_email) == 0
    with pytest.raises(ServiceError):
        accounts.log_in(session=session, email="Alex-x2@example.com", password=PASSWORD, settings=settings)
    # The therapist report was withdrawn with the account.
    assert count(session, TherapistReport, col(TherapistReport.revoked_at).is_(None)) == 0

    # Sam's: intact, and the shared history stays with Sam.
    after = commitment_views.commitment_cards(session=session, couple_id=couple_id or 0, now=NOW)
    assert [c.text for c in after] == [c.text for c in sam_cards] == [planted.SAM_PROMISE]
    assert count(session, Tick, col(Tick.logged_by) == sam) == sam_ticks
    assert count(session, Tick, col(Tick.acknowledged_by) == alex) == 1  # Alex's thanks on Sam's tick stays
    assert count(session, AgendaItem, col(AgendaItem.text) == planted.SAM_PRIVATE) == 1
    assert count(session, PulseResponse, col(PulseResponse.user_id) == sam) == 1
    assert count(session, CheckInMeeting, col(CheckInMeeting.couple_id) == couple_id) == 1
    assert count(session, Ritual, col(Ritual.couple_id) == couple_id) == 1
    assert count(session, RitualIdea, col(RitualIdea.text) == IDEA) == 1
    assert count(session, PrivateNote, col(PrivateNote.text) == SAM_NOTE) == 1
    # Sam's menu item stays, without the link to Alex's (now deleted) commitment.
    sams_item = session.exec(select(RepairMenuItem).where(col(RepairMenuItem.text) == SAM_MENU_ITEM)).one()
    assert sams_item.commitment_id is None
    # The shared record stays with Sam: the agreement, the bid, the acknowledgement and Sam's reply, the talk.
    assert count(session, AcknowledgementReply, col(AcknowledgementReply.author_id) == sam) == 1
    assert count(session, TransparencyAgreement, col(TransparencyAgreement.couple_id) == couple_id) == 1
    assert count(session, ConnectionBid, col(ConnectionBid.couple_id) == couple_id) == 1
    assert count(session, HardMomentEntry, col(HardMomentEntry.commitment_id).is_not(None)) == 0
    assert session.get_one(User, sam).couple_id == couple_id
    sam_export = json.dumps(data_rights.export_data(session=session, user_id=sam, now=NOW))
    assert planted.AGREEMENT in sam_export
    assert planted.SAM_PROMISE in sam_export


def test_a_person_without_a_couple_can_delete_too(session: Session, settings: Settings) -> None:
    lou = accounts.sign_up(
        session=session,
        display_name="Lou",
        email="lou-x3@example.com",
        password=PASSWORD,
        time_zone="UTC",
        settings=settings,
        now=datetime(2026, 11, 1, tzinfo=UTC),
    ).viewer.user_id
    assert (
        data_rights.delete_account(
            session=session, user_id=lou, password=PASSWORD, confirmation="delete my account", settings=settings
        )
        is None
    )
    assert data_rights.is_deleted(session, lou)
    assert count(session, AuthSession, col(AuthSession.user_id) == lou) == 0


def test_guessing_the_password_at_delete_is_throttled_like_sign_in(session: Session, settings: Settings) -> None:
    alex, _ = pair(session, settings, "x4")
    for _ in range(settings.login_failure_limit):
        with pytest.raises(data_rights.WrongPassword):
            data_rights.delete_account(
                session=session, user_id=alex, password="guess", confirmation="delete my account", settings=settings
            )
        data_rights.note_failed_attempt(session=session, user_id=alex)
    with pytest.raises(ServiceError, match="Too many attempts"):
        data_rights.delete_account(
            session=session, user_id=alex, password=PASSWORD, confirmation="delete my account", settings=settings
        )
    assert not data_rights.is_deleted(session, alex)
