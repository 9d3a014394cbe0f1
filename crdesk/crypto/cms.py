"""CMS (PKCS#7) signing and encryption for export packages, readable by stock OpenSSL.

Sender: ``sign`` (SignedData, SHA-256, the clinic's EC P-256 or RSA key, content embedded)
then ``envelope`` (EnvelopedData, AES-256-CBC, RSA key transport to every recipient).
Receiver: ``decrypt`` and ``verify`` read the structures with crypto/der.py, because
``cryptography`` has no public verify API and its decrypt needs the recipient certificate.
The envelope has no integrity of its own (CBC): the inner signature is what proves origin
and integrity, so a receiver must always verify after decrypting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric import padding as asym_padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import NameOID

from crdesk.crypto.der import DerError, Tlv, expect, oid, parse

OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_ENVELOPED_DATA = "1.2.840.113549.1.7.3"
OID_DATA = "1.2.840.113549.1.7.1"
OID_CONTENT_TYPE = "1.2.840.113549.1.9.3"
OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
OID_SHA256 = "2.16.840.1.101.3.4.2.1"
OID_AES = {"2.16.840.1.101.3.4.1.42": 32, "2.16.840.1.101.3.4.1.2": 16}


class CmsError(Exception):
    """A package that does not decrypt or verify; the message is safe to show."""


@dataclass(frozen=True)
class Identity:
    key_pem: bytes  # PKCS#8, unencrypted: it is only ever stored inside the encrypted database
    cert_pem: bytes

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.cert_pem)


def new_clinic_identity(clinic_name: str, ods_code: str, years: int = 10) -> Identity:
    """An EC P-256 key and self-signed certificate naming the clinic."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, f"crdesk clinic {ods_code}"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, clinic_name[:64]),
        x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ods_code),
    ])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False),
                       critical=True)
        .sign(key, hashes.SHA256())
    )
    return Identity(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                          serialization.NoEncryption()),
        cert.public_bytes(serialization.Encoding.PEM),
    )


def new_receiver_identity(name: str, days: int = 730) -> Identity:
    """An RSA key and self-signed certificate for a receiver (demo clinics, tests)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name[:64])])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.KeyUsage(False, False, True, False, False, False, False, False,
                                     False), critical=True)
        .sign(key, hashes.SHA256())
    )
    return Identity(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                          serialization.NoEncryption()),
        cert.public_bytes(serialization.Encoding.PEM),
    )


def identity_from_pkcs12(data: bytes, password: str) -> Identity:
    """A trust-issued signing identity (PKCS#12 file and its password)."""
    try:
        key, cert, _extra = pkcs12.load_key_and_certificates(data, password.encode())
    except ValueError:
        raise CmsError(
            "The PKCS#12 file could not be opened: wrong password or not PKCS#12.") from None
    if key is None or cert is None:
        raise CmsError("The PKCS#12 file must hold both a private key and its certificate.")
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise CmsError("The signing key must be an EC or RSA key.")
    return Identity(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                          serialization.NoEncryption()),
        cert.public_bytes(serialization.Encoding.PEM),
    )


def load_certificate(pem_or_der: bytes) -> x509.Certificate:
    try:
        if b"-----BEGIN" in pem_or_der:
            return x509.load_pem_x509_certificate(pem_or_der)
        return x509.load_der_x509_certificate(pem_or_der)
    except ValueError:
        raise CmsError("This file is not an X.509 certificate.") from None


def certificate_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def certificate_problem(cert: x509.Certificate, *, need_rsa: bool,
                        now: dt.datetime | None = None) -> str | None:
    now = now or dt.datetime.now(dt.UTC)
    subject = cert.subject.rfc4514_string()
    if cert.not_valid_after_utc < now:
        return (f"The certificate for {subject} expired on "
                f"{cert.not_valid_after_utc:%d %B %Y}.")
    if cert.not_valid_before_utc > now:
        return (f"The certificate for {subject} is not valid until "
                f"{cert.not_valid_before_utc:%d %B %Y}.")
    if need_rsa:
        return _recipient_problem(cert, subject)
    return None


