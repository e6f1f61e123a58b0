import pytest

from couple_dash.domain.passwords import MIN_LENGTH, password_problems


@pytest.mark.parametrize(
    "password",
    ["correct horse battery", "tea at seven, always", "Zq8!mw2#Lp", "a walk by the river at dawn"],
)
def test_strong_passwords_pass(password: str) -> None:
    assert password_problems(password, email="alex@example.com", display_name="Alex") == []


@pytest.mark.parametrize("password", ["", "short", "x" * (MIN_LENGTH - 1)])
def test_too_short_is_refused_with_the_minimum_named(password: str) -> None:
    problems = password_problems(password)
    assert len(problems) == 1
    assert str(MIN_LENGTH) in problems[0]


@pytest.mark.parametrize("password", ["password123", "Password123", "1234567890", "iloveyou12", "coupledash"])
def test_common_passwords_are_refused(password: str) -> None:
    assert any("too common" in p for p in password_problems(password))


def test_low_variety_is_refused() -> None:
    assert any("variety" in p for p in password_problems("abababababab"))


def test_password_built_from_name_or_email_is_refused() -> None:
    assert any("name or email" in p for p in password_problems("jordan-loves-tea", email="jordan@example.com"))
    assert any("name or email" in p for p in password_problems("my name is Morgan!", display_name="Morgan Lee"))


def test_very_long_passwords_are_refused() -> None:
    assert password_problems("a1b2c3d4e5" * 30)
