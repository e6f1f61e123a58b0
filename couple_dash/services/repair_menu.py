"""The repair menu: each partner keeps their own list; the other may make an item a commitment in one tap.

Only the owner of a menu adds, edits, removes or reorders its items (it says what helps *them*); only the partner
makes an item a commitment, and that commitment is the partner's own (they are the one who will do it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import update
from sqlmodel import Session, col, select

from couple_dash.domain import repair as rules
from couple_dash.domain.cadence import CadenceKind, local_today
from couple_dash.domain.commitments import MAX_TEXT, MAX_WHY, Category, Status
from couple_dash.domain.lines import clean_line
from couple_dash.domain.wording import check_wording
from couple_dash.models import Commitment, Pause, RepairMenuItem, Tick, User, utcnow
from couple_dash.services import NotAllowed, ServiceError, commitments, couple_of
from couple_dash.services.commitment_views import _facts, pause_days  # the same days the cards count
from couple_dash.services.commitments import CommitmentInput

NOT_IN_COUPLE = "That item isn't on your couple's repair menus."
LIVE_STATUSES = (Status.PROPOSED.value, Status.ACTIVE.value, Status.PAUSED.value)


class MenuConflict(ServiceError):
    def __init__(self, version: int) -> None:
        super().__init__(
            "This item changed on another device while you were editing. The newer text is shown; yours is still "
            "in the box, so you can save it over that or let it go."
        )
        self.version = version  # the item's version now: saving over it is based on this one


class AlreadyCommitted(ServiceError):
    def __init__(self, name: str) -> None:
        super().__init__(f"{name} made this a commitment a moment ago.")


@dataclass(frozen=True)
class RepairItemView:
    """One item of a repair menu as both partners see it."""

    id: int
    owner_id: int
    owner_name: str
    text: str
    version: int
    commitment_id: int  # 0 while nobody has made it a commitment
    committed_by: int
    committed_by_name: str
    commitment_text: str
    commitment_live: bool  # the commitment is still proposed, active or paused (not ended)
    commitment_nudge: str  # the wording check of that commitment, for its owner: make it more checkable
    win: str  # the quiet note of the most notable small win, or ""


@dataclass(frozen=True)
class RepairMenuView:
    """One partner's menu (every member has one, possibly empty), in its owner's order."""

    owner_id: int
    owner_name: str
    acts: list[RepairItemView]  # not `items`: that name is taken by Reflex's object vars


def _item(session: Session, couple_id: int, item_id: int) -> RepairMenuItem:
    item = session.get(RepairMenuItem, item_id)
    if item is None or item.couple_id != couple_id:
        raise NotAllowed(NOT_IN_COUPLE)
    return item


def _own_item(session: Session, user_id: int, item_id: int) -> RepairMenuItem:
    _, couple_id = couple_of(session, user_id)
    item = _item(session, couple_id, item_id)
    if item.owner_id != user_id:
        raise NotAllowed("This is your partner's menu: only they change what's on it.")
    return item


def add_item(*, session: Session, user_id: int, text: str, now: datetime | None = None) -> RepairMenuItem:
    """Add to the end of the caller's own menu."""
    now = now or utcnow()
    _, couple_id = couple_of(session, user_id)
    if problem := rules.item_problem(text):
        raise ServiceError(problem)
    mine = session.execute(
        sa.select(sa.func.count(), sa.func.max(col(RepairMenuItem.position))).where(
            col(RepairMenuItem.couple_id) == couple_id, col(RepairMenuItem.owner_id) == user_id
        )
    ).one()
    if mine[0] >= rules.MAX_ITEMS:
        raise ServiceError(f"Your menu has {rules.MAX_ITEMS} items: remove one that matters less to add this.")
    item = RepairMenuItem(
        couple_id=couple_id,
        owner_id=user_id,
        text=clean_line(text),
        position=(mine[1] or 0) + 1,
        created_at=now,
        updated_at=now,
    )
    session.add(item)
    session.flush()
    return item


def edit_item(
    *, session: Session, user_id: int, item_id: int, text: str, base_version: int, now: datetime | None = None
) -> RepairMenuItem:
    """The owner rewords an item (a commitment already made from it keeps its own words)."""
    item = _own_item(session, user_id, item_id)
    if problem := rules.item_problem(text):
        raise ServiceError(problem)
    written = session.exec(
        update(RepairMenuItem)
        .where(col(RepairMenuItem.id) == item_id, col(RepairMenuItem.version) == base_version)
        .values(text=clean_line(text), version=RepairMenuItem.version + 1, updated_at=now or utcnow())
    )
    session.refresh(item)
    if not written.rowcount:
        raise MenuConflict(item.version)
    return item


def remove_item(*, session: Session, user_id: int, item_id: int) -> None:
    """The owner takes an item off their menu (a commitment made from it stays: it is the partner's)."""
    session.delete(_own_item(session, user_id, item_id))
    session.flush()


def move_item(*, session: Session, user_id: int, item_id: int, direction: int) -> None:
    """Swap an item with its neighbour on the owner's menu (-1 up, +1 down)."""
    item = _own_item(session, user_id, item_id)
    siblings = list(
        session.exec(
            select(RepairMenuItem)
            .where(col(RepairMenuItem.couple_id) == item.couple_id, col(RepairMenuItem.owner_id) == user_id)
            .order_by(col(RepairMenuItem.position), col(RepairMenuItem.id))
        ).all()
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.id == item_id)
    target = index + (1 if direction > 0 else -1)
    if not 0 <= target < len(siblings):
        return
    for place, sibling in enumerate(siblings, start=1):
        sibling.position = place
    siblings[index].position, siblings[target].position = siblings[target].position, siblings[index].position
    session.add_all(siblings)
    session.flush()


