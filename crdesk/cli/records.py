"""Records management commands (admin only; the services check the role):

    crdesk subject-access --nhs-number N --out DIR --user ADMIN --password-stdin
    crdesk purge --list --user ADMIN --password-stdin
    crdesk purge --nhs-number N --reason TEXT --user ADMIN --password-stdin

The NHS number is on the command line because that is how the admin names the patient;
the CLI's log records only the command's name and outcome, never its arguments.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from crdesk.cli.auth import add_user_auth, open_session
from crdesk.errors import ValidationError
from crdesk.paths import BaseDir


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("subject-access",
                       help="write a copy of everything held about one patient (PDF and JSON)")
    p.add_argument("--nhs-number", required=True)
    p.add_argument("--out", required=True, type=Path, help="an existing folder to write into")
    add_user_auth(p)
    p.set_defaults(func=subject_access)

    p = sub.add_parser("purge", help="list records past the retention period, or purge one")
    p.add_argument("--list", action="store_true", help="list records due for disposal")
    p.add_argument("--nhs-number", help="the patient whose record to purge")
    p.add_argument("--reason", default="", help="why (retention over, or the patient asked)")
    add_user_auth(p)
    p.set_defaults(func=purge)


def subject_access(args: argparse.Namespace, basedir: BaseDir) -> int:
    from crdesk.services.records import RecordsService

    with open_session(basedir, args) as session:
        service = RecordsService(session)
        session.require_admin("make a subject-access copy")
        pdf, data = service.write_subject_access(service.find(args.nhs_number), args.out)
    print(f"Written {pdf.name} and {data.name} in {Path(args.out)}.")
    print("They hold the patient's personal data: give them only to the patient, and delete "
          "them from this computer once they are sent.")
    return 0


def purge(args: argparse.Namespace, basedir: BaseDir) -> int:
    from crdesk.services.records import RecordsService

    if args.list == bool(args.nhs_number):
        raise ValidationError("Give either --list or --nhs-number (with --reason).", "")
    with open_session(basedir, args) as session:
        service = RecordsService(session)
        session.require_admin("purge records")
        if args.list:
            years = service.retention_years()
            items = service.due_for_disposal()
            print(f"Retention period: {years} years after the last entry "
                  f"({service.standard().record_class}, {service.standard().title}).")
            if not items:
                print("No record is past its retention period.")
            for item in items:
                print(f"{item.label}: last entry {item.last_activity}, due {item.due}")
            return 0
        result = service.purge(service.find(args.nhs_number), args.reason)
    print(result.message())
    if not result.checkpointed:
        print("The database log could not be emptied now (another crdesk window is open): "
              "close every crdesk window so the removed pages leave the disk.")
    return 0
