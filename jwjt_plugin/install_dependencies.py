#!/usr/bin/env python3
"""Install JWJT's pip-only dependencies into the plugin's private site, online or from wheels.

Run it with the Python QGIS runs on (the plugin's *Install…* dialog does, and shows the command)::

    python3 <profile>/python/plugins/jwjt_plugin/install_dependencies.py
            [--wheels DIR] [--target DIR] [--print-command] [--check] [--index-url URL] [--with-dask]
    python3 install_dependencies.py --download DIR [--platform win_amd64] [--python-version 3.12]
            [--numpy 1.26] [--with-fallbacks] [--with-dask]

The target defaults to ``<profile>/python/jwjt_libs``, which the plugin puts first on sys.path.
Only what is missing or unusable is installed (dependencies.py checks by use, not by version
string), each package with ``pip --no-deps``: left to itself pip would put a new numpy into the
target, and GDAL's bindings, built against the system's numpy (1.24 on Debian 12), would break.
The bounds a release puts on numpy, pandas and pyproj are therefore chosen here, from what the
interpreter has (dependencies.BANDS), and ``pip check`` afterwards adds the small pure-Python
packages a fallback (pandas, pyproj) needs. ``--wheels DIR`` installs offline (``--no-index
--find-links DIR``); ``--download DIR`` fills such a folder, for this machine or for another
platform and Python.

``--with-dask`` adds the optional Dask backend (dask and distributed, dependencies.OPTIONAL):
the same --no-deps install, and ``pip check`` then brings what they need (cloudpickle, toolz,
tornado, msgpack, psutil, …; none of them needs numpy). With ``--download`` it puts those
into the folder too, from a fixed list, since nothing is installed there to check.

Exit codes: 0 done, or nothing to do · 1 something is still unusable (``--check``, or after
installing) · 2 bad arguments · 3 pip is not available · 4 pip failed · 5 the target is not
writable. Stdlib only: it runs before shapely or geopandas exist.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import platform as _platform
import re
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

EXIT_OK, EXIT_UNUSABLE, EXIT_USAGE, EXIT_NO_PIP, EXIT_PIP_FAILED, EXIT_TARGET = 0, 1, 2, 3, 4, 5
SCRIPT = Path(os.path.abspath(__file__))
_STEP = re.compile(r"^==> \[(\d+)/(\d+)\]")
_REQUIRES = re.compile(r"^(\S+) (\S+) requires (\S+), which is not installed\.")
_CONFLICT = re.compile(r"^(\S+) (\S+) has requirement (.+), but you have (\S+) (\S+)\.")


def _load_dependencies():
    try:
        from . import dependencies  # imported as jwjt_plugin.install_dependencies
    except ImportError:  # run as a script: load the sibling file by path
        spec = importlib.util.spec_from_file_location("jwjt_dependencies", SCRIPT.parent / "dependencies.py")
        dependencies = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = dependencies
        spec.loader.exec_module(dependencies)
    return dependencies


deps = _load_dependencies()


# -- output -----------------------------------------------------------------------------------

def say(text: str = "") -> None:
    print(text, flush=True)


def step(n: int, total: int, text: str) -> None:
    say(f"==> [{n}/{total}] {text}")


def step_progress(line: str) -> Optional[float]:
    """Percent done when ``line`` starts a step (the GUI's progress bar reads these)."""
    match = _STEP.match(line)
    if not match:
        return None
    n, total = int(match.group(1)), int(match.group(2))
    return 100.0 * (n - 1) / max(total, 1)


def _table(statuses) -> None:
    for s in statuses:
        if s.ok:
            say(f"  ok        {s}")
        elif s.requirement:
            say(f"  install   {s}  ->  pip: {s.requirement}")
        else:
            say(f"  SYSTEM    {s}  ->  {s.system_hint}")


# -- commands ---------------------------------------------------------------------------------

def _pip(python: str, *args: str) -> List[str]:
    return [python, "-m", "pip", *args, "--disable-pip-version-check", "--no-input", "--progress-bar", "off"]


def pip_install_command(python: str, target: Path, requirements: Sequence[str], wheels: Optional[str] = None,
                        index_url: Optional[str] = None) -> List[str]:
    """pip install --no-deps of exactly ``requirements`` into ``target`` (binary wheels only: a
    source build would need compilers and GEOS headers; its failure would explain nothing)."""
    argv = _pip(python, "install") + ["--upgrade", "--no-deps", "--only-binary=:all:", "--target", str(target)]
    if wheels:
        argv += ["--no-index", "--find-links", str(wheels)]
    elif index_url:
        argv += ["--index-url", index_url]
    return argv + list(requirements)


def pip_download_command(python: str, dest: Path, requirement: str, platforms: Sequence[str] = (),
                         python_version: Optional[str] = None, index_url: Optional[str] = None) -> List[str]:
    argv = _pip(python, "download") + ["--no-deps", "--only-binary=:all:", "--dest", str(dest)]
    for tag in platforms:
        argv += ["--platform", tag]
    if platforms or python_version:
        if python_version:
            argv += ["--python-version", python_version]
        argv += ["--implementation", "cp"]
    if index_url:
        argv += ["--index-url", index_url]
    return argv + [requirement]


def download_requirements(numpy: Optional[str] = None, with_fallbacks: bool = False,
                          optional: Sequence[str] = ()) -> List[str]:
    """Every band a machine could need: all of them, or those a known ``numpy`` allows; plus
    the ``optional`` components (``["dask"]``) and everything they require."""
    known = {"numpy": deps.parse_version(numpy)} if numpy else {}
    names = ["shapely", "geopandas", "packaging"] + (["pandas", "pyproj", "scipy"] if with_fallbacks else [])
    out: List[str] = []
    for dep in deps.DEPENDENCIES:
        if dep.name in names:
            out += [b.requirement for b in deps.compatible_bands(dep, known, unknown_ok=True)]
    out += list(deps.TRANSITIVE) if with_fallbacks else []
    for dep in deps.optional_dependencies(optional):
        out += [b.requirement for b in deps.compatible_bands(dep, known, unknown_ok=True)]
    for name in optional:
        out += list(deps.OPTIONAL_TRANSITIVE[name])
    return list(dict.fromkeys(out))


def pip_env(extra_path: Optional[Path] = None) -> Dict[str, str]:
    env = dict(os.environ)
    # A user's pip.conf may say user = true (clashes with --target) or require a virtualenv;
    # index-url, proxies and trusted hosts from it still apply.
    env.update({"PIP_USER": "0", "PIP_REQUIRE_VIRTUALENV": "0", "PYTHONIOENCODING": "utf-8",
                "PYTHONUNBUFFERED": "1"})
    if extra_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(extra_path), env.get("PYTHONPATH", "")) if p)
    return env


