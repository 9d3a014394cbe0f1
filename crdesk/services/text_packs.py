"""Installing a licensed text pack: the wording patients read, so an admin's act (issue 12).

Only an admin may install one; it is done while the clinic is held (the session belongs to
a ClinicHome, which holds the instance lock), written as a whole folder and swapped in
(core/forms/textpacks.py), and audited with which items' wording it changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crdesk.core.forms.loader import check_paths, default_forms_dir, text_dir
from crdesk.core.forms.text_usage import text_keys
from crdesk.core.forms.textpacks import (
    TextCatalog,
    check_text_pack,
    install_text_pack,
)
from crdesk.services.session import Session

MAX_ITEMS_IN_AUDIT = 200


@dataclass(frozen=True)
class PackInstalled:
    path: Path
    namespace: str
    locale: str
    changed_items: list[str]  # e.g. "hads.q1": an item whose wording this pack changes
    unchanged_items: int


def installed_text_dir(session: Session) -> Path:
    return session.home.basedir.root / "text"


def needed_keys() -> dict[str, set[str]]:
    """Every text key the shipped forms use, so an incomplete pack is refused."""
    needed: dict[str, set[str]] = {}
    for form in check_paths([default_forms_dir()]).forms:
        for key in text_keys(form):
            needed.setdefault(key.split(".", 1)[0], set()).add(key)
    return needed


def _item(key: str) -> str:
    """The item a text key belongs to: ``hads.q1.a3`` -> ``hads.q1``."""
    parts = key.split(".")
    return ".".join(parts[:2]) if len(parts) > 2 else key


def install(session: Session, pack_path: Path) -> PackInstalled:
    """Check, install and audit ``pack_path``; raises FormLoadError naming every problem."""
    session.require_admin("install a text pack (it changes what patients read)")
    shipped = text_dir(default_forms_dir())
    reference = TextCatalog.from_dirs([shipped])
    pack = check_text_pack(pack_path, needed_keys(), reference)
    target = installed_text_dir(session)
    before = TextCatalog.from_dirs([shipped, target], pack.locale)
    changed: dict[str, None] = {}
    same: set[str] = set()
    for key, text in sorted(pack.texts.items()):
        old = before.resolve(key)
        if old.missing or old.text != text:
            changed[_item(key)] = None
        else:
            same.add(_item(key))
    items = list(changed)
    with session.change("forms.install_text", "text_pack", f"{pack.locale}/{pack.namespace}",
                        {"sha256": pack.content_hash, "version": pack.version,
                         "items_changed": len(items),
                         "items": items[:MAX_ITEMS_IN_AUDIT]}):
        # Inside the transaction: if the files cannot be written, no entry claims they were.
        path = install_text_pack(pack_path, target, needed_keys(), reference)
    return PackInstalled(path, pack.namespace, pack.locale, items, len(same - set(items)))
