"""What each core CLI command does (the parser is in parser.py)."""

from __future__ import annotations

import argparse
import sys

from crdesk.cli.auth import Secrets, open_session, secrets_for, unlock_as_user
from crdesk.core.roles import Role
from crdesk.errors import AlreadyExistsError, DamagedDatabaseError, ValidationError
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
    try:
        # Every page before the sign-in writes: a check is run when damage is suspected.
        with open_session(basedir, args, full_check=True) as session:
            report = session.check()
    except DamagedDatabaseError as exc:
        # Too damaged to sign in to (page 1, say): the scan's findings are the report.
        print(f"{exc.message}")
        print(f"Damage found: {len(exc.problems)} problem(s)")
        for problem in exc.problems[:50]:
            print(f"  {problem}")
        print(f"PROBLEMS FOUND: {exc.hint}")
        return 1
    for line in report.lines():
        print(line)
    if session.read_only:
        print("The database was opened read-only because it is damaged; nothing was written.")
    print("All checks passed." if report.ok else "PROBLEMS FOUND: restore the latest good backup.")
    return 0 if report.ok else 1


def backup(args: argparse.Namespace, basedir: BaseDir) -> int:
    if (args.out is None) == (args.to_dir is None):
        raise ValidationError("Give either a backup file name or --to DIR.",
                              "For example: crdesk backup clinic.crbackup, or "
                              "crdesk backup --to E:\\crdesk-backups")
    if args.to_dir is not None:
        return _backup_to(args, basedir)
    # A signed-in user's act, audited, with the audit anchor in its manifest (issue 12).
    with open_session(basedir, args) as session:
        out = session.backup(args.out)
    print(f"Encrypted backup written to {out}.")
    return 0


def _backup_to(args: argparse.Namespace, basedir: BaseDir) -> int:
    """The off-laptop backup's path (services/offsite.py): dated name, check, rotation."""
    from crdesk.services import offsite

    folder = args.to_dir.absolute()
    with open_session(basedir, args) as session:
        session.require_admin("back up to an off-laptop folder")
        offsite.check_destination(session, folder)
        (result,) = offsite.run(session, "cli", destinations=[str(folder)])
    print(result.message)
    if result.ok:
        print(f"Written: {result.path}.")
        if result.removed:
            print(f"Rotation removed {len(result.removed)} older backup(s).")
    return 0 if result.ok else 1


def backup_verify(args: argparse.Namespace, basedir: BaseDir) -> int:
    """Exit 0 when the backup opens (with the clinic's key or this admin's password in the
    backup's own key slots) and checks clean; 1 with the reason otherwise."""
    from crdesk.services.drill import backup_keys, check_backup

    secrets = secrets_for(args)
    if not basedir.db.exists():
        from crdesk.errors import NotInitialisedError

        raise NotInitialisedError(f"There is no clinic in {basedir.root}.",
                                  "Check the folder name (--basedir).")
    with ClinicHome.open(basedir) as home:
        password = secrets.read(f"Password for {args.user}")
        session = access.unlock(home, args.user, password)
        try:
            session.require_admin("check a backup file")
            extra = backup_keys(session, args.file, password=password)
            result = check_backup(session, args.file, extra_keys=extra)
            session.record("backup.verify", "clinic", session.clinic().database_id,
                           {"ok": result.ok, "backup_created": result.created})
        finally:
            session.close()
    if result.ok:
        print(f"{args.file.name}: opens with the {result.opened_with} and checks clean "
              f"(made {result.created}; {result.counts.get('patients', 0)} patients, "
              f"{result.counts.get('audit_log', 0)} audit entries).")
        return 0
    for problem in result.problems:
        print(f"{args.file.name}: {problem}.")
    return 1


def _read_recovery_key(args: argparse.Namespace, secrets: Secrets, what: str) -> str:
    if args.password_stdin:
        return secrets.read(what)
    print(f"Type {what.lower()} (groups of four, dashes optional):", file=sys.stderr)
    return sys.stdin.readline().strip()


def restore(args: argparse.Namespace, basedir: BaseDir) -> int:
    from crdesk.services import restore as restoring
    from crdesk.services.files import read_manifest

    secrets = secrets_for(args)
    read_manifest(args.source)  # a damaged backup is refused before any password is asked
    with ClinicHome.open(basedir) as home:
        if (home.basedir.db.exists() or home.basedir.keyslots.exists()) and not args.replace:
            raise AlreadyExistsError(
                "This folder already holds a clinic database.",
                "Use --replace to swap it for the backup (the current one is kept in backups/).")
        if args.user:
            password = secrets.read(f"Password for {args.user}")
            key_text = (_read_recovery_key(args, secrets, "The backup's recovery key")
                        if args.recovery_key else None)
            done = restoring.restore_as_admin(home, args.source, args.user, password,
                                              backup_recovery_key=key_text)
        elif args.recovery_key:
            key_text = _read_recovery_key(args, secrets, "The backup's recovery key")
            done = restoring.restore_with_recovery_key(home, args.source, key_text)
        else:
            raise ValidationError(
                "A restore needs an admin of this clinic, or the backup's recovery key.",
                "Give --user NAME (an admin), or --recovery-key when the clinic here cannot "
                "be opened.")
    print(f"Restored the clinic from {args.source} (backup made {done.backup_created}).")
    if done.kept:
        print(f"The previous clinic files were kept in {done.kept}.")
    for note in done.notes:
        print(note)
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
        damaged = list(session.damage)
        session.close()
    if damaged:
        # Opened read-only, as a sign-in would: nothing was written, the password included.
        print("The clinic database is damaged, so crdesk opened it read-only and did not save "
              "the new password (nothing was written).")
        print(f"Damage found: {len(damaged)} problem(s)")
        for problem in damaged[:50]:
            print(f"  {problem}")
        print(f"PROBLEMS FOUND: {access.DAMAGED_HINT}")
        return 1
    print(f"Recovered: '{args.admin.strip().lower()}' can sign in with the new password.")
    print("Other users whose key slots were lost need a password reset from an admin.")
    return 0


def rekey(args: argparse.Namespace, basedir: BaseDir) -> int:
    with open_session(basedir, args) as session:
        key = session.rekey()
    _print_recovery_key(key, "The database key was rotated. New recovery key:")
    print("The old recovery key no longer opens this clinic's database.")
    return 0
