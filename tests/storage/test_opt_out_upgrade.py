"""Schema 6 on clinics made by every earlier version: an opt-out recorded before it (a flag
with its date) becomes a confirmed opt-out with the same date, everyone else has none, and
what a schema-5 clinic holds (opt-out states and history, consents, contact details) reads
back exactly. Uses the committed fixtures of tests/fixtures/db."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from crdesk.core.opt_out import OptOutState
from crdesk.paths import BaseDir
from crdesk.services import access
from crdesk.services.export import select_for_export
from crdesk.services.home import ClinicHome
from crdesk.storage import contacts_repo, opt_out_repo, patients_repo

from .test_upgrade_fixtures import FOLDERS, _plain


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_opt_outs_survive_the_upgrade(folder: Path, tmp_path: Path) -> None:
    info: dict[str, Any] = json.loads((folder / "fixture.json").read_text(encoding="utf-8"))
    for name in ("clinic.db", "keyslots.json"):
        shutil.copy2(folder / name, tmp_path / name)
    with ClinicHome.open(BaseDir(tmp_path)) as home:
        s = access.unlock(home, "admin", info["passwords"]["admin"])
        try:
            want = info["expected"]
            db = s._db
            for p in want["patients"]:
                status = opt_out_repo.status(db, p["id"])
                assert status is not None
                if "opt_outs" in want:  # made at schema 6 or later: read back exactly
                    continue
                if p["nacr_opt_out"]:
                    assert status.state is OptOutState.CONFIRMED
                    assert status.opt_out_date == p["nacr_opt_out_date"]
                else:
                    assert status.state is OptOutState.NONE
                assert status.history == ()
                assert contacts_repo.get(db, p["id"]).is_empty
            if "opt_outs" in want:
                ids = [p.id for p in patients_repo.all_patients(db)]
                assert [_plain(opt_out_repo.status(db, i)) for i in ids] == want["opt_outs"]
                assert [_plain(contacts_repo.get(db, i)) for i in ids] == want["contacts"]
                assert {k: opt_out_repo.consent(db, int(k))
                        for k in want["consents"]} == want["consents"]
            # Whatever the version, nobody left out before the upgrade goes in after it.
            chosen, _, _ = select_for_export(db, set())
            out_before = {p["id"] for p in want["patients"] if p["nacr_opt_out"]}
            assert not out_before & {snap.patient.id for snap in chosen}
        finally:
            s.close()
