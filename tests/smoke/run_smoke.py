#!/usr/bin/env python3
"""Real-QGIS smoke test of a JWJT release ZIP, run the way a new user meets the plugin.

    python3 tests/smoke/run_smoke.py --zip dist/jwjt_plugin-X.zip --out OUTDIR \
        [--wheels DIR] [--locale zh-Hans|en] [--size 1366x768] [--runs 3]

Standard library only, and the system's QGIS (qgis / qgis.bin, qgis_process / qgis_process.bin,
xvfb-run or Xvfb): it runs unchanged on Debian 12 (QGIS 3.22), Debian 13 (QGIS 3.40) and sid.

1. A fresh HOME under OUTDIR with the default profile; the ZIP unzipped into
   <profile>/python/plugins/, the plugin enabled ([PythonPlugins] jwjt_plugin=true) and the
   interface language set as QGIS's Settings > Options > General dialog stores it
   ([locale] overrideFlag=true, userLocale=<QGIS translation code, e.g. zh-Hans or en_US>,
   globalLocale=<QLocale name, e.g. zh_CN>, showGroupSeparator=false).
2. When the plugin's Python dependencies are not usable, the installer shipped in the ZIP:
   install_dependencies.py --wheels DIR --target <profile>/python/jwjt_libs.
3. qgis_process lists the algorithms; every JWJT algorithm of the provider must be there.
4. Real QGIS under Xvfb runs tests/smoke/startup_script.py: the sample city through the
   plugin, the synergy dock run --runs times in the one QGIS process (each a background
   task), a screenshot, then File > Exit. A crash (signal, exit code, missing status) is
   reported with the stage it happened in.
5. OUTDIR/smoke.json and a one-line summary; exit code 1 when anything failed.
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

PLUGIN = "jwjt_plugin"
HERE = Path(__file__).resolve().parent
STARTUP_SCRIPT = HERE / "startup_script.py"
HOME_MARKER = ".jwjt-smoke-home"
# QGIS's translation codes (what the Options dialog stores in locale/userLocale) and the
# QLocale it offers for them as "Locale (numbers, date and currency formats)".
TRANSLATION_CODE = {"en": "en_US", "zh": "zh-Hans", "zh_CN": "zh-Hans", "zh-CN": "zh-Hans"}
GLOBAL_LOCALE = {"en_US": "en_US", "zh-Hans": "zh_CN", "zh-Hant": "zh_TW"}
# Variables the repo's own tooling sets (Makefile, pytest-qgis) that a user's session has not.
STRIP_ENV = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "QGIS_CUSTOM_CONFIG_PATH", "QGIS_PLUGINPATH",
             "QGIS_PREFIX_PATH", "QGIS_DEBUG", "QT_QPA_PLATFORM", "PROJ_DATA", "PROJ_LIB",
             "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
             "PYTHONDONTWRITEBYTECODE", "DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY")
SIGNAL_NAMES = {int(s): s.name for s in signal.Signals}


# -- small helpers -----------------------------------------------------------------------
def log(msg: str) -> None:
    print(f"[smoke {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def tail(text: str, n: int = 3000) -> str:
    text = text or ""
    return text if len(text) <= n else "…" + text[-n:]


def run_cmd(cmd, env, cwd, timeout):
    """Run cmd in its own process group; on timeout kill that group. Returns a dict."""
    t0 = time.monotonic()
    proc = subprocess.Popen([str(c) for c in cmd], env=env, cwd=str(cwd), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, start_new_session=True)
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        kill_group(proc)
        out, err = proc.communicate()
    return {"cmd": [str(c) for c in cmd], "rc": proc.returncode, "timed_out": timed_out,
            "seconds": round(time.monotonic() - t0, 1),
            "stdout": out.decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace")}


def kill_group(proc) -> None:
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def which(*names):
    for n in names:
        p = shutil.which(n)
        if p:
            return p
    return None


def user_env(home: Path, runtime: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in STRIP_ENV}
    env["HOME"] = str(home)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    return env


# -- 1. the fresh profile ---------------------------------------------------------------------
def translation_code(locale: str) -> str:
    return TRANSLATION_CODE.get(locale, locale)


def global_locale(code: str) -> str:
    return GLOBAL_LOCALE.get(code, code.replace("-", "_"))


def make_profile(out: Path, zip_path: Path, locale: str, res: dict) -> Path:
    home = out / "home"
    if home.exists():
        if not (home / HOME_MARKER).exists():
            raise SystemExit(f"{home} exists and was not made by this driver; choose another --out")
        shutil.rmtree(home)
    profile = home / ".local/share/QGIS/QGIS3/profiles/default"
    plugins = profile / "python/plugins"
    plugins.mkdir(parents=True)
    (home / HOME_MARKER).write_text("made by tests/smoke/run_smoke.py; deleted on its next run\n")
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        tops = sorted({n.split("/", 1)[0] for n in names})
        zf.extractall(plugins)
    res["zip"] = {"path": str(zip_path), "entries": len(names), "top_level": tops,
                  "has_installer": f"{PLUGIN}/install_dependencies.py" in names,
                  "qm_files": sorted(n for n in names if n.endswith(".qm"))}
    code = translation_code(locale)
    ini = profile / "QGIS/QGIS3.ini"
    ini.parent.mkdir(parents=True)
    # What QgsOptions::saveOptions writes for the "Override system locale" group.
    ini.write_text("[PythonPlugins]\n"
                   f"{PLUGIN}=true\n\n"
                   "[locale]\n"
                   "overrideFlag=true\n"
                   f"userLocale={code}\n"
                   f"globalLocale={global_locale(code)}\n"
                   "showGroupSeparator=false\n", encoding="utf-8")
    res["profile"] = {"home": str(home), "profile": str(profile), "ini": ini.read_text(encoding="utf-8")}
    return profile


# -- expectations read from the plugin itself -------------------------------------------------
def expected_algorithms(plugin_dir: Path) -> dict:
    """The algorithm ids the provider registers: the classes instantiated in
    provider.loadAlgorithms and the name() each returns, read with ast (no import)."""
    proc_dir = plugin_dir / "processing"
    tree = ast.parse((proc_dir / "provider.py").read_text(encoding="utf-8"))
    provider_id = "jwjt"
    classes, modules = [], {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "id":
            for sub in ast.walk(node):
                if isinstance(sub, ast.Return) and isinstance(sub.value, ast.Constant):
                    provider_id = sub.value.value
        if isinstance(node, ast.FunctionDef) and node.name in ("loadAlgorithms", "algorithm_classes"):
            # classes imported there and either instantiated (Cls()) or listed in the return value
            for sub in ast.walk(node):
                if isinstance(sub, ast.ImportFrom) and sub.level == 1 and sub.module:
                    for alias in sub.names:
                        modules[alias.asname or alias.name] = sub.module
            for sub in ast.walk(node):
                if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id in modules:
                    classes.append(sub.func.id)
                if isinstance(sub, ast.Return) and isinstance(sub.value, (ast.Tuple, ast.List)):
                    classes += [e.id for e in sub.value.elts if isinstance(e, ast.Name) and e.id in modules]
    ids, unresolved = [], []
    for cls in classes:
        name = None
        mod = proc_dir / (modules[cls].replace(".", "/") + ".py")
        if mod.exists():
            for node in ast.walk(ast.parse(mod.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef) and node.name == cls:
                    name = name or _alg_id(node)  # JwjtAlgorithm.name() returns the class's ALG_ID
                    for fn in node.body:
                        if isinstance(fn, ast.FunctionDef) and fn.name == "name":
                            for sub in ast.walk(fn):
                                if isinstance(sub, ast.Return) and isinstance(sub.value, ast.Constant):
                                    name = sub.value.value
        if name:
            ids.append(f"{provider_id}:{name}")
        else:
            unresolved.append(cls)
    return {"provider": provider_id, "classes": classes, "ids": sorted(ids), "unresolved": unresolved,
            "count": len(classes)}


def _alg_id(cls_node) -> str:
    """``ALG_ID = "…"`` (or ``ALG_ID, GROUP_ID = "…", "…"``) in a class body; '' when absent."""
    for stmt in cls_node.body:
        if not isinstance(stmt, ast.Assign):
            continue
        for target in stmt.targets:
            if isinstance(target, ast.Name) and target.id == "ALG_ID" and isinstance(stmt.value, ast.Constant):
                return stmt.value.value
            if isinstance(target, ast.Tuple) and isinstance(stmt.value, ast.Tuple):
                for t, v in zip(target.elts, stmt.value.elts):
                    if isinstance(t, ast.Name) and t.id == "ALG_ID" and isinstance(v, ast.Constant):
                        return v.value
    return ""


def required_modules(plugin_dir: Path) -> dict:
    """dependencies.REQUIRED of the plugin (module -> minimum version), read with ast."""
    try:
        tree = ast.parse((plugin_dir / "dependencies.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets = getattr(node, "targets", None) or [getattr(node, "target", None)]
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and any(
                    isinstance(t, ast.Name) and t.id == "REQUIRED" for t in targets):
                return ast.literal_eval(node.value)
    except (OSError, SyntaxError, ValueError):
        pass
    return {"shapely": "2.0", "geopandas": "0.12"}


CHECK_SNIPPET = r'''
import importlib, json, sys
sys.path.insert(0, sys.argv[1])
req = json.loads(sys.argv[2])
def vt(v):
    out = []
    for part in str(v).split("."):
        d = "".join(c for c in part if c.isdigit())
        out.append(int(d) if d else 0)
    return tuple(out)
bad = {}
for name, minimum in req.items():
    try:
        mod = importlib.import_module(name)
    except Exception as exc:
        bad[name] = "missing: %s" % exc
        continue
    v = getattr(mod, "__version__", None)
    if minimum and v and vt(v) < vt(minimum):
        bad[name] = "found %s, need >= %s" % (v, minimum)
print(json.dumps(bad))
sys.exit(1 if bad else 0)
'''


# -- 2. dependencies ------------------------------------------------------------------------
def unpack_wheels(wheels: Path, target: Path) -> list:
    """Stand-in used only when the ZIP ships no installer: a --target install of wheels is
    their unpacked contents."""
    done = []
    target.mkdir(parents=True, exist_ok=True)
    for whl in sorted(wheels.glob("*.whl")):
        with zipfile.ZipFile(whl) as zf:
            zf.extractall(target)
        done.append(whl.name)
    return done


def dependencies(profile: Path, args, env, work: Path, res: dict, failures: list) -> None:
    """The installer's own --check decides (exit 0: all usable); without an installer in the
    ZIP, a plain import check of dependencies.REQUIRED, and the wheels unpacked by hand."""
    plugin_dir = profile / "python/plugins" / PLUGIN
    target = profile / "python/jwjt_libs"
    installer = plugin_dir / "install_dependencies.py"
    dep = res["dependencies"] = {"python": args.python, "target": str(target),
                                 "installer": str(installer) if installer.exists() else None}

    def installer_check(label):
        r = run_cmd([args.python, installer, "--check", "--target", target], env, work, 300)
        dep[label] = {"rc": r["rc"], "out": tail(r["stdout"] + r["stderr"], 2000)}
        return r["rc"] == 0

    if installer.exists():
        if installer_check("check_before"):
            dep["action"] = "none: all usable already"
            return
        cmd = [args.python, installer, "--target", target]
        if args.wheels:
            cmd[2:2] = ["--wheels", args.wheels]
        r = run_cmd(cmd, env, work, args.install_timeout)
        dep["action"] = "installer"
        dep["install"] = {"cmd": r["cmd"], "rc": r["rc"], "seconds": r["seconds"], "timed_out": r["timed_out"],
                          "out": tail(r["stdout"] + r["stderr"], 3000)}
        if r["rc"] != 0:
            failures.append(f"dependency installer exited {r['rc']}"
                            + (" (timed out)" if r["timed_out"] else "") + ": " + tail(r["stdout"] + r["stderr"], 300))
        if not installer_check("check_after"):
            failures.append(f"install_dependencies.py --check exited {dep['check_after']['rc']} after installing: "
                            + tail(dep["check_after"]["out"], 300))
        return

    failures.append(f"the ZIP ships no {PLUGIN}/install_dependencies.py")
    req = dep["required"] = required_modules(plugin_dir)

    def check(label):
        r = run_cmd([args.python, "-c", CHECK_SNIPPET, str(target), json.dumps(req)], env, work, 120)
        try:
            problems = json.loads(r["stdout"].strip().splitlines()[-1])
        except (ValueError, IndexError):
            problems = {"check": tail(r["stderr"], 800)}
        dep[label] = problems
        return not problems

    if check("before"):
        dep["action"] = "none: all usable already"
    elif args.wheels:
        dep["action"] = "fallback: unpacked the wheels (no installer in the ZIP)"
        dep["unpacked"] = unpack_wheels(Path(args.wheels), target)
        if not check("after"):
            failures.append("plugin dependencies still not usable: " + "; ".join(
                f"{k}: {v}" for k, v in dep["after"].items()))
    else:
        dep["action"] = "none possible (no installer, no --wheels)"


# -- 3. qgis_process ------------------------------------------------------------------------
def find_qgis_process(env, work):
    """qgis_process.bin first: Debian's qgis_process wrapper adds QGIS_OPTS (--noversioncheck),
    which qgis_process 3.22 rejects. The first candidate whose --version works wins."""
    tried = []
    for name in ("qgis_process.bin", "qgis_process"):
        exe = shutil.which(name, path=env.get("PATH"))
        if not exe:
            continue
        r = run_cmd([exe, "--version"], env, work, 120)
        tried.append({"exe": exe, "rc": r["rc"], "out": tail(r["stdout"] + r["stderr"], 600)})
        if r["rc"] == 0:
            return exe, r["stdout"], tried
    return None, "", tried


def parse_algorithm_list(text: str) -> list:
    """Algorithm ids from `qgis_process [--json] list` output (JSON when it parses)."""
    start = text.find("{")
    if start >= 0:
        try:
            data = json.loads(text[start:])
            ids = []
            for prov in (data.get("providers") or {}).values():
                ids.extend((prov.get("algorithms") or {}).keys())
            if ids:
                return sorted(ids)
        except ValueError:
            pass
    return sorted(set(re.findall(r"^\s*([A-Za-z0-9_]+:[A-Za-z0-9_]+)\s", text, flags=re.M)))


def qgis_process(args, env, work, expected, res, failures) -> None:
    qp = res["qgis_process"] = {}
    penv = dict(env, QT_QPA_PLATFORM="offscreen")  # no display: a terminal or CI user
    exe, version, tried = find_qgis_process(penv, work)
    qp["tried"] = tried
    if exe is None:
        failures.append("no working qgis_process / qgis_process.bin")
        return
    qp["exe"] = exe
    qp["version"] = version.strip().splitlines()[:3]

    def listing(label):
        r = run_cmd([exe, "--json", "list"], penv, work, args.process_timeout)
        ids = parse_algorithm_list(r["stdout"]) if r["rc"] == 0 else []
        if r["rc"] != 0 or not ids:  # no --json on this version? plain text then
            r = run_cmd([exe, "list"], penv, work, args.process_timeout)
            ids = parse_algorithm_list(r["stdout"])
        jwjt = [i for i in ids if i.startswith(expected["provider"] + ":")]
        qp[label] = {"rc": r["rc"], "seconds": r["seconds"], "timed_out": r["timed_out"],
                     "n_algorithms": len(ids), "jwjt": jwjt}
        if r["rc"] != 0:
            qp[label]["out"] = tail(r["stdout"] + r["stderr"], 2000)
        return jwjt

    jwjt = listing("list")
    if not jwjt:
        # Some versions load only the plugins qgis_process itself enabled.
        r = run_cmd([exe, "plugins", "enable", PLUGIN], penv, work, args.process_timeout)
        qp["plugins_enable"] = {"rc": r["rc"], "out": tail(r["stdout"] + r["stderr"], 1500)}
        jwjt = listing("list_after_enable")
    r = run_cmd([exe, "plugins"], penv, work, args.process_timeout)
    qp["plugins"] = tail(r["stdout"], 1500)
    qp["jwjt_algorithms"] = jwjt
    missing = sorted(set(expected["ids"]) - set(jwjt))
    qp["missing"] = missing
    if missing or len(jwjt) < expected["count"]:
        failures.append(f"qgis_process lists {len(jwjt)}/{expected['count']} JWJT algorithms"
                        + (f" (missing {', '.join(missing)})" if missing else ""))


# -- 4. real QGIS under Xvfb ----------------------------------------------------------------
def start_xvfb(size, env):
    """Our own Xvfb when xvfb-run is missing; -displayfd tells the display it took."""
    xvfb = shutil.which("Xvfb", path=env.get("PATH"))
    if not xvfb:
        return None, None
    rfd, wfd = os.pipe()
    proc = subprocess.Popen([xvfb, "-displayfd", str(wfd), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                            pass_fds=(wfd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    os.close(wfd)
    with os.fdopen(rfd) as fh:
        display = fh.readline().strip()
    return proc, (f":{display}" if display else None)


def crash_of(rc, output: str, wrapped: bool):
    """(signal number, how we know) from QGIS's exit and output, or (None, None)."""
    # QGIS's own handler prints this without a newline, and gdb's output may follow at once
    # ("QGIS died on signal 1129\t../sysdeps/…" is signal 11 then gdb's line 29).
    m = re.search(r"QGIS died on signal (\d+)", output)
    if m:
        digits = m.group(1)
        for n in (int(digits[:k]) for k in range(len(digits), 0, -1)):
            if n in SIGNAL_NAMES:
                return n, f"QGIS crash handler: 'QGIS died on signal {n}'"
    if rc is not None and rc < 0:
        return -rc, f"killed by signal {-rc}"
    if wrapped and rc is not None and rc > 128:  # a shell (xvfb-run) reports 128 + signal
        return rc - 128, f"exit status {rc} = 128 + signal {rc - 128}"
    for pat, sig in ((r"Segmentation fault", signal.SIGSEGV), (r"Fatal Python error", signal.SIGABRT),
                     (r"\bAborted\b", signal.SIGABRT)):
        if re.search(pat, output):
            return int(sig), f"output says '{pat}'"
    return None, None


