"""Heat maps: a GitHub-style calendar of day statuses, for one commitment or for one partner's day.

The grid is ``grid[weekday][week]``: seven rows (Monday first) by ``weeks`` columns, oldest week first, the last
column being today's week; days after today are padding cells.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from couple_dash.domain.cadence import week_start
from couple_dash.domain.followthrough import DayStatus

MAX_LEVEL = 4


@dataclass(frozen=True)
class HeatCell:
    day: date | None  # None pads the days after today in the last column
    status: DayStatus | None
    level: int  # 0 (nothing, not due, missed) .. 4 (done)


def _grid(weeks: int, today: date, cell: Callable[[date], HeatCell]) -> list[list[HeatCell]]:
    if weeks < 1:
        raise ValueError("A heat map needs at least one week.")
    first_monday = week_start(today) - timedelta(weeks=weeks - 1)
    padding = HeatCell(None, None, 0)
    return [
        [
            cell(day) if (day := first_monday + timedelta(weeks=column, days=row)) <= today else padding
            for column in range(weeks)
        ]
        for row in range(7)
    ]


def heat_map(statuses: Mapping[date, DayStatus], weeks: int, today: date) -> list[list[HeatCell]]:
    """GitHub-style grid, indexed ``grid[weekday][week]``: 7 rows (Monday first) by ``weeks`` columns, oldest week
    first, the last column being today's week. Level 4 is done, 0 anything else; the status tells the rest."""

    def cell(day: date) -> HeatCell:
        status = statuses.get(day)
        return HeatCell(day, status, MAX_LEVEL if status is DayStatus.DONE else 0)

    return _grid(weeks, today, cell)


_COUNTED = (DayStatus.DONE, DayStatus.MISSED, DayStatus.OPEN)
_SHOWN_FIRST = (DayStatus.MISSED, DayStatus.OPEN, DayStatus.PAUSED, DayStatus.NOT_DUE, DayStatus.ENDED)


def combined_heat_map(
    per_commitment: Sequence[Mapping[date, DayStatus]], weeks: int, today: date
) -> list[list[HeatCell]]:
    """One partner's day across several commitments, same grid as ``heat_map``.

    Level = ceil(4 * done / counted), counted being the commitments due that day plus any done anyway, so one of
    two done is 2 and all done is 4. The status is DONE when everything counted was done, else the most telling one
    present (MISSED, then OPEN, PAUSED, NOT_DUE, ENDED, BEFORE_START).
    """

    def cell(day: date) -> HeatCell:
        present = [m[day] for m in per_commitment if day in m]
        if not present:
            return HeatCell(day, None, 0)
        counted = sum(s in _COUNTED for s in present)
        done = present.count(DayStatus.DONE)
        level = math.ceil(MAX_LEVEL * done / counted) if done else 0
        if done and done == counted:
            return HeatCell(day, DayStatus.DONE, level)
        status = next((s for s in _SHOWN_FIRST if s in present), DayStatus.BEFORE_START)
        return HeatCell(day, status, level)

    return _grid(weeks, today, cell)
