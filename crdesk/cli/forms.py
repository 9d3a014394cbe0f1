"""``crdesk forms check``, ``crdesk forms install-text`` and ``crdesk forms print``: argparse
glue for the CLI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from crdesk.paths import BaseDir


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``forms`` command and its sub-commands to the CLI's subparsers."""
    forms = subparsers.add_parser(
        "forms", help="check questionnaire forms, install licensed text packs"
    )
    sub = forms.add_subparsers(dest="forms_command", metavar="COMMAND", required=True)
    check = sub.add_parser("check", help="check form files and text packs; every problem is listed")
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="form files or folders (default: the forms shipped with crdesk)",
    )
    check.set_defaults(func=run_check)
    install = sub.add_parser(
        "install-text", help="install a licensed text pack (e.g. HADS wording)"
    )
    install.add_argument(
        "pack", type=Path, metavar="PACK", help="the pack .yaml file from the licence holder"
    )
    install.add_argument("--user", default="", help="an admin's user name")
    # As cli.auth.add_password_stdin, which this module does not import at start: checking
    # forms must not load the database and crypto libraries (tests/core/forms/test_boundaries).
    install.add_argument("--password-stdin", action="store_true",
                         help="read passwords from standard input, one per line")
    install.set_defaults(func=run_install_text)
    printing = sub.add_parser(
        "print", help="print a blank paper questionnaire (PDF) to hand out or post"
    )
    printing.add_argument("form", metavar="FORM", help="the form id, e.g. nacr_patient or phq9")
    printing.add_argument("--assessment", required=True, type=int, choices=(1, 2, 3),
                          help="the assessment it is for (1, 2 or 3)")
    printing.add_argument("--large", action="store_true", help="large print (18 pt)")
    printing.add_argument("--lang", default="en-GB", metavar="L",
                          help="language of the wording (default en-GB); every text pack the "
                               "form needs must be installed in it")
    printing.add_argument("--clinic", default="", help="clinic name for the page header")
    printing.add_argument("--out", required=True, type=Path, metavar="FILE.pdf",
                          help="file to write (never overwritten)")
    printing.set_defaults(func=run_print)


def run_check(args: argparse.Namespace, basedir: BaseDir, out: TextIO | None = None) -> int:
    from crdesk.core.forms.loader import check_paths, default_forms_dir

    out = out or sys.stdout
    paths = list(args.paths) or [default_forms_dir()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            out.write(f"{path}: no such file or folder (fix: check the path)\n")
        return 1
    report = check_paths(paths)
    for problem in report.problems:
        out.write(f"{problem}\n")
    if report.problems:
        out.write(f"{len(report.problems)} problem(s) found.\n")
        return 1
    total = sum(len(form.items) for form in report.forms)
    out.write(
        f"OK: {len(report.forms)} forms ({total} items) and {report.packs} text packs checked, "
        "no problems.\n"
    )
    return 0


def run_install_text(args: argparse.Namespace, basedir: BaseDir, out: TextIO | None = None) -> int:
    """Check the pack (no sign-in needed to be told what is wrong with it), then install it
    as a signed-in admin, under the clinic lock, audited (issue 12)."""
    from crdesk.core.forms.loader import default_forms_dir, text_dir
    from crdesk.core.forms.problems import FormLoadError
    from crdesk.core.forms.textpacks import TextCatalog, check_text_pack

    out = out or sys.stdout
    pack = Path(args.pack)
    if not pack.is_file():
        out.write(f"{pack}: no such file (fix: give the path of the pack .yaml file)\n")
        return 1
    try:
        from crdesk.services.text_packs import needed_keys

        reference = TextCatalog.from_dirs([text_dir(default_forms_dir())])
        check_text_pack(pack, needed_keys(), reference)
    except FormLoadError as exc:
        for problem in exc.problems:
            out.write(f"{problem}\n")
        out.write("The pack was not installed.\n")
        return 1
    if not getattr(args, "user", ""):
        out.write("Installing a text pack changes what patients read, so it needs an admin: "
                  "give --user NAME.\nThe pack was not installed.\n")
        return 1
    from crdesk.cli.auth import open_session
    from crdesk.services import text_packs

    with open_session(basedir, args) as session:
        try:
            done = text_packs.install(session, pack)
        except FormLoadError as exc:
            for problem in exc.problems:
                out.write(f"{problem}\n")
            out.write("The pack was not installed.\n")
            return 1
    out.write(f"Installed {pack.name} to {done.path}.\n")
    if done.changed_items:
        out.write(f"Wording changes for {len(done.changed_items)} item(s): "
                  + ", ".join(done.changed_items[:40])
                  + (" ..." if len(done.changed_items) > 40 else "") + "\n")
    else:
        out.write("No item's wording changes.\n")
    return 0


def run_print(args: argparse.Namespace, basedir: BaseDir, out: TextIO | None = None) -> int:
    """A blank copy: no patient, so the reference box is left for staff to write in. No
    unlocking is needed (the clinic's installed text packs are read from its folder)."""
    from crdesk.atomic import write_atomic
    from crdesk.errors import KnownError, ValidationError
    from crdesk.services.paper_forms import blank_questionnaire_pdf

    out = out or sys.stdout
    target = Path(args.out)
    if target.suffix.lower() != ".pdf":
        raise ValidationError(f"{target.name} does not end in .pdf.",
                              "Give a file name such as questionnaire.pdf.")
    if target.exists():
        raise ValidationError(f"{target.name} already exists.",
                              "Choose another file name; crdesk never overwrites a file.")
    pdf = blank_questionnaire_pdf(basedir, args.form, args.assessment, large=args.large,
                                  locale=args.lang, clinic=args.clinic)
    try:
        write_atomic(target, pdf, overwrite=False)
    except KnownError:
        raise
    except OSError:
        raise KnownError(f"{target} could not be written.",
                         "Choose a folder you can write to.") from None
    out.write(f"Written {args.form} for assessment {args.assessment}"
              f"{' in large print' if args.large else ''} ({args.lang}) to {target}.\n")
    return 0
