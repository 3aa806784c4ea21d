"""The core must stay importable from a plain script: no Qt, no QGIS."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_modules_import_neither_qt_nor_qgis():
    code = (
        "import importlib, pkgutil, sys\n"
        "import jwjt_plugin.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'jwjt_plugin.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "import jwjt_plugin.cli\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('qgis', 'PyQt5', 'sip', 'processing'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core pulled in: {out.stdout.strip()}"
