"""answer_save, unlock and cold_start (issue 2)."""

from __future__ import annotations

import compileall
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import Figure, interleaved_ms
from crdesk.crypto.kdf import DEFAULT_COST, derive_key
from crdesk.demo.patients import demo_patients
from crdesk.keyslots import KeySlotFile
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.home import ClinicHome
from crdesk.storage import patients_repo, responses_repo

PW = "bench-clinic-passphrase"


def _plain_sqlite(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
                   "secure_delete = ON", "temp_store = MEMORY"):
        con.execute(f"PRAGMA {pragma}").fetchall()
    # The same answers table as crdesk's, without encryption and without the audit row.
    con.execute("CREATE TABLE answers (response_id INTEGER, question_id TEXT, value TEXT,"
                " saved_at TEXT, saved_by TEXT, PRIMARY KEY (response_id, question_id))"
                " WITHOUT ROWID")
    return con


def bench_answer_save_and_unlock(work: Path, unlock: bool = True) -> list[Figure]:
    b = BaseDir(work / "clinic")
    figures = []
    with ClinicHome.open(b) as home:
        access.create(home, clinic_name="Bench clinic", ods_code="BEN1", admin="admin", password=PW)
        s = access.unlock(home, "admin", PW)
        with s.change("patient.create", "patient"):
            pid = patients_repo.insert(s._db, next(demo_patients(1)))
        rid = responses_repo.start_response(s._db, patient_id=pid, form_id="f", form_version="1",
                                            form_hash="0" * 64, locale="en-GB", mode="patient",
                                            actor="admin")
        plain = _plain_sqlite(work / "plain.db")
        counter = iter(range(10**9))

        def crdesk_save() -> None:
            n = next(counter)
            responses_repo.save_answer(s._db, rid, f"q{n % 60}", {"value": n}, "admin")

        def plain_save() -> None:
            n = next(counter)
            plain.execute("BEGIN IMMEDIATE")
            plain.execute(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE"
                " SET value = excluded.value, saved_at = excluded.saved_at",
                (1, f"q{n % 60}", json.dumps({"value": n}), datetime.now(UTC).isoformat(),
                 "admin"))
            plain.execute("COMMIT")

        for _ in range(20):  # warm up both
            crdesk_save()
            plain_save()
        ours, base = interleaved_ms(crdesk_save, plain_save, 300)
        figures.append(Figure("answer_save", ours, "ms", "plain sqlite3, same pragmas", base,
                              "<= 1.5x"))
        s.close()
        if not unlock:
            plain.close()
            return figures

        slots = KeySlotFile.load(b.keyslots)
        params = slots.find("admin").kdf  # type: ignore[union-attr]

        def our_unlock() -> None:
            access.unlock(home, "admin", PW).close()

        def bare_kdf() -> None:
            derive_key(PW, params)

        ours, base = interleaved_ms(our_unlock, bare_kdf, 7)
        figures.append(Figure("unlock", ours, "ms",
                              f"bare Argon2id t={DEFAULT_COST.time_cost} "
                              f"m={DEFAULT_COST.memory_kib // 1024}MiB", base,
                              "0.25-1 s KDF, little overhead"))
        plain.close()
    return figures


_BARE_QT = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication(sys.argv)\n"
    "w = QLabel('bare window'); w.resize(1366, 768); w.show()\n"
    "app.processEvents(); print('shown', flush=True)\n"
)


def _time_to_shown(cmd: list[str], until: str = "shown") -> float:
    """Milliseconds from starting ``cmd`` until it prints ``until`` ("shown": the first
    frame is painted; crdesk also prints "ready" once logging, the clinic lock, the
    controller and auto-lock are set up after it)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CRDESK_EXIT_WHEN_SHOWN": "1"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(until):
            break
    else:
        proc.communicate()
        raise RuntimeError(f"{cmd[:3]} exited without printing {until!r}")
    elapsed = (time.perf_counter() - t0) * 1000
    proc.kill()
    proc.communicate()
    return elapsed


def bench_cold_start(work: Path) -> list[Figure]:
    b = BaseDir(work / "cold")
    with ClinicHome.open(b) as home:
        access.create(home, clinic_name="Cold clinic", ods_code="COLD1", admin="admin", password=PW)
    ours_cmd = [sys.executable, "-m", "crdesk", "--basedir", str(b.root), "gui"]
    bare_cmd = [sys.executable, "-c", _BARE_QT]
    # As installed: pip compiles PySide6's bytecode and the bundle holds crdesk's compiled.
    # An editable checkout run with PYTHONDONTWRITEBYTECODE=1 (as on the development
    # machines) would otherwise compile crdesk's first-frame modules from source at every
    # start, about 12 ms the bare window never pays. py_compile writes despite that setting.
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "crdesk"), quiet=1)
    _time_to_shown(bare_cmd)  # warm the OS file cache for both
    _time_to_shown(ours_cmd)
    ours, base = interleaved_ms(lambda: _time_to_shown(ours_cmd),
                                lambda: _time_to_shown(bare_cmd), 15)
    # interleaved_ms times the lambdas; _time_to_shown's own figure is nearly identical.
    ready, base2 = interleaved_ms(lambda: _time_to_shown(ours_cmd, "ready"),
                                  lambda: _time_to_shown(bare_cmd), 5)
    return [Figure("cold_start", ours, "ms", "bare PySide6 window process", base, "<= 1.2x"),
            Figure("cold_start_ready", ready, "ms", "bare PySide6 window process", base2,
                   "first frame, then lock/log/auto-lock (no goal)")]


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="crdesk-bench-") as tmp:
        work = Path(tmp)
        return bench_answer_save_and_unlock(work) + bench_cold_start(work)


def _answer_save_only() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="crdesk-bench-") as tmp:
        return bench_answer_save_and_unlock(Path(tmp), unlock=False)


def _unlock_large() -> list[Figure]:
    from bench.signin import bench_unlock_large  # a large clinic: an entry of its own

    return bench_unlock_large()


def _cold_start_only() -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="crdesk-bench-") as tmp:
        return bench_cold_start(Path(tmp))


ENTRIES = {"answer_save": _answer_save_only, "unlock_large": _unlock_large,
           "cold_start": _cold_start_only}
