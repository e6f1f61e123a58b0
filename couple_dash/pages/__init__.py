"""One module per page, with that page's small state beside it. Importing this registers every page."""

from couple_dash.pages import (  # noqa: F401
    auth,
    check_in,
    commitment,
    commitments,
    dashboard,
    join,
    meeting,
    pair,
    progress,
    report,
    rituals,
    safety,
    settings,
)
