"""The command line: ``crdesk [--basedir DIR] COMMAND``. The same services the GUI uses.

Passwords never come from argv: they are asked for at an interactive prompt, or read one
per line from standard input with ``--password-stdin`` (for scripts and tests).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from crdesk import __version__
from crdesk.errors import KnownError, ValidationError
from crdesk.paths import BaseDir, default_basedir


class Secrets:
    """Where passwords come from: stdin lines, or an interactive prompt."""

    def __init__(self, from_stdin: bool, stream: TextIO | None = None) -> None:
        self.from_stdin = from_stdin
        self._stream = stream or sys.stdin

    def read(self, prompt: str, *, confirm: bool = False) -> str:
        if self.from_stdin:
            line = self._stream.readline()
            if not line:
                raise ValidationError(f"Expected a line on standard input for: {prompt}",
                                      "Give one password per line.")
            return line.rstrip("\r\n")
        if not sys.stdin.isatty():
            raise ValidationError("No terminal to ask for a password.",
                                  "Use --password-stdin to give passwords on standard input.")
        first = getpass.getpass(f"{prompt}: ")
        if confirm and getpass.getpass(f"{prompt} (again): ") != first:
            raise ValidationError("The two passwords were not the same.", "Try again.")
        return first


def _add_password_stdin(p: argparse.ArgumentParser) -> None:
    p.add_argument("--password-stdin", action="store_true",
                   help="read passwords from standard input, one per line")


def add_user_auth(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", required=True, help="your user name")
    _add_password_stdin(p)


def build_parser() -> argparse.ArgumentParser:
    from crdesk import cli_commands as cmd

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
    _add_password_stdin(p)
    p.set_defaults(func=cmd.init)

    p = sub.add_parser("demo", help="make a demo clinic with synthetic patients")
    p.add_argument("--patients", type=int, default=200)
    _add_password_stdin(p)
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
    p.add_argument("out", type=Path)
    p.set_defaults(func=cmd.backup)

    p = sub.add_parser("restore", help="restore an encrypted backup")
    p.add_argument("source", type=Path)
    p.add_argument("--replace", action="store_true",
                   help="replace the current clinic (it is kept in backups/ first)")
    p.set_defaults(func=cmd.restore)

    p = sub.add_parser("recover", help="open with the recovery key (on stdin) and reset an admin")
    p.add_argument("--admin", required=True, help="admin user to give a new password")
    _add_password_stdin(p)
    p.set_defaults(func=cmd.recover)

    p = sub.add_parser("rekey", help="rotate the database key; prints the new recovery key")
    add_user_auth(p)
    p.set_defaults(func=cmd.rekey)

    _register_optional(sub)
    return parser


def _register_optional(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Commands contributed by feature packages (forms, export, ...)."""
    from crdesk.cli_export import register as register_export
    from crdesk.cli_forms import register as register_forms

    register_forms(sub)
    register_export(sub)


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)  # every file crdesk creates is owner-only
    parser = build_parser()
    args = parser.parse_args(argv)
    basedir = BaseDir(args.basedir if args.basedir is not None else default_basedir())
    if args.self_test:
        from crdesk.app import gui_smoke_test
        from crdesk.selftest import run_self_test

        return run_self_test(gui_check=gui_smoke_test)
    func: Callable[[argparse.Namespace, BaseDir], int] | None = getattr(args, "func", None)
    if func is None:
        from crdesk import cli_commands

        func = cli_commands.gui
    try:
        return func(args, basedir)
    except KnownError as exc:
        print(f"crdesk: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"What to do: {exc.hint}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("crdesk: cancelled.", file=sys.stderr)
        return 130