MIN_RSA_BITS = 2048
RSA_EXPONENT = 65537


def _recipient_problem(cert: x509.Certificate, subject: str) -> str | None:
    """A receiver's key must be strong enough to carry the package key (issue 12: RSA-1024
    with e=3 and a signing-only KeyUsage was accepted)."""
    public = cert.public_key()
    if not isinstance(public, rsa.RSAPublicKey):
        return (f"The certificate for {subject} does not hold an RSA key; CMS encryption that "
                "OpenSSL can read needs an RSA recipient.")
    if public.key_size < MIN_RSA_BITS:
        return (f"The certificate for {subject} holds a {public.key_size}-bit RSA key; "
                f"at least {MIN_RSA_BITS} bits are needed. Ask the receiver for a new one.")
    if public.public_numbers().e != RSA_EXPONENT:
        return (f"The certificate for {subject} uses the RSA exponent "
                f"{public.public_numbers().e}; only {RSA_EXPONENT} is accepted. Ask the "
                "receiver for a new certificate.")
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None
    if not usage.key_encipherment:
        return (f"The certificate for {subject} is not for encryption (its key usage lacks "
                "keyEncipherment). Ask the receiver for their encryption certificate.")
    return None


def certificate_names_clinic(cert: x509.Certificate, clinic_code: str) -> bool:
    """Whether the certificate is the one of clinic ``clinic_code``: the ODS code is its
    organisational unit (crdesk's own certificates), or a word of its common name."""
    code = clinic_code.strip().upper()
    if not code:
        return False
    for attr in cert.subject:
        value = str(attr.value).upper()
        if attr.oid == NameOID.ORGANIZATIONAL_UNIT_NAME and value == code:
            return True
        if attr.oid == NameOID.COMMON_NAME and code in value.replace(",", " ").split():
            return True
    return False


def sign(content: bytes, identity: Identity) -> bytes:
    key = serialization.load_pem_private_key(identity.key_pem, None)
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise CmsError("The clinic signing key must be EC or RSA.")
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(content)
        .add_signer(identity.certificate, key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary,
                                           pkcs7.PKCS7Options.NoCapabilities])
    )


def envelope(data: bytes, recipients: list[x509.Certificate]) -> bytes:
    if not recipients:
        raise CmsError("An encrypted package needs at least one recipient certificate.")
    builder = (pkcs7.PKCS7EnvelopeBuilder().set_data(data)
               .set_content_encryption_algorithm(algorithms.AES256))
    for cert in recipients:
        builder = builder.add_recipient(cert)
    return builder.encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])


# ---- receiver side ---------------------------------------------------------------------
#
# Both readers accept exactly the structure crdesk writes and check every part of it, so
# that changing any byte of a package is caught: signed parts by the signature, the rest
# by comparison with what it must be (versions, algorithm identifiers, the embedded clinic
# certificate, the signer's and recipient's issuer and serial number).

OID_RSA = "1.2.840.113549.1.1.1"
OID_SIG = {"1.2.840.10045.4.3.2": "ecdsa", OID_RSA: "rsa", "1.2.840.113549.1.1.11": "rsa"}
NULL = b"\x05\x00"


def _content_info(der: bytes, want: str) -> Tlv:
    kids = expect(parse(der), 0x30, "ContentInfo").children()
    if len(kids) != 2 or oid(kids[0]) != want:
        raise DerError("unexpected content type")
    inner = expect(kids[1], 0xA0, "[0] content").children()
    if len(inner) != 1:
        raise DerError("unexpected content")
    return expect(inner[0], 0x30, "content SEQUENCE")


def _integer(t: Tlv, want: int | None = None) -> int:
    value = int.from_bytes(expect(t, 0x02, "INTEGER").value, "big", signed=True)
    if want is not None and value != want:
        raise DerError("unexpected version")
    return value


def _issuer_serial(t: Tlv, cert: x509.Certificate) -> bool:
    name, serial = expect(t, 0x30, "issuerAndSerialNumber").children()
    return name.raw == cert.issuer.public_bytes() and _integer(serial) == cert.serial_number