def run_streaming(argv: Sequence[str], env: Optional[Dict[str, str]] = None) -> int:
    """Run ``argv``, echoing its output line by line (indented); its exit code."""
    say("  $ " + deps.command_text(argv))
    try:
        proc = subprocess.Popen(list(argv), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, env=env or pip_env(), **deps.no_window())
    except OSError as err:
        say(f"  cannot run {argv[0]}: {err}")
        return 127
    assert proc.stdout is not None
    for raw in proc.stdout:
        say("    " + raw.decode("utf-8", "replace").rstrip())
    return proc.wait()


# -- pip itself -------------------------------------------------------------------------------

def pip_version(python: str) -> Optional[str]:
    try:
        out = subprocess.run([python, "-m", "pip", "--version", "--disable-pip-version-check"],
                             capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                             env=pip_env(), **deps.no_window())
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.match(r"pip (\S+)", out.stdout.strip()) if out.returncode == 0 else None
    return match.group(1) if match else None


def pip_missing_advice(python: str, platform: Optional[str] = None, debian: Optional[bool] = None) -> str:
    """Exactly what to do when ``python -m pip`` does not work."""
    platform = platform or sys.platform
    debian = os.path.exists("/etc/debian_version") if debian is None else debian
    head = f"pip is not available for {python}, so nothing can be installed."
    if platform.startswith("win"):
        how = ("Open the \"OSGeo4W Shell\" from the Start menu (it comes with QGIS) and run:\n"
               "    python3 -m ensurepip --upgrade\n"
               "or run the OSGeo4W installer (setup), choose Advanced Install and add the package "
               "\"python3-pip\".")
    elif platform.startswith("linux") and debian:
        how = ("Debian and Ubuntu leave pip out of their Python (ensurepip is disabled there). Run:\n"
               "    sudo apt install python3-pip")
    else:
        how = f"Run:\n    {deps.command_text([python, '-m', 'ensurepip', '--upgrade'])}"
    return f"{head}\n{how}\nThen run this installer again (or click Install… again in QGIS)."