def run_qgis(args, env, out: Path, work: Path, res, failures) -> dict:
    q = res["qgis"] = {}
    exe = args.qgis or which("qgis", "qgis.bin")
    if not exe:
        failures.append("no qgis / qgis.bin")
        return {}
    w, h = args.size.split("x")
    shot = out / f"synergy_dock_{args.locale}_{args.size}.png"
    screen_shot = out / f"screen_{args.locale}_{args.size}.png"
    status_path = work / "qgis_status.json"
    fault_path = work / "faulthandler.txt"
    for p in (shot, screen_shot, status_path, fault_path):
        if p.exists():
            p.unlink()
    cfg = {"status": str(status_path), "shot": str(shot), "screen_shot": str(screen_shot),
           "faulthandler": str(fault_path), "runs": args.runs, "run_timeout": args.run_timeout,
           "script_timeout": max(args.timeout - 30, 30), "startup_delay": 3, "size": [int(w), int(h)]}
    script = work / "startup.py"
    script.write_text("CFG = " + json.dumps(cfg, ensure_ascii=True) + "\n"
                      + STARTUP_SCRIPT.read_text(encoding="utf-8"), encoding="ascii")
    qgis_cmd = [exe, "--nologo", "--noversioncheck", "--code", str(script)]
    xvfb_run = shutil.which("xvfb-run", path=env.get("PATH"))
    xvfb_proc = None
    genv = dict(env)
    if xvfb_run:
        cmd = [xvfb_run, "-a", "-s", f"-screen 0 {w}x{h}x24 -nolisten tcp", *qgis_cmd]
    else:
        xvfb_proc, display = start_xvfb(f"{w}x{h}", env)
        if not display:
            failures.append("neither xvfb-run nor a working Xvfb")
            return {}
        genv["DISPLAY"] = display
        cmd = qgis_cmd
    q.update(exe=exe, cmd=cmd, timeout=args.timeout)
    log(f"starting QGIS: {' '.join(cmd)}")
    try:
        r = run_cmd(cmd, genv, work, args.timeout)
    finally:
        if xvfb_proc is not None:
            kill_group(xvfb_proc)
    output = r["stdout"] + "\n" + r["stderr"]
    (out / "qgis_output.txt").write_text(output, encoding="utf-8")
    q.update(rc=r["rc"], seconds=r["seconds"], timed_out=r["timed_out"], output_tail=tail(output, 4000))
    status = {}
    if status_path.exists():
        try:
            status = json.loads(status_path.read_text(encoding="utf-8"))
        except ValueError as exc:
            status = {"unreadable": str(exc)}
    q["status"] = status
    fault = fault_path.read_text(encoding="utf-8", errors="replace") if fault_path.exists() else ""
    q["faulthandler"] = tail(fault, 6000) or None

    # -- crash detection: exit code / signal, then where the status file says it was.
    if r["timed_out"]:  # we killed it: only QGIS's own crash report counts as a crash
        sig, how = crash_of(None, output if "QGIS died on signal" in output else "", wrapped=False)
    else:
        sig, how = crash_of(r["rc"], output, wrapped=bool(xvfb_run))
    if sig is None and "Fatal Python error" in fault:
        sig, how = int(signal.SIGSEGV), "faulthandler wrote a traceback"
    stage = status.get("stage")
    runs = status.get("runs", [])
    if r["timed_out"]:
        where = f"at stage '{stage}'" if stage else "before the startup script ran"
        failures.append(f"QGIS timed out after {args.timeout}s {where} (killed)")
    if sig is not None:
        name = SIGNAL_NAMES.get(sig, str(sig))
        if stage == "exit_requested" or (stage is None and not status):
            where = "at exit" if stage else "before the startup script ran"
        elif stage and re.match(r"run\d+_started", stage):
            n_done = sum(1 for x in runs if x.get("ok"))
            where = f"during run {len(runs)} of {args.runs} ({n_done} finished before)"
        else:
            where = f"after stage '{stage}'"
        # The Python stack of the crashing thread, as faulthandler wrote it.
        first = fault.split("Fatal Python error")[:2]  # SIGSEGV, then QGIS's abort() again
        blocks = [b.strip() for b in "Fatal Python error".join(first).split("\n\n")]
        stack = [ln for b in blocks if b.startswith(("Fatal Python", "Current thread"))
                 for ln in b.splitlines()][:16]
        q["crash"] = {"signal": sig, "name": name, "how": how, "where": where, "stage": stage,
                      "python_stack": stack}
        failures.append(f"QGIS CRASHED ({name}) {where}: {how}")
    elif not r["timed_out"]:
        if not status:
            failures.append(f"QGIS exited {r['rc']} without writing {status_path.name} "
                            "(startup script never ran)")
        elif stage != "exit_requested":
            failures.append(f"QGIS exited {r['rc']} at stage '{stage}' before the script finished")
        elif r["rc"] != 0:
            failures.append(f"QGIS exited with status {r['rc']} at exit")
    q["crashed"] = sig is not None
    for e in status.get("errors", []):
        failures.append("in QGIS: " + e.strip().splitlines()[-1][:300])
    q["screenshot"] = str(shot) if shot.exists() else None
    q["screen_shot"] = str(screen_shot) if screen_shot.exists() else None
    if stage in ("runs_finished", "screenshot", "exit_requested") and not shot.exists():
        failures.append("no screenshot saved")
    return status


