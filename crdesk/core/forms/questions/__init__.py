"""Question types as a closed registry: ``QuestionType`` names them, and one
``QuestionHandler`` per type owns how its answers are read, checked, shown, typed for
expressions and scores, checked in a form file, and made up for demo clinics.

The GUI has the matching registry (kiosk widget and staff editor per type) in
``crdesk/gui/question_types.py``; ``tests/core/forms/test_question_types.py`` and
``tests/gui/test_question_type_registry.py`` check that both cover exactly the schema's types.
"""

from crdesk.core.forms.questions.base import QuestionHandler
from crdesk.core.forms.questions.kind import QuestionType
from crdesk.core.forms.questions.registry import HANDLERS, handler_for

__all__ = ["HANDLERS", "QuestionHandler", "QuestionType", "handler_for"]
