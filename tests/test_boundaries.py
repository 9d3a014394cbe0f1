"""The layering rules: one home for Qt, one for the database driver, one for crypto."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "crdesk"
HEAVY = {"PySide6", "sqlcipher3", "cryptography", "argon2", "reportlab"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules() -> list[tuple[str, set[str]]]:
    return [(p.relative_to(PKG.parent).as_posix(), _imports(p)) for p in PKG.rglob("*.py")]


ALLOWED = {
    "PySide6": ("crdesk/gui/", "crdesk/app.py"),
    "sqlcipher3": ("crdesk/storage/",),
    "cryptography": ("crdesk/crypto/",),
    "argon2": ("crdesk/crypto/",),
    "reportlab": ("crdesk/reports/",),
}


@pytest.mark.parametrize("lib", sorted(ALLOWED))
def test_library_imported_only_in_its_home(lib: str) -> None:
    offenders = [
        name for name, imports in _modules()
        if lib in imports and not name.startswith(ALLOWED[lib])
    ]
    assert offenders == [], f"{lib} imported outside {ALLOWED[lib]}: {offenders}"


def test_core_imports_no_heavy_library() -> None:
    offenders = [(n, sorted(i & HEAVY)) for n, i in _modules()
                 if n.startswith("crdesk/core/") and i & HEAVY]
    assert offenders == []


def _crdesk_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("crdesk"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("crdesk"):
            names.add(node.module or "")
    return names


@pytest.mark.parametrize("name", ["patients", "answers"])
def test_pure_demo_generators_import_only_core(name: str) -> None:
    # They were in core/ and stay as pure: no library beyond core's, no storage or services.
    path = PKG / "demo" / f"{name}.py"
    assert _imports(path) & HEAVY == set()
    outside = {m for m in _crdesk_imports(path) if not m.startswith("crdesk.core")}
    assert outside == set()


def test_boundary_checker_sees_a_violation(tmp_path: Path) -> None:
    # The scanner must be able to fail: a module importing PySide6 is detected.
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport sqlcipher3.dbapi2\n")
    assert {"PySide6", "sqlcipher3"} <= _imports(bad)


def test_back_end_loads_without_qt() -> None:
    code = (
        "import sys, crdesk.core, crdesk.services.home, crdesk.cli.parser, crdesk.selftest\n"
        "bad = [m for m in ('PySide6', 'reportlab') if m in sys.modules]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
