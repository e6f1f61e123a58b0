import pytest

from couple_dash.domain.accounts import (
    clean_display_name,
    display_name_problem,
    email_problem,
    normalize_email,
    time_zone_problem,
)
from couple_dash.routes import safe_next


def test_emails_are_compared_case_insensitively() -> None:
    assert normalize_email("  Alex@Example.COM ") == "alex@example.com"


@pytest.mark.parametrize("email", ["", "alex", "alex@", "@example.com", "alex@example", "a b@example.com"])
def test_invalid_emails_get_a_message(email: str) -> None:
    assert email_problem(email)


def test_valid_email_passes() -> None:
    assert email_problem("alex.smith+cd@example.co.uk") is None


def test_display_names_are_tidied_and_bounded() -> None:
    assert clean_display_name("  Sam   Lee ") == "Sam Lee"
    assert display_name_problem("   ") is not None
    assert display_name_problem("x" * 41) is not None
    assert display_name_problem("Sam") is None


def test_time_zones_must_be_real() -> None:
    assert time_zone_problem("Europe/Berlin") is None
    assert time_zone_problem("America/Argentina/Buenos_Aires") is None
    assert time_zone_problem("Mars/Olympus") is not None
    assert time_zone_problem("") is not None


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/settings", "/settings"),
        ("/join?code=AB", "/join?code=AB"),
        ("https://evil.example", "/"),
        ("//evil.example", "/"),
        ("/\\evil.example", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_only_local_redirects_after_sign_in(target: str | None, expected: str) -> None:
    assert safe_next(target) == expected
