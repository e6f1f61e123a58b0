"""Transparency updates (shared with the partner, who may react) and each person's own one-tap presets.

Updates belong to the couple: both partners read them, only the author removes one, only the partner reacts.
Presets belong to their owner alone: nobody else reads, changes or reorders them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from couple_dash.domain import transparency as rules
from couple_dash.domain.lines import clean_line
from couple_dash.models import TransparencyUpdate, UpdatePreset, User, utcnow
from couple_dash.services import NotAllowed, ServiceError, couple_of

FEED_SIZE = 30  # the live feed both partners see (updates are for the moment; older ones fade out of view)
NOT_YOURS = "That update isn't part of your couple's feed."
NOT_YOUR_PRESET = "That preset isn't one of yours."


@dataclass(frozen=True)
class UpdateView:
    id: int
    author_id: int
    author_name: str
    text: str
    at_ms: int  # shown in each reader's own time zone by the browser
    at_iso: str
    reaction: str  # "" until the partner reacts
    reaction_label: str  # "Love", "Grateful", "Thanks"


@dataclass(frozen=True)
class PresetView:
    id: int
    text: str


@dataclass(frozen=True)
class StarterChoice:
    text: str
    added: bool  # already one of the person's presets (shown ticked, so the list never shifts under a finger)


# ---- updates ---------------------------------------------------------------------------------------------------


def feed(*, session: Session, couple_id: int, limit: int = FEED_SIZE) -> list[UpdateView]:
    """The couple's latest updates, newest first, as both partners see them."""
    rows = session.execute(
        sa.select(
            col(TransparencyUpdate.id),
            col(TransparencyUpdate.author_id),
            col(User.display_name),
            col(TransparencyUpdate.text),
            col(TransparencyUpdate.created_at),
            col(TransparencyUpdate.reaction),
        )
        .join(User, col(User.id) == col(TransparencyUpdate.author_id))
        .where(col(TransparencyUpdate.couple_id) == couple_id)
        .order_by(col(TransparencyUpdate.created_at).desc(), col(TransparencyUpdate.id).desc())
        .limit(limit)
    ).all()
    views = []
    for update_id, author_id, name, text, at, reaction in rows:
        label = rules.REACTIONS[reaction][0] if reaction in rules.REACTIONS else ""
        views.append(
            UpdateView(update_id, author_id, name, text, int(at.timestamp() * 1000), at.isoformat(), reaction, label)
        )
    return views


def post_update(*, session: Session, user_id: int, text: str, now: datetime | None = None) -> TransparencyUpdate:
    """Share a short update with the partner, unasked."""
    _, couple_id = couple_of(session, user_id)
    if problem := rules.update_problem(text):
        raise ServiceError(problem)
    update = TransparencyUpdate(
        couple_id=couple_id, author_id=user_id, text=clean_line(text), created_at=now or utcnow()
    )
    session.add(update)
    session.flush()
    return update


def post_preset(*, session: Session, user_id: int, preset_id: int, now: datetime | None = None) -> TransparencyUpdate:
    """One tap: share the words of one of the caller's own presets."""
    preset = _own_preset(session, user_id, preset_id)
    return post_update(session=session, user_id=user_id, text=preset.text, now=now)


def _couple_update(session: Session, user_id: int, update_id: int) -> TransparencyUpdate:
    _, couple_id = couple_of(session, user_id)
    update = session.get(TransparencyUpdate, update_id)
    if update is None or update.couple_id != couple_id:
        raise NotAllowed(NOT_YOURS)
    return update


def remove_update(*, session: Session, user_id: int, update_id: int) -> None:
    """The author takes their own update back (a slip of the finger); nobody removes the partner's."""
    update = _couple_update(session, user_id, update_id)
    if update.author_id != user_id:
        raise NotAllowed("Only the person who shared an update can remove it.")
    session.delete(update)
    session.flush()


def react(*, session: Session, user_id: int, update_id: int, reaction: str, now: datetime | None = None) -> str:
    """The partner reacts to an update; the same reaction again takes it back. Returns the reaction now shown."""
    update = _couple_update(session, user_id, update_id)
    if update.author_id == user_id:
        raise NotAllowed("Reactions are for your partner's updates.")
    chosen = rules.parse_reaction(reaction)
    if chosen is None:
        raise ServiceError("Pick one of the reactions.")
    if update.reaction == chosen:
        update.reaction, update.reacted_by, update.reacted_at = "", None, None
    else:
        update.reaction, update.reacted_by, update.reacted_at = chosen, user_id, now or utcnow()
    session.add(update)
    session.flush()
    return update.reaction


# ---- presets ---------------------------------------------------------------------------------------------------


def _own_preset(session: Session, user_id: int, preset_id: int) -> UpdatePreset:
    preset = session.get(UpdatePreset, preset_id)
    if preset is None or preset.user_id != user_id:
        raise NotAllowed(NOT_YOUR_PRESET)
    return preset


def _presets(session: Session, user_id: int) -> list[UpdatePreset]:
    return list(
        session.exec(
            select(UpdatePreset)
            .where(col(UpdatePreset.user_id) == user_id)
            .order_by(col(UpdatePreset.position), col(UpdatePreset.id))
        )
    )


def presets(*, session: Session, user_id: int) -> list[PresetView]:
    """The caller's own presets, in their order."""
    return [PresetView(p.id or 0, p.text) for p in _presets(session, user_id)]


def add_preset(*, session: Session, user_id: int, text: str) -> UpdatePreset:
    couple_of(session, user_id)  # presets are for sharing with a partner
    existing = _presets(session, user_id)
    if problem := rules.preset_problem(text, [p.text for p in existing]):
        raise ServiceError(problem)
    preset = UpdatePreset(
        user_id=user_id, text=clean_line(text), position=max((p.position for p in existing), default=0) + 1
    )
    session.add(preset)
    session.flush()
    return preset


def remove_preset(*, session: Session, user_id: int, preset_id: int) -> None:
    session.delete(_own_preset(session, user_id, preset_id))
    session.flush()


def move_preset(*, session: Session, user_id: int, preset_id: int, direction: int) -> None:
    """Swap a preset with its neighbour (-1 earlier, +1 later) in the caller's own list."""
    _own_preset(session, user_id, preset_id)
    ordered = _presets(session, user_id)
    index = next(i for i, p in enumerate(ordered) if p.id == preset_id)
    target = index + (1 if direction > 0 else -1)
    if not 0 <= target < len(ordered):
        return
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for place, preset in enumerate(ordered, start=1):
        preset.position = place
    session.add_all(ordered)
    session.flush()


def starter_choices(existing: list[PresetView]) -> list[StarterChoice]:
    """The starter presets, each marked if the person has adopted it (they are offered, never added for anyone)."""
    have = {p.text.casefold() for p in existing}
    return [StarterChoice(s, s.casefold() in have) for s in rules.STARTER_PRESETS]
