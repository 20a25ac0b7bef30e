"""The `petloc` entry point: argument parsing, dispatch, and the error policy.

Each command lives in its own `cmd_*.py` module offering `NAME`, `HELP`,
`EPILOG`, `add_arguments(parser)` and `run(args) -> int`. Heavy imports
(TensorFlow) happen inside `run`, so `petloc stats` and `petloc digits`
never load TensorFlow.

This module imports nothing of petloc's, nor any slow library module, when it is imported: the console
script imports it before it calls `main`, and a Ctrl+C during those imports (the command modules and
what they import: 0.1 s) came before `main` could catch it and printed a KeyboardInterrupt traceback.
They are imported within `main`, where a Ctrl+C at any point of the start-up is one line and exit 130.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from collections.abc import Sequence

TYPE_CHECKING = False  # typing itself takes milliseconds to import (see the module)
if TYPE_CHECKING:
    from types import ModuleType
    from typing import Any, NoReturn

# The command modules, in the order `petloc --help` lists them (`commands`).
COMMAND_MODULES = ("cmd_stats", "cmd_digits", "cmd_train", "cmd_evaluate", "cmd_predict", "cmd_export",
                   "cmd_models", "cmd_convert")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # as cli.stop_signals' (not imported before `main`: see the module)

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
    """argparse with a usage error in two `petloc: ` lines (no traceback): what is wrong, pointing to the
    command's own --help, then its usage on one line (argparse's wraps it over several)."""

    # The command line being parsed (`_TopParser.parse_command_line` sets it on every parser), so that an
    # error can tell a name starting with '-' that argparse took for an option (`_dash_path_hints`).
    given: Sequence[str] = ()

    def error(self, message: str) -> NoReturn:
        from petloc_gui.cli.output import error

        error(f"{message} (see `{self.prog} --help`)")
        for hint in _dash_path_hints(self, self.given):
            error(hint)
        error(" ".join(self.format_usage().split()))
        raise SystemExit(EXIT_USAGE)

    def _print_message(self, message: str, file: Any = None) -> None:
        """argparse's, but --help and --version written to stdout as a command's results are (`result_line`):
        argparse dropped a write error (`> /dev/full`: exit 0, nothing written); raised, `_main` says it as it
        does a command's (a reader that left, `--help | head -1`, quiet)."""
        if not message or file is None or file is not sys.stdout:
            super()._print_message(message, file)
            return
        from petloc_gui.cli.output import result_line

        result_line(message.removesuffix("\n"), file)


