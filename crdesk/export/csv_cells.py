"""CSV cells that a spreadsheet would run as a formula are neutralised.

A hospital number typed as ``=HYPERLINK(...)`` or a note starting with ``@`` becomes a
formula when the receiver opens the CSV in Excel (CSV injection, OWASP). Such a cell gets a
leading apostrophe, which spreadsheets show as text. Plain numbers, negative ones included
(a change score of -1.5), are data and are left exactly as they are.
"""

from __future__ import annotations

import re

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# The first characters of every trigger: a cell starting with none of them is left as it is.
TRIGGER_FIRST = "".join(t[0] for t in _TRIGGERS)
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def neutralise(cell: object) -> str:
    text = "" if cell is None else str(cell)
    if text.startswith(_TRIGGERS) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text
