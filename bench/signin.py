"""unlock_large: sign-in on a large clinic against SQLCipher's own page check (issue 13).

Sign-in checks every page's HMAC only after an unclean shutdown or once a day
(storage/damage.py); otherwise the quick look. Both are timed on the same copy, in the same
run, against ``PRAGMA cipher_integrity_check`` on that file (the baseline: what a full
check costs by itself). ``BENCH_DASHBOARD_CLINIC`` names a prebuilt clinic (the
50,000-patient demo, password below) to copy; without it a 5,000-patient demo is made.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from bench.common import Figure
from crdesk.keyslots import KeySlotFile
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.storage import clinic_repo
from crdesk.storage.connection import _key_pragma, open_database, read_only_uri
from crdesk.storage.damage import LAST_FULL_CHECK

PASSWORD = "a calm walk by the river"
REPEAT = 3


def _clinic(root: Path) -> None:
    prebuilt = os.environ.get("BENCH_DASHBOARD_CLINIC", "")
    if prebuilt:
        shutil.copytree(prebuilt, root, ignore=shutil.ignore_patterns("clinic.lock", "logs"))
        return
    from crdesk.crypto.kdf import TEST_COST
    from crdesk.demo.clinic import make_demo

    with ClinicHome.open(BaseDir(root)) as home:
        make_demo(home, patients=5000, password=PASSWORD, cost=TEST_COST)


def _ms(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def bench_unlock_large() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="crdesk-bench-") as tmp:
        b = BaseDir(Path(tmp) / "clinic")
        _clinic(b.root)
        size_mb = b.db.stat().st_size / 1e6
        with ClinicHome.open(b) as home:
            access.unlock(home, "admin", PASSWORD).close()  # migrated, checked, warm
            key = KeySlotFile.load(b.keyslots).unlock("admin", PASSWORD).data_key

            def age() -> None:  # as a clinic not opened for a day
                db = open_database(b.db, key)
                with db.transaction():
                    clinic_repo.set_setting(db, LAST_FULL_CHECK, "2000-01-01T00:00:00+00:00")
                db.checkpoint()
                db.close()

            def page_check() -> None:
                conn = sqlcipher3.connect(read_only_uri(b.db), uri=True)
                conn.execute(f"PRAGMA key = {_key_pragma(key)}")
                assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
                conn.close()

            full, quick, base = [], [], []
            for _ in range(REPEAT):  # interleaved, so the machine's load hits all alike
                age()
                full.append(_ms(lambda: access.unlock(home, "admin", PASSWORD).close()))
                quick.append(_ms(lambda: access.unlock(home, "admin", PASSWORD).close()))
                base.append(_ms(page_check))
    baseline = f"cipher_integrity_check ({size_mb:.0f} MB)"
    return [
        Figure("unlock_large_quick", statistics.median(quick), "ms", baseline,
               statistics.median(base), "well under 1x: no pass over the pages"),
        Figure("unlock_large_full", statistics.median(full), "ms", baseline,
               statistics.median(base), "about 1x plus the key derivation (daily, or "
               "after an unclean shutdown)"),
    ]
