"""Password policy: long enough, not a known-common password, not built from the user's own name or email.

Length beats composition rules (NIST SP 800-63B), so there are no "one symbol, one digit" demands.
"""

from __future__ import annotations

MIN_LENGTH = 10
MAX_LENGTH = 256

# The most common passwords in public breach corpora (and the obvious ones for this app), lower-cased.
COMMON_PASSWORDS = frozenset(
    [
        "1234567890",
        "12345678910",
        "123456789a",
        "0123456789",
        "1q2w3e4r5t",
        "1qaz2wsx3edc",
        "qwertyuiop",
        "qwerty1234",
        "qwerty12345",
        "asdfghjkl;",
        "asdfghjkl1",
        "zxcvbnm123",
        "password12",
        "password123",
        "password1234",
        "passw0rd123",
        "iloveyou12",
        "iloveyou123",
        "iloveyou1234",
        "loveyou123",
        "sunshine12",
        "princess12",
        "football12",
        "baseball12",
        "welcome123",
        "welcome1234",
        "letmein123",
        "trustno1trustno1",
        "aaaaaaaaaa",
        "abcdefghij",
        "abc1234567",
        "abcd123456",
        "1111111111",
        "2222222222",
        "0000000000",
        "9876543210",
        "changeme123",
        "administrator",
        "superman12",
        "michael123",
        "jennifer12",
        "dragon1234",
        "monkey1234",
        "starwars12",
        "whatever12",
        "computer12",
        "liverpool1",
        "chocolate1",
        "forever123",
        "together12",
        "mylove1234",
        "sweetheart",
        "soulmate12",
        "relationship",
        "trustme123",
        "forgiveme1",
        "couple1234",
        "coupledash",
        "couple-dash",
    ]
)


def password_problems(password: str, *, email: str = "", display_name: str = "") -> list[str]:
    """Return what is wrong with a proposed password, as sentences a person can act on.

    An empty list means the password is acceptable.
    """
    problems: list[str] = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Use at least {MIN_LENGTH} characters (a short phrase is easy to remember).")
        return problems
    if len(password) > MAX_LENGTH:
        problems.append(f"Use at most {MAX_LENGTH} characters.")
        return problems
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS:
        problems.append("This password is too common; pick something only you would think of.")
    if len(set(password)) < 4:
        problems.append("Use a greater variety of characters.")
    personal = [email.split("@", 1)[0].lower(), *display_name.lower().split()]
    if any(len(part) >= 3 and part in lowered for part in personal):
        problems.append("Don't build your password from your name or email address.")
    return problems
