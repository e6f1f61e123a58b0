"""The therapist report and data rights through the real backend's socket: forged events are refused, and the
partner's private words never reach the other's socket."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import col, select

from couple_dash.db import session_scope
from couple_dash.devtools.backend import InProcessBackend, in_process_backend
from couple_dash.devtools.protocol import ReflexClient, handler_name, state_name
from couple_dash.models import ReportLink
from couple_dash.services import accounts, agenda, couples, report
from couple_dash.state.auth import AuthState
from couple_dash.state.data_rights import DataRightsState
from couple_dash.state.report import ReportState

PASSWORD = "a long walk home"
SAM_SECRET = "Marmalade private agenda words"


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessBackend]:
    from couple_dash.db import migrate

    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'report.db'}"
    migrate(url)
    mp = pytest.MonkeyPatch()
    mp.setenv("REFLEX_DB_URL", url)
    with in_process_backend() as running:
        yield running
    mp.undo()


def _people() -> dict[str, Any]:
    """Alex and Sam (Sam keeps a private item), Kim and Lou with a live report and a link, and Ari alone."""
    with session_scope() as session:
        made = {
            name: accounts.sign_up(
                session=session, display_name=name, email=f"{name}-live@example.com", password=PASSWORD, time_zone="UTC"
            )
            for name in ("Alex", "Sam", "Kim", "Lou", "Ari")
        }
        ids = {name: signed.viewer.user_id for name, signed in made.items()}
        for first, second in (("Alex", "Sam"), ("Kim", "Lou")):
            code = couples.create_invite(session=session, user_id=ids[first]).code
            couples.join_with_code(session=session, user_id=ids[second], code=code)
        agenda.add_item(session=session, user_id=ids["Sam"], kind="concern", text=SAM_SECRET, private=True)
        report.request(session=session, user_id=ids["Kim"], include_pulse=False)
        report.consent(session=session, user_id=ids["Lou"], include_pulse=False)
        token = report.create_link(session=session, user_id=ids["Kim"])
        session.flush()
        link = session.exec(select(ReportLink).where(col(ReportLink.token_hash) == accounts.hash_token(token))).first()
        assert link is not None
        return {"tokens": {n: s.token for n, s in made.items()}, "kim_link": link.id, "kim_token": token}


async def _tab(backend: InProcessBackend, token: str, path: str = "/report") -> ReflexClient:
    storage = {f"{state_name(AuthState)}.session_token_rx_state_": token}
    return await ReflexClient(backend.url, local_storage=storage, path=path).connect()


def test_consent_through_the_socket_and_forged_events_are_refused(backend: InProcessBackend) -> None:
    people = _people()
    tokens = people["tokens"]

    async def scenario() -> None:
        alex, sam, ari = [await _tab(backend, tokens[n]) for n in ("Alex", "Sam", "Ari")]
        heard: list[str] = []
        alex.on_update(lambda delta, _at: heard.append(json.dumps(delta)))
        try:
            # Before both agree: no PDF, no link, whoever asks.
            await alex.emit(handler_name(ReportState, "download_pdf"))
            await alex.wait_for(lambda: any("both agreed" in str(e) for e in alex.events))
            await alex.emit(handler_name(ReportState, "ask"))
            await alex.wait_for(lambda: alex.var(ReportState, "status", {}).get("report_id", 0) > 0)
            await alex.emit(handler_name(ReportState, "create_link"))
            await alex.wait_for(lambda: "both agreed" in str(alex.var(ReportState, "error", "")))
            assert alex.var(ReportState, "link_url", "") == ""

            await sam.emit(handler_name(ReportState, "load"))
            await sam.wait_for(lambda: sam.var(ReportState, "status", {}).get("requested_by_name") == "Alex")
            await sam.emit(handler_name(ReportState, "agree"))
            await sam.wait_for(lambda: sam.var(ReportState, "status", {}).get("live") is True)
            assert sam.var(ReportState, "document", {}).get("title") == "Progress report: Alex and Sam"

            # Alex's tab reloads and downloads the PDF.
            await alex.emit(handler_name(ReportState, "load"))
            await alex.wait_for(lambda: alex.var(ReportState, "status", {}).get("live") is True)
            await alex.emit(handler_name(ReportState, "download_pdf"))
            await alex.wait_for(lambda: any("_download" in str(e) for e in alex.events))
            [download] = [e for e in alex.events if "_download" in str(e)]
            data_url = str(download["payload"]["url"])
            assert data_url.startswith("data:application/pdf;base64,")
            assert base64.b64decode(data_url.split(",", 1)[1]).startswith(b"%PDF")

            # Forged: turning off another couple's link, with a made-up id, or from someone alone.
            await alex.emit(handler_name(ReportState, "revoke_link"), {"link_id": people["kim_link"]})
            await alex.wait_for(lambda: "isn't one of yours" in str(alex.var(ReportState, "error", "")))
            await alex.emit(handler_name(ReportState, "revoke_link"), {"link_id": "1 OR 1=1"})
            await ari.emit(handler_name(ReportState, "ask"))
            await ari.emit(handler_name(ReportState, "download_pdf"))
            await ari.wait_for(lambda: sum("Pair with your partner" in str(e) for e in ari.events) == 2)
            assert not any("_download" in str(e) for e in ari.events)
            with session_scope() as session:
                assert report.document_for_token(session=session, token=people["kim_token"]) is not None

            # Alex's export: Alex's own things, never Sam's private item.
            await alex.emit(handler_name(DataRightsState, "download_json"))
            await alex.wait_for(lambda: any("my-data.json" in str(e) for e in alex.events))
            [export] = [e for e in alex.events if "my-data.json" in str(e)]
            body = base64.b64decode(str(export["payload"]["url"]).split(",", 1)[1]).decode()
            assert json.loads(body)["tables"]["user"][0]["display_name"] == "Alex"
            assert SAM_SECRET not in body

            # Sam withdraws; the report closes. Nothing Sam kept private ever reached Alex's socket.
            await sam.emit(handler_name(ReportState, "withdraw"))
            await sam.wait_for(lambda: sam.var(ReportState, "status", {}).get("report_id") == 0)
            assert SAM_SECRET not in "".join(heard)
            assert "Marmalade" not in json.dumps(alex.state) + json.dumps(alex.events)
        finally:
            for tab in (alex, sam, ari):
                await tab.close()

    asyncio.run(scenario())
