"""The release smoke (tests/smoke/run_smoke.py) on this machine: the `make package` ZIP into a
fresh profile, the dependency installer from the ZIP with a folder of wheels, qgis_process, and
real QGIS under Xvfb running the synergy dock three times in one process.

The driver is stdlib-only and runs with the system's Python, as it does in the Debian 13 and
sid chroots; this test only builds its inputs and reads its smoke.json.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "tests" / "smoke" / "run_smoke.py"
SYSPY = "/usr/bin/python3"
WHEEL_CACHE = Path.home() / ".cache" / "jwjt-wheels"

needs_real_qgis = pytest.mark.skipif(
    shutil.which("qgis.bin") is None or not (shutil.which("xvfb-run") or shutil.which("Xvfb"))
    or not Path(SYSPY).exists(), reason="needs qgis.bin, xvfb-run (or Xvfb) and /usr/bin/python3")


def clean_env():
    """The caller's environment less what pytest, the venv and the Makefile add."""
    env = dict(os.environ)
    for var in ("PYTHONPATH", "VIRTUAL_ENV", "QGIS_CUSTOM_CONFIG_PATH", "QT_QPA_PLATFORM"):
        env.pop(var, None)
    return env


@pytest.fixture(scope="module")
def release_zip(tmp_path_factory):
    """`make package`, copied out of dist/ at once (others may rebuild it meanwhile)."""
    proc = subprocess.run(["make", "-s", "package"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    wrote = re.findall(r"Wrote (\S+\.zip)", proc.stdout)
    version = re.search(r"^version=(\S+)", (ROOT / "metadata.txt").read_text(encoding="utf-8"), re.M).group(1)
    built = ROOT / (wrote[-1] if wrote else f"dist/jwjt_plugin-{version}.zip")
    dest = tmp_path_factory.mktemp("zip") / built.name
    shutil.copy(built, dest)
    return dest


def system_has_dependencies(tmp: Path) -> bool:
    """The installer's own verdict on the system Python (Debian 13 and sid ship shapely 2 and
    geopandas; Debian 12 does not)."""
    proc = subprocess.run([SYSPY, str(ROOT / "jwjt_plugin" / "install_dependencies.py"), "--check",
                           "--target", str(tmp)], env=clean_env(), capture_output=True, text=True, timeout=120)
    return proc.returncode == 0


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    """Wheels of the pip-only pins (requirements/runtime.txt) for the system Python, cached in
    ~/.cache/jwjt-wheels/smoke-cpXY and downloaded from PyPI once; no folder (the smoke then
    installs nothing) where the system already has what the plugin needs."""
    if system_has_dependencies(tmp_path_factory.mktemp("empty_target")):
        return None
    pins = [ln.split("#")[0].strip() for ln in (ROOT / "requirements/runtime.txt").read_text().splitlines()]
    pins = [p for p in pins if "==" in p]
    pyver = subprocess.run([SYSPY, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                           capture_output=True, text=True, check=True).stdout.strip()
    folder = WHEEL_CACHE / f"smoke-cp{pyver.replace('.', '')}"

    def have(pin):
        name, ver = pin.split("==")
        return any(folder.glob(f"{re.sub(r'[-_.]+', '_', name)}-{ver}-*.whl"))

    if not all(have(p) for p in pins):
        folder.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check",
                               "--no-deps", "--only-binary=:all:", "--implementation", "cp", "--python-version",
                               pyver, "-d", str(folder), *pins], capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0 and all(have(p) for p in pins), proc.stdout[-2000:] + proc.stderr[-2000:]
    return folder


def wheel_args(wheels):
    return ["--wheels", str(wheels)] if wheels is not None else []


def run_driver(zip_path, out, *extra, timeout=400):
    cmd = [SYSPY, str(DRIVER), "--zip", str(zip_path), "--out", str(out), *extra]
    proc = subprocess.run(cmd, env=clean_env(), capture_output=True, text=True, timeout=timeout)
    report = json.loads((out / "smoke.json").read_text(encoding="utf-8")) if (out / "smoke.json").exists() else {}
    return proc, report


@needs_real_qgis
def test_three_dock_runs_in_one_real_qgis(release_zip, wheels, tmp_path):
    out = tmp_path / "smoke"
    proc, report = run_driver(release_zip, out, *wheel_args(wheels), "--locale", "zh-Hans",
                              "--size", "1366x768", "--runs", "3")
    why = proc.stdout[-3000:] + proc.stderr[-3000:]
    assert report, why
    status = report["qgis"]["status"]
    runs = status.get("runs", [])
    assert [r.get("ok") for r in runs] == [True, True, True], why
    assert [r["flagged"] for r in runs] == [88, 88, 88], why
    assert not report["qgis"]["crashed"], why
    assert len(status["provider_algorithms"]) == report["expected_algorithms"]["count"] > 0, why
    assert sorted(report["qgis_process"]["jwjt_algorithms"]) == sorted(status["provider_algorithms"]), why
    assert Path(report["qgis"]["screenshot"]).exists(), why
    assert proc.stdout.startswith("smoke: qgis="), why
    assert proc.returncode == 0 and report["ok"], why


def crashing_copy(zip_path: Path, dest: Path) -> Path:
    """The ZIP with a segfault planted at the start of the SECOND background task run, the
    way QGIS 3.40 with pyproj 3.7 crashes."""
    name = "jwjt_plugin/processing/synergy_algorithm.py"
    with zipfile.ZipFile(zip_path) as src:
        text = src.read(name).decode("utf-8")
        patched, n = re.subn(r"(\n(\s+)def execute\(self[^\n]*:[^\n]*\n)",
                             lambda m: (m.group(1) + m.group(2) + "    _SMOKE_RUNS.append(1)\n" + m.group(2)
                                        + "    if len(_SMOKE_RUNS) == 2:\n" + m.group(2)
                                        + "        import ctypes; ctypes.string_at(0)\n"), text, count=1)
        if not n or "\nclass SynergyFlagsAlgorithm(" not in patched:
            pytest.skip("SynergyFlagsAlgorithm.execute not found to plant the crash")
        patched = patched.replace("\nclass SynergyFlagsAlgorithm(", "\n_SMOKE_RUNS = []\n\n\nclass SynergyFlagsAlgorithm(", 1)
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
            for item in src.infolist():
                out.writestr(item, patched if item.filename == name else src.read(item))
    return dest


@needs_real_qgis
def test_driver_reports_a_crash_in_the_second_run(release_zip, wheels, tmp_path):
    bad_zip = crashing_copy(release_zip, tmp_path / "crashing.zip")
    out = tmp_path / "smoke"
    proc, report = run_driver(bad_zip, out, *wheel_args(wheels), "--runs", "3", "--skip-qgis-process")
    why = proc.stdout[-3000:] + proc.stderr[-3000:]
    assert proc.returncode != 0, why
    crash = report["qgis"]["crash"]
    assert crash["name"] == "SIGSEGV" and crash["stage"] == "run2_started", crash
    assert "during run 2 of 3" in crash["where"]
    assert any("synergy_algorithm.py" in ln for ln in crash["python_stack"]), crash
    assert "crash=yes" in proc.stdout and "runs=1/3" in proc.stdout, why
    assert "QGIS CRASHED (SIGSEGV) during run 2 of 3" in proc.stdout, why
