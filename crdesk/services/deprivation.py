"""Import the deprivation lookup (postcode -> decile) that the equity tables use.

Two layouts are accepted, per nation (IMD for England, WIMD for Wales, NIMDM for Northern
Ireland; each nation's ranks are not comparable with another's):

- the ONS Postcode Directory CSV (ONSPD / NSPL layout): columns ``pcds`` (or ``pcd``,
  ``pcd2``), ``ctry`` and ``imd`` (the postcode's rank on its nation's index, 1 = most
  deprived). Rows of other nations are skipped; the rank becomes a decile with the area
  count in standards/deprivation-indices.yaml.
- a plain ``postcode,decile`` CSV (header optional), decile 1-10.

Everything is read and checked first; a problem names the line and nothing is imported.
Then one transaction replaces that nation's lookup, with its audit row. Admin only.
"""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from crdesk.core.dashboard.standards import NATION_LABELS, NATIONS, load_deprivation
from crdesk.errors import ValidationError
from crdesk.services.session import Session
from crdesk.storage import dashboard_repo

POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$")
# Postcode areas wholly in Scotland (SIMD is not supported) and Northern Ireland's one area.
SCOTTISH_AREAS = {"AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML",
                  "PA", "PH", "ZE"}
NI_AREA = "BT"
_ONSPD_POSTCODE = ("pcds", "pcd", "pcd2")


@dataclass(frozen=True)
class ImportResult:
    nation: str
    kind: str  # "onspd" or "postcode_decile"
    postcodes: int
    skipped_other_nations: int
    skipped_no_rank: int
    index_name: str

    def message(self) -> str:
        extra = []
        if self.skipped_other_nations:
            extra.append(f"{self.skipped_other_nations} row(s) of other nations skipped")
        if self.skipped_no_rank:
            extra.append(f"{self.skipped_no_rank} row(s) without a rank skipped")
        tail = f" ({'; '.join(extra)})" if extra else ""
        return (f"Imported {self.postcodes} postcode(s) for "
                f"{NATION_LABELS[self.nation]} ({self.index_name}){tail}.")


class LookupFileError(ValidationError):
    pass


def _fail(line: int, why: str) -> LookupFileError:
    return LookupFileError(f"Line {line}: {why}. Nothing was imported.",
                           "Fix the file (or choose the right nation) and import it again.")


def normalise(postcode: str) -> str:
    return postcode.replace(" ", "").strip().upper()


def _area(pc: str) -> str:
    m = re.match(r"^[A-Z]{1,2}", pc)
    return m.group(0) if m else ""


def _nation_problem(pc: str, nation: str) -> str | None:
    area = _area(pc)
    if area in SCOTTISH_AREAS:
        return f"{pc} is a Scottish postcode; crdesk has no Scottish index (SIMD)"
    if nation == "northern_ireland" and area != NI_AREA:
        return f"{pc} is not a Northern Ireland postcode (they start with BT)"
    if nation != "northern_ireland" and area == NI_AREA:
        return f"{pc} is a Northern Ireland postcode, not in {NATION_LABELS[nation]}"
    return None


def _ascii_digits(text: str) -> bool:
    """0-9 only: str.isdigit() also takes superscripts and other scripts' digits, on which
    int() raises or which no lookup file means."""
    return text.isascii() and text.isdigit()


def _rows(stream: TextIO) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(stream)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        raise _fail(reader.line_num, f"not a valid CSV row ({exc})") from None
    except UnicodeDecodeError:
        raise _fail(reader.line_num + 1, "the text is not UTF-8") from None


