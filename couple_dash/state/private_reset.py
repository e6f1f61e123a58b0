"""Forget every private part a tab has loaded (on signing out, so the next person on this device sees none of it)."""

from __future__ import annotations

import reflex as rx

from couple_dash.state.explanations import ExplanationState
from couple_dash.state.private_notes import PrivateNotesState
from couple_dash.state.why_reflection import ReflectionState
from couple_dash.state.workbook import WorkbookState

PRIVATE_STATES: tuple[type[rx.State], ...] = (PrivateNotesState, ReflectionState, ExplanationState, WorkbookState)


async def forget_private(state: rx.State) -> None:
    for cls in PRIVATE_STATES:
        (await state.get_state(cls)).reset()
