"""Web Push rules: which addresses the server will post to, and what a push shows."""

from __future__ import annotations

import pytest

from couple_dash.domain.push import DISCREET_BODY, DISCREET_TITLE, endpoint_allowed, message, parse_origins


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://fcm.googleapis.com/fcm/send/abc:def",
        "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
        "https://web.push.apple.com/QGx5",
        "https://wns2-db5p.notify.windows.com/w/?token=x",
        "https://fcm.googleapis.com:443/fcm/send/x",
    ],
)
def test_real_push_services_are_allowed(endpoint: str) -> None:
    assert endpoint_allowed(endpoint)


@pytest.mark.parametrize(
    "endpoint",
    [
        "",
        "http://fcm.googleapis.com/fcm/send/x",  # not https
        "https://fcm.googleapis.com.evil.example/x",  # look-alike host
        "https://evilfcm.googleapis.com.example/x",
        "https://notfcm.googleapis.com@127.0.0.1/x",  # credentials trick: the host is 127.0.0.1
        "https://127.0.0.1/push",
        "https://169.254.169.254/latest/meta-data",
        "https://fcm.googleapis.com:8443/x",
        "https://fcm.googleapis.com/" + "x" * 1000,
        "javascript:alert(1)",
        "https://[::1/x",
    ],
)
def test_anything_else_is_refused(endpoint: str) -> None:
    assert not endpoint_allowed(endpoint)


def test_an_operator_can_allow_its_own_push_service_by_exact_origin() -> None:
    extra = parse_origins(" http://127.0.0.1:8123/ , https://push.example.org")
    assert extra == frozenset({"http://127.0.0.1:8123", "https://push.example.org"})
    assert endpoint_allowed("http://127.0.0.1:8123/push/a", extra)
    assert endpoint_allowed("https://push.example.org/x", extra)
    assert not endpoint_allowed("http://127.0.0.1:8124/push/a", extra)
    assert not endpoint_allowed("https://other.example.org/x", extra)


def test_a_push_carries_the_reminder_and_a_same_site_link() -> None:
    push = message(title="Date night in 1 hour", body="19:00 · Sam plans", link="/rituals", tag="k1", discreet=False)
    assert push.as_json() == {
        "title": "Date night in 1 hour",
        "body": "19:00 · Sam plans",
        "url": "/rituals",
        "tag": "k1",
    }


@pytest.mark.parametrize("link", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""])
def test_a_link_off_the_site_opens_the_dashboard_instead(link: str) -> None:
    assert message(title="t", body="b", link=link, tag="k", discreet=False).url == "/"


def test_a_discreet_device_shows_no_words_of_the_reminder() -> None:
    push = message(title="Text Sam by 18:00", body="You said you would", link="/", tag="k", discreet=True)
    assert (push.title, push.body) == (DISCREET_TITLE, DISCREET_BODY)
    assert "Sam" not in str(push.as_json())
