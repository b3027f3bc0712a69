"""The `alme-portal` console command: database schema, demo data and order replay."""

from __future__ import annotations

import argparse
import json
import sys

from alme_portal import bootstrap
from alme_portal.platform import db, deployment, settings
from alme_portal.platform.outcome import Status


def _db_upgrade(_args: argparse.Namespace) -> int:
    from alme_portal.platform import schema

    schema.upgrade()
    print("Database schema is up to date.")
    return 0


def _demo_load(args: argparse.Namespace) -> int:
    from alme_portal.demo import loader as demo

    try:
        demo.check_database_ready(settings.database_url())
        with db.session_scope(write=True) as session:
            result = demo.load_demo(session, refresh=args.refresh)
    except (demo.DemoRefused, demo.SchemaMissing) as refusal:
        return _fail(str(refusal))
    print(result.message)
    return 0


def _demo_list(args: argparse.Namespace) -> int:
    from alme_portal.demo import loader as demo

    listing = demo.demo_listing()
    if args.json:
        print(json.dumps(listing, ensure_ascii=False, indent=2))
    else:
        print(demo.listing_text(listing))
    return 0


def _order_replay(args: argparse.Namespace) -> int:
    from alme_portal.orders.services import feed as order_feed

    try:
        with open(args.file, encoding="utf-8") as source:
            payload = json.load(source)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"alme-portal: cannot read {args.file}: {error}", file=sys.stderr)
        return 1
    with db.session_scope(write=True) as session:
        result = order_feed.replay_order(session, payload)
        if not result.ok:
            session.rollback()
    if result.status == Status.DONE:
        print(f"Order replayed (order id {result.value}).")
        return 0
    if result.ok:
        print("This order was already replayed: nothing changed.")
        return 0
    print(f"alme-portal: order refused: {result.detail}", file=sys.stderr)
    return 1


def _loyalty_settle(args: argparse.Namespace) -> int:
    from alme_portal.loyalty.services import ledger as loyalty
    from alme_portal.platform import clock

    with db.session_scope(write=True) as session:
        count = loyalty.settle_all(session, clock.today())
    print(f"Settled the loves of {count} members.")
    return 0


def _refunds_run(args: argparse.Namespace) -> int:
    from alme_portal.platform import clock
    from alme_portal.refunds.services import engine as refund_engine
    from alme_portal.refunds.services import stored_values

    with db.session_scope(write=True) as session:
        parcels = refund_engine.refund_returned_parcels(session)
        expired = stored_values.expire(session, clock.today())
    print(f"Refunded {parcels} parcels back at the Atelier; wrote off {expired} credit notes"
          " and gift cards past their last day.")  # fmt: skip
    return 0


def _mail_send(_args: argparse.Namespace) -> int:
    from alme_portal.adapters.smtp import SmtpConnection, SmtpServer
    from alme_portal.mail.services import sender

    deployment.require_safe_settings()
    with SmtpConnection(SmtpServer.from_settings()) as connection:
        counts = sender.send_due(connection)
    print(f"Sent {counts['sent']} e-mails; {counts['pending']} will be tried again later;"
          f" {counts['failed']} failed.")  # fmt: skip
    return 0


def _mail_worker(_args: argparse.Namespace) -> int:
    import logging

    from alme_portal import worker

    deployment.require_safe_settings()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    worker.run()
    return 0


def _demo_mail(_args: argparse.Namespace) -> int:
    from alme_portal.demo import mail

    if deployment.is_production():
        return _fail("the demo mail catcher never runs in production (ALME_ENV=production)")
    mail.serve()
    return 0


def _tracking_poll(_args: argparse.Namespace) -> int:
    from alme_portal.adapters.carriers.tracking import default_tracking_service
    from alme_portal.orders.services import notifications
    from alme_portal.returns.services import parcel_tracking

    deployment.require_safe_settings()
    tracking = default_tracking_service()
    counts = notifications.poll(tracking)
    told = sum(count for key, count in counts.items() if key not in ("asked", "unanswered"))
    print(f"Asked the carriers about {counts['asked']} parcels ({counts['unanswered']} did not"
          f" answer); {told} e-mails of news written to the outbox.")  # fmt: skip
    returns = parcel_tracking.follow_returns(tracking)
    print(f"Asked Mondial Relay about {returns['asked']} returns on their way"
          f" ({returns['unanswered']} not answered).")  # fmt: skip
    return 0


def _fail(message: str) -> int:
    print(f"alme-portal: {message}", file=sys.stderr)
    return 2


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the `alme-portal` command."""
    parser = argparse.ArgumentParser(prog="alme-portal", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    database = commands.add_parser("db", help="database schema").add_subparsers(
        dest="action", required=True
    )
    database.add_parser("upgrade", help="apply the committed migrations").set_defaults(
        run=_db_upgrade
    )

    demo = commands.add_parser("demo", help="demo data").add_subparsers(
        dest="action", required=True
    )
    load = demo.add_parser(
        "load", help="fill an empty database with the demo (refuses any other data)"
    )
    load.add_argument(
        "--refresh", action="store_true", help="reload the demo even if it was loaded today"
    )
    load.set_defaults(run=_demo_load)
    listing = demo.add_parser("list", help="print the demo orders and accounts (no database)")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(run=_demo_list)
    demo.add_parser(
        "mail", help="catch the demo's e-mails locally and send the outbox there (make run)"
    ).set_defaults(run=_demo_mail)

    order = commands.add_parser("order", help="orders from the shop").add_subparsers(
        dest="action", required=True
    )
    replay = order.add_parser(
        "replay", help="create an order the feed missed, from its JSON (idempotent)"
    )
    replay.add_argument("file", help='the order as the feed sends it in "order.created" data')
    replay.set_defaults(run=_order_replay)

    loyalty = commands.add_parser("loyalty", help="Almé Lovers").add_subparsers(
        dest="action", required=True
    )
    loyalty.add_parser(
        "settle", help="sum each member's old loves once, so balances read only recent ones"
    ).set_defaults(run=_loyalty_settle)

    refunds = commands.add_parser("refunds", help="money back").add_subparsers(
        dest="action", required=True
    )
    refunds.add_parser(
        "run", help="refund parcels back at the Atelier (O9), expire old credit notes (nightly)"
    ).set_defaults(run=_refunds_run)

    tracking = commands.add_parser("tracking", help="parcels on their way").add_subparsers(
        dest="action", required=True
    )
    tracking.add_parser(
        "poll", help="ask the carriers about parcels on their way, e-mail what changed"
    ).set_defaults(run=_tracking_poll)

    mail = commands.add_parser("mail", help="e-mails").add_subparsers(dest="action", required=True)
    mail.add_parser("send", help="send every e-mail due now, then stop").set_defaults(
        run=_mail_send
    )
    mail.add_parser(
        "worker", help="keep sending e-mails as they come (several may run at once)"
    ).set_defaults(run=_mail_worker)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    bootstrap.wire()
    try:
        return args.run(args)
    except db.DatabaseUnavailable as error:
        return _fail(str(error))


if __name__ == "__main__":
    sys.exit(main())
