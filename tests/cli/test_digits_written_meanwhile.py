"""`petloc digits cc --split test --seed 1` and `--seed 2` at once: both exited 0, leaving XML boxes that did not hold
their PNG's digit. A file another run writes while this one runs now stops it, exit 1, the file left as it is."""

from __future__ import annotations

import contextlib

from petloc_gui.cli import cmd_digits
from petloc_gui.core.digits import write_digits_dataset
from tests.cli.helpers import run_cli

PLANT_AT = 2


def test_another_runs_pair_written_meanwhile_stops_the_run_with_exit_1(tmp_path, monkeypatch, capsys):
    theirs = write_digits_dataset(tmp_path / "seed2", "test", count=5, seed=2)[PLANT_AT]
    out = tmp_path / "cc"
    planted = [(out / theirs.name).with_suffix(suffix) for suffix in (".xml", ".png")]
    pairs = []

    @contextlib.contextmanager
    def held():
        if len(pairs) == PLANT_AT:  # the other run gets there first
            for path in planted:
                path.write_bytes(theirs.with_suffix(path.suffix).read_bytes())
        pairs.append(None)
        yield

    monkeypatch.setattr(cmd_digits, "held", held)
    code, out_text, err = run_cli(capsys, "digits", out, "--split", "test", "--count", "5", "--seed", "1")
    assert code == 1 and out_text == ""
    assert err.startswith(f"petloc: {planted[0]}: exists with other content than this run writes there"), err
    for path in planted:
        assert path.read_bytes() == theirs.with_suffix(path.suffix).read_bytes()
    assert len(list(out.glob("*.png"))) == PLANT_AT + 1  # its own before it, and the other run's
