"""Hashed build files may be kept for a year; pages and everything else keep whatever the app says."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from couple_dash.api import IMMUTABLE, with_api


def _file(request: Request) -> Response:
    return PlainTextResponse("x", headers={"Cache-Control": "no-cache"})


FRONTEND = Starlette(routes=[Route("/assets/layout-0kl-KZx3.js", _file), Route("/check-in", _file)])


async def test_hashed_build_files_are_immutable_and_nothing_else_is() -> None:
    transport = httpx.ASGITransport(app=with_api(FRONTEND))
    async with httpx.AsyncClient(transport=transport, base_url="http://couple-dash.test") as client:
        build_file = await client.get("/assets/layout-0kl-KZx3.js")
        page = await client.get("/check-in")
        missing = await client.get("/assets/gone-123.js")

    assert build_file.headers.get_list("cache-control") == [IMMUTABLE.decode()]
    assert page.headers["cache-control"] == "no-cache"
    assert missing.status_code == 404
    assert missing.headers.get("cache-control") != IMMUTABLE.decode()