# -- 5. the verdict ---------------------------------------------------------------------------
def translator_label(tr) -> str:
    """The plugin translator's language, else its .qm file (a .qm from a .ts without a
    language attribute reports none), or "none" when the plugin installed no translator."""
    if not tr:
        return "none"
    return tr.get("language") or Path(tr.get("file") or "").name or "loaded"


def verdict(args, res, failures, status, expected) -> str:
    runs = status.get("runs", [])
    flagged = [x.get("flagged") for x in runs]
    ok_runs = [x for x in runs if x.get("ok")]
    if len(ok_runs) < args.runs:
        bad = [f"run {x['run']}: " + (x.get("error") or x.get("status") or "started, never finished")
               for x in runs if not x.get("ok")]
        failures.append(f"{len(ok_runs)}/{args.runs} dock runs finished" + (" — " + "; ".join(bad) if bad else ""))
    done = [x["flagged"] for x in ok_runs]
    if args.expect_flagged is not None and any(f != args.expect_flagged for f in done):
        failures.append(f"flagged units {done}, expected {args.expect_flagged} every run")
    elif len(set(done)) > 1:
        failures.append(f"runs disagree: flagged units {done}")
    if status.get("plugin_loaded") is False:
        failures.append("QGIS did not load the plugin")
    prov = status.get("provider_algorithms")
    if prov is not None:
        missing = sorted(set(expected["ids"]) - set(prov))
        if len(prov) != expected["count"] or missing:
            failures.append(f"QGIS registers {len(prov)}/{expected['count']} JWJT algorithms"
                            + (f" (missing {', '.join(missing)})" if missing else ""))
        qp_ids = res.get("qgis_process", {}).get("jwjt_algorithms")
        if qp_ids is not None and sorted(qp_ids) != sorted(prov):
            failures.append("qgis_process and QGIS list different JWJT algorithms")
    dock = status.get("dock") or {}
    # Reported, not failed: what a person would notice on this screen and language.
    warnings = res.setdefault("warnings", [])
    win = status.get("window_at_shot") or {}
    if win.get("exceeds_screen"):
        warnings.append("the main window ({}x{}) is larger than the screen ({}x{}): its bottom/right is off-screen "
                        "(dock minimum size {})".format(*win["main_window"], *win["screen"],
                                                        "x".join(map(str, (status.get("dock_geometry") or {})
                                                                     .get("body_minimum_size_hint") or []))))
    if args.locale.lower().startswith("zh") and dock:
        if not status.get("translator"):
            warnings.append(f"no plugin translator installed under locale {args.locale}")
        if not dock.get("title_chinese"):
            warnings.append(f"dock title is not Chinese under locale {args.locale}: {dock.get('title')!r}")
    ver = (status.get("versions") or {}).get("qgis_version") or "?"
    qp_ids = res.get("qgis_process", {}).get("jwjt_algorithms")
    n_alg = len(qp_ids if qp_ids is not None else status.get("provider_algorithms") or [])
    crash = res.get("qgis", {}).get("crash")
    return (f"smoke: qgis={ver} runs={len(ok_runs)}/{args.runs} "
            f"flagged={','.join('-' if f is None else str(f) for f in flagged) or '-'} "
            f"algorithms={n_alg}/{expected['count']} locale={args.locale} "
            f"title={dock.get('title', '-')!s} "
            f"translator={translator_label(status.get('translator'))} "
            f"crash={'yes (' + crash['name'] + ' ' + crash['where'] + ')' if crash else 'no'}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zip", required=True, type=Path, help="dist/jwjt_plugin-<version>.zip")
    ap.add_argument("--out", required=True, type=Path, help="output folder (a fresh HOME is made inside)")
    ap.add_argument("--wheels", help="folder of wheels for the dependency installer (--wheels)")
    ap.add_argument("--locale", default="zh-Hans", help="QGIS interface language: zh-Hans, en, … (default zh-Hans)")
    ap.add_argument("--size", default="1366x768", help="screen size WxH (default 1366x768)")
    ap.add_argument("--runs", type=int, default=3, help="dock runs in the one QGIS process (default 3)")
    ap.add_argument("--expect-flagged", type=int, default=88,
                    help="flagged units on the sample city (default 88; -1 to only require equal runs)")
    ap.add_argument("--python", default="/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable,
                    help="QGIS's Python, for the installer and the dependency check (default /usr/bin/python3)")
    ap.add_argument("--qgis", help="QGIS executable (default: qgis, else qgis.bin)")
    ap.add_argument("--timeout", type=int, default=420, help="seconds for the whole QGIS session (default 420)")
    ap.add_argument("--run-timeout", type=int, default=120, help="seconds for one dock run (default 120)")
    ap.add_argument("--process-timeout", type=int, default=240, help="seconds for one qgis_process call")
    ap.add_argument("--install-timeout", type=int, default=600, help="seconds for the dependency installer")
    ap.add_argument("--skip-qgis-process", action="store_true", help="skip step 3")
    args = ap.parse_args(argv)
    if args.expect_flagged is not None and args.expect_flagged < 0:
        args.expect_flagged = None
    if not re.fullmatch(r"\d+x\d+", args.size):
        ap.error("--size must be WxH, e.g. 1366x768")
    try:  # never die on printing Chinese to a C-locale terminal
        sys.stdout.reconfigure(errors="backslashreplace")
        sys.stderr.reconfigure(errors="backslashreplace")
    except AttributeError:
        pass

    t0 = time.monotonic()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    args.zip = args.zip.resolve()
    if args.wheels:
        args.wheels = str(Path(args.wheels).resolve())
    failures: list = []
    res = {"args": {k: str(v) for k, v in vars(args).items()}, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
           "host_env": {k: os.environ.get(k) for k in ("LANG", "LC_ALL", "LANGUAGE")},
           "driver_python": sys.version.split()[0], "timings": {}}
    res["failures"] = failures

    def step(name, fn, *a):
        s = time.monotonic()
        log(name)
        try:
            return fn(*a)
        except Exception as exc:  # a driver bug or a broken ZIP must still give a report
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
            return None
        finally:
            res["timings"][name] = round(time.monotonic() - s, 1)

    status, expected = {}, {"provider": "jwjt", "ids": [], "count": 0}
    profile = step("profile", make_profile, out, args.zip, args.locale, res)
    if profile is not None:
        home = profile.parents[5]
        runtime = out / "runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env = user_env(home, runtime)
        res["env"] = {k: env.get(k) for k in ("HOME", "LANG", "LC_ALL", "PATH", "XDG_RUNTIME_DIR")}
        work = out / "work"
        work.mkdir(exist_ok=True)
        expected = step("expected algorithms", expected_algorithms, profile / "python/plugins" / PLUGIN) or expected
        res["expected_algorithms"] = expected
        step("dependencies", dependencies, profile, args, env, work, res, failures)
        if not args.skip_qgis_process:
            step("qgis_process", qgis_process, args, env, work, expected, res, failures)
        status = step("qgis", run_qgis, args, env, out, work, res, failures) or {}
    summary = verdict(args, res, failures, status, expected)
    res["summary"] = summary
    res["ok"] = not failures
    res["timings"]["total"] = round(time.monotonic() - t0, 1)
    text = json.dumps(res, indent=1, ensure_ascii=False, default=str)
    (out / "smoke.json").write_text(text, encoding="utf-8")
    (out / f"smoke_{args.locale}_{args.size}.json").write_text(text, encoding="utf-8")
    print(summary, flush=True)
    for w in res.get("warnings", []):
        print(f"WARNING: {w}", flush=True)
    for f in failures:
        print(f"FAILED: {f}", flush=True)
    crash = res.get("qgis", {}).get("crash")
    if crash and crash.get("python_stack"):
        print("Python stack at the crash (faulthandler):\n  " + "\n  ".join(crash["python_stack"]), flush=True)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
