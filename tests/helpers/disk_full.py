"""Child process for the full-disk test, run inside a small private tmpfs.

Creates a clinic on the small filesystem, fills the disk, then tries to save answers, a key
slot and a backup. Prints one JSON line describing what happened; the parent asserts on it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from crdesk.crypto.kdf import TEST_COST
from crdesk.demo.patients import demo_patients
from crdesk.errors import DiskFullError
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.storage import audit_repo, patients_repo, responses_repo

PW = "storage-full-passphrase"


def fill(path: Path, chunk: int) -> None:
    """Write zeros to ``path`` until the filesystem refuses."""
    try:
        with path.open("wb", buffering=0) as fh:
            while True:
                fh.write(b"\0" * chunk)
    except OSError:
        pass


def main() -> None:
    root = Path(sys.argv[1])
    b = BaseDir(root / "clinic")
    out: dict[str, object] = {}
    with ClinicHome.open(b) as home:
        access.create(home, clinic_name="Disk", ods_code="DISK1", admin="admin", password=PW,
                    cost=TEST_COST)
        s = access.unlock(home, "admin", PW)
        with s.change("patient.create", "patient"):
            pid = patients_repo.insert(s._db, next(demo_patients(1)))
        rid = responses_repo.start_response(s._db, patient_id=pid, form_id="f", form_version="1",
                                            form_hash="0" * 64, locale="en-GB", mode="patient",
                                            actor="admin")
        # Fill the filesystem, leaving a little room so some saves still succeed.
        filler = root / "filler"
        fill(filler, 65536)
        filler_size = filler.stat().st_size
        filler.write_bytes(b"\0" * max(0, filler_size - 48 * 1024))
        acked: list[int] = []
        error = ""
        for n in range(100000):
            try:
                responses_repo.save_answer(s._db, rid, f"q{n}", {"text": "y" * 2000}, "admin")
            except DiskFullError as exc:
                error = str(exc)
                break
            acked.append(n)
        out["acked"] = len(acked)
        out["save_error"] = error
        slots_before = b.keyslots.read_bytes()
        # Eat the last bytes so even a small key-slot file cannot be written.
        fill(root / "filler2", 512)
        try:
            s.reset_password("admin", "another-storage-passphrase", cost=TEST_COST)
            out["slot_error"] = ""
        except DiskFullError as exc:
            out["slot_error"] = str(exc)
        out["slots_unchanged"] = b.keyslots.read_bytes() == slots_before
        try:
            s.backup(root / "b.crbackup")
            out["backup_error"] = ""
        except DiskFullError as exc:
            out["backup_error"] = str(exc)
        out["backup_leftovers"] = sorted(p.name for p in root.iterdir() if "crbackup" in p.name)
        s.close()
        filler.unlink()
        (root / "filler2").unlink()
        s = access.unlock(home, "admin", PW)
        saved = responses_repo.answers(s._db, rid)
        out["missing"] = [n for n in acked if f"q{n}" not in saved]
        out["check_ok"] = s.check().ok
        out["reset_audited"] = len(audit_repo.entries(s._db, action="user.password_reset"))
        s.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
