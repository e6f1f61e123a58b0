from couple_dash.domain.presence import present_users
from couple_dash.routes import page_label


def test_each_user_appears_once_with_their_most_recent_page() -> None:
    tabs = [(2, "Dashboard", 10.0), (1, "Rituals", 5.0), (2, "Check-in", 12.0), (1, "Settings", 4.0)]
    assert present_users(tabs) == [(1, "Rituals"), (2, "Check-in")]


def test_nobody_present_without_tabs() -> None:
    assert present_users([]) == []


def test_page_labels_ignore_trailing_slashes_and_unknown_pages() -> None:
    assert page_label("/check-in/") == "Check-in"
    assert page_label("/") == "Dashboard"
    assert page_label("") == "Dashboard"
    assert page_label("/pair") == "Pair up"
    assert page_label("/nowhere") == "Couple Dash"
