"""One module per page, with that page's small state beside it. Importing this registers every page."""

from couple_dash.pages import (  # noqa: F401
    acknowledge,
    auth,
    check_in,
    commitment,
    commitments,
    dashboard,
    hard_moment,
    join,
    meeting,
    more,
    pair,
    private_space,
    progress,
    repair,
    repair_menu,
    report,
    rituals,
    safety,
    settings,
    updates,
)
