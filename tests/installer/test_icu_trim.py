"""installer/linux/icu_trim.py: the trimmed ICU data library still does what Qt asks of it."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "installer" / "linux"))
import icu_trim  # noqa: E402

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or not all(shutil.which(t) for t in ("readelf", "as", "ld")),
    reason="Linux with binutils (make bundle installs them)")


def _qt_lib() -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    return Path(spec.submodule_search_locations[0]) / "Qt" / "lib"


def test_keep_rules() -> None:
    assert icu_trim.keep("en_GB.res", 100) and icu_trim.keep("root.res", 100)
    assert icu_trim.keep("coll/ucadata.icu", 10**6) and icu_trim.keep("coll/en.res", 10)
    assert not icu_trim.keep("fr.res", 100) and not icu_trim.keep("coll/de_.res", 10)
    assert not icu_trim.keep("brkitr/cjdict.dict", 10**6)
    assert not icu_trim.keep("translit/root.res", 10)
    assert icu_trim.keep("ibm-5348_P100-1997.cnv", 2000)  # windows-1252
    assert not icu_trim.keep("gb18030.cnv", 10**5)
    assert icu_trim.keep("pool.res", 10**5) and icu_trim.keep("supplementalData.res", 10**5)


def test_trimmed_library_serves_qt(tmp_path: Path) -> None:
    source = next(_qt_lib().glob("libicudata.so.*"))
    assert icu_trim.main([str(source), str(tmp_path)]) == 0
    trimmed = tmp_path / source.name
    assert trimmed.stat().st_size < source.stat().st_size / 4
    probe = (
        "from PySide6.QtCore import QCollator, QLocale, QStringEncoder\n"
        "c = QCollator(QLocale('en_GB'))\n"
        "print(sorted(['zoe', 'Émile', 'adam', 'Zoë'], key=c.sortKey))\n"
        "print(QStringEncoder('windows-1252').isValid(), QLocale('en_GB').toUpper('straße'))\n"
        "print(any('" + str(tmp_path) + "' in l for l in open('/proc/self/maps')))\n")
    env = {**os.environ, "LD_LIBRARY_PATH": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env,
                       timeout=60, check=False)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["['adam', 'Émile', 'zoe', 'Zoë']", "True STRASSE", "True"]