def platform_tag() -> str:
    """This machine's wheel platform tag, as ``--download --platform`` wants it elsewhere."""
    plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    if plat.startswith("linux"):
        libc, version = _platform.libc_ver()
        parts = version.split(".")
        if libc == "glibc" and len(parts) >= 2:
            return f"manylinux_{parts[0]}_{parts[1]}_{_platform.machine()}"
    return plat


# -- checking, with the target first on the path ------------------------------------------------

def check_with(target: Path):
    if str(target) in sys.path:
        sys.path.remove(str(target))
    sys.path.insert(0, str(target))
    importlib.invalidate_caches()
    return deps.check()


def check_optional_with(target: Path, components: Sequence[str]):
    """The optional ``components``' statuses, with ``target`` first on the path (none asked: none)."""
    if not components:
        return []
    if str(target) not in sys.path:  # check_with put it first already, unless a test replaced it
        sys.path.insert(0, str(target))
        importlib.invalidate_caches()
    return deps.check_optional(components)


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def target_distributions(target: Path) -> List[str]:
    from importlib import metadata

    return sorted({_norm(d.metadata["Name"]) for d in metadata.distributions(path=[str(target)])
                   if d.metadata["Name"]})


def unmet_requirements(python: str, target: Path) -> Tuple[List[str], List[str]]:
    """What ``pip check`` says the packages in ``target`` lack, and their version clashes."""
    try:
        out = subprocess.run([python, "-m", "pip", "check", "--disable-pip-version-check"], capture_output=True,
                             text=True, timeout=300, stdin=subprocess.DEVNULL, env=pip_env(target),
                             **deps.no_window())
    except (OSError, subprocess.SubprocessError):
        return [], []
    return parse_pip_check(out.stdout, target_distributions(target))


def parse_pip_check(text: str, ours: Sequence[str]) -> Tuple[List[str], List[str]]:
    """Names the distributions ``ours`` require but nobody has (less what JWJT never uses), and
    the lines where they clash with a present version; other packages' problems are not ours."""
    ours = {_norm(n) for n in ours}
    missing, clashes = [], []
    for line in text.splitlines():
        req, clash = _REQUIRES.match(line.strip()), _CONFLICT.match(line.strip())
        if req and _norm(req.group(1)) in ours and _norm(req.group(3)) not in deps.NOT_NEEDED:
            missing.append(_norm(req.group(3)))
        elif clash and _norm(clash.group(1)) in ours:
            clashes.append(line.strip())
    return list(dict.fromkeys(missing)), clashes


def _requirement_for_name(name: str, statuses) -> Optional[str]:
    """A band for a package we know (pandas, pyproj, …), the bare name for a small pure one,
    None for one pip must not install (numpy, GDAL)."""
    known = {d.project: d for d in deps.DEPENDENCIES + deps.optional_dependencies() if d.project}
    if name in known:
        return deps.requirement_for(known[name].name, deps.known_versions(statuses))
    if name in ("numpy", "gdal"):
        return None
    return name


# -- the two jobs ---------------------------------------------------------------------------------

