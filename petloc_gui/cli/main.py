"""The `petloc` entry point: argument parsing, dispatch, and the error policy.

Each command lives in its own `cmd_*.py` module offering `NAME`, `HELP`,
`EPILOG`, `add_arguments(parser)` and `run(args) -> int`. Heavy imports
(TensorFlow) happen inside `run`, so `petloc stats` and `petloc digits`
never load TensorFlow.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
import traceback
import warnings
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import NoReturn

from petloc_gui.cli import (
    cmd_convert,
    cmd_digits,
    cmd_evaluate,
    cmd_export,
    cmd_models,
    cmd_predict,
    cmd_stats,
    cmd_train,
)
from petloc_gui.cli.closed_stdout import claim_closed_streams, silence_stdout
from petloc_gui.cli.output import UsageError, error, one_line, quiet_tensorflow, results_in_utf8
from petloc_gui.cli.stop_signals import stoppable, stopped
from petloc_gui.core.debug_flag import debug_enabled

COMMANDS = (cmd_stats, cmd_digits, cmd_train, cmd_evaluate, cmd_predict, cmd_export, cmd_models,
            cmd_convert)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

DESCRIPTION = """\
Single-object localisation + classification (one box and one class per image,
Pascal VOC XML ground truth) from the command line.

MODEL is `pets` or `digits` (the bundled models), a version of the model
store as `petloc models` names it (`digits/<id>`), or the path to a trained
bundle folder."""

EPILOG = """\
examples:
  petloc digits runs/digits-train --split train --count 2000
  petloc stats runs/digits-train
  petloc train runs/digits-train --preset digits --epochs 5
  petloc digits runs/digits-test --split test --count 500
  petloc evaluate runs/digits-test --model digits --json
  petloc predict new_photos/ --model pets --write-voc
  petloc export pets --saved-model runs/pets-savedmodel
  petloc models
  petloc convert my_photos --to coco my_photos-coco

Errors are one line on stderr starting with `petloc: `; set PETLOC_DEBUG=1 for
a full traceback of unexpected errors."""


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line usage error (no usage dump, no traceback)."""

    def error(self, message: str) -> NoReturn:
        error(f"{message} (see `{self.prog} --help`)")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The full `petloc` parser with one sub-parser per command."""
    parser = _Parser(
        prog="petloc",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"petloc {petloc_version()}",
                        help="print petloc's version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS:
        cmd = sub.add_parser(
            module.NAME,
            help=module.HELP,
            description=module.HELP,
            epilog=module.EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(cmd)
        # SIGTERM (CI cancelling a job, `docker stop`, `timeout`) stops every command as Ctrl+C does:
        # its clean-up runs, it says so, exit 143 (cli.stop_signals)
        cmd.set_defaults(run=stoppable(module.run))
    return parser


def petloc_version() -> str:
    """The installed distribution's version; in a checkout run without installing it (`python -m
    petloc_gui.cli` on PYTHONPATH), its pyproject.toml's, said so; "unknown" when neither is there."""
    try:
        return metadata.version("petloc")
    except metadata.PackageNotFoundError:
        pass
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, ValueError):
        return "unknown"
    if project.get("name") != "petloc" or not isinstance(project.get("version"), str):
        return "unknown"
    return f"{project['version']} (source checkout, not installed)"


def main(argv: Sequence[str] | None = None) -> int:
    """Run `petloc` with `argv` (default: sys.argv[1:]); returns the exit code.

    As a console script the return value becomes the process exit status.
    """
    claim_closed_streams()  # first: before anything is opened (`>&-`, `2>&-`)
    results_in_utf8()
    quiet_tensorflow()
    shown = warnings.showwarning
    if not debug_enabled():
        # A library warning (two lines, with a source line) would break the
        # one-`petloc:`-line rule; shown as one line instead.
        warnings.showwarning = _warning_line
    try:
        return _main(argv)
    finally:
        warnings.showwarning = shown


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # --help, or a usage error already reported
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt as exc:  # one that came outside a command's stop_signals
        return stopped(exc)
    except UsageError as exc:  # options that clash: a bad command line, as argparse's errors
        error(f"{_describe(exc)} (see `petloc {args.command} --help`)")
        return EXIT_USAGE
    except BrokenPipeError:
        # `petloc predict ... | head`: the reader left; nothing to report. (`predict --write-voc`
        # does not get here: its pre-labels are still written, `cli.closed_stdout`.)
        silence_stdout()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the single place where anything is caught
        return _report(exc)


def _report(exc: BaseException) -> int:
    if debug_enabled():
        traceback.print_exc()
    if _is_expected(exc):
        error(_describe(exc))
    else:
        error(f"unexpected error: {type(exc).__name__}: {_short(exc)}")
        if not debug_enabled():
            error("run with PETLOC_DEBUG=1 for details")
    return EXIT_FAILED


def _short(exc: BaseException, limit: int = 300) -> str:
    """An unexpected error's first line, cut at ``limit`` characters (some embed whole tensors)."""
    lines = str(exc).strip().splitlines()
    text = one_line(lines[0] if lines else exc)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _is_expected(exc: BaseException) -> bool:
    """Errors whose message is meant for the user (ours, and file-system ones)."""
    if isinstance(exc, (OSError, MemoryError)):
        return True
    return type(exc).__module__.startswith("petloc_gui.")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename and str(exc.filename) not in str(exc):
        return f"{exc.filename}: {exc.strerror or exc}"
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return one_line(exc)


def _warning_line(message, category, filename, lineno, file=None, line=None) -> None:
    error(f"warning: {message}")



if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
