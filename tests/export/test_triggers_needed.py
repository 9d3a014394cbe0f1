"""With a trigger that keeps the export rows (schema 11) dropped, the changes of the property
test (tests/export/test_kept_rows.py ``_change``) leave a kept row unlike the row built from
scratch, and the comparison sees it: the property test can fail when that mark goes
missing.

Not yet for every trigger: for the 13 in ``NOT_YET_CAUGHT`` no change of those kinds goes
stale within 144 changes with the trigger dropped (and the hypothesis test's 8
derandomized examples pass with the episode UPDATE trigger dropped, on main too, which
this test catches). Either another trigger marks the same episode for every
change the app makes of that kind, or ``_change`` lacks the change that needs it; which,
trigger by trigger, is still to be worked out. Strict xfail: a trigger caught later fails
here until it is taken off the list."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from crdesk.export.profile import available_profiles
from crdesk.services.export import ExportService
from crdesk.services.session import Session
from crdesk.storage.schema_v11 import STATEMENTS
from tests.export.conftest import add_episode
from tests.export.test_kept_rows import KINDS, LOCAL, _change

TODAY = dt.date(2026, 3, 1)
TRIGGERS = sorted(m.group(1) for stmt in STATEMENTS
                  for m in [re.match(r"CREATE TRIGGER (\w+)", stmt)] if m)


NOT_YET_CAUGHT = {
    "export_rows_an_ins", "export_rows_an_upd", "export_rows_as_del", "export_rows_as_upd",
    "export_rows_pt_del", "export_rows_re_del", "export_rows_re_upd", "export_rows_rs_del",
    "export_rows_rs_ins", "export_rows_rs_upd", "export_rows_sc_del", "export_rows_sc_ins",
    "export_rows_sc_upd"}


def _stale_rows(service: ExportService) -> bool:
    service.refresh_rows(TODAY)
    return any(service.kept_rows(p) != service.rows_from_scratch(p, TODAY)
               for p in service.profiles)


@pytest.mark.parametrize("trigger", [
    pytest.param(t, marks=pytest.mark.xfail(strict=True, reason="not caught yet (see above)"))
    if t in NOT_YET_CAUGHT else t for t in TRIGGERS])
def test_without_any_one_trigger_a_kept_row_goes_stale(admin: Session, profiles_dir: Path,
                                                        trigger: str) -> None:
    (profiles_dir / "testlocal.yaml").write_text(LOCAL)
    service = ExportService(admin, available_profiles(profiles_dir))
    for i in range(4):
        add_episode(admin, seed=100 + i)
    add_episode(admin, seed=300, a1=False)
    assert not _stale_rows(service)
    admin._db.execute(f"DROP TRIGGER {trigger}")
    rng = random.Random(trigger)
    for _ in range(12):
        for kind in rng.sample(KINDS, len(KINDS)):
            _change(admin, kind, rng)
            if _stale_rows(service):
                return
    pytest.fail(f"no change went stale without {trigger}")
