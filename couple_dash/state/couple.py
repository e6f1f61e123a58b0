"""The couple's live view model: one copy per couple, linked on the server, pushed to every session of it.

Keep it small (it is loaded on every event of a linked tab) and derived from the database, which stays the
source of truth: ``load_from_db`` rebuilds it at any time. Presence is the one part that is not in the
database: it is rebuilt as tabs (re)connect.
"""

from __future__ import annotations

import dataclasses
import time
import zlib

import reflex as rx
from sqlmodel import Session

from couple_dash.db import session_scope
from couple_dash.domain import check_in_time
from couple_dash.domain.presence import present_users
from couple_dash.services import (
    acknowledgements,
    agenda,
    commitment_views,
    couples,
    hard_moments,
    meeting_views,
    notifications,
    repair_menu,
    report,
    ritual_views,
)
from couple_dash.services import agreements as agreement_views
from couple_dash.services import bids as bid_views
from couple_dash.services import explanations as shared_explanations_service
from couple_dash.services import transparency as update_views
from couple_dash.services import workbook as shared_workbook_service
from couple_dash.services.acknowledgements import AcknowledgementView
from couple_dash.services.agenda import AgendaItemView
from couple_dash.services.agreements import AgreementView
from couple_dash.services.bids import BidView, WeekView
from couple_dash.services.commitment_views import CommitmentCard
from couple_dash.services.explanations import SharedExplanationView
from couple_dash.services.hard_moments import MomentView
from couple_dash.services.meeting_views import CheckInSchedule, MeetingView, NoteView, WentWellView
from couple_dash.services.notifications import UnreadCount
from couple_dash.services.repair_menu import RepairMenuView
from couple_dash.services.ritual_views import OccurrenceView, RitualView
from couple_dash.services.transparency import UpdateView
from couple_dash.services.workbook import SharedEntryView


@dataclasses.dataclass
class MemberView:
    user_id: int
    name: str


@dataclasses.dataclass
class HiddenCount:
    user_id: int
    name: str
    count: int


@dataclasses.dataclass
class PresenceView:
    """One partner who has the app open, and the page of their most recently active tab."""

    user_id: int
    page: str


# The parts of the view that can be reloaded on their own.
MEMBERS = "members"
AGENDA = "agenda"
COMMITMENTS = "commitments"
MEETING = "meeting"  # the open check-in (if any), its notes, this week's follow-through, and the schedule
RITUALS = "rituals"  # every ritual with its ideas and coming occurrences
NOTIFICATIONS = "notifications"  # how many unread reminders each partner has (counts only)
# Explanations and workbook entries their author chose to share (only those: never a private one, never a word of
# one; the private space itself lives in each author's own tab).
SHARED_WRITING = "shared_writing"
PARTS: tuple[str, ...] = (MEMBERS, AGENDA, COMMITMENTS, MEETING, RITUALS, NOTIFICATIONS, SHARED_WRITING)
# Proactive transparency and bids for connection (issue 8).
UPDATES = "updates"  # the latest transparency updates and the partner's reactions
AGREEMENTS = "agreements"  # transparency agreements: asked, active, and recently ended (with their neutral note)
BIDS = "bids"  # the last week's bids for connection and each partner's week of responsiveness
TRUST_PARTS = (UPDATES, AGREEMENTS, BIDS)
PARTS = PARTS + TRUST_PARTS

# Repair (issue 8): both repair menus, the *sent* acknowledgements with their threads (a draft is never part of the
# shared view: its author's own tab reads it), and the open hard-moment talk.
REPAIR_MENU = "repair_menu"
ACKNOWLEDGEMENTS = "acknowledgements"
HARD_MOMENT = "hard_moment"
REPAIR_PARTS = (REPAIR_MENU, ACKNOWLEDGEMENTS, HARD_MOMENT)
PARTS = PARTS + REPAIR_PARTS
REPORT = "report"  # the therapist report's consent state, as a signature (who agreed; no content)
PARTS = (*PARTS, REPORT)


def couple_token(couple_id: int) -> str:
    """The shared-state token of a couple. Derived on the server only; never read from a client."""
    return f"couple-{couple_id}"


