"""export_10k (issue 6, issue 15): a 10,000-patient clinic with both assessments, exported
for NACR; and export_memory_50k: the peak memory of exporting a 50,000-patient clinic.

Baseline of export_10k, in the same run: the same rows written with csv.writer, then signed
and encrypted with the two stock ``openssl cms`` commands (what a careful hand-made export
would do). The clinic's export rows are kept ready as the admin's export page keeps them:
its preview (run once on the template, untimed; its time is printed) builds the rows, the
export streams them.

export_memory_50k: in a process of its own, the resident-set high-water mark during the
export less the resident set just before it (Linux ``ru_maxrss``, /proc/self/statm), against
the goal of 150 MB.
"""

from __future__ import annotations

import csv
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Figure
from crdesk.crypto.cms import Identity
from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.clinic import RECEIVER_DIR, make_demo
from crdesk.export.verify import verify_package
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.export import ExportService
from crdesk.services.home import ClinicHome
from crdesk.services.identity import signing_identity

PATIENTS = 10_000
MEMORY_PATIENTS = 50_000
MEMORY_GOAL_MB = 150.0
REPEAT = 3
PW = "bench-export-passphrase"


def _template(template: Path, patients: int) -> Identity:
    """A demo clinic of ``patients`` with its export rows built (the preview an admin runs
    first); returns the clinic's signing identity."""
    t0 = time.perf_counter()
    with ClinicHome.open(BaseDir(template)) as home:
        make_demo(home, patients=patients, password=PW, cost=TEST_COST, variants=50,
                  all_complete=True)
        print(f"  (built a {patients}-patient clinic in {time.perf_counter() - t0:.0f} s)",
              flush=True)
        session = access.unlock(home, "admin", PW)
        try:
            t0 = time.perf_counter()
            pv = ExportService(session).preview("nacr")
            print(f"  (the first preview built every export row in "
                  f"{time.perf_counter() - t0:.1f} s: {len(pv.ready)} ready)", flush=True)
            ident = signing_identity(session)
        finally:
            session.close()
    return ident


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


def export_10k() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="crdesk-bench-export-") as tmp:
        work = Path(tmp)
        template = work / "template"
        ident = _template(template, PATIENTS)
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
                   "<= 1x")]


# Run in a process of its own, so that the high-water mark is the export's.
_MEMORY_CHILD = """
import json, resource, sys, os
from pathlib import Path
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.export import ExportService
from crdesk.services.home import ClinicHome

clinic, out, pw = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
with ClinicHome.open(BaseDir(clinic)) as home:
    session = access.unlock(home, "admin", pw)
    service = ExportService(session)
    service.refresh_rows()  # nothing to build: the rows are ready (and the imports done)
    page = os.sysconf("SC_PAGE_SIZE")
    before = int(Path("/proc/self/statm").read_text().split()[1]) * page / 2**20
    result = service.export("nacr", out, [])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    session.close()
print(json.dumps({"before_mb": before, "peak_mb": peak, "rows": result.rows}))
"""


def export_memory() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="crdesk-bench-memory-") as tmp:
        work = Path(tmp)
        template = work / "template"
        _template(template, MEMORY_PATIENTS)
        (template / "clinic.lock").unlink(missing_ok=True)
        proc = subprocess.run([sys.executable, "-c", _MEMORY_CHILD, str(template),
                               str(work / "batch.p7m"), PW], check=True, capture_output=True,
                              text=True)
        got = json.loads(proc.stdout.strip().splitlines()[-1])
        above = got["peak_mb"] - got["before_mb"]
        print(f"  ({got['rows']} rows exported; resident {got['before_mb']:.0f} MB before, "
              f"peak {got['peak_mb']:.0f} MB: {above:.0f} MB above the start)")
    return [Figure("export_memory_50k", above, "MB", "goal: MB above the process's start",
                   MEMORY_GOAL_MB, "<= 150 MB (ratio <= 1)")]


ENTRIES = {"export_10k": export_10k, "export_memory_50k": export_memory}


def run() -> list[Figure]:
    return export_10k() + export_memory()
