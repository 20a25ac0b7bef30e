"""`petloc --help` and `petloc evaluate --help` say what the commands do now (docs/cli.md says the same)."""

from __future__ import annotations

from tests.cli.helpers import run_cli


def _help(capsys, *command) -> str:
    code, out, _ = run_cli(capsys, *command, "--help")
    assert code == 0
    return " ".join(out.split())  # argparse wraps lines where it likes


def test_the_top_level_help_names_every_form_of_model(capsys):
    """Before: it named `pets`, `digits` and a bundle folder, not the store name every --model help gives."""
    text = _help(capsys)
    assert "MODEL is `pets` or `digits` (the bundled models), a version of the model store as `petloc models` " \
           "names it (`digits/<id>`), or the path to a trained bundle folder" in text

