"""Logging set-up (Qt-free). Log files are owner-only and never carry identifiers.

Code logs ids (patient 42, response 7), never names, NHS numbers, dates of birth or answers.
As a second line of defence a filter blanks anything shaped like an NHS number, a date (in
numbers or words), a UK postcode or a UK phone number.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

_NHS_LIKE = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE_LIKE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?!T)\b"  # 1950-02-01 (ISO timestamps with T are ours, kept)
    r"|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"  # 01/02/1950, 1.2.50, 01-02-1950
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{2,4}}\b"  # 31 March 1950
    rf"|\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}\b",  # March 31, 1950
    re.IGNORECASE)
# UK postcodes, with or without the space, any case (Royal Mail's shapes, loosely: a log
# line should lose a look-alike rather than keep a real one).
_POSTCODE_LIKE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE)
# UK phone numbers as people type them (contact details): 0 or +44 (with an optional "(0)"),
# then 9 or 10 digits in two or three groups, brackets round the area code allowed.
_PHONE_LIKE = re.compile(
    r"(?<![\w+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b")


def redact(text: str) -> str:
    """Blank what is shaped like a phone number, an NHS number, a date or a postcode."""
    text = _PHONE_LIKE.sub("[phone]", text)
    text = _NHS_LIKE.sub("[number]", text)
    text = _DATE_LIKE.sub("[date]", text)
    return _POSTCODE_LIKE.sub("[postcode]", text)


class RedactFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        clean = redact(msg)
        if clean != msg:
            record.msg, record.args = clean, None
        if record.exc_info:
            # A traceback's exception message could quote a value: blank it the same way.
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = log_dir / "crdesk.log"
    # Create the file owner-only before the handler opens it (umask may be permissive).
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                   encoding="utf-8")
    handler.addFilter(RedactFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for h in list(root.handlers):
        if isinstance(h, logging.handlers.RotatingFileHandler):
            root.removeHandler(h)
            h.close()
    root.addHandler(handler)
    root.setLevel(level)
    return path
