"""export_10k (issue 6): a 10,000-patient clinic with both assessments, exported for NACR.

Baseline, in the same run: the same rows written with csv.writer, then signed and encrypted
with the two stock ``openssl cms`` commands (what a careful hand-made export would do).
"""

from __future__ import annotations

import csv
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import Figure
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import RECEIVER_DIR, make_demo
from crdesk.export.verify import verify_package
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.export import ExportService
from crdesk.services.home import ClinicHome
from crdesk.services.identity import signing_identity

PATIENTS = 10_000
REPEAT = 3
PW = "bench-export-passphrase"


def _our_export(template: Path, work: Path, n: int) -> tuple[float, Path]:
    clinic = work / f"run{n}"
    shutil.copytree(template, clinic)
    (clinic / "clinic.lock").unlink(missing_ok=True)
    out = work / f"run{n}.p7m"
    with ClinicHome.open(BaseDir(clinic)) as home:
        session = access.unlock(home, "admin", PW)
        try:
            service = ExportService(session)
            t0 = time.perf_counter()
            result = service.export("nacr", out, [])
            elapsed = time.perf_counter() - t0
        finally:
            session.close()
    assert result.rows > 0
    return elapsed * 1000, out


def _baseline(rows: list[list[str]], work: Path, key: Path, cert: Path, recip: Path,
              n: int) -> float:
    data = work / f"base{n}.csv"
    t0 = time.perf_counter()
    with data.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    subprocess.run(["openssl", "cms", "-sign", "-binary", "-nodetach", "-outform", "DER",
                    "-md", "sha256", "-signer", str(cert), "-inkey", str(key), "-in",
                    str(data), "-out", str(work / f"base{n}.p7s")], check=True)
    subprocess.run(["openssl", "cms", "-encrypt", "-binary", "-aes256", "-outform", "DER",
                    "-in", str(work / f"base{n}.p7s"), "-out", str(work / f"base{n}.p7m"),
                    str(recip)], check=True)
    return (time.perf_counter() - t0) * 1000


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="crdesk-bench-export-") as tmp:
        work = Path(tmp)
        template = work / "template"
        t0 = time.perf_counter()
        with ClinicHome.open(BaseDir(template)) as home:
            make_demo(home, patients=PATIENTS, password=PW, cost=TEST_COST, variants=50,
                      all_complete=True)
            session = access.unlock(home, "admin", PW)
            ident = signing_identity(session)
            session.close()
        print(f"  (built a {PATIENTS}-patient clinic in {time.perf_counter() - t0:.0f} s)")
        (work / "clinic-key.pem").write_bytes(ident.key_pem)
        (work / "clinic-cert.pem").write_bytes(ident.cert_pem)
        recip = template / RECEIVER_DIR / "receiver-cert.pem"
        ours, base = [], []
        rows: list[list[str]] = []
        for n in range(REPEAT):
            ms, out = _our_export(template, work, n)
            ours.append(ms)
            if not rows:
                verified = verify_package(
                    out.read_bytes(), (template / RECEIVER_DIR / "receiver-key.pem").read_bytes(),
                    ident.cert_pem)
                text = verified.files["nacr_episodes.csv"].decode("utf-8")
                rows = list(csv.reader(text.splitlines()))
            base.append(_baseline(rows, work, work / "clinic-key.pem",
                                  work / "clinic-cert.pem", recip, n))
        print(f"  ({len(rows) - 1} rows exported)")
    return [Figure("export_10k", statistics.median(ours), "ms",
                   "csv.writer + openssl cms sign + encrypt", statistics.median(base),
                   "<= 2x")]
