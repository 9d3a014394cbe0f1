"""The layers as contracts (import-linter, configured in pyproject.toml), and the rule that
nothing in crdesk/ spins the event loop by hand (slow work is a background operation)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path, env_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(env_path)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_layer_contracts_hold() -> None:
    result = _lint(ROOT, ROOT)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout and "KEPT" in result.stdout


def test_layer_checker_can_fail(tmp_path: Path) -> None:
    # A GUI module that reaches into storage breaks the same kind of contract.
    pkg = tmp_path / "probe"
    for sub in ("gui", "services", "storage"):
        (pkg / sub).mkdir(parents=True)
        (pkg / sub / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "storage" / "repo.py").write_text("X = 1\n")
    (pkg / "gui" / "page.py").write_text("from probe.storage import repo\n")
    (tmp_path / ".importlinter").write_text(textwrap.dedent("""
        [importlinter]
        root_package = probe

        [importlinter:contract:door]
        name = The GUI reaches data only through the services
        type = forbidden
        source_modules = probe.gui
        forbidden_modules = probe.storage
    """))
    result = _lint(tmp_path, tmp_path)
    assert result.returncode != 0 and "BROKEN" in result.stdout


def _calls_process_events(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr == "processEvents"]


def test_nothing_in_crdesk_calls_process_events() -> None:
    offenders = {str(p.relative_to(ROOT)): lines for p in (ROOT / "crdesk").rglob("*.py")
                 if (lines := _calls_process_events(p))}
    assert offenders == {}, (
        "Spinning the event loop by hand re-enters slots mid-change; run slow work with "
        f"crdesk.gui.operations.run_operation instead: {offenders}")


def test_process_events_finder_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QApplication\nQApplication.processEvents()\n")
    assert _calls_process_events(bad) == [2]


def _ruff_on(filename: str, source: str) -> subprocess.CompletedProcess[str]:
    ruff = Path(sys.executable).with_name("ruff")
    return subprocess.run([str(ruff), "check", "--no-cache", "--select", "SLF001",
                           "--stdin-filename", filename, "-"], input=source, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_the_database_handle_is_private_to_the_services() -> None:
    # Ruff's SLF001 runs in `make test`; pyproject lets only services (and demo, self-test,
    # tests, tools) touch another object's private members such as Session._db.
    reach_in = "def f(session):\n    return session._db.query('SELECT 1')\n"
    assert _ruff_on("crdesk/gui/staff/example.py", reach_in).returncode == 1
    assert _ruff_on("crdesk/cli/example.py", reach_in).returncode == 1
    assert _ruff_on("crdesk/services/example.py", reach_in).returncode == 0
