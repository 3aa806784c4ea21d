"""The headless installer: the commands it builds, what it says, and a real offline install."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jwjt_plugin import dependencies as deps, install_dependencies as inst
from jwjt_plugin.dependencies import Problem, Status

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "jwjt_plugin" / "install_dependencies.py"
SYSTEM_PYTHON = "/usr/bin/python3"
WHEEL_CACHE = Path(os.environ.get("JWJT_WHEEL_CACHE", Path.home() / ".cache" / "jwjt-wheels"))


def test_install_command_online_and_offline(tmp_path):
    reqs = ["shapely>=2.0,<2.2", "geopandas>=0.14,<1.1"]
    online = inst.pip_install_command("/usr/bin/python3", tmp_path / "libs", reqs)
    assert online[:4] == ["/usr/bin/python3", "-m", "pip", "install"]
    for flag in ("--no-deps", "--upgrade", "--only-binary=:all:"):
        assert flag in online
    assert online[online.index("--target") + 1] == str(tmp_path / "libs")
    assert online[-2:] == reqs and "--no-index" not in online
    offline = inst.pip_install_command("py", tmp_path / "libs", reqs, wheels=str(tmp_path / "w"))
    assert offline[offline.index("--find-links") + 1] == str(tmp_path / "w") and "--no-index" in offline
    mirror = inst.pip_install_command("py", tmp_path, reqs, index_url="https://mirror/simple")
    assert mirror[mirror.index("--index-url") + 1] == "https://mirror/simple"


def test_download_command_for_another_platform(tmp_path):
    argv = inst.pip_download_command("py", tmp_path, "shapely>=2.0,<2.3", ["win_amd64"], "3.12")
    joined = " ".join(argv)
    assert argv[:4] == ["py", "-m", "pip", "download"] and argv[-1] == "shapely>=2.0,<2.3"
    for part in ("--no-deps", "--only-binary=:all:", "--platform win_amd64", "--python-version 3.12",
                 "--implementation cp", f"--dest {tmp_path}"):
        assert part in joined
    here = inst.pip_download_command("py", tmp_path, "geopandas")
    assert "--platform" not in here and "--implementation" not in here


def test_download_requirements_cover_every_band_unless_numpy_is_known():
    every = inst.download_requirements()
    assert {"shapely>=2.0,<2.3", "shapely>=2.0,<2.2", "shapely>=2.0,<2.1", "geopandas>=0.14,<1.1"} <= set(every)
    assert not any(r.startswith(("pandas", "scipy", "pytz")) for r in every)
    old = inst.download_requirements(numpy="1.24.2")
    assert "shapely>=2.0,<2.3" not in old and "shapely>=2.0,<2.2" in old
    fallbacks = inst.download_requirements(with_fallbacks=True)
    assert any(r.startswith("pandas") for r in fallbacks) and "python-dateutil" in fallbacks


def test_installer_command_text_quotes_paths_with_spaces(tmp_path):
    plugin = tmp_path / "QGIS3/profiles/my profile/python/plugins/jwjt_plugin"
    argv = deps.installer_command("/usr/bin/python3", Path("/home/u/my libs"), "/media/usb/wheels",
                                  plugin_dir=plugin)
    assert argv == ["/usr/bin/python3", str(plugin / "install_dependencies.py"), "--target", "/home/u/my libs",
                    "--wheels", "/media/usb/wheels"]
    text = deps.command_text(argv, windows=False)
    assert f"'{plugin / 'install_dependencies.py'}'" in text and "--target '/home/u/my libs'" in text
    win = deps.command_text([r"C:\Program Files\QGIS 3.34\apps\Python312\python.exe", "x.py"], windows=True)
    assert win == r'"C:\Program Files\QGIS 3.34\apps\Python312\python.exe" x.py'


def test_step_lines_drive_the_progress_bar():
    assert inst.step_progress("==> [1/4] Checking") == 0.0
    assert inst.step_progress("==> [3/4] Checking what the installed packages need") == 50.0
    assert inst.step_progress("    Collecting shapely") is None


@pytest.mark.parametrize("platform, debian, expected", [
    ("linux", True, "sudo apt install python3-pip"),
    ("win32", False, "OSGeo4W Shell"),
    ("darwin", False, "-m ensurepip --upgrade"),
    ("linux", False, "-m ensurepip --upgrade"),
])
def test_advice_when_pip_is_missing(platform, debian, expected):
    text = inst.pip_missing_advice("/x/python3", platform, debian)
    assert expected in text and "pip is not available for /x/python3" in text


def fake_statuses():
    return [Status("numpy", "1.24.2", None),
            Status("shapely", "1.8.5", Problem(deps.NO_PREDICATE), "shapely>=2.0,<2.2"),
            Status("geopandas", None, Problem(deps.NOT_INSTALLED), "geopandas>=0.14,<1.1")]


def test_no_pip_exits_3_with_the_advice(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(inst, "check_with", lambda target: fake_statuses())
    monkeypatch.setattr(inst, "pip_version", lambda python: None)
    assert inst.main(["--target", str(tmp_path / "libs")]) == inst.EXIT_NO_PIP
    out = capsys.readouterr().out
    assert "pip is not available" in out and "shapely (found 1.8.5)" in out


def test_print_command_prints_only_the_pip_command(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(inst, "check_with", lambda target: fake_statuses())
    assert inst.main(["--target", str(tmp_path), "--print-command", "--wheels", str(tmp_path)]) == inst.EXIT_OK
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "--no-deps" in out[0] and "'shapely>=2.0,<2.2' 'geopandas>=0.14,<1.1'" in out[0]
    assert f"--find-links {tmp_path}" in out[0]


def test_check_mode_exit_codes(tmp_path, monkeypatch):
    monkeypatch.setattr(inst, "check_with", lambda target: fake_statuses())
    assert inst.main(["--check", "--target", str(tmp_path)]) == inst.EXIT_UNUSABLE
    monkeypatch.setattr(inst, "check_with", lambda target: [Status("numpy", "1.24.2", None)])
    assert inst.main(["--check", "--target", str(tmp_path)]) == inst.EXIT_OK


def test_system_only_problem_is_not_pips_job(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(inst, "check_with", lambda target: [
        Status("numpy", None, Problem(deps.NOT_INSTALLED), None, "install python3-numpy")])
    assert inst.main(["--target", str(tmp_path)]) == inst.EXIT_UNUSABLE
    assert "SYSTEM" in capsys.readouterr().out


def test_bad_arguments_exit_2(tmp_path):
    with pytest.raises(SystemExit) as err:
        inst.parse_args(["--wheels", str(tmp_path / "absent")])
    assert err.value.code == inst.EXIT_USAGE
    with pytest.raises(SystemExit):
        inst.parse_args(["--download", str(tmp_path), "--python-version", "/usr/bin/python3"])


def test_default_target_needs_the_profile_layout(tmp_path):
    """From a checkout the script cannot guess the profile; from a profile it can."""
    out = subprocess.run([sys.executable, str(SCRIPT), "--print-command"], capture_output=True, text=True)
    assert out.returncode == inst.EXIT_USAGE and "--target" in out.stdout
    plugin = tmp_path / "profiles/default/python/plugins/jwjt_plugin"
    plugin.mkdir(parents=True)
    for name in ("install_dependencies.py", "dependencies.py"):
        shutil.copy(ROOT / "jwjt_plugin" / name, plugin / name)
    out = subprocess.run([sys.executable, str(plugin / "install_dependencies.py"), "--check"], capture_output=True,
                         text=True)
    assert out.returncode == inst.EXIT_OK, out.stdout + out.stderr  # the venv has everything
    assert "ok        shapely" in out.stdout


def test_pip_check_output_is_read_for_our_packages_only():
    text = ("geopandas 1.0.1 requires pyogrio, which is not installed.\n"
            "pandas 2.3.3 requires python-dateutil, which is not installed.\n"
            "pygobject 3.42.2 requires pycairo, which is not installed.\n"
            "shapely 2.2.0 has requirement numpy>=1.26, but you have numpy 1.24.2.\n")
    missing, clashes = inst.parse_pip_check(text, ["geopandas", "pandas", "Shapely"])
    assert missing == ["python-dateutil"]  # pyogrio: geopandas' file I/O, unused; pycairo: not ours
    assert clashes == ["shapely 2.2.0 has requirement numpy>=1.26, but you have numpy 1.24.2."]


# -- a real install from a folder of wheels -------------------------------------------------------

def system_python_ready():
    if not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pip, numpy, pandas, pyproj"], capture_output=True)
    return probe.returncode == 0


def run_script(*args, timeout=600):
    return subprocess.run([SYSTEM_PYTHON, str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


@pytest.fixture(scope="module")
def wheel_folder():
    """Wheels for this machine's system Python, downloaded once into ~/.cache/jwjt-wheels."""
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    return WHEEL_CACHE