def _algorithm(t: Tlv, allowed: set[str], params: tuple[bytes | None, ...]) -> str:
    kids = expect(t, 0x30, "AlgorithmIdentifier").children()
    found = oid(kids[0])
    if found not in allowed or len(kids) > 2:
        raise DerError("unexpected algorithm")
    got = kids[1].raw if len(kids) == 2 else None
    if got not in params:
        raise DerError("unexpected algorithm parameters")
    return found


def load_receiver(pem: bytes) -> tuple[rsa.RSAPrivateKey, x509.Certificate | None]:
    """The receiver's RSA key, and its certificate when the PEM file carries one too."""
    try:
        key = serialization.load_pem_private_key(pem, None)
    except (ValueError, TypeError):
        raise CmsError("The key file is not an unencrypted PEM private key.") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise CmsError("The receiver key must be an RSA private key.")
    cert = None
    if b"-----BEGIN CERTIFICATE-----" in pem:
        cert = x509.load_pem_x509_certificate(pem[pem.index(b"-----BEGIN CERTIFICATE-----"):])
    return key, cert


def decrypt(der: bytes, private_key_pem: bytes) -> bytes:
    """Open EnvelopedData with the receiver's RSA key (PEM, optionally with its certificate).

    With the receiver's certificate in the same PEM file, only the entry addressed to it is
    used (and its issuer and serial are checked); otherwise every entry is tried.
    """
    return decrypt_with(der, *load_receiver(private_key_pem))


def decrypt_with(der: bytes, key: rsa.RSAPrivateKey, cert: x509.Certificate | None) -> bytes:
    try:
        env = _content_info(der, OID_ENVELOPED_DATA).children()
        if len(env) != 3:
            raise DerError("unexpected EnvelopedData layout")
        _integer(env[0], 0)
        recipients = expect(env[1], 0x31, "recipientInfos").children()
        eci = expect(env[2], 0x30, "encryptedContentInfo").children()
        if len(eci) != 3 or oid(eci[0]) != OID_DATA:
            raise DerError("unexpected encryptedContentInfo")
        alg = expect(eci[1], 0x30, "contentEncryptionAlgorithm").children()
        key_len = OID_AES.get(oid(alg[0]))
        if key_len is None or len(alg) != 2:
            raise CmsError("The package uses a content cipher crdesk does not accept.")
        iv = expect(alg[1], 0x04, "IV").value
        if len(iv) != 16:
            raise DerError("bad IV")
        ciphertext = expect(eci[2], 0x80, "encryptedContent").value
        entries = []
        for ri in recipients:
            kids = expect(ri, 0x30, "KeyTransRecipientInfo").children()
            if len(kids) != 4:
                raise DerError("unexpected recipient layout")
            _integer(kids[0], 0)
            _algorithm(kids[2], {OID_RSA}, (NULL,))
            mine = cert is None or _issuer_serial(kids[1], cert)
            if mine:
                entries.append(expect(kids[3], 0x04, "encryptedKey").value)
    except (DerError, IndexError, ValueError):
        raise CmsError("This file is not a CMS encrypted package, or it is damaged.") from None
    if not entries:
        raise CmsError("This package was not encrypted for this receiver's certificate.")
    for encrypted_key in entries:
        try:
            cek = key.decrypt(encrypted_key, asym_padding.PKCS1v15())
        except ValueError:
            continue
        if len(cek) != key_len or len(ciphertext) % 16:
            continue
        dec = Cipher(algorithms.AES(cek), modes.CBC(iv)).decryptor()
        padded = dec.update(ciphertext) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        try:
            return unpadder.update(padded) + unpadder.finalize()
        except ValueError:
            continue
    raise CmsError("This package could not be decrypted with this key: it was not encrypted "
                   "for this receiver, or it is damaged.")


def verify(der: bytes, clinic_cert: x509.Certificate) -> bytes:
    """Check SignedData against the clinic certificate; return the signed content."""
    return verify_with_time(der, clinic_cert)[0]


