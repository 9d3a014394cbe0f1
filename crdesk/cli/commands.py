"""What each core CLI command does (the parser is in parser.py)."""

from __future__ import annotations

import argparse
import sys

from crdesk.cli.auth import Secrets, open_session, secrets_for, unlock_as_user
from crdesk.core.roles import Role
from crdesk.errors import ValidationError
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome


def _print_recovery_key(key: str, heading: str) -> None:
    print(heading)
    print()
    print(f"    {key}")
    print()
    print("Print this recovery key or write it down, and keep it in the clinic safe.")
    print("It opens the clinic's data if every password is forgotten or the key-slot file is")
    print("lost. It is shown only now.")


def gui(args: argparse.Namespace, basedir: BaseDir) -> int:
    from crdesk.app import run_gui

    return run_gui(basedir)


def init(args: argparse.Namespace, basedir: BaseDir) -> int:
    secrets = secrets_for(args)
    with ClinicHome.open(basedir) as home:
        password = secrets.read(f"New password for {args.admin}", confirm=True)
        new = access.create(home, clinic_name=args.clinic_name, ods_code=args.clinic_code,
                          admin=args.admin, password=password)
    print(f"Clinic set up in {basedir.root}.")
    _print_recovery_key(new.recovery_key, "Recovery key:")
    return 0


def demo(args: argparse.Namespace, basedir: BaseDir) -> int:
    from crdesk.demo.clinic import DEFAULT_PASSWORD, make_demo

    if args.patients < 0:
        raise ValidationError("--patients must be 0 or more.", "")
    password = secrets_for(args).read("Demo password") if args.password_stdin else DEFAULT_PASSWORD
    with ClinicHome.open(basedir) as home:
        made = make_demo(home, patients=args.patients, password=password)
    print(f"Demo clinic (synthetic DEMO DATA, not real patients) set up in {basedir.root}.")
    print(f"{made.patients} demo patients. Users: admin (admin) and staff (staff).")
    if not args.password_stdin:
        print(f"Password for both: {password}")
    _print_recovery_key(made.recovery_key, "Demo recovery key:")
    return 0


def user_add(args: argparse.Namespace, basedir: BaseDir) -> int:
    with open_session(basedir, args) as session:
        password = secrets_for(args).read(f"New password for {args.name}", confirm=True)
        session.add_user(args.name, Role(args.role), password, args.display_name)
    print(f"Added {args.role} user '{args.name.strip().lower()}'.")
    return 0


def user_remove(args: argparse.Namespace, basedir: BaseDir) -> int:
    with open_session(basedir, args) as session:
        session.remove_user(args.name)
    print(f"Removed user '{args.name.strip().lower()}'.")
    return 0


def user_passwd(args: argparse.Namespace, basedir: BaseDir) -> int:
    secrets = secrets_for(args)
    name = args.name.strip().lower()
    with ClinicHome.open(basedir) as home:
        if name == args.user.strip().lower():
            old = secrets.read(f"Current password for {name}")
            session = access.unlock(home, name, old)
            try:
                session.change_own_password(old, secrets.read("New password", confirm=True))
            finally:
                session.close()
        else:
            session = unlock_as_user(home, args, secrets)
            try:
                session.reset_password(name, secrets.read(f"New password for {name}",
                                                           confirm=True))
            finally:
                session.close()
    print(f"Password changed for '{name}'.")
    return 0


def user_list(args: argparse.Namespace, basedir: BaseDir) -> int:
    with open_session(basedir, args) as session:
        users = session.list_users()
    for u in users:
        print(f"{u.username:<24} {u.role.value:<6} {u.display_name}")
    return 0


def check(args: argparse.Namespace, basedir: BaseDir) -> int:
    with open_session(basedir, args) as session:
        report = session.check()
    for line in report.lines():
        print(line)
    print("All checks passed." if report.ok else "PROBLEMS FOUND: restore the latest good backup.")
    return 0 if report.ok else 1


def backup(args: argparse.Namespace, basedir: BaseDir) -> int:
    from crdesk.services.files import write_backup

    with ClinicHome.open(basedir) as home:
        if not home.initialised:
            raise ValidationError("There is no clinic database in this folder.", "")
        out = write_backup(basedir, args.out)
    print(f"Encrypted backup written to {out}.")
    return 0


def restore(args: argparse.Namespace, basedir: BaseDir) -> int:
    with ClinicHome.open(basedir):
        from crdesk.services.files import restore_backup

        kept = restore_backup(basedir, args.source, replace=args.replace)
    print(f"Restored the clinic from {args.source}.")
    if kept:
        print(f"The previous clinic files were kept in {kept}.")
    return 0


def recover(args: argparse.Namespace, basedir: BaseDir) -> int:
    if args.password_stdin:
        secrets = secrets_for(args)
        key_text = secrets.read("Recovery key")
    else:
        print("Type the recovery key (groups of four, dashes optional):", file=sys.stderr)
        key_text = sys.stdin.readline().strip()
        secrets = Secrets(False)
    with ClinicHome.open(basedir) as home:
        new_password = secrets.read(f"New password for {args.admin}", confirm=True)
        session = access.recover(home, key_text, args.admin, new_password)
        session.close()
    print(f"Recovered: '{args.admin.strip().lower()}' can sign in with the new password.")
    print("Other users whose key slots were lost need a password reset from an admin.")
    return 0


def rekey(args: argparse.Namespace, basedir: BaseDir) -> int:
    with open_session(basedir, args) as session:
        key = session.rekey()
    _print_recovery_key(key, "The database key was rotated. New recovery key:")
    print("The old recovery key no longer opens this clinic's database.")
    return 0
