"""Pieces for screen readers that sighted people don't need to see."""

from __future__ import annotations

import reflex as rx


def visually_hidden(*children: rx.Component | rx.Var[str] | str) -> rx.Component:
    """Read out, not shown: words that complete a name whose visible part is an icon or a number."""
    return rx.text.span(*children, class_name="cd-visually-hidden")
