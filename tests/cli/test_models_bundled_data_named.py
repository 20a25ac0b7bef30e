"""`petloc models`'s "data" column shows "train" and "data" for the bundled models (meta.json
``training_data.root_name``: the build script's working copies), while its help said the column is "the
folder it was trained on": no user has a folder of either name. The help says what these names are."""

from __future__ import annotations

import re

from petloc_gui.cli import cmd_models
from tests.cli.helpers import assert_clean_errors, run_cli


def test_the_help_says_what_the_bundled_models_data_names_are(capsys):
    code, out, err = run_cli(capsys, "models")
    assert code == 0 and assert_clean_errors(err) == []
    cells = {cells[0]: cells[3] for cells in (re.split(r"\s{2,}", line) for line in out.splitlines()[1:-1])}
    help_text = " ".join(cmd_models.EPILOG.split())
    assert "for the bundled models, the name of the working copy the build script, " \
           "benchmarks/train_bundled_models.py, trained them on" in help_text
    for name in cmd_models.BUNDLED:
        assert f'"{cells[name]}" for the {name} ' in help_text, (name, cells[name])
