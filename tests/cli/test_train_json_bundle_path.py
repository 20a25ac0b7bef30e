"""`petloc train`'s last stdout line is the bundle folder as a person reads it: escaped (`show`), so with
--out $'runs/my\\u00a0run' it read `runs/my\\xa0run/digits-...` and `B=$(petloc train ... | tail -1); petloc
evaluate dig --model "$B"` named a folder that is not there. `--json` gives the path as it is, as
`predict --json` gives its images: {"bundle": "..."} on the last line (slow: real training)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli


@pytest.mark.slow
def test_train_json_names_the_bundle_as_it_is_on_disk(tmp_path, capsys):
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "dig"
    write_digits_dataset(data, "train", 16, seed=1)
    out = tmp_path / "my\u00a0run"
    code, stdout, stderr = run_cli(capsys, "train", data, "--preset", "digits", "--out", out, "--epochs", "1",
                                   "--batch-size", "8", "--json")
    assert code == 0, stderr
    record = json.loads(stdout.strip().splitlines()[-1])
    bundle = Path(record["bundle"])
    assert bundle.parent == out and (bundle / "meta.json").is_file()