def verify_with_time(der: bytes, clinic_cert: x509.Certificate
                     ) -> tuple[bytes, dt.datetime | None]:
    """As verify, and the signed signingTime attribute (None when the signer gave none)."""
    try:
        sd = _content_info(der, OID_SIGNED_DATA).children()
        if len(sd) not in (4, 5):
            raise DerError("unexpected SignedData layout")
        _integer(sd[0], 1)
        digests = expect(sd[1], 0x31, "digestAlgorithms").children()
        if len(digests) != 1:
            raise DerError("one digest algorithm expected")
        _algorithm(digests[0], {OID_SHA256}, (None, NULL))
        encap = expect(sd[2], 0x30, "encapContentInfo").children()
        if len(encap) != 2 or oid(encap[0]) != OID_DATA:
            raise CmsError("The signed package has no embedded content.")
        inner = expect(encap[1], 0xA0, "[0] eContent").children()
        if len(inner) != 1:
            raise DerError("unexpected eContent")
        content = expect(inner[0], 0x04, "eContent").value
        if len(sd) == 5:  # embedded certificates: only the clinic's own, byte for byte
            clinic_der = clinic_cert.public_bytes(serialization.Encoding.DER)
            if any(c.raw != clinic_der for c in expect(sd[3], 0xA0, "certificates").children()):
                raise CmsError("The package carries a certificate other than the clinic's: it "
                               "was not signed by this clinic.")
        signer_infos = expect(sd[-1], 0x31, "signerInfos").children()
        if len(signer_infos) != 1:
            raise DerError("one signer expected")
        ok, signed_at = _signer_matches(signer_infos[0].children(),
                                        hashlib.sha256(content).digest(), clinic_cert)
    except (DerError, IndexError, ValueError):
        raise CmsError("The decrypted content is not a CMS signed package; "
                       "it is damaged or was not made by crdesk.") from None
    if not ok:
        raise CmsError("The signature does not match the clinic certificate: the package was "
                       "changed, or it was not signed by this clinic.")
    return content, signed_at


OID_SIGNING_TIME = "1.2.840.113549.1.9.5"


def _signing_time(raw: bytes) -> dt.datetime | None:
    """UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ), as signed."""
    if not raw:
        return None
    try:
        t = parse(raw)
        text = t.value.decode("ascii")
        if t.tag == 0x17:
            parsed = dt.datetime.strptime(text, "%y%m%d%H%M%SZ")
        elif t.tag == 0x18:
            parsed = dt.datetime.strptime(text, "%Y%m%d%H%M%SZ")
        else:
            return None
    except (DerError, ValueError, UnicodeDecodeError):
        return None
    return parsed.replace(tzinfo=dt.UTC)


def _signer_matches(si: list[Tlv], digest: bytes, cert: x509.Certificate
                    ) -> tuple[bool, dt.datetime | None]:
    if len(si) != 6:
        raise DerError("unexpected SignerInfo layout")
    _integer(si[0], 1)
    if not _issuer_serial(si[1], cert):
        return False, None
    _algorithm(si[2], {OID_SHA256}, (None, NULL))
    attrs = expect(si[3], 0xA0, "signedAttrs")
    found: dict[str, bytes] = {}
    for attr in attrs.children():
        a = expect(attr, 0x30, "Attribute").children()
        values = expect(a[1], 0x31, "AttributeValues").children()
        found[oid(a[0])] = values[0].raw if len(values) == 1 else b""
    if found.get(OID_MESSAGE_DIGEST) != b"\x04\x20" + digest:
        return False, None
    if found.get(OID_CONTENT_TYPE, b"")[2:] != b"\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01":
        return False, None
    signed_at = _signing_time(found.get(OID_SIGNING_TIME, b""))
    kind = OID_SIG[_algorithm(si[4], set(OID_SIG), (None, NULL))]
    signature = expect(si[5], 0x04, "signature").value
    signed = b"\x31" + attrs.raw[1:]  # signedAttrs are signed as a SET, not as [0]
    public = cert.public_key()
    try:
        if kind == "ecdsa" and isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, signed, ec.ECDSA(hashes.SHA256()))
        elif kind == "rsa" and isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, signed, asym_padding.PKCS1v15(), hashes.SHA256())
        else:
            return False, None
    except InvalidSignature:
        return False, None
    return True, signed_at
