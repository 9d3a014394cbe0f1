"""The argument parser: every command, its options and the function that runs it."""

from __future__ import annotations

import argparse
from pathlib import Path

from crdesk import __version__
from crdesk.cli import commands as cmd
from crdesk.cli import export, forms, records, report
from crdesk.cli.auth import add_password_stdin, add_user_auth


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crdesk", description="crdesk: NACR questionnaires and exports for CR clinics.")
    parser.add_argument("--version", action="version", version=f"crdesk {__version__}")
    parser.add_argument("--basedir", type=Path, default=None,
                        help="keep every file the app reads or writes in DIR")
    parser.add_argument("--self-test", action="store_true",
                        help="prove this installation works: clinic, forms, screens, export")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", help="open the app (the default)")
    p.set_defaults(func=cmd.gui)

    p = sub.add_parser("init", help="set up a new clinic; prints the recovery key")
    p.add_argument("--clinic-name", required=True)
    p.add_argument("--clinic-code", required=True, help="the service's ODS code")
    p.add_argument("--admin", required=True, help="user name of the first admin")
    add_password_stdin(p)
    p.set_defaults(func=cmd.init)

    p = sub.add_parser("demo", help="make a demo clinic with synthetic patients")
    p.add_argument("--patients", type=int, default=200)
    add_password_stdin(p)
    p.set_defaults(func=cmd.demo)

    user = sub.add_parser("user", help="manage user accounts (admin)")
    usub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    p = usub.add_parser("add", help="add a user")
    p.add_argument("name")
    p.add_argument("--role", choices=("admin", "staff"), default="staff")
    p.add_argument("--display-name", default="")
    add_user_auth(p)
    p.set_defaults(func=cmd.user_add)
    p = usub.add_parser("remove", help="remove a user")
    p.add_argument("name")
    add_user_auth(p)
    p.set_defaults(func=cmd.user_remove)
    p = usub.add_parser("passwd", help="change your password, or reset another user's")
    p.add_argument("name")
    add_user_auth(p)
    p.set_defaults(func=cmd.user_passwd)
    p = usub.add_parser("list", help="list users and roles")
    add_user_auth(p)
    p.set_defaults(func=cmd.user_list)

    p = sub.add_parser("check", help="check encryption, structure and the audit chain")
    add_user_auth(p)
    p.set_defaults(func=cmd.check)

    p = sub.add_parser("backup", help="write an encrypted backup (with the key slots)")
    p.add_argument("out", type=Path, nargs="?",
                   help="the backup file to write (or give --to DIR)")
    p.add_argument("--to", type=Path, dest="to_dir", default=None,
                   help="an off-laptop folder: write a dated backup there, check it and "
                        "rotate the folder (admin only)")
    add_user_auth(p)
    p.set_defaults(func=cmd.backup)

    p = sub.add_parser("backup-verify", help="open a backup away from the clinic and check it "
                                             "(exit 0 when it checks clean; admin only)")
    p.add_argument("file", type=Path)
    add_user_auth(p)
    p.set_defaults(func=cmd.backup_verify)

    p = sub.add_parser("restore", help="restore an encrypted backup (an admin, or the "
                                       "backup's recovery key where no clinic opens)")
    p.add_argument("source", type=Path)
    p.add_argument("--replace", action="store_true",
                   help="replace the current clinic (it is kept in backups/ first)")
    p.add_argument("--user", default="", help="an admin of the clinic here")
    p.add_argument("--recovery-key", action="store_true",
                   help="give the backup's recovery key (after the password, if any)")
    add_password_stdin(p)
    p.set_defaults(func=cmd.restore)

    p = sub.add_parser("recover", help="open with the recovery key (on stdin) and reset an admin")
    p.add_argument("--admin", required=True, help="admin user to give a new password")
    add_password_stdin(p)
    p.set_defaults(func=cmd.recover)

    p = sub.add_parser("rekey", help="rotate the database key; prints the new recovery key")
    add_user_auth(p)
    p.set_defaults(func=cmd.rekey)

    # Commands of feature areas, each with its own module.
    forms.register(sub)
    export.register(sub)
    report.register(sub)
    records.register(sub)
    return parser
