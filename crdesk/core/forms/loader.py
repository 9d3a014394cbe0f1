"""Loading forms: YAML -> structural validation -> model -> semantic checks, all errors at once.

Each form gets a content hash: the SHA-256 of its parsed content in canonical JSON (sorted keys,
no whitespace), so editing a comment does not change it but any change of meaning does. Every
response stores form id, version and this hash.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from crdesk.core.forms.checks import check_form
from crdesk.core.forms.model import Form
from crdesk.core.forms.problems import FormLoadError, Problem, ProblemSink
from crdesk.core.forms.schema import FORM
from crdesk.core.forms.spec import Issue, build
from crdesk.core.forms.textpacks import BASE_LOCALE, TextCatalog, load_packs
from crdesk.core.forms.yamldoc import YamlSyntaxError, parse_yaml, read_yaml_file
from crdesk.core.shipped import shipped_dir


def default_forms_dir() -> Path:
    """The forms shipped with crdesk: beside the package in a checkout, in _MEIPASS when frozen."""
    return shipped_dir("forms", "CRDESK_FORMS_DIR")


def text_dir(forms_dir: Path) -> Path:
    return forms_dir / "text"


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot hash {type(value).__name__}")


def content_hash(data: Any) -> str:
    canonical = json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _resolve_option_sets(data: dict[str, Any], sink: ProblemSink) -> None:
    """Replace ``options: set_name`` with the named list, before the model is built."""
    sets = data.get("option_sets") or {}
    for p_index, page in enumerate(data.get("pages", [])):
        for i_index, item in enumerate(page.get("items", [])):
            name = item.get("options")
            if isinstance(name, str):
                if name in sets:
                    item["options"] = sets[name]
                else:
                    close = difflib.get_close_matches(name, list(sets), n=1)
                    fix = f"did you mean {close[0]!r}?" if close else "define it under option_sets"
                    sink.add(
                        ("pages", p_index, "items", i_index, "options"),
                        f"unknown option set {name!r}",
                        fix,
                    )


def _normalise_dates(data: Any) -> Any:
    """YAML reads an unquoted 2024-01-31 as a date; bounds want ``date("2024-01-31")``."""
    if isinstance(data, dict):
        return {k: _normalise_dates(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_normalise_dates(v) for v in data]
    if isinstance(data, dt.date):
        return f'date("{data.isoformat()}")'
    return data


def read_form(
    path: Path, catalog: TextCatalog | None, display: str | None = None
) -> tuple[Form | None, list[Problem]]:
    """Load and check one form file. ``catalog`` (en-GB) lets text keys be checked."""
    name = display or str(path)
    try:
        doc = parse_yaml(read_yaml_file(path))
    except YamlSyntaxError as exc:
        return None, [
            Problem(
                name, exc.line, "", exc.reason, "fix the YAML syntax (indentation, quotes, colons)"
            )
        ]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [
            Problem(
                name,
                None,
                "",
                f"cannot read the file: {exc}",
                "check the path and that it is UTF-8",
            )
        ]
    sink = ProblemSink(name, doc.data, doc.lines)
    for issue_path, _line, reason, fix in doc.issues:
        sink.add(issue_path, reason, fix)
    issues: list[Issue] = []
    FORM.validate(doc.data, (), issues)
    for issue in issues:
        sink.add(issue.path, issue.reason, issue.fix)
    if sink.problems:
        return None, sink.problems
    digest = content_hash(doc.data)
    _resolve_option_sets(doc.data, sink)
    if sink.problems:
        return None, sink.problems
    form = replace(build(FORM, _normalise_dates(doc.data)), source=str(path), content_hash=digest)
    check_form(form, sink, catalog)
    return (None, sink.problems) if sink.problems else (form, [])


@dataclass
class CheckReport:
    forms: list[Form]
    packs: int
    problems: list[Problem]


def form_files(paths: Iterable[Path]) -> list[Path]:
    """Form files under the given files or folders; text packs (under text/) and export
    profiles (under exports/) are not forms."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*.yaml"))
                if not {"text", "exports"} & set(p.relative_to(path).parts[:-1])
            )
        else:
            found.append(path)
    return found


