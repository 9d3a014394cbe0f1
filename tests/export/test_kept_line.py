"""A kept row's line, record-type offset and hash are exactly what the plain way gives
(csv.writer over every neutralised cell; the cell found by writing the line up to it; the
hash of the values less the record type), whatever the cells hold: delimiters, quotes,
line breaks, formula triggers, even the private-use character the one-pass writer uses
to find the record-type cell. A different line or hash would send every record again as
an amendment, or a wrong value."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from crdesk.export.profile import available_profiles
from crdesk.services.export import ExportService, csv_line, row_hash
from crdesk.services.export_rows import _MARK
from crdesk.services.session import Session
from crdesk.storage import episodes_repo, patients_repo
from tests.export.conftest import add_episode

TODAY = dt.date(2026, 3, 1)
NAMES = """\
id: testnames
version: "1"
title: Test profile with free text
identifiable: true
file: names.csv
delimiter: "{delimiter}"
columns:
  - {{name: GIVEN, source: patient.given_name}}
  - {{name: FAMILY, source: patient.family_name}}
  - {{name: KIND, source: batch.record_type}}
  - {{name: POSTCODE, source: patient.postcode}}
  - {{name: KIND_AGAIN, source: batch.record_type}}
"""
AWKWARD = ["plain", "", "with, comma", 'a "quoted" word', "two\nlines", "=HYPERLINK(1)",
           "-1.5", "@home", "tab\tinside", "semi;colon", f"mark {_MARK} inside", _MARK,
           f"{_MARK}\n{_MARK}"]


def _plain_way(service: ExportService, profile_id: str, eid: int) -> tuple[str, int, str]:
    build = service._builders(TODAY)[1][profile_id]
    (snap,) = episodes_repo.snapshots(service.session._db, None, [eid])
    r = build(snap, "new")
    names = [c.name for c in build.profile.columns]
    cells = [r.values.get(n, "") for n in names]
    at = len(csv_line(build.profile, [*cells[:2], "new"])) - len("new\r\n")
    return csv_line(build.profile, cells), at, row_hash(build.profile, r)


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_kept_lines_equal_the_plain_way(admin: Session, profiles_dir: Path,
                                        delimiter: str) -> None:
    (profiles_dir / "testnames.yaml").write_text(NAMES.format(delimiter=delimiter))
    eids = []
    for i, (given, family) in enumerate(zip(AWKWARD, reversed(AWKWARD), strict=True)):
        pid, eid = add_episode(admin, seed=500 + i)
        p = patients_repo.get(admin._db, pid)
        assert p is not None
        with admin.change("test.setup", "patient"):
            patients_repo.update(admin._db, dataclasses.replace(
                p, given_name=given, family_name=family, postcode=given or None))
        eids.append(eid)
    service = ExportService(admin, available_profiles(profiles_dir))
    service.refresh_rows(TODAY)
    kept = service.kept_rows("testnames")
    for eid in eids:
        line, at, h = _plain_way(service, "testnames", eid)
        row = kept[eid]
        assert (row.line, row.record_type_at, row.row_hash) == (line, at, h), eid
        assert row.line[at:at + 3] == "new"
