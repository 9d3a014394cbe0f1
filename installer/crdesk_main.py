"""Entry point of the frozen bundle (PyInstaller runs this file as __main__)."""

import os
import sys


def _coerce_c_locale() -> None:
    """Do what Python's own interpreter does at start-up (PEP 538), which a frozen app skips.

    Under the C/POSIX locale (a bare service account, CI, a minimal install) Qt switches to
    C.UTF-8 itself but prints a four-line warning first; choosing C.UTF-8 here is the same
    result, quietly. Linux/BSD only: Windows and macOS have no C locale to coerce.
    """
    if sys.platform in ("win32", "darwin") or os.environ.get("LC_ALL"):
        return
    current = os.environ.get("LC_CTYPE") or os.environ.get("LANG") or "C"
    if current in ("C", "POSIX"):
        os.environ["LC_CTYPE"] = "C.UTF-8"


_coerce_c_locale()

from crdesk.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
