"""crdesk's own command line with `report` added, until the CLI package wires it in:
``python -m tests.cli.report_main ...`` behaves as ``python -m crdesk ...`` would."""

from __future__ import annotations

import argparse
import sys

from crdesk import cli, report_cli

_original = cli._register_optional


def _with_report(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    _original(sub)
    report_cli.add_parser(sub)


cli._register_optional = _with_report  # type: ignore[assignment]

if __name__ == "__main__":
    sys.exit(cli.main(sys.argv[1:]))
