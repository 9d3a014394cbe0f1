"""Importing the deprivation lookup: both layouts, per nation, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from crdesk.errors import PermissionDeniedError, ValidationError
from crdesk.services import deprivation
from crdesk.services.session import Session
from crdesk.storage import dashboard_repo

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "deprivation"


def test_onspd_layout_england(admin: Session) -> None:
    r = deprivation.import_lookup(admin, FIXTURES / "onspd_sample.csv", "england")
    # LS1 1AA rank 3285 of 32844 -> decile 2; LS6 2BB rank 32844 -> 10; BD7 3CC has no rank;
    # the Welsh and Northern Irish rows are skipped.
    assert (r.kind, r.postcodes, r.skipped_other_nations, r.skipped_no_rank) == (
        "onspd", 2, 2, 1)
    assert dashboard_repo.decile_of(admin._db, "england", "ls1 1aa") == 2
    assert dashboard_repo.decile_of(admin._db, "england", "LS62BB") == 10
    assert dashboard_repo.decile_of(admin._db, "england", "BD7 3CC") is None
    src = deprivation.sources(admin)
    assert [(s.nation, s.source_kind, s.postcodes, s.synthetic) for s in src] == [
        ("england", "onspd", 2, False)]
    assert "IMD 2019" in r.message()


def test_onspd_layout_wales_and_northern_ireland(admin: Session) -> None:
    assert deprivation.import_lookup(admin, FIXTURES / "onspd_sample.csv", "wales").postcodes == 1
    assert dashboard_repo.decile_of(admin._db, "wales", "CF10 1AB") == 1  # 95 of 1909
    deprivation.import_lookup(admin, FIXTURES / "onspd_sample.csv", "northern_ireland")
    assert dashboard_repo.decile_of(admin._db, "northern_ireland", "BT1 1AA") == 1


def test_plain_layout_replaces_the_nations_lookup(admin: Session) -> None:
    deprivation.import_lookup(admin, FIXTURES / "onspd_sample.csv", "england")
    r = deprivation.import_lookup(admin, FIXTURES / "postcode_decile.csv", "england")
    assert (r.kind, r.postcodes) == ("postcode_decile", 3)
    assert dashboard_repo.decile_of(admin._db, "england", "LS1 1AA") == 1
    assert dashboard_repo.decile_of(admin._db, "england", "BD7 3CC") == 5
    # Headerless works too.
    deprivation.import_text(admin, "LS1 1AA,4\n", "england", "x.csv")
    assert dashboard_repo.decile_of(admin._db, "england", "LS6 2BB") is None


@pytest.mark.parametrize(("text", "nation", "words"), [
    ("postcode,decile\nLS1 1AA,1\nLS6 2BB,11\n", "england", "Line 3: the decile '11'"),
    ("postcode,decile\nLS1 1AA,1\nnot a postcode,3\n", "england", "Line 3: 'not a postcode'"),
    ("postcode,decile\nLS1 1AA,1,9\n", "england", "Line 2: expected 2 columns"),
    ("postcode,decile\nLS1 1AA,1\nBT1 1AA,3\n", "england",
     "Line 3: BT11AA is a Northern Ireland postcode"),
    ("postcode,decile\nLS1 1AA,1\n", "northern_ireland", "Line 2: LS11AA is not a Northern"),
    ("postcode,decile\nEH1 1AA,1\n", "wales", "Line 2: EH11AA is a Scottish postcode"),
    ("postcode,decile\nLS1 1AA,1\nLS1 1AA,2\n", "england", "Line 3: LS11AA appears again"),
    ("", "england", "empty"),
    ("postcode,decile\n", "england", "no postcodes"),
])
def test_bad_files_name_the_line_and_import_nothing(admin: Session, text: str, nation: str,
                                                    words: str) -> None:
    deprivation.import_text(admin, "LS9 9AA,7\n", "england", "before.csv")
    with pytest.raises(ValidationError) as e:
        deprivation.import_text(admin, text, nation, "bad.csv")
    assert words in e.value.message and "Nothing was imported" in e.value.message
    # The earlier lookup is whole, and nothing of the bad file went in.
    assert dashboard_repo.decile_of(admin._db, "england", "LS9 9AA") == 7
    assert dashboard_repo.decile_of(admin._db, "england", "LS1 1AA") is None


def test_onspd_problems(admin: Session, tmp_path: Path) -> None:
    rows = (FIXTURES / "onspd_sample.csv").read_text().splitlines()
    header, english = rows[0], rows[1]
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([header, english, english.replace(",3285,", ",99999,")]) + "\n")
    with pytest.raises(ValidationError, match="Line 3: the IMD rank '99999'"):
        deprivation.import_lookup(admin, bad, "england")
    welsh_only = tmp_path / "wales.csv"
    welsh_only.write_text("\n".join([header, rows[4]]) + "\n")
    with pytest.raises(ValidationError, match="no ranked postcodes in England"):
        deprivation.import_lookup(admin, welsh_only, "england")
    assert deprivation.sources(admin) == []


def test_admin_only_audited_and_synthetic_only_for_demo(admin: Session,
                                                        staff: Session) -> None:
    with pytest.raises(PermissionDeniedError):
        deprivation.import_text(staff, "LS1 1AA,1\n", "england", "x.csv")
    with pytest.raises(ValidationError, match="only for demo clinics"):
        deprivation.add_synthetic_lookup(admin)
    deprivation.import_text(admin, "LS1 1AA,1\n", "england", "x.csv")
    from crdesk.storage import audit_repo

    e = audit_repo.entries(admin._db, action="deprivation.import", limit=1)[0]
    assert (e.actor, e.entity_id) == ("admin", "england")
