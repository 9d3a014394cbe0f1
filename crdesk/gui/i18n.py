"""The staff screens' language: Qt translations from resources/translations.

Every string the staff interface shows goes through :func:`translate` with a literal context
and text, so ``pyside6-lupdate`` finds it (``make translations`` regenerates the ``.ts`` sources
and builds the ``.qm`` files). Placeholders are filled *after* translation with ``.format()``,
so the translated text keeps its ``{slots}``.

The language is a pre-unlock preference (``language`` in settings.json, default en-GB);
``CRDESK_LANG`` overrides it (``CRDESK_LANG=en-XA`` shows the pseudo-locale: accented,
bracketed, 40 % longer, for finding untranslated strings and layouts that clip). The kiosk
does not use this: its words are a text pack (forms/text/<locale>/kiosk.yaml).
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QTranslator

from crdesk.gui.resources import resources_dir

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "en-GB"
LANGUAGES = ("en-GB", "en-XA")
ENV_VAR = "CRDESK_LANG"
# A widget property: true when the widget shows words from outside the GUI's translations
# (service messages), so the en-XA check (tools/screenshots/staff_check.py) leaves it out.
UNTRANSLATED_PROPERTY = "crdeskUntranslated"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``: the text in the installed language (or as written)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def chosen_language(setting: str | None = None) -> str:
    """``CRDESK_LANG`` if set, else the settings.json preference, else en-GB."""
    wanted = os.environ.get(ENV_VAR) or setting or DEFAULT_LANGUAGE
    return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


def qm_path(language: str) -> str:
    return str(resources_dir() / "translations" / f"crdesk_{language.replace('-', '_')}.qm")


_installed: QTranslator | None = None


def install_language(app: QCoreApplication, language: str) -> bool:
    """Install the translator for ``language``; en-GB (the source language) needs none.

    Returns whether a translation is in use. A missing ``.qm`` (a source checkout where
    ``make translations`` has not run) falls back to the English source strings.
    """
    global _installed
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if language == DEFAULT_LANGUAGE:
        return False
    translator = QTranslator(app)
    if not translator.load(qm_path(language)):
        log.warning("no translation file for %s; showing English", language)
        return False
    app.installTranslator(translator)
    _installed = translator
    return True


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate knows this name)
    """Marks a string for ``pyside6-lupdate`` where it is defined (a module-level table);
    the code translates it where it is shown, with ``translate(context, value)``."""
    return text
