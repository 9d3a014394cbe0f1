"""Export profiles as data (forms/exports/*.yaml): which columns, from where, coded how.

The NACR upload format is not public (../shared/reference/nacr.md §6), so nothing about
columns lives in code: a profile names each column, the field or answer it comes from,
an optional code map, whether it is required, and the profile's own version.

Sources a column may name:
  patient.<field>                 e.g. patient.nhs_number
  episode.<field>                 e.g. episode.event_date
  assessment.<A1|A2|A3>.<field>   due_date or done_date
  answer.<A1|A2|A3>.<question>    the patient's answer in that assessment's questionnaire
  staff.<A1|A2|A3>.<question>     the clinical-assessment answer recorded by staff
  score.<A1|A2|A3>.<score>        a stored score (e.g. hads_anxiety)
  derived.<name>                  age_band, age_at_referral, postcode_district, pseudonym
  batch.record_type               "new", or "amendment" for a record sent before and changed
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from crdesk.errors import KnownError

SOURCE_RE = re.compile(
    r"^(patient|episode)\.[a-z_]+$"
    r"|^(assessment|answer|staff|score)\.(A1|A2|A3)\.[a-z0-9_.]+$"
    r"|^derived\.(age_band|age_at_referral|postcode_district|pseudonym)$"
    r"|^batch\.record_type$"
)
IDENTIFYING = {"patient.nhs_number", "patient.family_name", "patient.given_name",
               "patient.date_of_birth", "patient.postcode", "patient.hospital_number"}
KINDS = ("text", "date", "code", "number")
# Where a column's codes come from, told to the receiver (README.txt in each package):
# "crdesk" marks crdesk's own code lists (no NHS Data Dictionary or NACR list was found).
CODE_LISTS = ("nhs-dd", "nhs-wales", "nyha", "crdesk")

# libyaml's safe loader when the wheel has it (it always does on the supported platforms):
# the same safe types, ~10x faster than the pure-Python one; the main window reads these
# files each time it is built (issue 15).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Column:
    name: str
    source: str
    kind: str = "text"
    required: bool = False
    codes: dict[str, str] = field(default_factory=dict)
    description: str = ""
    form_codes: bool = False  # take the codes from the form's options (answer./staff. only)
    code_list: str = ""  # one of CODE_LISTS: whose codes these are


@dataclass(frozen=True)
class Profile:
    id: str
    version: str
    title: str
    identifiable: bool
    file_name: str
    date_format: str
    encoding: str
    delimiter: str
    columns: tuple[Column, ...]
    require_a1: bool = True

    def sources(self) -> set[str]:
        return {c.source for c in self.columns}


class ProfileError(KnownError):
    pass


def _fail(path: Path, where: str, why: str) -> ProfileError:
    return ProfileError(f"{path.name}: {where}: {why}", "Fix the export profile file.")


def load_profile(path: Path) -> Profile:
    try:
        d: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise _fail(path, "file", f"cannot be read as YAML ({exc.__class__.__name__})") from None
    if not isinstance(d, dict):
        raise _fail(path, "file", "must be a mapping")
    for key in ("id", "version", "title", "identifiable", "file", "columns"):
        if key not in d:
            raise _fail(path, key, "is missing")
    columns = []
    names: set[str] = set()
    for i, c in enumerate(d["columns"]):
        where = f"columns[{i}]"
        if not isinstance(c, dict) or "name" not in c or "source" not in c:
            raise _fail(path, where, "needs a name and a source")
        if c["name"] in names:
            raise _fail(path, where, f"column {c['name']!r} appears twice")
        names.add(c["name"])
        if not SOURCE_RE.match(str(c["source"])):
            raise _fail(path, where, f"unknown source {c['source']!r}")
        form_codes = bool(c.get("form_codes", False))
        if form_codes and not str(c["source"]).startswith(("answer.", "staff.")):
            raise _fail(path, where, "form_codes only applies to answer. and staff. sources")
        kind = c.get("kind", "code" if c.get("codes") or form_codes else "text")
        if kind not in KINDS:
            raise _fail(path, where, f"kind must be one of {', '.join(KINDS)}")
        codes = {str(k): str(v) for k, v in (c.get("codes") or {}).items()}
        code_list = str(c.get("code_list", ""))
        if code_list and code_list not in CODE_LISTS:
            raise _fail(path, where, f"code_list must be one of {', '.join(CODE_LISTS)}")
        columns.append(Column(str(c["name"]), str(c["source"]), kind,
                              bool(c.get("required", False)), codes,
                              str(c.get("description", "")), form_codes, code_list))
    profile = Profile(
        id=str(d["id"]), version=str(d["version"]), title=str(d["title"]),
        identifiable=bool(d["identifiable"]), file_name=str(d["file"]),
        date_format=str(d.get("date_format", "%d/%m/%Y")),
        encoding=str(d.get("encoding", "utf-8")), delimiter=str(d.get("delimiter", ",")),
        columns=tuple(columns), require_a1=bool(d.get("require_a1", True)),
    )
    leaks = profile.sources() & IDENTIFYING
    if not profile.identifiable and leaks:
        raise _fail(path, "columns", f"a de-identified profile cannot carry {sorted(leaks)}")
    return profile


def profiles_dir() -> Path:
    import sys

    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    return base / "forms" / "exports"


def available_profiles(directory: Path | None = None) -> dict[str, Profile]:
    directory = directory or profiles_dir()
    out = {}
    for p in sorted(directory.glob("*.yaml")):
        prof = load_profile(p)
        out[prof.id] = prof
    return out


def with_form_codes(profile: Profile, lookup: Callable[[str, str], dict[str, str]]) -> Profile:
    """Fill the code lists of ``form_codes`` columns from the forms.

    ``lookup(mode, question_id)`` gives an option-value -> code map (specials included) for
    the patient ("answer") or staff ("staff") form. Codes a column lists itself win.
    """
    cols = []
    for c in profile.columns:
        if c.form_codes:
            mode = "patient" if c.source.startswith("answer.") else "staff"
            codes = {**lookup(mode, c.source.split(".", 2)[2]), **c.codes}
            c = replace(c, codes=codes)
        cols.append(c)
    return replace(profile, columns=tuple(cols))
