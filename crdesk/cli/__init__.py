"""The command line: ``crdesk [--basedir DIR] COMMAND``. The same services the GUI uses.

Passwords never come from argv: they are asked for at an interactive prompt, or read one
per line from standard input with ``--password-stdin`` (for scripts and tests).

The package imports one way only (no module imports one that imports it back)::

    __init__ (main) -> parser -> commands, export, forms -> auth

``main`` is also the start of the GUI (the login window's cold start): a plain
``crdesk [--basedir DIR] [gui]`` goes straight to crdesk/app.py without argparse, the
parser or the commands (issue 15); everything else is parsed as usual.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from crdesk.errors import KnownError
from crdesk.paths import BaseDir, default_basedir

if TYPE_CHECKING:
    import argparse


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)  # every file crdesk creates is owner-only
    words = list(sys.argv[1:] if argv is None else argv)
    gui_basedir = plain_gui_request(words)
    if gui_basedir is not None:
        from crdesk.app import run_gui

        return _run("gui", lambda: run_gui(gui_basedir), gui_basedir, logged=False)

    from crdesk.cli.parser import build_parser

    parser = build_parser()
    args = parser.parse_args(words)
    basedir = BaseDir(args.basedir if args.basedir is not None else default_basedir())
    if args.self_test:
        from crdesk.app import gui_smoke_test
        from crdesk.selftest import run_self_test

        return run_self_test(gui_check=gui_smoke_test)
    func: Callable[[argparse.Namespace, BaseDir], int] | None = getattr(args, "func", None)
    if func is None:
        from crdesk.cli.commands import gui

        func = gui
    command = _command_name(func)
    logged = command != "gui" and _start_log(basedir, command)  # the GUI sets up its own
    return _run(command, lambda: func(args, basedir), basedir, logged=logged)


def plain_gui_request(words: list[str]) -> BaseDir | None:
    """The clinic folder when ``words`` only open the GUI: ``[--basedir DIR] [gui]``.

    None for anything else (another command, --help, --version, --self-test, an abbreviated
    option, a DIR that looks like an option), which argparse then parses and reports on
    exactly as before.
    """
    rest, folder = words, None
    if rest[:1] == ["--basedir"] and len(rest) >= 2 and not rest[1].startswith("-"):
        folder, rest = rest[1], rest[2:]
    elif rest[:1] and rest[0].startswith("--basedir="):
        folder, rest = rest[0].removeprefix("--basedir="), rest[1:]
    if rest not in ([], ["gui"]) or folder == "":
        return None
    return BaseDir(Path(folder) if folder is not None else default_basedir())


def _run(command: str, call: Callable[[], int], basedir: BaseDir, *, logged: bool) -> int:
    log = logging.getLogger("crdesk.cli")
    try:
        code = call()
        if logged:
            log.info("command %s finished (exit %d)", command, code)
        return code
    except KnownError as exc:
        if logged:  # the kind of refusal only: a message may quote what the user typed
            log.info("command %s refused: %s (exit %d)", command, type(exc).__name__,
                     exc.exit_code)
        print(f"crdesk: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"What to do: {exc.hint}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("crdesk: cancelled.", file=sys.stderr)
        return 130
    except Exception:
        # A bug: the details go to the (redacted, owner-only) log for the developers, the
        # user gets a plain sentence, never a traceback that may quote a record.
        if not logged:
            logged = _start_log(basedir, command)
        log.exception("command %s failed unexpectedly", command)
        where = f" The details are in {basedir.logs / 'crdesk.log'}." if logged else ""
        print(f"crdesk: something went wrong that crdesk did not expect.{where} "
              "Please tell your IT support.", file=sys.stderr)
        return 70


def _command_name(func: Callable[..., int]) -> str:
    """The command's name for the log, from the function that runs it (never from argv,
    whose later words may be what the user typed)."""
    module, name = func.__module__.rsplit(".", 1)[-1], func.__name__
    if name == "run":
        return module  # report.run -> "report"
    name = name.removeprefix("run_").replace("_", " ")
    return name if module in ("commands", "export") else f"{module} {name}"


def _start_log(basedir: BaseDir, command: str) -> bool:
    """Log this command like the GUI logs (crdesk.log in the clinic's logs folder), when
    the clinic folder exists or the command makes one; never create a folder for a typo."""
    if command not in ("init", "demo") and not basedir.root.is_dir():
        return False
    from crdesk import __version__
    from crdesk.log import setup_logging

    try:
        setup_logging(basedir.logs)
    except OSError:
        return False  # a read-only folder: the command still runs, unlogged
    logging.getLogger("crdesk.cli").info("crdesk %s: command %s", __version__, command)
    return True
