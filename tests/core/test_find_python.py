"""Finding QGIS's own Python when sys.executable is QGIS itself: fake layouts for each platform."""
import os

from jwjt_plugin.dependencies import find_python


def touch(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("")
    os.chmod(path, 0o755)
    return path


def no_which(_name):
    return None


def never(_path):
    raise AssertionError("a trusted candidate should not need a probe")


def test_debian_qgis_binary_uses_the_versioned_python_of_base_prefix(tmp_path):
    usr = tmp_path / "usr"
    qgis = touch(usr / "bin/qgis")
    python = touch(usr / "bin/python3.11")
    touch(usr / "bin/python3")
    got = find_python(str(qgis), str(usr), str(usr), (3, 11), "linux", which=no_which, probe=never)
    assert got == str(python)


def test_linux_bare_python3_must_match_the_running_version(tmp_path):
    usr = tmp_path / "usr"
    qgis = touch(usr / "bin/qgis")
    python3 = touch(usr / "bin/python3")
    args = (str(qgis), str(usr), str(usr), (3, 11), "linux")
    assert find_python(*args, which=no_which, probe=lambda p: (3, 9)) is None
    assert find_python(*args, which=no_which, probe=lambda p: (3, 11)) == str(python3)


def test_linux_falls_back_to_path(tmp_path):
    qgis = touch(tmp_path / "opt/qgis/bin/qgis")
    elsewhere = touch(tmp_path / "elsewhere/python3.12")
    got = find_python(str(qgis), str(tmp_path / "nothing"), str(tmp_path / "nothing"), (3, 12), "linux",
                      which=lambda n: str(elsewhere) if n == "python3.12" else None, probe=never)
    assert got == str(elsewhere)


def test_windows_osgeo4w_uses_sys_prefix_python(tmp_path):
    root = tmp_path / "OSGeo4W"
    qgis = touch(root / "bin/qgis-bin.exe")
    touch(root / "bin/python3.exe")
    python = touch(root / "apps/Python312/python.exe")
    got = find_python(str(qgis), str(root / "apps/Python312"), str(root / "apps/Python312"), (3, 12), "win32",
                      which=no_which, probe=never)
    assert got == str(python)


def test_windows_apps_python_from_the_qgis_root_when_prefix_says_nothing(tmp_path):
    root = tmp_path / "QGIS 3.34.4"
    qgis = touch(root / "bin/qgis-bin.exe")
    python = touch(root / "apps/Python39/python.exe")
    got = find_python(str(qgis), str(tmp_path / "x"), str(tmp_path / "x"), (3, 9), "win32", which=no_which,
                      probe=never)
    assert got == str(python)


def test_windows_standalone_bin_python3_is_checked_for_its_version(tmp_path):
    root = tmp_path / "Program Files/QGIS 3.40.1"
    qgis = touch(root / "bin/qgis-ltr-bin.exe")
    python3 = touch(root / "bin/python3.exe")
    args = (str(qgis), str(tmp_path / "x"), str(tmp_path / "x"), (3, 12), "win32")
    assert find_python(*args, which=no_which, probe=lambda p: (3, 12)) == str(python3)
    assert find_python(*args, which=no_which, probe=lambda p: (3, 9)) is None


def test_macos_app_bundle(tmp_path):
    contents = tmp_path / "Applications/QGIS.app/Contents"
    qgis = touch(contents / "MacOS/QGIS")
    python3 = touch(contents / "MacOS/bin/python3")
    prefix = contents / "Frameworks/Python.framework/Versions/3.9"
    args = (str(qgis), str(prefix), str(prefix), (3, 9), "darwin")
    assert find_python(*args, which=no_which, probe=lambda p: (3, 9)) == str(python3)
    versioned = touch(prefix / "bin/python3.9")
    assert find_python(*args, which=no_which, probe=never) == str(versioned)


def test_an_executable_that_is_python_is_returned_as_is(tmp_path):
    python = touch(tmp_path / "venv/bin/python")
    venv = str(tmp_path / "venv")
    got = find_python(str(python), venv, "/nowhere", (3, 11), "linux", which=no_which, probe=never)
    assert got == str(python)


def test_nothing_found(tmp_path):
    qgis = touch(tmp_path / "bin/qgis")
    assert find_python(str(qgis), str(tmp_path), str(tmp_path), (3, 11), "linux", which=no_which,
                       probe=lambda p: None) is None


def test_a_python_on_path_that_is_not_this_interpreter_is_not_taken(tmp_path):
    """Embedded in QGIS, sys.executable can be the first python3 on PATH (seen: a pyenv shim
    while QGIS ran Debian's /usr/bin/python3.11): the interpreter's own prefix wins."""
    usr = tmp_path / "usr"
    own = touch(usr / "bin/python3.11")
    shim = touch(tmp_path / "root/.pyenv/shims/python3")
    got = find_python(str(shim), str(usr), str(usr), (3, 11), "linux", which=no_which, probe=never)
    assert got == str(own)
