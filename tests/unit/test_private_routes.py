"""The private space's address: linkable by tab, and never named to the partner in the presence line."""

from couple_dash import routes


def test_the_partner_is_never_told_someone_is_in_their_private_space() -> None:
    assert routes.page_label("/private") == "Couple Dash"
    assert routes.page_label("/private/") == "Couple Dash"
    assert routes.page_label("/check-in") == "Check-in"


def test_tabs_can_be_linked_and_unknown_ones_fall_back_to_the_page() -> None:
    assert routes.private_url("workbook") == "/private?tab=workbook"
    assert routes.private_url("secrets") == "/private"
    assert routes.private_url() == "/private"
