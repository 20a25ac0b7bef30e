"""What the README says of the window is what the window does: Qt's own options on `petloc-gui`'s command
line (argparse refused them until ui/qt_options.py; the README named none)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
WINDOW = README.split("## The window: `petloc-gui`", 1)[1].split("\n## ", 1)[0]


def _window_command_lines() -> list[list[str]]:
    """The arguments of each `petloc-gui` line of the section's first code block, comments cut."""
    block = WINDOW.split("```sh", 1)[1].split("```", 1)[0]
    return [shlex.split(line.split("#", 1)[0])[1:] for line in block.splitlines() if line.startswith("petloc-gui")]


def test_every_window_command_line_of_the_readme_parses():
    from petloc_gui.ui.app import parse_args  # argparse only: no Qt is imported

    for args in _window_command_lines():
        parse_args(args)  # a line argparse refuses exits 2 (SystemExit), failing here


def test_the_qt_options_the_readme_names_are_the_ones_passed_on_to_qt():
    from petloc_gui.ui.qt_options import split_qt_options

    prose = " ".join(WINDOW.split())
    named = re.findall(r"`(-[a-z]+)(?: [A-Z+x]+)?`", prose)  # `-reverse`, `-style NAME`, …
    assert {"-reverse", "-style", "-platform", "-qwindowgeometry"} <= set(named), named
    for option in named:
        qt, own = split_qt_options([option, "value"])
        assert qt[:1] == [option] and own in ([], ["value"]), f"README names {option}, which is not Qt's"


def test_the_readme_shows_a_folder_named_like_an_option_after_the_double_dash():
    from petloc_gui.ui.app import parse_args

    folders = [parse_args(args).folder for args in _window_command_lines() if "--" in args]
    assert any(folder and folder.startswith("-") for folder in folders), folders


def _retrain_section() -> str:
    return " ".join(README.split("## Retraining from the app", 1)[1].split("\n## ", 1)[0].split())


def test_the_retrain_section_says_the_thin_classes_line_and_the_number_fields_ranges(qtbot):
    # the Retrain dialog's line on thin classes (app.thin_classes) and its locale-free fields (ui/number_fields.py)
    from petloc_gui.app.model_choice import MIN_BOXES_PER_CLASS
    from petloc_gui.ui.training.retrain_dialog import RetrainDialog

    dialog = RetrainDialog(None, model_name="digits", data_name="/data", n_annotated=40, has_unsaved=False)
    qtbot.addWidget(dialog)
    fraction, epochs = dialog.val_fraction, dialog.epochs
    section = _retrain_section()
    assert f"fewer than {MIN_BOXES_PER_CLASS} person-reviewed images" in section
    assert (f"({fraction.minimum():g} to {fraction.maximum():g}, epochs {epochs.minimum()} to {epochs.maximum()}) "
            "is refused where it is typed") in section
    assert "`0,35` is taken too" in section