@pytest.mark.skipif(not system_python_ready(), reason="needs Debian's python3 with pip, numpy, pandas, pyproj")
def test_offline_install_into_a_private_site(wheel_folder, tmp_path):
    target = tmp_path / "jwjt_libs"
    before = run_script("--check", "--target", target)
    if before.returncode == 0:
        pytest.skip("the system Python already has a usable shapely 2 and geopandas")
    done = run_script("--wheels", wheel_folder, "--target", target)
    if done.returncode == inst.EXIT_PIP_FAILED:  # the cache lacks a band's wheel: fill it, once
        fill = run_script("--download", wheel_folder)
        if fill.returncode != 0:
            pytest.skip(f"cannot download wheels (no network?):\n{fill.stdout[-2000:]}")
        shutil.rmtree(target, ignore_errors=True)
        done = run_script("--wheels", wheel_folder, "--target", target)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "==> [4/4] Verifying in a fresh Python" in done.stdout and "Done:" in done.stdout
    assert "--no-index" in done.stdout and "--no-deps" in done.stdout
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import shapely, geopandas, numpy; "
            "print(shapely.__version__); print(shapely.__file__); print(geopandas.__file__); print(numpy.__file__)")
    out = subprocess.run([SYSTEM_PYTHON, "-c", code, str(target)], capture_output=True, text=True, check=True)
    version, shapely_file, geopandas_file, numpy_file = out.stdout.split()
    assert version.startswith("2."), version
    assert shapely_file.startswith(str(target)) and geopandas_file.startswith(str(target))
    assert not numpy_file.startswith(str(target)) and not (target / "numpy").exists(), "numpy must stay the system's"
    assert run_script("--check", "--target", target).returncode == 0
    again = run_script("--wheels", wheel_folder, "--target", target)
    assert again.returncode == 0 and "Nothing to install" in again.stdout
