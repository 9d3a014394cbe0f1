"""CLI commands for exports: export, clinic-cert, verify (the receiver's side)."""

from __future__ import annotations

import argparse
from pathlib import Path

from crdesk.atomic import write_atomic
from crdesk.cli.auth import add_user_auth, open_session
from crdesk.errors import KnownError
from crdesk.paths import BaseDir


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export a signed, encrypted batch (admin)")
    p.add_argument("--profile", required=True, help="export profile, e.g. nacr or deidentified")
    p.add_argument("--out", required=True, type=Path, help="package file to write (.p7m)")
    p.add_argument("--recipient", action="append", type=Path, default=[],
                   help="receiver's RSA certificate (PEM); repeat for several")
    p.add_argument("--reissue", type=int, metavar="BATCH",
                   help="issue an earlier batch again with identical data")
    add_user_auth(p)
    p.set_defaults(func=export)

    p = sub.add_parser("clinic-cert", help="write the clinic's signing certificate (PEM)")
    p.add_argument("out", type=Path)
    add_user_auth(p)
    p.set_defaults(func=clinic_cert)

    p = sub.add_parser("verify", help="decrypt, verify and unpack an export package")
    p.add_argument("package", type=Path)
    p.add_argument("--key", required=True, type=Path, help="receiver's private key (PEM)")
    p.add_argument("--clinic-cert", required=True, type=Path, help="the clinic's certificate")
    p.add_argument("--out", required=True, type=Path, help="folder to unpack into")
    p.set_defaults(func=verify)


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        raise KnownError(f"The {what} file {path} could not be read.",
                         "Check the path and try again.") from None


def export(args: argparse.Namespace, basedir: BaseDir) -> int:
    from crdesk.services.export import ExportService

    with open_session(basedir, args) as session:
        service = ExportService(session)
        if args.reissue is not None:
            result = service.reissue(args.reissue, args.out, args.recipient)
            print(result.message)
            print(f"Written to {result.path}.")
            return 0
        preview = service.preview(args.profile)
        for r in preview.incomplete:
            print(f"Not ready - patient #{r.patient_id}, episode #{r.episode_id}: "
                  + "; ".join(r.errors))
        for r in preview.ready:
            for w in r.warnings:
                print(f"Warning - patient #{r.patient_id}, episode #{r.episode_id}: {w}")
        result = service.export(args.profile, args.out, args.recipient)
    print(result.message)
    if result.path:
        print(f"Written to {result.path}.")
    return 0


def clinic_cert(args: argparse.Namespace, basedir: BaseDir) -> int:
    from crdesk.services.identity import clinic_certificate_pem

    with open_session(basedir, args) as session:
        pem = clinic_certificate_pem(session)
    write_atomic(args.out, pem, overwrite=False)
    print(f"The clinic's certificate was written to {args.out}.")
    return 0


def verify(args: argparse.Namespace, basedir: BaseDir) -> int:
    from crdesk.export.verify import unpack, verify_package

    verified = verify_package(_read(args.package, "package"), _read(args.key, "key"),
                              _read(args.clinic_cert, "clinic certificate"))
    written = unpack(verified, args.out)
    from crdesk.export.verify import note_received

    for warning in note_received(basedir.root / "received-batches.json", verified):
        print(warning)
    m = verified.manifest
    print(f"Verified: signed by clinic {m.clinic_code}, batch {m.sequence} ({m.batch_id}), "
          f"profile {m.profile} v{m.profile_version}; every file matches the manifest.")
    for p in written:
        print(f"  {p}")
    return 0
