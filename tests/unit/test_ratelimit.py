from datetime import UTC, datetime, timedelta

from couple_dash.domain.ratelimit import lockout_message, lockout_remaining

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
WINDOW = timedelta(minutes=15)


def failures(*minutes_ago: float) -> list[datetime]:
    return [NOW - timedelta(minutes=m) for m in minutes_ago]


def test_fewer_failures_than_the_limit_allow_another_try() -> None:
    assert lockout_remaining(failures(1, 2, 3, 4), now=NOW, limit=5, window=WINDOW) is None


def test_the_limit_locks_until_the_oldest_counted_failure_leaves_the_window() -> None:
    remaining = lockout_remaining(failures(1, 2, 3, 4, 10), now=NOW, limit=5, window=WINDOW)
    assert remaining == timedelta(minutes=5)


def test_old_failures_do_not_count() -> None:
    assert lockout_remaining(failures(1, 2, 3, 4, 16, 20), now=NOW, limit=5, window=WINDOW) is None


def test_lockout_uses_the_most_recent_failures_when_there_are_more_than_the_limit() -> None:
    remaining = lockout_remaining(failures(1, 2, 3, 4, 5, 14), now=NOW, limit=5, window=WINDOW)
    assert remaining == timedelta(minutes=10)


def test_message_rounds_up_to_whole_minutes() -> None:
    assert "1 minute " in lockout_message(timedelta(seconds=5))
    assert "5 minutes" in lockout_message(timedelta(minutes=4, seconds=1))