def parse(stream: TextIO, nation: str) -> tuple[dict[str, int], ImportResult]:
    """Read and check a whole lookup file; raise LookupFileError naming the first bad line."""
    if nation not in NATIONS:
        raise ValidationError(f"'{nation}' is not a nation crdesk knows.",
                              f"Choose one of: {', '.join(NATIONS)}.")
    index = load_deprivation()[nation]
    rows = _rows(stream)
    first = next(rows, None)
    while first is not None and not any(c.strip() for c in first[1]):
        first = next(rows, None)
    if first is None:
        raise LookupFileError("The lookup file is empty. Nothing was imported.",
                              "Choose the ONS postcode directory CSV or a postcode,decile CSV.")
    header = [c.strip().lower().lstrip("\ufeff") for c in first[1]]
    out: dict[str, int] = {}
    other = no_rank = 0
    if "imd" in header and "ctry" in header and any(h in header for h in _ONSPD_POSTCODE):
        kind = "onspd"
        pcol = header.index(next(h for h in _ONSPD_POSTCODE if h in header))
        ccol, icol = header.index("ctry"), header.index("imd")
        for line, row in rows:
            if not any(c.strip() for c in row):
                continue
            if len(row) <= max(pcol, ccol, icol):
                raise _fail(line, f"{len(row)} column(s), the header has {len(header)}")
            if row[ccol].strip() != index.onspd_country:
                other += 1
                continue
            pc, rank = normalise(row[pcol]), row[icol].strip()
            if not POSTCODE.match(pc):
                raise _fail(line, f"'{row[pcol].strip()}' is not a postcode")
            if not rank:
                no_rank += 1
                continue
            if not _ascii_digits(rank) or not 1 <= int(rank) <= index.areas:
                raise _fail(line, f"the IMD rank '{rank}' is not a whole number from 1 to "
                                  f"{index.areas} ({index.index})")
            out[pc] = index.decile_of_rank(int(rank))
        if not out:
            raise LookupFileError(
                f"This postcode directory has no ranked postcodes in "
                f"{NATION_LABELS[nation]} ({other} row(s) of other nations). Nothing was "
                "imported.", "Choose the clinic's nation, or the right file.")
    else:
        kind = "postcode_decile"
        data: Iterator[tuple[int, list[str]]] = rows
        if header[:2] != ["postcode", "decile"]:
            data = _chain(first, rows)  # no header: the first line is data
        for line, row in data:
            if not any(c.strip() for c in row):
                continue
            if len(row) != 2:
                raise _fail(line, f"expected 2 columns (postcode,decile), found {len(row)}")
            pc, dec = normalise(row[0]), row[1].strip()
            if not POSTCODE.match(pc):
                raise _fail(line, f"'{row[0].strip()}' is not a postcode")
            problem = _nation_problem(pc, nation)
            if problem:
                raise _fail(line, problem)
            if not _ascii_digits(dec) or not 1 <= int(dec) <= 10:
                raise _fail(line, f"the decile '{dec}' is not a whole number from 1 to 10")
            if pc in out and out[pc] != int(dec):
                raise _fail(line, f"{pc} appears again with a different decile")
            out[pc] = int(dec)
        if not out:
            raise LookupFileError("The lookup file has no postcodes. Nothing was imported.",
                                  "Choose a file with postcode,decile rows.")
    return out, ImportResult(nation, kind, len(out), other, no_rank, index.index)


def _chain(first: tuple[int, list[str]],
           rest: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    yield first
    yield from rest


def read_lookup(path: Path, nation: str) -> tuple[dict[str, int], ImportResult]:
    """Read and check a lookup file (reading only); raises a ValidationError naming what
    is wrong."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            return parse(stream, nation)
    except OSError:
        raise ValidationError(f"The file {path.name} could not be read.",
                              "Check the path and try again.") from None


def import_lookup(session: Session, path: Path, nation: str) -> ImportResult:
    session.require_admin("import the deprivation lookup")
    table, result = read_lookup(path, nation)
    _store(session, table, result, path.name, synthetic=False)
    return result


def import_text(session: Session, text: str, nation: str, file_name: str) -> ImportResult:
    """The same from text already read (tests, or a GUI that read the file itself)."""
    session.require_admin("import the deprivation lookup")
    table, result = parse(io.StringIO(text, newline=""), nation)
    _store(session, table, result, file_name, synthetic=False)
    return result


def _store(session: Session, table: dict[str, int], result: ImportResult, file_name: str,
           *, synthetic: bool) -> None:
    with session.change("deprivation.import", "deprivation", result.nation,
                        {"kind": result.kind, "postcodes": result.postcodes,
                         "synthetic": synthetic}) as db:
        dashboard_repo.replace_lookup(db, result.nation, sorted(table.items()),
                                      source_kind=result.kind, file_name=file_name,
                                      index_name=result.index_name, postcodes=len(table),
                                      synthetic=synthetic, actor=session.username)


def add_synthetic_lookup(session: Session, nation: str = "england", seed: int = 9) -> int:
    """A made-up decile for every postcode of a demo clinic's patients, stored and labelled
    as synthetic. Refused on a real clinic."""
    session.require_admin("add a synthetic deprivation lookup")
    if not session.clinic().is_demo:
        raise ValidationError("A synthetic deprivation lookup is only for demo clinics.",
                              "Import the ONS postcode directory instead.")
    postcodes = sorted({normalise(pc) for pc in dashboard_repo.patient_postcodes(session._db)}
                       - {""})
    rng = random.Random(seed)
    table = {pc: rng.randint(1, 10) for pc in postcodes}
    index = load_deprivation()[nation]
    result = ImportResult(nation, "synthetic", len(table), 0, 0,
                          f"SYNTHETIC demo lookup (not {index.index})")
    _store(session, table, result, "synthetic demo lookup", synthetic=True)
    return len(table)


def sources(session: Session) -> list[dashboard_repo.LookupSource]:
    return dashboard_repo.lookup_sources(session._db)