def install(args, target: Path) -> int:
    python, total, quiet = sys.executable, 4, args.print_command
    if not quiet:
        step(1, total, f"Checking what {python} (Python {sys.version.split()[0]}) has, with {target} first "
                       f"on its path")
    statuses = check_with(target) + check_optional_with(target, args.optional)
    reqs = deps.requirements(statuses)
    system = [s for s in deps.unusable(statuses) if not s.requirement]
    if not quiet or system:
        _table(statuses)
    if not reqs:
        if system:
            say("Nothing pip can install here; the modules marked SYSTEM come with QGIS (see above).")
            return EXIT_UNUSABLE
        say("# nothing to install" if quiet else "Nothing to install: every dependency is usable.")
        return EXIT_OK
    command = pip_install_command(python, target, reqs, args.wheels, args.index_url)
    if quiet:
        say(deps.command_text(command))
        return EXIT_OK
    pip = pip_version(python)
    if pip is None:
        say(pip_missing_advice(python))
        return EXIT_NO_PIP
    try:
        target.mkdir(parents=True, exist_ok=True)
        writable = os.access(str(target), os.W_OK)
    except OSError:
        writable = False
    if not writable:
        say(f"Cannot write to {target}. Pass --target DIR with a folder you can write to, and add it to "
            f"QGIS's Python path (the plugin adds <profile>/python/jwjt_libs itself).")
        return EXIT_TARGET
    step(2, total, f"Installing {' '.join(reqs)} with pip {pip} (--no-deps: this Python's numpy stays)")
    if run_streaming(command) != 0:
        say(_pip_failed_advice(reqs, args.wheels))
        return EXIT_PIP_FAILED
    step(3, total, "Checking what the installed packages need")
    for _ in range(3):
        needed, clashes = unmet_requirements(python, target)
        more = [r for r in (_requirement_for_name(n, statuses) for n in needed) if r]
        for name in needed:
            if _requirement_for_name(name, statuses) is None:
                say(f"  {name} is needed but must come with QGIS (not from pip).")
        if not more:
            break
        say("  also needed: " + " ".join(more))
        if run_streaming(pip_install_command(python, target, more, args.wheels, args.index_url)) != 0:
            say(_pip_failed_advice(more, args.wheels))
            return EXIT_PIP_FAILED
    for line in clashes:
        say(f"  warning: {line}")
    if not clashes:
        say("  nothing else needed")
    step(4, total, "Verifying in a fresh Python")
    if run_streaming([python, str(SCRIPT), "--check", "--target", str(target)]
                     + [f"--with-{name}" for name in args.optional]) != 0:
        say("Installed, but something is still unusable (see above).")
        return EXIT_UNUSABLE
    say(f"Done: JWJT's dependencies are in {target}.")
    return EXIT_OK


def _pip_failed_advice(reqs: Sequence[str], wheels: Optional[str]) -> str:
    here = f"Python {sys.version_info[0]}.{sys.version_info[1]}, {platform_tag()}"
    if wheels:
        text = (f"pip failed. If it found no matching distribution, the folder {wheels} lacks a wheel of "
                f"{' / '.join(reqs)} for this machine ({here}). Fill it on a machine with internet access:\n"
                f"    python3 install_dependencies.py --download DIR --platform {platform_tag()} "
                f"--python-version {sys.version_info[0]}.{sys.version_info[1]} --with-fallbacks")
    else:
        text = ("pip failed. If it could not reach the package index, check the connection or proxy (pip reads "
                "pip.conf / pip.ini and HTTPS_PROXY), use a mirror with --index-url "
                "(e.g. https://pypi.tuna.tsinghua.edu.cn/simple), or install offline with --wheels DIR.")
    if sys.platform.startswith("win"):
        text += "\nIf pip says a file is in use, close QGIS and run the same command in the OSGeo4W Shell."
    return text


def download(args) -> int:
    python, dest = sys.executable, Path(args.download).expanduser().absolute()
    pip = pip_version(python)
    if pip is None:
        say(pip_missing_advice(python))
        return EXIT_NO_PIP
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        say(f"Cannot create {dest}: {err}")
        return EXIT_TARGET
    reqs = download_requirements(args.numpy, args.with_fallbacks, args.optional)
    where = (f"{', '.join(args.platform) or 'this machine'}, "
             f"Python {args.python_version or '%d.%d' % sys.version_info[:2]}")
    got: Dict[str, bool] = {}
    for n, req in enumerate(reqs, 1):
        step(n, len(reqs), f"Downloading {req} ({where})")
        project = _norm(re.match(r"[A-Za-z0-9_.-]+", req).group(0))
        ok = run_streaming(pip_download_command(python, dest, req, args.platform, args.python_version,
                                                args.index_url)) == 0
        got[project] = got.get(project, False) or ok
        if not ok:
            say(f"  no wheel of {req} for {where}: skipped")
    wheels = sorted(p.name for p in dest.glob("*.whl"))
    say(f"{len(wheels)} wheel files in {dest}:")
    for name in wheels:
        say(f"  {name}")
    lacking = [p for p, ok in got.items() if not ok]
    if lacking:
        say(f"No wheel at all of {', '.join(lacking)} for {where}.")
        return EXIT_PIP_FAILED
    ticked = " (tick Also install Dask)" if "dask" in args.optional else ""
    say(f"Copy {dest} to the offline machine and install from it: click Install… in QGIS{ticked} and pick the folder, "
        f"or run python3 <profile>/python/plugins/jwjt_plugin/install_dependencies.py --wheels <folder>"
        + "".join(f" --with-{name}" for name in args.optional))
    return EXIT_OK


