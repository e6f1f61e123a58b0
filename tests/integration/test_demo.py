from sqlmodel import Session

from couple_dash.services import accounts, couples
from couple_dash.services.demo import create_demo_couple


def test_demo_couple_is_paired_and_both_logins_work(session: Session) -> None:
    demo = create_demo_couple(session=session, weeks=8)
    assert [m.display_name for m in couples.members(session=session, couple_id=demo.couple_id)] == ["Alex", "Sam"]
    for login in demo.logins:
        signed_in = accounts.log_in(session=session, email=login.email, password=login.password, ip="127.0.0.1")
        assert signed_in.viewer.couple_id == demo.couple_id
    # Running it again makes a second, separate couple (unique emails), never a clash.
    again = create_demo_couple(session=session)
    assert again.couple_id != demo.couple_id
