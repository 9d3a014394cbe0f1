"""Text packs: every word a person reads, per locale, kept apart from the form structure.

A pack is one YAML file with a ``namespace`` (the first part of its keys: ``hads`` for
``hads.q1.label``), a ``locale`` and its ``texts``. Licensed instruments (HADS, Dartmouth COOP)
ship as *placeholder* packs whose every text says that the licensed text is not installed; a
licensed clinic installs the real pack into ``<basedir>/text`` with ``crdesk forms
install-text``, and it then takes precedence over the placeholder.

The pseudo-locale ``en-XA`` is made on the fly from en-GB: accented, bracketed and 40 % longer,
so a layout test can see clipped or hard-coded strings at a glance.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import secrets
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crdesk.atomic import write_atomic
from crdesk.core.forms.problems import FormLoadError, Problem, ProblemSink
from crdesk.core.forms.spec import Field, Issue, MapOf, Obj, Scalar, build
from crdesk.core.forms.yamldoc import YamlSyntaxError, parse_yaml, read_yaml_file

BASE_LOCALE = "en-GB"
PSEUDO_LOCALE = "en-XA"
PLACEHOLDER_MARK = "Licensed text not installed"
_PARAM_RE = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class TextPack:
    format: int
    namespace: str
    locale: str
    version: int
    placeholder: bool
    licence: str
    texts: Mapping[str, str]
    instrument: str = ""
    # False when the licence forbids administering the instrument by interview (read to the
    # patient by telephone, video or in person); staff entry then offers only a skip.
    interview: bool = True
    images: Mapping[str, str] = field(default_factory=dict)
    source: str = ""
    content_hash: str = ""

    def image_path(self, key: str) -> Path | None:
        rel = self.images.get(key)
        if not rel or not safe_image_path(rel):
            return None
        return _inside(Path(self.source).parent, rel)


PACK = Obj(
    "text_pack",
    {
        "format": Field(Scalar("integer", const=1), required=True),
        "namespace": Field(Scalar("string", pattern=r"[a-z][a-z0-9_]*"), required=True),
        "locale": Field(Scalar("string", pattern=r"[a-z]{2}(-[A-Z]{2})?"), required=True),
        "version": Field(Scalar("integer", minimum=1), required=True),
        "placeholder": Field(
            Scalar("boolean"), required=True, doc="true if the licensed text is absent"
        ),
        "licence": Field(
            Scalar("string"), required=True, doc="who owns the wording and on what terms"
        ),
        "instrument": Field(Scalar("string")),
        "interview": Field(
            Scalar("boolean"),
            doc="false if the licence forbids reading the instrument to a patient"
            " (telephone, video or in person)",
        ),
        "texts": Field(MapOf(Scalar("string"), r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+"), required=True),
        "images": Field(
            MapOf(Scalar("string"), r"[a-z][a-z0-9_.]*"), doc="image key -> file beside the pack"
        ),
    },
    model=TextPack,
)


def params_of(text: str) -> set[str]:
    return set(_PARAM_RE.findall(text))


def read_pack(path: Path, display: str | None = None) -> tuple[TextPack | None, list[Problem]]:
    """Read and check one pack file; returns the pack (or None) and every problem found."""
    name = display or str(path)
    try:
        text = read_yaml_file(path)
        doc = parse_yaml(text)
    except (YamlSyntaxError, UnicodeDecodeError) as exc:
        line = exc.line if isinstance(exc, YamlSyntaxError) else None
        return None, [
            Problem(name, line, "", str(exc), "fix the YAML syntax (indentation, quotes, colons)")
        ]
    sink = ProblemSink(name, doc.data, doc.lines)
    for issue_path, _line, reason, fix in doc.issues:
        sink.add(issue_path, reason, fix)
    issues: list[Issue] = []
    PACK.validate(doc.data, (), issues)
    for issue in issues:
        sink.add(issue.path, issue.reason, issue.fix)
    if sink.problems:
        return None, sink.problems
    data = doc.data
    namespace = data["namespace"]
    for key, text in data["texts"].items():
        if not key.startswith(namespace + "."):
            sink.add(
                ("texts", key),
                f"key {key!r} is outside namespace {namespace!r}",
                f"start it with {namespace}.",
            )
        if data["placeholder"] and PLACEHOLDER_MARK not in text:
            sink.add(
                ("texts", key),
                "a placeholder text does not say the licensed text is missing",
                f"include the words {PLACEHOLDER_MARK!r}",
            )
    for key, rel in data.get("images", {}).items():
        if not safe_image_path(rel):
            sink.add(
                ("images", key),
                f"image path {rel!r} leaves the pack folder or is not a plain file name",
                "use a file name beside the pack, such as images/chart1.png",
            )
        elif (inside := _inside(path.parent, rel)) is None or not inside.is_file():
            sink.add(
                ("images", key),
                f"image file {rel!r} not found",
                "put the file beside the pack or fix the path",
            )
    if sink.problems:
        return None, sink.problems
    pack = build(PACK, data)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return TextPack(**{**pack.__dict__, "source": str(path), "content_hash": digest}), []


def discover(root: Path) -> list[Path]:
    # Dot-named folders are an install in progress (or one a crash left): never packs.
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*.yaml") if p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(root).parts))


def load_packs(roots: Sequence[Path]) -> tuple[list[TextPack], list[Problem]]:
    """Every pack under ``roots``; a later root's pack replaces an earlier one.

    "The same pack" means the same namespace and locale, so an installed licensed HADS pack
    replaces the shipped placeholder.
    """
    chosen: dict[tuple[str, str], TextPack] = {}
    problems: list[Problem] = []
    for root in roots:
        for path in discover(root):
            pack, found = read_pack(path)
            problems.extend(found)
            if pack is not None:
                chosen[(pack.namespace, pack.locale)] = pack
    return list(chosen.values()), problems


@dataclass(frozen=True)
class ResolvedText:
    """A string ready to show, and whether it is a stand-in for licensed or missing text."""

    text: str
    placeholder: bool = False
    missing: bool = False


_ACCENTS = str.maketrans(
    "aceinousyzAEIOUCNSYZgGhHkKlLrRtTwWdD",
    "åçéîñöûšýžÅÉÎÖÛÇÑŠÝŽĝĜĥĤķĶļĻŕŔţŢŵŴđĐ",
)


def pseudo_localise(text: str) -> str:
    """Accented, bracketed and at least 40 % longer; {placeholders} are left intact."""
    pieces = _PARAM_RE.split(text)
    # split() with a group alternates text and placeholder names.
    body = "".join(
        p.translate(_ACCENTS) if i % 2 == 0 else "{" + p + "}" for i, p in enumerate(pieces)
    )
    padding = max(0, math.ceil(len(text) * 1.4) - len(text) - 2)
    filler = (" " + "·" * (padding - 1)) if padding > 1 else "·" * padding
    return f"[{body}{filler}]"


class TextCatalog:
    """Resolves text keys for one locale, falling back to en-GB, never raising for a missing key."""

    def __init__(self, packs: Iterable[TextPack], locale: str = BASE_LOCALE) -> None:
        self.locale = locale
        self.pseudo = locale == PSEUDO_LOCALE
        lookup_locale = BASE_LOCALE if self.pseudo else locale
        by_ns: dict[str, list[TextPack]] = {}
        for pack in packs:
            if pack.locale in (lookup_locale, BASE_LOCALE):
                by_ns.setdefault(pack.namespace, []).append(pack)
        # The requested locale first, then the en-GB fallback.
        self.packs: dict[str, list[TextPack]] = {
            ns: sorted(found, key=lambda p: p.locale != lookup_locale)
            for ns, found in by_ns.items()
        }

    @classmethod
    def from_dirs(cls, roots: Sequence[Path], locale: str = BASE_LOCALE) -> TextCatalog:
        packs, problems = load_packs(roots)
        if problems:
            raise FormLoadError(problems)
        return cls(packs, locale)

    def _find(self, key: str) -> tuple[str, TextPack] | None:
        for pack in self.packs.get(key.split(".", 1)[0], []):
            if key in pack.texts:
                return pack.texts[key], pack
        return None

    def has(self, key: str) -> bool:
        return self._find(key) is not None

    def resolve(self, key: str, **params: object) -> ResolvedText:
        found = self._find(key)
        if found is None:
            return ResolvedText(f"[{key}]", missing=True)
        text, pack = found
        if self.pseudo:  # before filling in values, which are data, not wording
            text = pseudo_localise(text)
        if params:
            text = _PARAM_RE.sub(lambda m: str(params.get(m.group(1), m.group(0))), text)
        return ResolvedText(text, placeholder=pack.placeholder)

    def text(self, key: str, **params: object) -> str:
        return self.resolve(key, **params).text

    def image(self, key: str) -> Path | None:
        for pack in self.packs.get(key.split(".", 1)[0], []):
            found = pack.image_path(key)
            if found is not None:
                return found
        return None

    def namespaces(self) -> set[str]:
        return set(self.packs)

    def is_placeholder(self, namespace: str) -> bool:
        packs = self.packs.get(namespace, [])
        return bool(packs) and packs[0].placeholder

    def interview_allowed(self, namespace: str) -> bool:
        """False when the pack in use says its licence forbids administering by interview."""
        packs = self.packs.get(namespace, [])
        return not packs or packs[0].interview

    def instrument(self, namespace: str) -> str:
        packs = self.packs.get(namespace, [])
        return packs[0].instrument if packs else ""

    def has_locale(self, namespace: str) -> bool:
        """Whether a pack of the asked-for language itself (not the en-GB fallback) exists."""
        if self.pseudo or self.locale == BASE_LOCALE:
            return bool(self.packs.get(namespace))
        return any(p.locale == self.locale for p in self.packs.get(namespace, []))

    def provenance(self) -> dict[str, dict[str, object]]:
        """Which pack supplied each namespace: store it with a response."""
        return {
            ns: {
                "locale": p[0].locale,
                "version": p[0].version,
                "sha256": p[0].content_hash,
                "placeholder": p[0].placeholder,
            }
            for ns, p in sorted(self.packs.items())
        }


# An image path is one or two plain names joined by "/": letters, digits, dot, dash and
# underscore, no leading dot. Checked the same way on every platform, so a path such as
# ``..\\..\\keyslots.json`` (harmless on Linux, a way out of the folder on Windows) or
# ``C:evil.png`` is refused everywhere; then the resolved file must still lie inside.
_IMAGE_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


def safe_image_path(rel: object) -> bool:
    if not isinstance(rel, str) or not rel:
        return False
    parts = rel.split("/")
    return len(parts) <= 2 and all(_IMAGE_PART.match(p) and ".." not in p for p in parts)


def _inside(folder: Path, rel: str) -> Path | None:
    target = (folder / rel).resolve()
    return target if target.is_relative_to(folder.resolve()) else None


def install_text_pack(
    pack_path: Path,
    target_dir: Path,
    required_keys: Mapping[str, set[str]] | None = None,
    reference: TextCatalog | None = None,
) -> Path:
    """Check a pack and copy it (with its images) to ``target_dir/<locale>/<namespace>/``.

    ``required_keys`` (namespace -> keys the installed forms use) makes an incomplete pack fail
    instead of leaving half the questions blank; ``reference`` (usually the en-GB catalog)
    catches translations whose {placeholders} differ from the original.
    """
    pack = check_text_pack(pack_path, required_keys, reference)
    return _write_pack_folder(pack, Path(pack_path), Path(target_dir))


def check_text_pack(
    pack_path: Path,
    required_keys: Mapping[str, set[str]] | None = None,
    reference: TextCatalog | None = None,
) -> TextPack:
    """Every check install_text_pack makes, writing nothing; raises FormLoadError."""
    pack, problems = read_pack(Path(pack_path))
    if pack is None:
        raise FormLoadError(problems)
    name = str(pack_path)
    if pack.placeholder:
        problems.append(
            Problem(
                name,
                None,
                "placeholder",
                "this is a placeholder pack, not a licensed one",
                "install the pack supplied with your licence",
            )
        )
    needed = (required_keys or {}).get(pack.namespace, set())
    missing = sorted(needed - set(pack.texts))
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        problems.append(
            Problem(
                name,
                None,
                "texts",
                f"{len(missing)} texts the forms need are missing: {shown}",
                "ask the supplier for a complete pack for this form version",
            )
        )
    if reference is not None:
        for key, text in pack.texts.items():
            original = reference.resolve(key)
            if (
                not original.missing
                and not original.placeholder
                and params_of(original.text) != params_of(text)
            ):
                problems.append(
                    Problem(
                        name,
                        None,
                        f"texts.{key}",
                        "the {placeholders} differ from en-GB",
                        f"use exactly {sorted(params_of(original.text))}",
                    )
                )
    if problems:
        raise FormLoadError(problems)
    return pack


def _write_pack_folder(pack: TextPack, pack_path: Path, target_dir: Path) -> Path:
    """Write the pack's folder whole beside the target, then swap it in: a failure part-way
    leaves the previous wording in place, never a mix of old and new (issue 12)."""
    dest = target_dir / pack.locale / pack.namespace
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    token = secrets.token_hex(6)
    # Dot-named and outside the namespace folder: never read as a pack (discover() walks
    # only ``<locale>/<namespace>/pack.yaml``).
    staged = dest.parent / f".{pack.namespace}.new-{token}"
    old = dest.parent / f".{pack.namespace}.old-{token}"
    staged.mkdir(mode=0o700)
    try:
        for rel in pack.images.values():
            source = pack_path.parent / rel
            target = staged / rel
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(target, source.read_bytes())
        write_atomic(staged / "pack.yaml", pack_path.read_bytes())
        if dest.exists():
            os.replace(dest, old)
        try:
            os.replace(staged, dest)
        except BaseException:
            if old.exists() and not dest.exists():
                os.replace(old, dest)  # put the previous wording back
            raise
    finally:
        shutil.rmtree(staged, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return dest / "pack.yaml"
