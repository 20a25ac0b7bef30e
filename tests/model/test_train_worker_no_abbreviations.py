"""The training child's command line takes no abbreviated option, as petloc's own parsers take none
(tests/cli/test_no_abbreviated_options.py): argparse's default read ``--epoch 3`` as --epochs and
``--base`` prefixes alike, so a caller's typo reached another option silently, and an abbreviation that
worked became an "ambiguous option" the day an option starting the same way was added."""

from __future__ import annotations

import pytest

from petloc_gui.model.train_worker import parse_args

WHOLE = ["--data", "d", "--preset", "digits", "--out", "o"]


@pytest.mark.parametrize("option", [["--epoch", "3"], ["--val", "0.3"], ["--skip"], ["--no-comp"],
                                    ["--compare", "digits"]])
def test_an_abbreviated_option_is_a_bad_command_line(option, capsys):
    with pytest.raises(SystemExit) as refused:
        parse_args([*WHOLE, *option])
    assert refused.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_the_whole_option_names_still_parse():
    args = parse_args([*WHOLE, "--epochs", "3", "--val-fraction", "0.3", "--skip-prelabels", "--no-compare"])
    assert (args.epochs, args.val_fraction, args.skip_prelabels, args.no_compare) == (3, 0.3, True, True)
