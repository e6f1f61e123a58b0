"""A stand-in for a browser's push service (FCM, Mozilla autopush), for tests and benchmarks.

It checks what a real push service checks (the VAPID JWT: ES256 signature, audience, expiry, subject) and, holding
the browser's private key, decrypts each message (RFC 8291, aes128gcm) so tests can read exactly what a phone would
show. Paths listed in ``gone`` answer 410, as a push service does for an unsubscribed browser.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_point(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


def vapid_keys() -> tuple[str, str]:
    """(public, private) in the base64url forms the app's environment takes."""
    key = ec.generate_private_key(ec.SECP256R1())
    return b64url(public_point(key)), b64url(key.private_numbers().private_value.to_bytes(32, "big"))


@dataclass
class BrowserKeys:
    """What a browser generates when it subscribes: an ECDH key pair and a 16-byte auth secret."""

    private_key: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))
    auth: bytes = field(default_factory=lambda: os.urandom(16))

    @property
    def p256dh(self) -> str:
        return b64url(public_point(self.private_key))

    @property
    def auth_b64(self) -> str:
        return b64url(self.auth)

    def private_b64(self) -> str:
        return b64url(self.private_key.private_numbers().private_value.to_bytes(32, "big"))

    @classmethod
    def from_private(cls, private_b64: str, auth_b64: str) -> BrowserKeys:
        value = int.from_bytes(unb64url(private_b64), "big")
        return cls(ec.derive_private_key(value, ec.SECP256R1()), unb64url(auth_b64))


@dataclass(frozen=True)
class Received:
    path: str
    ttl: int
    vapid_ok: bool
    vapid_problem: str
    body: bytes


def check_vapid(authorization: str, audience: str, public_key: str) -> str:
    """'' when the header is valid for this audience and server key; otherwise what is wrong with it."""
    if not authorization.startswith("vapid "):
        return "no vapid authorization"
    parts = dict(p.strip().split("=", 1) for p in authorization[6:].split(","))
    token, key = parts.get("t", ""), parts.get("k", "")
    if key != public_key:
        return "signed with another server key"
    try:
        header_b64, claims_b64, signature_b64 = token.split(".")
        claims = json.loads(unb64url(claims_b64))
        raw = unb64url(signature_b64)
        signature = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
        verifier = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(key))
        verifier.verify(signature, f"{header_b64}.{claims_b64}".encode(), ec.ECDSA(hashes.SHA256()))
    except (ValueError, InvalidSignature):
        return "bad signature"
    if claims.get("aud") != audience:
        return f"audience {claims.get('aud')!r} is not {audience!r}"
    if not int(claims.get("exp", 0)) > time.time():
        return "expired"
    if not str(claims.get("sub", "")).startswith(("mailto:", "https:")):
        return "no subject"
    return ""


class FakePushService:
    def __init__(self, vapid_public_key: str) -> None:
        self.vapid_public_key = vapid_public_key
        self.received: list[Received] = []
        self.gone: set[str] = set()
        self._lock = threading.Lock()
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                problem = check_vapid(self.headers.get("Authorization", ""), service.origin, service.vapid_public_key)
                with service._lock:
                    service.received.append(
                        Received(self.path, int(self.headers.get("TTL", "-1")), not problem, problem, body)
                    )
                status = 410 if self.path in service.gone else (201 if not problem else 403)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def endpoint(self, name: str) -> str:
        return f"{self.origin}/push/{name}"

    def start(self) -> FakePushService:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def messages_for(self, name: str, keys: BrowserKeys) -> list[dict[str, Any]]:
        """Every message sent to one browser, decrypted as that browser would."""
        with self._lock:
            bodies = [r.body for r in self.received if r.path == f"/push/{name}"]
        return [
            json.loads(http_ece.decrypt(b, private_key=keys.private_key, auth_secret=keys.auth, version="aes128gcm"))
            for b in bodies
        ]
