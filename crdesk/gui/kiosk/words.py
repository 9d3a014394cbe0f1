"""The kiosk's own words (buttons, progress, privacy and exit screens), per locale.

Question wording comes from the form's text packs through the engine; these are the words
around it, and they are a text pack too: namespace ``kiosk`` in ``forms/text/<locale>/
kiosk.yaml``, read through the same ``TextCatalog`` as the forms. So en-XA (pseudo-localised,
for spotting clipped text in the kiosk's frame) comes from the catalog, ``crdesk forms check``
checks the pack, and a clinic can add a language by installing a ``kiosk`` pack for it (with
``crdesk forms install-text``) beside the form packs of that language.

Keys are used here without the ``kiosk.`` prefix and with the locale of ``language.<locale>``
written as in the pack (``language.en-GB`` is ``kiosk.language.en_gb``).
"""

from __future__ import annotations

from functools import cache

from crdesk.core.forms import PSEUDO_LOCALE, TextCatalog, default_forms_dir, text_dir
from crdesk.core.forms.textpacks import BASE_LOCALE

NAMESPACE = "kiosk"


def kiosk_locales(form_locales: tuple[str, ...]) -> list[str]:
    """The locales to offer: the form's, plus the pseudo-locale (always renderable)."""
    chosen = list(form_locales) or [BASE_LOCALE]
    if PSEUDO_LOCALE not in chosen:
        chosen.append(PSEUDO_LOCALE)
    return chosen


def pack_key(key: str) -> str:
    """``nav.next`` -> ``kiosk.nav.next``; ``language.en-GB`` -> ``kiosk.language.en_gb``."""
    return f"{NAMESPACE}.{key.lower().replace('-', '_')}"


@cache
def shipped_catalog(locale: str) -> TextCatalog:
    """The packs shipped in forms/text for ``locale`` (read once per process and locale)."""
    return TextCatalog.from_dirs([text_dir(default_forms_dir())], locale)


class KioskWords:
    """Looks up kiosk words for one locale, falling back to en-GB, never raising.

    ``texts`` is the catalog the form session uses (shipped plus installed packs); without
    one, the shipped packs.
    """

    def __init__(self, locale: str = BASE_LOCALE, texts: TextCatalog | None = None) -> None:
        self.locale = locale
        self._texts = texts if texts is not None and texts.locale == locale \
            else shipped_catalog(locale)

    def __call__(self, key: str, **params: object) -> str:
        return self._texts.text(pack_key(key), **params)

    def language_name(self, locale: str) -> str:
        # Each language is named in its own words, so a patient can find theirs.
        return KioskWords(locale)(f"language.{locale}")
