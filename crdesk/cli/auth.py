"""Who is running a CLI command: password prompts, ``--user`` options, one unlocked session.

Passwords never come from argv: they are asked for at an interactive prompt, or read one
per line from standard input with ``--password-stdin`` (for scripts and tests).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from crdesk.errors import ValidationError
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome

if TYPE_CHECKING:
    from crdesk.services.session import Session


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


def add_password_stdin(p: argparse.ArgumentParser) -> None:
    p.add_argument("--password-stdin", action="store_true",
                   help="read passwords from standard input, one per line")


def add_user_auth(p: argparse.ArgumentParser) -> None:
    p.add_argument("--user", required=True, help="your user name")
    add_password_stdin(p)


def secrets_for(args: argparse.Namespace) -> Secrets:
    return Secrets(bool(getattr(args, "password_stdin", False)))


def unlock_as_user(home: ClinicHome, args: argparse.Namespace, secrets: Secrets, *,
                   full_check: bool = False) -> Session:
    return access.unlock(home, args.user, secrets.read(f"Password for {args.user}"),
                         full_check=full_check)


@contextlib.contextmanager
def open_session(basedir: BaseDir, args: argparse.Namespace, *,
                 full_check: bool = False) -> Iterator[Session]:
    """Hold the clinic and unlock it as ``--user`` for the length of one command;
    ``full_check``: every page checked at sign-in, before anything is written."""
    if not basedir.db.exists():  # before opening: a mistyped folder must not be created
        from crdesk.errors import NotInitialisedError

        raise NotInitialisedError(
            f"There is no clinic in {basedir.root}.",
            "Check the folder name (--basedir), or set up the clinic first (crdesk init).")
    with ClinicHome.open(basedir) as home:
        session = unlock_as_user(home, args, secrets_for(args), full_check=full_check)
        try:
            yield session
        finally:
            session.close()
