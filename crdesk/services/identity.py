"""The clinic's signing identity, pseudonym key and export recipients, kept inside the
encrypted database."""

from __future__ import annotations

import json

from crdesk.crypto import cms, pseudonym
from crdesk.errors import ValidationError
from crdesk.services.session import Session
from crdesk.storage import clinic_repo
from crdesk.storage.connection import Database

KEY = "signing_key_pem"
CERT = "signing_cert_pem"
PSEUDONYM_KEY = "pseudonym_key"
RECIPIENTS = "export_recipients"


def signing_identity(session: Session) -> cms.Identity:
    """The clinic's key and certificate; made on first use for clinics set up before it."""
    key = clinic_repo.get_setting(session._db, KEY)
    cert = clinic_repo.get_setting(session._db, CERT)
    if key and cert:
        return cms.Identity(key.encode(), cert.encode())
    info = session.clinic()
    ident = cms.new_clinic_identity(info.name, info.ods_code)
    with session.change("clinic.identity_create", "clinic", info.database_id):
        store_identity(session, ident)
    return ident


def store_identity(session: Session, ident: cms.Identity) -> None:
    store_identity_in(session._db, ident)


def store_identity_in(db: Database, ident: cms.Identity) -> None:
    clinic_repo.set_setting(db, KEY, ident.key_pem.decode())
    clinic_repo.set_setting(db, CERT, ident.cert_pem.decode())


def create_clinic_secrets(db: Database, clinic_name: str, ods_code: str) -> None:
    """At set-up: the signing identity and pseudonym key, only ever inside the database."""
    store_identity_in(db, cms.new_clinic_identity(clinic_name, ods_code))
    clinic_repo.set_setting(db, PSEUDONYM_KEY, pseudonym.new_key().hex())


def import_identity(session: Session, pkcs12_data: bytes, password: str) -> cms.Identity:
    """Replace the self-made identity with a trust-issued one (admin only)."""
    session.require_admin("change the clinic's signing certificate")
    ident = cms.identity_from_pkcs12(pkcs12_data, password)
    with session.change("clinic.identity_import", "clinic", session.clinic().database_id):
        store_identity(session, ident)
    return ident


def clinic_certificate_pem(session: Session) -> bytes:
    return signing_identity(session).cert_pem


def pseudonym_key(session: Session) -> bytes:
    value = clinic_repo.get_setting(session._db, PSEUDONYM_KEY)
    if value:
        return bytes.fromhex(value)
    key = pseudonym.new_key()
    with session.change("clinic.pseudonym_key_create", "clinic", session.clinic().database_id):
        clinic_repo.set_setting(session._db, PSEUDONYM_KEY, key.hex())
    return key


def configured_recipients(session: Session) -> list[bytes]:
    """Receiver certificates (PEM) the admin configured for exports."""
    value = clinic_repo.get_setting(session._db, RECIPIENTS)
    return [pem.encode() for pem in json.loads(value)] if value else []


def set_recipients(session: Session, pems: list[bytes]) -> None:
    """Replace the receiver certificates (PEM or DER); each must be a current RSA one."""
    session.require_admin("change the export recipients")
    normalised = []
    for data in pems:
        try:
            cert = cms.load_certificate(data)
        except cms.CmsError as exc:
            raise ValidationError(str(exc), "Ask the receiver for their certificate.") from None
        problem = cms.certificate_problem(cert, need_rsa=True)
        if problem:
            raise ValidationError(problem, "Ask the receiver for a current RSA certificate.")
        normalised.append(cms.certificate_pem(cert))
    with session.change("clinic.recipients", "clinic", session.clinic().database_id,
                        {"count": len(normalised)}):
        clinic_repo.set_setting(session._db, RECIPIENTS,
                                json.dumps([p.decode() for p in normalised]))


def recipient_descriptions(session: Session) -> list[str]:
    """Who exports are encrypted to, in words: each certificate's subject and expiry."""
    out = []
    for pem in configured_recipients(session):
        cert = cms.load_certificate(pem)
        out.append(f"{cert.subject.rfc4514_string()} (valid until "
                   f"{cert.not_valid_after_utc:%d %b %Y})")
    return out


def add_recipient(session: Session, data: bytes) -> None:
    """Add one receiver certificate (PEM or DER) to those configured (admin only)."""
    set_recipients(session, configured_recipients(session) + [data])
