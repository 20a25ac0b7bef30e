"""An argument a command does not know is said by that command: argparse left it to `petloc`'s own
parser, so `petloc stats DATA --bogus` pointed to `petloc --help`, which lists the commands but none
of stats' options, and no usage line was printed at all."""

from __future__ import annotations

import pytest

from tests.cli.helpers import assert_clean_errors, run_cli


@pytest.mark.parametrize(("argv", "unknown"), [
    (["stats", "data", "--bogus"], "--bogus"),
    (["models", "extra"], "extra"),
    (["predict", "a.png", "--model", "digits", "--jsn", "-q"], "--jsn -q"),
])
def test_an_unknown_argument_points_to_the_command_s_help_with_its_usage(argv, unknown, capsys):
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == ""
    command = argv[0]
    assert assert_clean_errors(err) == [
        f"petloc: unrecognized arguments: {unknown} (see `petloc {command} --help`)",
        f"petloc: usage: petloc {command} [-h] " + err.splitlines()[1].split(f"petloc {command} [-h] ", 1)[1]]


def test_the_usage_line_is_the_command_s_on_one_line(capsys):
    code, _, err = run_cli(capsys, "stats", "data", "--bogus")
    assert code == 2 and err.splitlines()[1] == (
        "petloc: usage: petloc stats [-h] [--plot OUT.png] [--overwrite] [--json] [--no-image-check | --check-decode] "
        "DATA")


def test_an_unknown_option_before_the_command_is_petloc_s(capsys):
    code, _, err = run_cli(capsys, "--bogus", "stats", "data")
    assert code == 2 and assert_clean_errors(err) == [
        "petloc: unrecognized arguments: --bogus (see `petloc --help`)",
        "petloc: usage: petloc [-h] [--version] COMMAND ..."]