class CoupleState(rx.SharedState):
    couple_id: int = 0
    members: list[MemberView] = []
    agenda: list[AgendaItemView] = []
    commitments: list[CommitmentCard] = []
    presence: list[PresenceView] = []
    meeting: MeetingView = MeetingView()
    meeting_notes: list[NoteView] = []
    went_well: list[WentWellView] = []
    schedule: CheckInSchedule = CheckInSchedule()
    rituals: list[RitualView] = []
    upcoming: list[OccurrenceView] = []
    unread: list[UnreadCount] = []
    shared_explanations: list[SharedExplanationView] = []
    shared_entries: list[SharedEntryView] = []
    # Proactive transparency and bids for connection (issue 8): nothing private, everything here both may read.
    updates: list[UpdateView] = []
    agreements: list[AgreementView] = []
    bids: list[BidView] = []
    bid_week: list[WeekView] = []
    bids_together: str = ""
    # Repair (issue 8).
    repair_menu: list[RepairMenuView] = []
    acknowledgements: list[AcknowledgementView] = []
    hard_moment: MomentView = MomentView()
    # "report id:who consented:links" (no content): each tab re-reads its own report view when it changes.
    report_signature: str = ""
    # client token -> (user id, page label, last activity); backend-only, never sent to a browser.
    _tabs: dict[str, tuple[int, str, float]] = {}

    def load_from_db(self, couple_id: int) -> None:
        """Rebuild the whole view (on joining, and whenever it may be missing or stale)."""
        if self.couple_id != couple_id:
            self.couple_id = couple_id
        for part in PARTS:
            self.load_part(part)

    def refresh(self, couple_id: int, only: str | None = None, commitment_ids: set[int] | None = None) -> None:
        """Reload what changed: some commitments' cards, or ``only`` one part. The whole view when it isn't this
        couple's yet (just linked, expired from Redis, or the server restarted)."""
        if self.couple_id != couple_id or (only is None and commitment_ids is None):
            self.load_from_db(couple_id)
        elif commitment_ids is not None:
            self.reload_commitments(commitment_ids)
        elif only is not None:
            self.load_part(only)

    def load_part(self, part: str) -> None:
        with session_scope() as session:
            if part == MEMBERS:
                found = couples.members(session=session, couple_id=self.couple_id)
                self._show_members([MemberView(m.user_id, m.display_name) for m in found])
            elif part == AGENDA:
                self.agenda = agenda.list_items(session=session, couple_id=self.couple_id)
            elif part == COMMITMENTS:
                self.commitments = commitment_views.commitment_cards(session=session, couple_id=self.couple_id)
            elif part == MEETING:
                self.meeting, self.meeting_notes = meeting_views.meeting_view(session, self.couple_id)
                # Pulled in only while a check-in is on: it recomputes every commitment's week.
                self.went_well = meeting_views.went_well(session, self.couple_id) if self.meeting.id else []
                self.schedule = meeting_views.schedule(session, self.couple_id)
            elif part == RITUALS:
                self.rituals = ritual_views.ritual_views(session=session, couple_id=self.couple_id)
                self.upcoming = ritual_views.upcoming(self.rituals)
            elif part == NOTIFICATIONS:
                self.unread = notifications.unread_counts(session=session, couple_id=self.couple_id)
            elif part == SHARED_WRITING:
                self.shared_explanations = shared_explanations_service.shared_explanations(
                    session=session, couple_id=self.couple_id
                )
                self.shared_entries = shared_workbook_service.shared_entries(session=session, couple_id=self.couple_id)
            elif part in TRUST_PARTS:
                self._load_trust_part(session, part)
            elif part in REPAIR_PARTS:
                self._load_repair(session, part)
            elif part == REPORT:
                self.report_signature = report.signature(session, self.couple_id)
            else:
                raise ValueError(f"unknown part of the couple view: {part}")

    def _load_trust_part(self, session: Session, part: str) -> None:
        if part == UPDATES:
            self.updates = update_views.feed(session=session, couple_id=self.couple_id)
        elif part == AGREEMENTS:
            self.agreements = agreement_views.views(session=session, couple_id=self.couple_id)
        else:
            self.bids = bid_views.views(session=session, couple_id=self.couple_id)
            self.bid_week = bid_views.week(session=session, couple_id=self.couple_id)
            self.bids_together = bid_views.together(self.bid_week)

    def _load_repair(self, session: Session, part: str) -> None:
        """Repair (issue 8): the parts both partners may see. Drafts are left out by the service itself."""
        if part == REPAIR_MENU:
            self.repair_menu = repair_menu.menu_views(session=session, couple_id=self.couple_id)
        elif part == ACKNOWLEDGEMENTS:
            self.acknowledgements = acknowledgements.sent_views(session=session, couple_id=self.couple_id)
        elif part == HARD_MOMENT:
            self.hard_moment = hard_moments.open_view(session=session, couple_id=self.couple_id)

    def reload_commitments(self, ids: set[int]) -> None:
        """Recompute only the cards of these commitments (a tick recomputes one card, not the couple's history)."""
        with session_scope() as session:
            fresh = {
                card.id: card
                for card in commitment_views.commitment_cards(session=session, couple_id=self.couple_id, only_ids=ids)
            }
        cards = [fresh.pop(card.id, card) for card in self.commitments if card.id not in ids or card.id in fresh]
        self.commitments = cards + list(fresh.values())

    def _show_members(self, members: list[MemberView]) -> None:
        if members != self.members:
            self.members = members
        # Someone who left the couple is no longer shown as present.
        member_ids = {m.user_id for m in members}
        if any(user_id not in member_ids for user_id, _, _ in self._tabs.values()):
            self._set_tabs({t: v for t, v in self._tabs.items() if v[0] in member_ids})

    def note_tab(self, client_token: str, user_id: int, page: str) -> None:
        self._set_tabs({**self._tabs, client_token: (user_id, page, time.time())})

    def drop_tabs(self, client_tokens: set[str]) -> None:
        if client_tokens & self._tabs.keys():
            self._set_tabs({t: v for t, v in self._tabs.items() if t not in client_tokens})

    def _set_tabs(self, tabs: dict[str, tuple[int, str, float]]) -> None:
        self._tabs = tabs
        presence = [PresenceView(user_id, page) for user_id, page in present_users(tabs.values())]
        if presence != self.presence:
            self.presence = presence

    @rx.var
    def is_paired(self) -> bool:
        return len(self.members) >= 2

    @rx.var
    def commitments_signature(self) -> str:
        """Changes whenever any commitment's card does: private views keyed on it re-read their details."""
        return ";".join(
            f"{c.id}:{c.version}:{c.today_tick_id}:{c.streak}:{c.today_acknowledged}:{c.pending_pause_id}"
            for c in self.commitments
        )

    @rx.var
    def commitments_due_for_review(self) -> int:
        return sum(1 for c in self.commitments if c.review_due)

    @rx.var
    def agenda_kinds(self) -> list[str]:
        """The kinds that have at least one item anyone can read, so empty sections are not shown."""
        return sorted({item.kind for item in self.agenda if not item.hidden})

    @rx.var
    def agenda_signature(self) -> str:
        """Changes whenever the agenda does: a tab's own hidden items are re-read when it changes."""
        return ";".join(f"{item.id}:{item.version}:{item.hidden}" for item in self.agenda)

    @rx.var
    def hidden_items(self) -> list[HiddenCount]:
        """How many items each partner keeps for the check-in (the count only, never the words)."""
        counts: dict[int, int] = {}
        for item in self.agenda:
            if item.hidden:
                counts[item.author_id] = counts.get(item.author_id, 0) + 1
        names = {m.user_id: m.name for m in self.members}
        return [HiddenCount(uid, names.get(uid, ""), n) for uid, n in sorted(counts.items())]

    @rx.var
    def rituals_signature(self) -> str:
        """Changes whenever a ritual or an occurrence does: the month view re-reads itself."""
        return ";".join(
            f"{r.id}:{r.version}:{r.schedule_label}:"
            + ",".join(f"{o.day}{o.status}{o.label}" for o in r.coming + r.recent)
            for r in self.rituals
        )

    @rx.var
    def unread_signature(self) -> str:
        return ";".join(f"{u.user_id}:{u.count}:{u.latest_id}" for u in self.unread)

    @rx.var
    def meeting_open(self) -> bool:
        return self.meeting.id > 0

    @rx.var
    def open_concerns(self) -> list[AgendaItemView]:
        return [item for item in self.agenda if item.kind == "concern" and not item.hidden]

    @rx.var
    def schedule_time(self) -> str:
        minute = self.schedule.minute if self.schedule.weekday >= 0 else 19 * 60
        return check_in_time.format_time(minute)

    @rx.var
    def schedule_label(self) -> str:
        if self.schedule.weekday < 0:
            return ""
        return check_in_time.describe(self.schedule.weekday, self.schedule.minute, self.schedule.zone)

    @rx.var
    def shared_writing_signature(self) -> str:
        """Changes whenever a shared explanation, reply or workbook entry does: each author's own tab re-reads its
        private space (built from shared items only, so it says nothing about private ones)."""
        return ";".join(
            [f"e{e.id}:{e.version}:{zlib.crc32(e.reply.encode())}" for e in self.shared_explanations]
            + [f"w{w.id}:{w.version}" for w in self.shared_entries]
        )

    # ---- proactive transparency and bids for connection (issue 8) ---------------------------------------------

    @rx.var
    def agreements_due_for_review(self) -> int:
        return sum(1 for a in self.agreements if a.review_due)

    @rx.var
    def has_current_agreements(self) -> bool:
        return any(a.status in ("asked", "active") for a in self.agreements)

    @rx.var
    def has_ended_agreements(self) -> bool:
        return any(a.ended_note for a in self.agreements)

    @rx.var
    def bids_this_week(self) -> bool:
        """Whether either partner sent a bid this week (until then, one inviting line instead of empty counts)."""
        return any(f.sent or f.received for f in self.bid_week)
