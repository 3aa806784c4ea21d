"""The optional Dask component: reported, never required; installed by --with-dask like the rest."""
import sys
import types

import pytest

from jwjt_plugin import dependencies as deps, install_dependencies as inst
from jwjt_plugin.dependencies import Problem, Status

DASK_REQS = ["dask>=2022.12", "distributed>=2022.12"]


def usable():
    return [Status("numpy", "1.24.2", None), Status("shapely", "2.0.6", None)]


def dask_missing(components=("dask",)):
    return [Status("dask", None, Problem(deps.NOT_INSTALLED), "dask>=2022.12"),
            Status("distributed", None, Problem(deps.NOT_INSTALLED), "distributed>=2022.12")]


def test_dask_is_optional_and_checked_only_on_request():
    assert "dask" not in {d.name for d in deps.DEPENDENCIES}
    assert [d.name for d in deps.optional_dependencies()] == ["dask", "distributed"]
    assert deps.check_optional([]) == []
    found = deps.check_optional()  # installed in every test environment (requirements/debian-*.txt)
    assert [s.name for s in found] == ["dask", "distributed"] and all(s.ok for s in found), [str(s) for s in found]


def test_distributed_of_another_release_than_dask_is_unusable(monkeypatch):
    fake = types.ModuleType("distributed")
    fake.__version__ = "2024.12.1"
    for name in deps.DISTRIBUTED_API:
        setattr(fake, name, object())
    monkeypatch.setitem(sys.modules, "dask", types.SimpleNamespace(__version__="2025.1.0", delayed=object()))
    problem = deps._probe_distributed(fake)
    assert problem.template == deps.DASK_MISMATCH
    assert problem.text == "distributed 2024.12.1 needs dask 2024.12.1, but dask 2025.1.0 is installed"
    monkeypatch.setitem(sys.modules, "dask", types.SimpleNamespace(__version__="2024.12.1+dfsg", delayed=object()))
    assert deps._probe_distributed(fake) is None
    del fake.Client
    assert deps._probe_distributed(fake).text == "lacks what JWJT's Dask backend calls (distributed.Client)"


def test_installer_command_and_arguments():
    argv = deps.installer_command("py", None, "/w", plugin_dir=deps.PLUGIN_DIR, optional=["dask"])
    assert argv[-3:] == ["--wheels", "/w", "--with-dask"]
    with pytest.raises(ValueError):
        deps.installer_command("py", optional=["spark"])
    assert inst.parse_args(["--with-dask"]).optional == ["dask"]
    assert inst.parse_args([]).optional == []


def test_download_list_with_dask_holds_everything_it_imports():
    plain = inst.download_requirements()
    assert not any(r.startswith(("dask", "distributed", "cloudpickle", "tornado")) for r in plain)
    full = inst.download_requirements(optional=["dask"])
    assert full[:len(plain)] == plain and set(DASK_REQS) <= set(full)
    for name in ("cloudpickle", "toolz", "partd", "fsspec", "tornado", "msgpack", "psutil", "zict", "tblib",
                 "pyyaml", "jinja2", "markupsafe", "click", "locket", "sortedcontainers", "urllib3"):
        assert name in full
    assert "numpy" not in full and len(full) == len(set(full))


def test_print_command_adds_dask_only_when_asked(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(inst, "check_with", lambda target: usable())
    monkeypatch.setattr(inst.deps, "check_optional", lambda components: dask_missing() if components else [])
    assert inst.main(["--target", str(tmp_path), "--print-command"]) == inst.EXIT_OK
    assert capsys.readouterr().out.strip() == "# nothing to install"
    assert inst.main(["--target", str(tmp_path), "--print-command", "--with-dask"]) == inst.EXIT_OK
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "--no-deps" in out[0] and out[0].endswith("'dask>=2022.12' 'distributed>=2022.12'")


def test_check_fails_for_missing_dask_only_with_the_flag(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(inst, "check_with", lambda target: usable())
    monkeypatch.setattr(inst.deps, "check_optional", lambda components: dask_missing() if components else [])
    assert inst.main(["--check", "--target", str(tmp_path)]) == inst.EXIT_OK
    assert inst.main(["--check", "--with-dask", "--target", str(tmp_path)]) == inst.EXIT_UNUSABLE
    assert "install   dask: not installed  ->  pip: dask>=2022.12" in capsys.readouterr().out


def test_install_with_dask_adds_what_pip_check_finds_and_verifies_dask(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(inst, "check_with", lambda target: usable())
    monkeypatch.setattr(inst.deps, "check_optional", lambda components: dask_missing() if components else [])
    monkeypatch.setattr(inst, "pip_version", lambda python: "23.0")
    rounds = iter([(["cloudpickle", "tornado", "distributed"], []), (["markupsafe"], []), ([], [])])
    monkeypatch.setattr(inst, "unmet_requirements", lambda python, target: next(rounds))
    ran = []
    monkeypatch.setattr(inst, "run_streaming", lambda argv, env=None: ran.append(list(argv)) or 0)
    assert inst.main(["--target", str(tmp_path / "libs"), "--with-dask"]) == inst.EXIT_OK
    assert ran[0][-2:] == DASK_REQS and "--no-deps" in ran[0]
    assert ran[1][-3:] == ["cloudpickle", "tornado", "distributed>=2022.12"]  # a known project gets its band
    assert ran[2][-1:] == ["markupsafe"]
    assert ran[3][-4:] == ["--check", "--target", str(tmp_path / "libs"), "--with-dask"]
    assert "Done:" in capsys.readouterr().out
