"""The command line: ``crdesk [--basedir DIR] COMMAND``. The same services the GUI uses.

Passwords never come from argv: they are asked for at an interactive prompt, or read one
per line from standard input with ``--password-stdin`` (for scripts and tests).

The package imports one way only (no module imports one that imports it back)::

    __init__ (main) -> parser -> commands, export, forms -> auth

``main`` is also the start of the GUI (the login window's cold start), so nothing here
imports the parser, the services or the GUI before it is needed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from crdesk.errors import KnownError
from crdesk.paths import BaseDir, default_basedir


def main(argv: Sequence[str] | None = None) -> int:
    from crdesk.cli.parser import build_parser

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
        from crdesk.cli.commands import gui

        func = gui
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
