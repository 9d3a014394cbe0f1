"""crdesk.core.forms stays pure: no Qt, database, crypto or PDF library is imported."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_forms_package_pulls_in_no_heavy_library() -> None:
    code = (
        "import sys, crdesk.core.forms, crdesk.cli.forms\n"
        "heavy = ('PySide6', 'sqlcipher3', 'cryptography', 'reportlab', 'argon2')\n"
        "bad = [m for m in heavy if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_module_sizes_stay_readable() -> None:
    from pathlib import Path

    import crdesk.core.forms as package

    for path in Path(package.__file__).parent.glob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines < 450, f"{path.name} has {lines} lines: split it"
