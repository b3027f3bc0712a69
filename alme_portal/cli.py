"""The `alme-portal` console command: database schema and demo data."""

from __future__ import annotations

import argparse
import sys

from alme_portal import db


def _db_upgrade(_args: argparse.Namespace) -> int:
    from alme_portal.services import schema

    schema.upgrade()
    print("Database schema is up to date.")
    return 0


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
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except db.DatabaseUnavailable as error:
        print(f"alme-portal: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
