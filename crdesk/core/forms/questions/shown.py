"""Items that take no answer: text to read (info) and values worked out (calculated)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from crdesk.core.forms import expression_types as T
from crdesk.core.forms.questions.base import QuestionHandler
from crdesk.core.forms.questions.kind import QuestionType

if TYPE_CHECKING:
    from crdesk.core.forms.questions.item_view import QuestionItem as Item


class Info(QuestionHandler):
    """A heading and a body of text (e.g. the NACR patient information)."""

    type = QuestionType.INFO
    answerable = False


class Calculated(QuestionHandler):
    """A value the engine works out from ``expr`` (BMI, minutes a week), rounded to
    ``places``; never stored, always recomputed."""

    type = QuestionType.CALCULATED
    answerable = False
    computed = True

    def name_info(self, item: Item) -> T.NameInfo | None:
        # Provisional, so that a reference to a later calculation is reported as an order
        # problem (or a cycle), not as an unknown name; refined once ``expr`` is checked.
        return T.NameInfo(T.NUMBER)

    def expressions(self, item: Item) -> Iterator[tuple[str, str, str | None]]:
        if item.expr:
            yield "expr", item.expr, None