def make_commitment(*, session: Session, user_id: int, item_id: int, now: datetime | None = None) -> Commitment:
    """One tap by the partner: their own active commitment, pre-filled from the item ("each time it happens"),
    which they can then make more specific on the commitment's page (the usual wording nudge shows there)."""
    now = now or utcnow()
    user, couple_id = couple_of(session, user_id)
    item = _item(session, couple_id, item_id)
    if item.owner_id == user_id:
        raise NotAllowed("This is your own menu: your partner chooses what to make a commitment.")
    if item.commitment_id is not None:
        existing = session.get(Commitment, item.commitment_id)
        if existing is not None and existing.status in LIVE_STATUSES:
            who = "You" if item.committed_by == user_id else _name(session, item.committed_by)
            raise AlreadyCommitted(who)
    owner_name = _name(session, item.owner_id)
    why = f"On {owner_name}'s repair menu: “{item.text}”"
    made = commitments.create(
        session=session,
        user_id=user_id,
        owner_id=user_id,
        data=CommitmentInput(
            text=rules.as_promise(item.text)[:MAX_TEXT],
            why=why[:MAX_WHY],
            category=Category.CONNECTION.value,
            cadence_kind=CadenceKind.OCCASION.value,
        ),
        now=now,
    )
    # Conditional on the version read above: two taps at once (two devices) make one commitment, not two.
    written = session.exec(
        update(RepairMenuItem)
        .where(col(RepairMenuItem.id) == item_id, col(RepairMenuItem.version) == item.version)
        .values(commitment_id=made.id, committed_by=user.id, committed_at=now, version=RepairMenuItem.version + 1)
    )
    if not written.rowcount:
        raise AlreadyCommitted("Someone")  # the caller's unit of work is rolled back with this refusal
    return made


def _name(session: Session, user_id: int | None) -> str:
    user = session.get(User, user_id) if user_id else None
    return user.display_name if user else "A former partner"


def _wins(session: Session, linked: list[Commitment], zones: dict[int, str], now: datetime) -> dict[int, str]:
    """The quiet note of each linked commitment's most notable small win."""
    ids = [c.id for c in linked if c.id is not None]
    if not ids:
        return {}
    done: dict[int, set[date]] = defaultdict(set)
    thanked: dict[int, int] = defaultdict(int)
    for commitment_id, day, acknowledged_at in session.execute(
        sa.select(col(Tick.commitment_id), col(Tick.day), col(Tick.acknowledged_at)).where(
            col(Tick.commitment_id).in_(ids)
        )
    ).all():
        done[commitment_id].add(day)
        thanked[commitment_id] += acknowledged_at is not None
    todays = {c.id: local_today(now, zones.get(c.owner_id, "UTC")) for c in linked}
    paused: dict[int, set[date]] = defaultdict(set)
    for pause in session.exec(
        select(Pause).where(
            col(Pause.commitment_id).in_(ids), col(Pause.agreed_at).is_not(None), col(Pause.withdrawn_at).is_(None)
        )
    ).all():
        paused[pause.commitment_id].update(pause_days(pause, todays[pause.commitment_id]))
    notes = {}
    for c in linked:
        assert c.id is not None
        facts = rules.WinFacts(
            _facts(c),
            done[c.id],
            paused[c.id],
            todays[c.id],
            thanked[c.id],
        )
        notes[c.id] = rules.quiet_note(rules.small_wins(facts))
    return notes


def menu_views(*, session: Session, couple_id: int, now: datetime | None = None) -> list[RepairMenuView]:
    """Both partners' menus, each in its owner's order, with what became of each item (a former partner's menu
    is no longer shown)."""
    now = now or utcnow()
    items = list(
        session.exec(
            select(RepairMenuItem)
            .where(col(RepairMenuItem.couple_id) == couple_id)
            .order_by(col(RepairMenuItem.owner_id), col(RepairMenuItem.position), col(RepairMenuItem.id))
        ).all()
    )
    people = {u.id: u for u in session.exec(select(User).where(col(User.couple_id) == couple_id)).all()}
    linked_ids = {i.commitment_id for i in items if i.commitment_id is not None}
    linked = (
        {c.id: c for c in session.exec(select(Commitment).where(col(Commitment.id).in_(linked_ids))).all()}
        if linked_ids
        else {}
    )
    live = [c for c in linked.values() if c.status != Status.PROPOSED.value]
    wins = _wins(session, live, {uid: u.time_zone for uid, u in people.items() if uid is not None}, now)

    def name(user_id: int | None) -> str:
        person = people.get(user_id) if user_id else None
        return person.display_name if person else ("A former partner" if user_id else "")

    views = []
    for item in items:
        assert item.id is not None
        made = linked.get(item.commitment_id) if item.commitment_id else None
        check = check_wording(made.text) if made else None
        views.append(
            RepairItemView(
                id=item.id,
                owner_id=item.owner_id,
                owner_name=name(item.owner_id),
                text=item.text,
                version=item.version,
                commitment_id=(made.id or 0) if made else 0,
                committed_by=(item.committed_by or 0) if made else 0,
                committed_by_name=name(item.committed_by) if made else "",
                commitment_text=made.text if made else "",
                commitment_live=made is not None and made.status in LIVE_STATUSES,
                commitment_nudge=check.summary if check and made and made.status in LIVE_STATUSES else "",
                win=wins.get(made.id or 0, "") if made else "",
            )
        )
    return [
        RepairMenuView(uid, person.display_name, [v for v in views if v.owner_id == uid])
        for uid, person in sorted(people.items(), key=lambda pair: pair[0] or 0)
        if uid is not None
    ]
