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


def identity_from_pkcs12(data: bytes, password: str) -> Identity:
    """A trust-issued signing identity (PKCS#12 file and its password)."""
    try:
        key, cert, _extra = pkcs12.load_key_and_certificates(data, password.encode())
    except ValueError:
        raise CmsError("The PKCS#12 file could not be opened: wrong password or not PKCS#12.")
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


def certificate_problem(cert: x509.Certificate, *, need_rsa: bool,
                        now: dt.datetime | None = None) -> str | None:
    now = now or dt.datetime.now(dt.UTC)
    subject = cert.subject.rfc4514_string()
    if cert.not_valid_after_utc < now:
        return (f"The certificate for {subject} expired on "
                f"{cert.not_valid_after_utc:%d %B %Y}.")
    if cert.not_valid_before_utc > now:
        return f"The certificate for {subject} is not valid until {cert.not_valid_before_utc:%d %B %Y}."
    if need_rsa and not isinstance(cert.public_key(), rsa.RSAPublicKey):
        return (f"The certificate for {subject} does not hold an RSA key; CMS encryption that "
                "OpenSSL can read needs an RSA recipient.")
    return None


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


def _content_info(der: bytes, want: str) -> Tlv:
    top = parse(der)
    kids = expect(top, 0x30, "ContentInfo").children()
    if len(kids) != 2 or oid(kids[0]) != want:
        raise DerError("unexpected content type")
    inner = expect(kids[1], 0xA0, "[0] content").children()
    return expect(inner[0], 0x30, "content SEQUENCE")


def _octets(t: Tlv) -> bytes:
    if t.tag in (0x04, 0x80):
        return t.value
    if t.tag in (0x24, 0xA0):  # constructed (BER-style chunks)
        return b"".join(_octets(c) for c in t.children())
    raise DerError("expected OCTET STRING")


def decrypt(der: bytes, private_key_pem: bytes) -> bytes:
    """Open EnvelopedData with the receiver's RSA key (tries every recipient entry)."""
    try:
        key = serialization.load_pem_private_key(private_key_pem, None)
    except (ValueError, TypeError):
        raise CmsError("The key file is not an unencrypted PEM private key.") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise CmsError("The receiver key must be an RSA private key.")
    try:
        env = _content_info(der, OID_ENVELOPED_DATA).children()
        idx = 1 + (env[1].tag == 0xA0)  # skip version and optional originatorInfo
        recipients = expect(env[idx], 0x31, "recipientInfos").children()
        eci = expect(env[idx + 1], 0x30, "encryptedContentInfo").children()
        alg = eci[1].children()
        key_len = OID_AES.get(oid(alg[0]))
        if key_len is None:
            raise CmsError("The package uses a content cipher crdesk does not accept.")
        iv = expect(alg[1], 0x04, "IV").value
        ciphertext = _octets(eci[2])
    except (DerError, IndexError):
        raise CmsError("This file is not a CMS encrypted package, or it is damaged.") from None
    for ri in recipients:
        try:
            encrypted_key = ri.children()[-1].value
            cek = key.decrypt(encrypted_key, asym_padding.PKCS1v15())
        except (ValueError, DerError, IndexError):
            continue
        if len(cek) != key_len:
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
    try:
        sd = _content_info(der, OID_SIGNED_DATA).children()
        encap = expect(sd[2], 0x30, "encapContentInfo").children()
        if oid(encap[0]) != OID_DATA or len(encap) != 2:
            raise CmsError("The signed package has no embedded content.")
        content = _octets(expect(encap[1], 0xA0, "[0] eContent").children()[0])
        signer_infos = expect(sd[-1], 0x31, "signerInfos").children()
    except (DerError, IndexError):
        raise CmsError("The decrypted content is not a CMS signed package; "
                       "it is damaged or was not made by crdesk.") from None
    digest = hashlib.sha256(content).digest()
    for si in signer_infos:
        if _signer_matches(si.children(), digest, clinic_cert):
            return content
    raise CmsError("The signature does not match the clinic certificate: the package was "
                   "changed, or it was not signed by this clinic.")


def _signer_matches(si: list[Tlv], digest: bytes, cert: x509.Certificate) -> bool:
    try:
        if oid(si[2].children()[0]) != OID_SHA256:
            return False
        attrs = next(t for t in si if t.tag == 0xA0)
        found_digest = None
        for attr in attrs.children():
            a = attr.children()
            if oid(a[0]) == OID_MESSAGE_DIGEST:
                found_digest = a[1].children()[0].value
        if found_digest != digest:
            return False
        signed = b"\x31" + attrs.raw[1:]  # signedAttrs are signed as a SET, not [0]
        signature = si[-1].value if si[-1].tag == 0x04 else si[-2].value
        public = cert.public_key()
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, signed, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, signed, asym_padding.PKCS1v15(), hashes.SHA256())
        else:
            return False
        return True
    except (InvalidSignature, DerError, IndexError, StopIteration, ValueError):
        return False