def check_paths(
    paths: Sequence[Path],
    text_roots: Sequence[Path] | None = None,
    display_root: Path | None = None,
) -> CheckReport:
    """Check forms and their text packs; nothing is raised, every problem is returned."""
    if text_roots is None:
        # Packs beside the forms checked (forms/text), else the shipped ones.
        folders = {p if p.is_dir() else p.parent for p in paths}
        text_roots = sorted(text_dir(f) for f in folders if text_dir(f).is_dir()) or [
            text_dir(default_forms_dir())
        ]
    packs, problems = load_packs(text_roots)
    catalog = TextCatalog(packs, BASE_LOCALE)
    forms: list[Form] = []
    seen: dict[tuple[str, int], str] = {}
    for path in form_files(paths):
        shown = (
            str(path.relative_to(display_root))
            if display_root and path.is_relative_to(display_root)
            else str(path)
        )
        form, found = read_form(path, catalog, shown)
        problems.extend(found)
        if form is not None:
            if form.key in seen:
                problems.append(
                    Problem(
                        shown,
                        None,
                        "version",
                        f"{form.id} version {form.version} is also in {seen[form.key]}",
                        "raise the version of the newer file",
                    )
                )
            seen[form.key] = shown
            forms.append(form)
    if not forms and not problems:
        problems.append(
            Problem(
                ", ".join(map(str, paths)),
                None,
                "",
                "no form files found",
                "pass a .yaml file or a folder of them",
            )
        )
    return CheckReport(forms, len(packs), problems)


# The forms parsed from a folder, by what is in it. Every screen that needs the forms (the
# export page, questionnaires, referral, paper forms) parsed the whole folder afresh: seconds
# on a clinic laptop each time the main window was built (issue 15). Forms are frozen, so a
# registry made from the cached tuple cannot change another's; any file added, removed or
# rewritten changes the key (its inode, size and change time), so an edit is read at once.
_PARSED: dict[tuple[tuple[str, int, int, int, int], ...], tuple[Form, ...]] = {}


def _fingerprint(folders: Sequence[Path]) -> tuple[tuple[str, int, int, int, int], ...]:
    entries = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
            try:
                st = path.stat()
            except OSError:
                continue  # removed while listed: its absence is in the key
            entries.append((str(path), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
    return tuple(entries)


class FormRegistry:
    """Every version of every form in a folder, looked up by id (latest) or by id and version."""

    def __init__(self, forms: Iterable[Form]) -> None:
        self._forms: dict[tuple[str, int], Form] = {form.key: form for form in forms}

    @classmethod
    def from_dir(cls, forms_dir: Path | None = None) -> FormRegistry:
        folder = forms_dir or default_forms_dir()
        key = _fingerprint([folder, text_dir(default_forms_dir())])
        forms = _PARSED.get(key)
        if forms is None:
            report = check_paths([folder])
            if report.problems:
                raise FormLoadError(report.problems)
            forms = _PARSED[key] = tuple(report.forms)
        return cls(forms)

    def get(self, form_id: str, version: int | None = None) -> Form:
        if version is not None:
            return self._forms[(form_id, version)]
        versions = [v for (fid, v) in self._forms if fid == form_id]
        if not versions:
            raise KeyError(form_id)
        return self._forms[(form_id, max(versions))]

    def ids(self) -> list[str]:
        return sorted({fid for fid, _ in self._forms})

    def __iter__(self) -> Iterator[Form]:
        return iter(self._forms.values())


def load_form(path_or_id: str | Path, forms_dir: Path | None = None) -> Form:
    """A form from a file path, or the latest version of a form id in the forms folder."""
    candidate = Path(path_or_id)
    if candidate.suffix in (".yaml", ".yml") or candidate.exists():
        root = forms_dir or (
            candidate.parent if text_dir(candidate.parent).is_dir() else default_forms_dir()
        )
        packs, problems = load_packs([text_dir(root)])
        form, found = read_form(candidate, TextCatalog(packs))
        if form is None or problems:
            raise FormLoadError([*problems, *found])
        return form
    return FormRegistry.from_dir(forms_dir).get(str(path_or_id))
