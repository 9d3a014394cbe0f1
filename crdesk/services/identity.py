"""The clinic's signing identity, pseudonym key and export recipients, kept inside the
encrypted database.

The signing key and the pseudonym key are sealed under the admin key (crypto/adminkey.py),
which only admins' key slots and the recovery secret open: a staff member, whose slot opens
the database key, cannot sign an export as the clinic or link pseudonyms (issue 12). The
certificate and the recipients are public and stay as they are.
"""

from __future__ import annotations

import json

from crdesk.crypto import adminkey, cms, pseudonym
from crdesk.errors import KnownError, PermissionDeniedError, ValidationError
from crdesk.services.admin_secrets import ADMIN_CHECK, ADMIN_RECOVERY, KEY, PSEUDONYM_KEY
from crdesk.services.session import Session
from crdesk.storage import clinic_repo
from crdesk.storage.connection import Database

CERT = "signing_cert_pem"
RECIPIENTS = "export_recipients"


def _admin_key(session: Session, what: str) -> bytes:
    session.require_admin(what)
    key = session._admin_key
    if key is None:
        raise PermissionDeniedError(
            "Your key slot does not hold the clinic's admin key, which opens the signing and "
            "pseudonym keys.",
            "Ask another admin to sign in once (it is passed on then), or an admin can reset "
            "your password.")
    return key


def _read_secret(db: Database, name: str, admin_key: bytes) -> str | None:
    value = clinic_repo.get_setting(db, name)
    if not value:
        return None
    if not adminkey.is_sealed(value):
        if clinic_repo.get_setting(db, ADMIN_CHECK):
            # After the admin key exists, a secret in the clear was put there outside crdesk.
            raise KnownError(f"The clinic's {name.replace('_', ' ')} was changed outside crdesk.",
                             "Restore the database from a backup you trust.")
        return value
    try:
        return adminkey.open_secret(admin_key, name, value).decode()
    except adminkey.AdminKeyError:
        raise KnownError(f"The clinic's {name.replace('_', ' ')} does not open with the admin "
                         "key: it was changed outside crdesk.",
                         "Restore the database from a backup you trust.") from None


def signing_identity(session: Session) -> cms.Identity:
    """The clinic's key and certificate; made on first use for clinics set up before it."""
    admin_key = _admin_key(session, "sign exports")
    key = _read_secret(session._db, KEY, admin_key)
    cert = clinic_repo.get_setting(session._db, CERT)
    if key and cert:
        return cms.Identity(key.encode(), cert.encode())
    info = session.clinic()
    ident = cms.new_clinic_identity(info.name, info.ods_code)
    with session.change("clinic.identity_create", "clinic", info.database_id):
        store_identity(session, ident)
    return ident


def store_identity(session: Session, ident: cms.Identity) -> None:
    store_identity_in(session._db, ident, _admin_key(session, "change the signing key"))


def store_identity_in(db: Database, ident: cms.Identity, admin_key: bytes) -> None:
    clinic_repo.set_setting(db, KEY, adminkey.seal_secret(admin_key, KEY, ident.key_pem))
    clinic_repo.set_setting(db, CERT, ident.cert_pem.decode())


def create_clinic_secrets(db: Database, clinic_name: str, ods_code: str, admin_key: bytes,
                          recovery_secret: bytes) -> None:
    """At set-up: the signing identity and pseudonym key, sealed under the admin key, and
    the admin key sealed under the recovery secret; only ever inside the database."""
    store_identity_in(db, cms.new_clinic_identity(clinic_name, ods_code), admin_key)
    clinic_repo.set_setting(db, PSEUDONYM_KEY, adminkey.seal_secret(
        admin_key, PSEUDONYM_KEY, pseudonym.new_key().hex().encode()))
    clinic_repo.set_setting(db, ADMIN_CHECK, adminkey.check_value(admin_key))
    clinic_repo.set_setting(db, ADMIN_RECOVERY,
                            adminkey.seal_for_recovery(recovery_secret, admin_key))


def import_identity(session: Session, pkcs12_data: bytes, password: str) -> cms.Identity:
    """Replace the self-made identity with a trust-issued one (admin only)."""
    session.require_admin("change the clinic's signing certificate")
    ident = cms.identity_from_pkcs12(pkcs12_data, password)
    with session.change("clinic.identity_import", "clinic", session.clinic().database_id):
        store_identity(session, ident)
    return ident


def clinic_certificate_pem(session: Session) -> bytes:
    """The clinic's certificate: public, so any signed-in user may hand it to a receiver."""
    cert = clinic_repo.get_setting(session._db, CERT)
    return cert.encode() if cert else signing_identity(session).cert_pem


def pseudonym_key(session: Session) -> bytes:
    admin_key = _admin_key(session, "make pseudonymised exports")
    value = _read_secret(session._db, PSEUDONYM_KEY, admin_key)
    if value:
        return bytes.fromhex(value)
    key = pseudonym.new_key()
    with session.change("clinic.pseudonym_key_create", "clinic", session.clinic().database_id):
        clinic_repo.set_setting(session._db, PSEUDONYM_KEY, adminkey.seal_secret(
            admin_key, PSEUDONYM_KEY, key.hex().encode()))
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
