"""Commands that run inside the project's virtualenv (see ``python3 -m couple_dash``)."""

from __future__ import annotations

import argparse
import sys

from couple_dash.config import database_url
from couple_dash.db import migrate


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m couple_dash.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="apply database migrations")
    demo = sub.add_parser("demo", help="create a demo couple with ~8 weeks of history")
    demo.add_argument("--weeks", type=int, default=8)
    sub.add_parser("vapid", help="print a new VAPID key pair for Web Push")
    args = parser.parse_args(argv)

    if args.command == "vapid":
        from couple_dash.devtools.push_service import vapid_keys

        public, private = vapid_keys()
        print(
            "# Phone notifications (Web Push). Keep the private key secret;"
            " with new keys, each device turns notifications on again."
        )
        print(f"export COUPLE_DASH_VAPID_PUBLIC_KEY={public}")
        print(f"export COUPLE_DASH_VAPID_PRIVATE_KEY={private}")
        print("export COUPLE_DASH_VAPID_SUBJECT=mailto:you@example.org")
        return 0
    migrate()
    if args.command == "migrate":
        print(f"Database is up to date: {database_url()}")
        return 0
    if args.command == "demo":
        from couple_dash.db import session_scope
        from couple_dash.services.demo import create_demo_couple

        with session_scope() as session:
            demo_couple = create_demo_couple(session=session, weeks=args.weeks)
        print("Demo couple created. Start the app (python3 -m couple_dash run) and log in as either partner:")
        for login in demo_couple.logins:
            print(f"  {login.display_name:<6} email: {login.email:<32} password: {login.password}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
