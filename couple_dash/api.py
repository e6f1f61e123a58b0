"""HTTP routes beside the Reflex app: the private calendar feed that calendar apps poll, and the therapist report's
share links (a page and its PDF).

Calendar apps fetch a plain URL with no session, so the token in the path is the only credential; an unknown or
revoked one gets the same bare 404 as any other missing page.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from couple_dash import routes
from couple_dash.db import session_scope
from couple_dash.domain.document import Document, to_html
from couple_dash.pdf import to_pdf
from couple_dash.services import calendar, report

ICS_MEDIA_TYPE = "text/calendar; charset=utf-8"
FEED_CACHE = "private, max-age=300"


def calendar_feed(request: Request) -> Response:
    """Sync on purpose: Starlette runs it in a worker thread, so the database never blocks the event loop."""
    token = str(request.path_params["token"])
    with session_scope() as session:
        user_id = calendar.feed_user(session=session, token=token)
        body = None if user_id is None else calendar.couple_calendar(session=session, user_id=user_id)
    if body is None:
        return PlainTextResponse("Not found", status_code=404)
    return Response(body, media_type=ICS_MEDIA_TYPE, headers={"Cache-Control": FEED_CACHE})


# A report link is a secret in a URL: never cached, never indexed, never sent on as a referrer.
REPORT_HEADERS = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow", "Referrer-Policy": "no-referrer"}
PDF_NAME = "couple-dash-progress-report.pdf"


def _shared_report(request: Request) -> Document | None:
    token = str(request.path_params["token"])
    with session_scope() as session:
        return report.document_for_token(session=session, token=token)


def shared_report_page(request: Request) -> Response:
    """The report behind a share link, as a printable page (sync: runs in a worker thread, like the feed)."""
    document = _shared_report(request)
    if document is None:
        return PlainTextResponse("Not found", status_code=404, headers=REPORT_HEADERS)
    token = str(request.path_params["token"])
    toolbar = (
        "<p class='no-print'><button type='button' onclick='window.print()'>Print</button> "
        f"<a href='{routes.report_shared_pdf_path(token)}' download='{PDF_NAME}'>Download PDF</a></p>"
    )
    return HTMLResponse(to_html(document, before=toolbar), headers=REPORT_HEADERS)


def shared_report_pdf(request: Request) -> Response:
    document = _shared_report(request)
    if document is None:
        return PlainTextResponse("Not found", status_code=404, headers=REPORT_HEADERS)
    headers = {**REPORT_HEADERS, "Content-Disposition": f'attachment; filename="{PDF_NAME}"'}
    return Response(to_pdf(document), media_type="application/pdf", headers=headers)


def api_app() -> Starlette:
    """The app's own HTTP routes, on their own (tests call it directly)."""
    return Starlette(
        routes=[
            Route(f"{routes.CALENDAR_FEED}/{{token}}.ics", calendar_feed, methods=["GET"]),
            # The PDF first: "{token}" alone would also match "abc.pdf".
            Route(f"{routes.REPORT_SHARED}/{{token}}.pdf", shared_report_pdf, methods=["GET"]),
            Route(f"{routes.REPORT_SHARED}/{{token}}", shared_report_page, methods=["GET"]),
        ]
    )


def with_api(reflex_asgi: ASGIApp) -> ASGIApp:
    """``rx.App(api_transformer=with_api)``: our routes first, then everything Reflex serves (pages included).

    A function rather than a Starlette instance: Reflex mounts into and adds middleware to an instance each time
    the app is built, which fails the second time in one process (the in-process test backend builds it per module).
    """
    app = api_app()
    app.mount("", reflex_asgi)
    return long_lived_build_files(app)


IMMUTABLE = b"public, max-age=31536000, immutable"


def long_lived_build_files(app: ASGIApp) -> ASGIApp:
    """Files under ``/assets/`` carry a content hash in their names: a phone may keep them for a year."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith("/assets/"):
            await app(scope, receive, send)
            return

        async def send_with_cache(message: Message) -> None:
            if message["type"] == "http.response.start" and message.get("status") == 200:
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"]
                message = {**message, "headers": [*headers, (b"cache-control", IMMUTABLE)]}
            await send(message)

        await app(scope, receive, send_with_cache)

    return wrapped
