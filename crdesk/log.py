"""Logging set-up (Qt-free). Log files are owner-only and never carry identifiers.

Code logs ids (patient 42, response 7), never names, NHS numbers, dates of birth or answers.
As a second line of defence a filter blanks anything shaped like an NHS number or a date.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

_NHS_LIKE = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
_DATE_LIKE = re.compile(r"\b\d{4}-\d{2}-\d{2}(?!T)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")


def redact(text: str) -> str:
    return _DATE_LIKE.sub("[date]", _NHS_LIKE.sub("[number]", text))


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
