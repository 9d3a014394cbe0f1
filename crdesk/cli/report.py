"""`crdesk report service`: the service report as JSON, CSV or PDF (staff or admin).

    crdesk report service --period 2026-04-01..2027-03-31 --format json --out FILE \
        --user U --password-stdin [--share] [--as-of YYYY-MM-DD] [--chart ID ...]

``register(subparsers)`` adds the command; unlocking uses the CLI's own helpers
(``--user``/``--password-stdin``). The file is written
only at ``--out`` and never over an existing file. JSON carries the suppressed figures
and, unless ``--share`` marks it for sharing, the exact ones in a separate section; CSV
and PDF are always suppressed.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from crdesk.cli.auth import add_user_auth, open_session
from crdesk.errors import ValidationError
from crdesk.paths import BaseDir


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from crdesk.core.dashboard.figures import CHARTS, DEFAULT_CHARTS

    report = subparsers.add_parser("report", help="reports for the service (staff or admin)")
    rsub = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    p = rsub.add_parser("service", help="the service report: KPIs, SPC, equity, completeness")
    p.add_argument("--period", required=True,
                   help="FROM..TO (both days included, e.g. 2026-04-01..2027-03-31), "
                        "or fy2026, fy2026q1")
    p.add_argument("--format", required=True, choices=("json", "csv", "pdf"))
    p.add_argument("--out", required=True, type=Path, help="file to write (never overwritten)")
    p.add_argument("--share", action="store_true",
                   help="JSON only: mark it for sharing (suppressed figures only)")
    p.add_argument("--as-of", type=dt.date.fromisoformat, default=None,
                   help="count as if today were this date (default: today)")
    p.add_argument("--chart", action="append", choices=sorted(CHARTS), default=None,
                   help=f"SPC charts to include (default: {', '.join(DEFAULT_CHARTS)})")
    add_user_auth(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, basedir: BaseDir) -> int:
    from crdesk.core.dashboard.figures import DEFAULT_CHARTS
    from crdesk.core.dashboard.periods import PeriodError, parse_period
    from crdesk.services.service_report import ServiceReportService

    try:
        period = parse_period(args.period)
    except PeriodError as exc:
        raise ValidationError(str(exc), "Give the period as FROM..TO, e.g. "
                                        "2026-04-01..2027-03-31.") from None
    if args.share and args.format != "json":
        raise ValidationError("--share is for JSON: CSV and PDF are always suppressed.", "")
    if Path(args.out).exists():
        raise ValidationError(f"{Path(args.out).name} already exists.",
                              "Choose another file name; crdesk never overwrites a file.")
    with open_session(basedir, args) as session:
        service = ServiceReportService(session)
        report = service.build(period, as_of=args.as_of, charts=args.chart or DEFAULT_CHARTS)
        out = service.write(report, args.format, args.out, marked_for_sharing=args.share)
    fig = report.figures
    print(f"Service report for {period.label} ({period.as_text()}), "
          f"{'no patients in this period' if fig.empty else 'figures computed'}; "
          f"standards {fig.edition}, disclosure rule {report.shared.rule_edition}.")
    if args.format == "json" and not args.share:
        print("The JSON holds exact figures (section 'exact') as well as the suppressed ones: "
              "keep it inside the clinic, or write it again with --share.")
    print(f"Written to {out}.")
    return 0
