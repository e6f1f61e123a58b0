"""Presence: from the open tabs of a couple to "who is here, and on which page"."""

from __future__ import annotations

from collections.abc import Iterable


def present_users(tabs: Iterable[tuple[int, str, float]]) -> list[tuple[int, str]]:
    """One entry per user with an open tab: the page of their most recently active tab, ordered by user id.

    ``tabs`` are ``(user_id, page_label, last_active)`` triples.
    """
    latest: dict[int, tuple[float, str]] = {}
    for user_id, page, seen in tabs:
        if user_id not in latest or seen >= latest[user_id][0]:
            latest[user_id] = (seen, page)
    return [(user_id, page) for user_id, (_, page) in sorted(latest.items())]
