"""A full disk: the save fails visibly, nothing acknowledged is lost, files stay as they were."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _run_on_small_tmpfs(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    mnt = tmp_path / "small"
    mnt.mkdir()
    root = Path(__file__).resolve().parents[2]
    # A private mount namespace (as root, or as a user where user namespaces are allowed),
    # so the test needs no real small disk and leaves no mount behind.
    unshare = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    script = (f"mount -t tmpfs -o size=3m tmpfs '{mnt}' && "
              f"exec '{sys.executable}' -m tests.helpers.disk_full '{mnt}'")
    return subprocess.run([*unshare, "sh", "-c", script], capture_output=True, text=True,
                          cwd=root, timeout=300)


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs util-linux unshare")
def test_disk_full(tmp_path: Path) -> None:
    r = _run_on_small_tmpfs(tmp_path)
    if r.returncode != 0 and "mount" in r.stderr and "permission" in r.stderr.lower():
        pytest.skip("this machine does not allow a private tmpfs mount")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["acked"] > 0
    assert "disk is full" in out["save_error"]
    assert "not enough space" in out["slot_error"]
    assert out["slots_unchanged"] is True
    assert "disk is full" in out["backup_error"] or "not enough space" in out["backup_error"]
    assert out["backup_leftovers"] == []
    assert out["missing"] == []
    assert out["check_ok"] is True
    assert out["reset_audited"] == 0  # the failed password reset left no audit claim behind