# -- command line ----------------------------------------------------------------------------------

def _python_version(text: str) -> str:
    if not re.fullmatch(r"\d+(\.\d+)?", text):
        raise argparse.ArgumentTypeError(f"expected a version such as 3.12, got {text!r}")
    return text


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="install_dependencies.py",
                                description="Install JWJT's pip-only dependencies (shapely 2, geopandas, and "
                                            "whatever else this Python lacks) into the plugin's private site.",
                                epilog="Exit codes: 0 done or nothing to do, 1 still unusable, 2 bad arguments, "
                                       "3 no pip, 4 pip failed, 5 target not writable.")
    p.add_argument("--target", help="where to install (default: <profile>/python/jwjt_libs, from this "
                                    "script's place in <profile>/python/plugins/jwjt_plugin)")
    p.add_argument("--wheels", metavar="DIR", help="install offline from this folder of wheel files")
    p.add_argument("--index-url", help="package index to use instead of pip's configured one")
    p.add_argument("--print-command", action="store_true", help="print the pip command and stop")
    p.add_argument("--check", action="store_true", help="only report what is usable; exit 1 when something is not")
    p.add_argument("--with-dask", action="store_true",
                   help="also install the optional Dask backend (dask, distributed) for distributed runs; "
                        "with --download, put its wheels into the folder")
    d = p.add_argument_group("filling a wheel folder (for an offline machine)")
    d.add_argument("--download", metavar="DIR", help="download wheels into DIR instead of installing")
    d.add_argument("--platform", action="append", default=[],
                   help="wheel platform tag, e.g. win_amd64, macosx_11_0_arm64, manylinux_2_28_x86_64 (repeatable)")
    d.add_argument("--python-version", type=_python_version, help="e.g. 3.12 (default: this Python's)")
    d.add_argument("--numpy", help="the numpy version there, to fetch only the bands it allows (default: all)")
    d.add_argument("--with-fallbacks", action="store_true",
                   help="also pandas, pyproj, scipy and their small dependencies, for a Python without them")
    args = p.parse_args(argv)
    if args.download and (args.wheels or args.check or args.print_command):
        p.error("--download fills a folder; it does not combine with --wheels, --check or --print-command")
    if args.wheels and not Path(args.wheels).expanduser().is_dir():
        p.error(f"--wheels {args.wheels}: no such folder")
    args.optional = [name for name in deps.OPTIONAL if getattr(args, f"with_{name}", False)]
    return args


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    if args.download:
        return download(args)
    target = Path(args.target).expanduser() if args.target else deps.private_site(SCRIPT.parent)
    if target is None:
        say(f"{SCRIPT} is not inside <profile>/python/plugins/, so the default target is unknown: "
            f"pass --target DIR.")
        return EXIT_USAGE
    target = target.absolute()
    if args.wheels:
        args.wheels = str(Path(args.wheels).expanduser().absolute())
    if args.check:
        statuses = check_with(target) + check_optional_with(target, args.optional)
        _table(statuses)
        return EXIT_OK if not deps.unusable(statuses) else EXIT_UNUSABLE
    return install(args, target)


if __name__ == "__main__":
    # The script's folder is the plugin itself; its subpackages (core, processing, …) must not
    # shadow same-named top-level modules while the checks import things.
    if sys.path and os.path.abspath(sys.path[0] or os.curdir) == str(SCRIPT.parent):
        sys.path.pop(0)
    sys.exit(main())
