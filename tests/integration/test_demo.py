from datetime import UTC, datetime

from sqlmodel import Session

from couple_dash.services import accounts, agenda, commitment_views, couples, meeting_summary, pulse
from couple_dash.services.demo import PROMISES, create_demo_couple

NOW = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)


def test_demo_couple_is_paired_lived_in_and_both_logins_work(session: Session) -> None:
    demo = create_demo_couple(session=session, weeks=8, now=NOW, seed=3)
    assert [m.display_name for m in couples.members(session=session, couple_id=demo.couple_id)] == ["Alex", "Sam"]
    for login in demo.logins:
        signed_in = accounts.log_in(session=session, email=login.email, password=login.password, ip="127.0.0.1")
        assert signed_in.viewer.couple_id == demo.couple_id

    cards = commitment_views.commitment_cards(session=session, couple_id=demo.couple_id, now=NOW)
    assert len(cards) == len(PROMISES) + 1
    assert [c.status for c in cards].count("proposed") == 1
    daily = cards[0]
    assert daily.best_streak >= 3
    assert 40 <= daily.score_pct <= 100  # kept most days, with a few slips
    assert 0 < daily.rate_30_pct <= 100
    assert any(c.streak > 0 for c in cards)
    assert len(agenda.list_items(session=session, couple_id=demo.couple_id)) == 4
    # Six past check-ins, each with a summary and both partners' (shared) pulses.
    alex, sam = (
        accounts.log_in(session=session, email=d.email, password=d.password, ip="x").viewer for d in demo.logins
    )
    past = meeting_summary.summaries(session=session, user_id=sam.user_id)
    assert len(past) == 6
    assert all(s.appreciations and s.rituals for s in past)
    lines = pulse.trajectories(session=session, user_id=alex.user_id)
    assert [len(line.points) for line in lines] == [6, 6]
    assert all(0 <= p.total <= 21 for line in lines for p in line.points)

    # Running it again makes a second, separate couple (unique emails), never a clash.
    again = create_demo_couple(session=session, now=NOW)
    assert again.couple_id != demo.couple_id
