"""A folder given as ./digits (or ./pets) is that folder, never the bundled model of that name.

Before, `resolve_model("./digits")` gave Path("digits"), whose str() is the bundled name: `petloc evaluate
--model ./digits` scored the bundled digits model, `petloc train --init-from ./digits` fine-tuned it (and
recorded it as the parent), and a walk of the parents of ./digits looked beside the bundled model.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from petloc_gui.cli import cmd_train
from petloc_gui.model.parent_chain import parent_chain
from tests.cli.helpers import run_cli
from tests.model_files import write_meta


def test_evaluate_model_dot_slash_digits_uses_that_folder(tmp_path, capsys, monkeypatch):
    """Its folder holds a meta.json alone: it fails for its missing model.keras, not scoring the bundled model."""
    from petloc_gui.core.digits import write_digits_dataset

    write_digits_dataset(tmp_path / "data", "test", count=2, seed=0)
    from petloc_gui.model.bundle import read_meta

    # a valid meta.json (the bundled model's, another version), model.keras left out
    write_meta(tmp_path / "digits", {**read_meta("digits"), "version_id": "mine-V5"})
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "evaluate", "data", "--model", "./digits")
    assert code != 0
    assert "model.keras is missing" in err
    assert str(tmp_path / "digits") in err


def test_train_init_from_dot_slash_digits_keeps_that_folder(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    write_meta(tmp_path / "digits", {"version_id": "mine-V5", "preset": "digits", "parent": None})
    monkeypatch.chdir(tmp_path)
    parser = argparse.ArgumentParser()
    cmd_train.add_arguments(parser)
    args = parser.parse_args(["data", "--preset", "digits", "--init-from", "./digits", "--out", str(tmp_path / "runs")])
    cmd_train._check_inputs(args)
    assert Path(args.init_from) == tmp_path / "digits"
    assert args.parent_meta["version_id"] == "mine-V5"


def test_the_parents_of_a_folder_given_as_a_relative_path_are_beside_it(tmp_path, monkeypatch):
    write_meta(tmp_path / "V0", {"version_id": "V0", "preset": "digits", "parent": None})
    meta = write_meta(tmp_path / "digits", {"version_id": "mine", "preset": "digits", "parent": "V0",
                                        "parent_version_id": "V0"})
    monkeypatch.chdir(tmp_path)
    chain = parent_chain(meta, Path("./digits"))
    assert [name for name, _ in chain.found] == ["V0"] and not chain.broken_at
