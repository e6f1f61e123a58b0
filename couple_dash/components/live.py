"""Keeping a page's private, server-computed view (a heat map, a history) in step with the live couple view."""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.event import EventType


def remount_on_change(signature: rx.Var[str], on_change: EventType[Any]) -> rx.Component:
    """Run ``on_change`` on mount and again whenever ``signature`` changes (whoever caused the change).

    Reflex compiles ``on_mount`` into the hooks of the component that owns it; giving the *wrapper* a key that
    follows the signature makes React mount that component afresh, so the event runs again.
    """
    return rx.fragment(rx.box(on_mount=on_change, display="none"), key=signature)
