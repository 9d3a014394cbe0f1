"""Questionnaires as data: the form format, its loader and checks, the UI-free engine and scoring.

Typical use::

    form = load_form("nacr_patient")                      # or a path to a .yaml file
    texts = TextCatalog.from_dirs([text_dir(default_forms_dir()), basedir.root / "text"], "en-GB")
    session = FormSession(form, answers={}, context={"assessment": "A1"}, texts=texts)
    session.answer("smoking_status", "never")
    session.next(); session.progress; session.summary(); session.scores()

No Qt, SQL or crypto here: stdlib and PyYAML only.
"""

from crdesk.core.forms.answers import AnswerError, JsonValue
from crdesk.core.forms.engine import FormSession, SummaryRow, ValidationMessage
from crdesk.core.forms.history import MigratedAnswers, migrate_answers
from crdesk.core.forms.loader import (
    FormRegistry,
    check_paths,
    default_forms_dir,
    load_form,
    text_dir,
)
from crdesk.core.forms.model import Form, Item, Option, Page
from crdesk.core.forms.problems import FormLoadError, Problem
from crdesk.core.forms.questions import QuestionHandler, QuestionType, handler_for
from crdesk.core.forms.scoring import ScoreResult, score_form
from crdesk.core.forms.textpacks import PSEUDO_LOCALE, ResolvedText, TextCatalog, install_text_pack

__all__ = [
    "PSEUDO_LOCALE",
    "AnswerError",
    "Form",
    "FormLoadError",
    "FormRegistry",
    "FormSession",
    "Item",
    "JsonValue",
    "MigratedAnswers",
    "Option",
    "Page",
    "Problem",
    "QuestionHandler",
    "QuestionType",
    "ResolvedText",
    "ScoreResult",
    "SummaryRow",
    "TextCatalog",
    "ValidationMessage",
    "check_paths",
    "default_forms_dir",
    "handler_for",
    "install_text_pack",
    "load_form",
    "migrate_answers",
    "score_form",
    "text_dir",
]
