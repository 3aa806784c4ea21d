"""The bad-input catalogue (tests/bad_inputs) through the CLI: the answer, no traceback, nothing
left behind after a failure, every input unchanged."""
from __future__ import annotations

import re

import pytest

from jwjt_plugin.cli import main
from tests.bad_inputs.catalogue import ERROR, NOTE, OK, case_ids, hashes

CASES = case_ids("cli")


def cli_args(inputs, out):
    args = ["synergy", "--units", inputs.units, "--out", out]
    if inputs.layer and inputs.units.endswith(".gpkg"):
        args += ["--units-layer", inputs.layer]
    for species, path in inputs.grids.items():
        args += ["--grid", f"{species}={path}"]
    if inputs.code_field:
        args += ["--code-field", inputs.code_field]
    return args


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_cli_answers(case, tmp_path, capsys, request):
    if case.readonly:
        request.getfixturevalue("readonly_dir")
    inputs = case.build(tmp_path / "in")
    before = hashes(inputs.folder)
    out = inputs.out_dir or str(tmp_path / "out")
    code = main(cli_args(inputs, out))
    text = capsys.readouterr()
    said = text.err + text.out
    assert "Traceback" not in said
    if case.outcome == ERROR:
        assert code in (1, 2), said
        lines = [ln for ln in text.err.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), text.err
        assert re.search(case.expect, lines[0], re.I | re.S), lines[0]
        if not inputs.out_dir:  # nothing left behind: no run folder, no partial one
            assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    else:
        assert code == 0, said
        if case.outcome == NOTE:
            notes = "\n".join(ln for ln in text.out.splitlines() if ln.startswith("  - ") or ln.startswith("No NOx"))
            assert re.search(case.expect, notes or text.out, re.I | re.S), text.out
        assert case.outcome in (OK, NOTE)
    assert hashes(inputs.folder) == before, "an input file was modified"