class _TopParser(_Parser):
    """`petloc`'s own parser. argparse leaves an argument a command does not know to it, so `petloc stats
    DATA --bogus` pointed to `petloc --help` with petloc's usage: the command's parser reports it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands: dict[str, argparse.ArgumentParser] = {}

    def parse_command_line(self, argv: Sequence[str] | None) -> argparse.Namespace:
        """``argv`` parsed (default: sys.argv[1:]), as parse_args, an unknown argument said by its command."""
        given = list(argv) if argv is not None else sys.argv[1:]
        for parser in (self, *self.commands.values()):
            if isinstance(parser, _Parser):
                parser.given = given
        parsed, extras = self.parse_known_args(given)
        if extras:
            # petloc's own options come before the command (-h and --version end the run): what is
            # left before it is petloc's to report, all after it the command's
            command = getattr(parsed, "command", None)
            before = given[:given.index(command)] if command in given else given
            if before or command not in self.commands:
                self.error(f"unrecognized arguments: {' '.join(before or extras)}")
            self.commands[command].error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed


def _dash_path_hints(parser: argparse.ArgumentParser, given: Sequence[str]) -> list[str]:
    """A line for each argument of ``given`` that starts with '-', is none of ``parser``'s options and names
    a file or folder that is there: argparse took it for an option (`petloc stats -dd` said "the following
    arguments are required: DATA", never naming -dd). Those after `--` were read as names already."""
    import os

    from petloc_gui.core.text import visible

    hints = []
    for argument in given[:given.index("--")] if "--" in given else given:
        option = argument.split("=", 1)[0]
        if (len(argument) < 2 or not argument.startswith("-") or option in parser._option_string_actions
                or not os.path.lexists(argument)):
            continue
        if parser._negative_number_matcher.match(argument) and not parser._has_negative_number_optionals:
            continue  # argparse read it as a value (DATA, or --val-fraction's -0.1), not as an option
        name = visible(argument)
        hints.append(f"{name} looks like an option; to name the file or folder {name}, write ./{name} "
                     f"or put -- before it")
    return hints


def commands() -> tuple[ModuleType, ...]:
    """The command modules, in the order `petloc --help` lists them (imported here: see the module)."""
    return tuple(importlib.import_module(f"petloc_gui.cli.{name}") for name in COMMAND_MODULES)


def build_parser() -> _TopParser:
    """The full `petloc` parser with one sub-parser per command."""
    from petloc_gui.cli.stop_signals import stoppable

    # No abbreviated options (argparse's allow_abbrev): `--ov` ran as --overwrite, and a script's
    # `--mod` would turn into an "ambiguous option" the day another option starting so is added.
    parser = _TopParser(
        prog="petloc",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"petloc {petloc_version()}",
                        help="print petloc's version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in commands():
        cmd = sub.add_parser(
            module.NAME,
            help=module.HELP,
            description=module.HELP,
            epilog=module.EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            allow_abbrev=False,
        )
        module.add_arguments(cmd)
        parser.commands[module.NAME] = cmd
        # SIGTERM (CI cancelling a job, `docker stop`, `timeout`) and SIGHUP (a terminal closed) stop every
        # command as Ctrl+C does: its clean-up runs, it says so, exit 143 or 129 (cli.stop_signals)
        cmd.set_defaults(run=stoppable(module.run))
    return parser


def petloc_version() -> str:
    """The installed distribution's version; in a checkout run without installing it (`python -m
    petloc_gui.cli` on PYTHONPATH), its pyproject.toml's, said so; "unknown" when neither is there."""
    import tomllib
    from importlib import metadata
    from pathlib import Path

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
    try:
        return _started(argv)
    except KeyboardInterrupt:
        # Ctrl+C while petloc starts (its imports, the parser: before a command's stop_signals), or one
        # that got past them: nothing is being written; one line, as for a stopped command
        return _interrupted()


def _started(argv: Sequence[str] | None) -> int:
    from petloc_gui.cli.closed_stdout import claim_closed_streams
    from petloc_gui.cli.output import quiet_tensorflow, results_in_utf8
    from petloc_gui.core.debug_flag import debug_enabled

    claim_closed_streams()  # first: before a command opens anything (`>&-`, `2>&-`)
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


def _interrupted() -> int:
    """Say "petloc: interrupted" (cli.stop_signals.stopped's line, written here as its module may be
    what was being imported) and return 130."""
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write("petloc: interrupted\n")
            stream.flush()
        except (OSError, ValueError):  # a stderr closed or gone: the exit status says it
            pass
    return EXIT_INTERRUPTED


def _main(argv: Sequence[str] | None) -> int:
    from petloc_gui.cli.output import StdoutWriteError, UsageError, error
    from petloc_gui.cli.stop_signals import stopped

    parser = build_parser()
    try:
        args = parser.parse_command_line(argv)
    except SystemExit as exc:  # --help, or a usage error already reported
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    except BrokenPipeError:  # --help or --version: as a command's results (a Ctrl+C goes on to `main`)
        return _reader_left()
    except StdoutWriteError as exc:
        return _report(exc)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt as exc:  # one that came outside a command's stop_signals
        return stopped(exc)
    except UsageError as exc:  # options that clash: a bad command line, as argparse's errors
        error(f"{_describe(exc)} (see `petloc {args.command} --help`)", names_isolated=True)
        return EXIT_USAGE
    except BrokenPipeError:
        return _reader_left()
    except Exception as exc:  # noqa: BLE001 - the single place where anything is caught
        return _report(exc, args.command)


def _reader_left() -> int:
    """`petloc predict ... | head`, `petloc --help | head -1`: the reader left; nothing to report, exit 0.
    (`predict --write-voc` does not get here: its pre-labels are still written, `cli.closed_stdout`.)"""
    from petloc_gui.cli.closed_stdout import silence_stdout

    silence_stdout()
    return EXIT_OK


def _report(exc: BaseException, command: str | None = None) -> int:
    """Say ``exc`` in one line (``command``: the command it stopped, where one had started) and return 1."""
    import traceback

    from petloc_gui.cli.output import error
    from petloc_gui.core.debug_flag import debug_enabled

    if debug_enabled():
        traceback.print_exc()
    if _is_expected(exc):
        error(_describe(exc, command), names_isolated=True)
    else:
        error(f"unexpected error: {type(exc).__name__}: {_short(exc)}")
        if not debug_enabled():
            error("run with PETLOC_DEBUG=1 for details")
    return EXIT_FAILED


def _short(exc: BaseException, limit: int = 300) -> str:
    """An unexpected error's first line, cut at ``limit`` characters (some embed whole tensors)."""
    from petloc_gui.cli.output import one_line

    lines = str(exc).strip().splitlines()
    text = one_line(lines[0] if lines else exc)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _is_expected(exc: BaseException) -> bool:
    """Errors whose message is meant for the user (ours, and file-system ones)."""
    if isinstance(exc, (OSError, MemoryError)):
        return True
    return type(exc).__module__.startswith("petloc_gui.")


def _describe(exc: BaseException, command: str | None = None) -> str:
    """``exc`` as its error line says it, for `error`'s ``names_isolated``: the file it names set apart
    (`isolated`: a Hebrew folder name took the line's direction in a terminal that lays out bidi text, and moved
    the colon and the reason to the other end), the rest `visible`, every isolate in it escaped (a reason may
    hold a raw name, whose own isolates are to be seen), but where the error vouches that each name of its reason
    is set apart already (``names_isolated``: `core.case_variant_refusal.CaseVariantError`)."""
    from petloc_gui.cli.output import one_line
    from petloc_gui.core.errors import PetlocError
    from petloc_gui.core.text import isolated

    if isinstance(exc, MemoryError):
        return _out_of_memory(exc, command)
    if isinstance(exc, OSError) and exc.filename and str(exc.filename) not in str(exc):
        return f"{isolated(exc.filename)}: {one_line(exc.strerror or exc)}"
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        return f"{isolated(exc.filename)}: {one_line(exc.strerror)}"
    if isinstance(exc, PetlocError) and exc.path is not None:
        vouched = getattr(exc, "names_isolated", False) is True
        return f"{isolated(exc.path)}: {exc.reason if vouched else one_line(exc.reason)}"
    return one_line(exc)


def _out_of_memory(exc: MemoryError, command: str | None) -> str:
    """What a MemoryError says: its ``str`` is most often empty, and "petloc: unknown error" named neither the
    cause nor what was being done."""
    from petloc_gui.cli.output import one_line

    detail = str(exc).strip()
    cause = f"MemoryError: {one_line(detail)}" if detail else "MemoryError"
    doing = f" while running `petloc {command}`" if command else ""
    return f"out of memory ({cause}){doing}; free some memory (close other programs) and run it again"


def _warning_line(message, category, filename, lineno, file=None, line=None) -> None:
    from petloc_gui.cli.output import error

    error(f"warning: {message}")



if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
