"""The command lines the README and docs/cli.md show are the ones argparse knows.

Every option of every `petloc` command (and of `petloc-gui`) is named in the
README's synopsis and in the command's section of docs/cli.md, and no option
argparse takes as optional is shown there as required (outside brackets).
The synopses had drifted: `evaluate`/`predict` showed `--model` as required,
and a dozen options were missing.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from petloc_gui.cli.main import build_parser, commands

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI_MD = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
NAMES = [module.NAME for module in commands()]


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _options(parser: argparse.ArgumentParser) -> list[tuple[str, bool]]:
    """(long option, may be left out) of each option but --help; an option of a required either-or
    group (convert's --to / --from) counts as required."""
    in_required_group = {id(a) for g in parser._mutually_exclusive_groups if g.required for a in g._group_actions}
    out = []
    for action in parser._actions:
        longs = [s for s in action.option_strings if s.startswith("--")]
        if not longs or isinstance(action, argparse._HelpAction):
            continue
        out.append((longs[0], not action.required and id(action) not in in_required_group))
    return out


def _readme_synopsis(command: str) -> list[str]:
    """The README's synopsis lines for ``petloc COMMAND`` (continuation lines joined, comments cut)."""
    block = README.split("## Command line: `petloc`", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    entries: list[str] = []
    for line in block.splitlines():
        text = line.split("#", 1)[0].rstrip()
        if text.startswith("petloc "):
            entries.append(text)
        elif text.strip() and entries:
            entries[-1] += " " + text.strip()
    return [e for e in entries if e.split()[1] == command]


def _cli_md_section(command: str) -> tuple[str, str]:
    """(heading, text) of docs/cli.md's section on ``petloc COMMAND``."""
    for section in CLI_MD.split("\n## ")[1:]:
        heading, _, text = section.partition("\n")
        if heading.startswith(f"`petloc {command} "):
            return heading, text
    raise AssertionError(f"docs/cli.md has no section `petloc {command} ...`")


def _shown_required(synopsis: str, option: str) -> bool:
    """Whether ``option`` appears in ``synopsis`` outside every [...] (as a required option)."""
    for match in re.finditer(re.escape(option) + r"(?![\w-])", synopsis):
        before = synopsis[: match.start()]
        if before.count("[") - before.count("]") <= 0:
            return True
    return False


@pytest.mark.parametrize("command", NAMES)
def test_the_readme_synopsis_names_every_option_as_argparse_takes_it(command):
    lines = _readme_synopsis(command)
    assert lines, f"README synopsis has no `petloc {command}` line"
    for option, optional in _options(_subparsers()[command]):
        assert any(re.search(re.escape(option) + r"(?![\w-])", line) for line in lines), \
            f"README: `petloc {command}` synopsis lacks {option}"
        if optional:
            for line in lines:
                assert not _shown_required(line, option), f"README shows optional {option} as required: {line}"


@pytest.mark.parametrize("command", NAMES)
def test_docs_cli_md_describes_every_option_of_each_command(command):
    heading, text = _cli_md_section(command)
    for option, optional in _options(_subparsers()[command]):
        assert re.search(re.escape(option) + r"(?![\w-])", heading + text), f"docs/cli.md: {command} lacks {option}"
        if optional:
            assert not _shown_required(heading, option), f"docs/cli.md shows optional {option} as required"


def test_the_readme_names_every_option_of_the_window():
    from petloc_gui.ui.app import build_parser  # argparse only: no Qt is imported

    block = README.split("## The window: `petloc-gui`", 1)[1].split("\n## ", 1)[0]
    options = _options(build_parser())
    assert options
    for option, _ in options:
        assert re.search(r"petloc-gui .*" + re.escape(option) + r"(?![\w-])", block), f"README: petloc-gui {option}"


def test_the_readme_lists_every_make_target():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split()
    assert targets
    for target in targets:
        assert re.search(rf"^make {re.escape(target)}\b", README, re.M), f"README does not list `make {target}`"


def test_make_run_is_said_to_open_what_petloc_gui_opens():
    """`make run` runs `petloc-gui $(ARGS)`: the folder open last time, the demo only on the first run
    (ui/app.py `_startup`); the README and the Makefile said it opens the demo."""
    from petloc_gui.ui.app import build_parser

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run: .*\n\t\$\(BIN\)/petloc-gui \$\(ARGS\)$", makefile, re.M)
    folder_help = next(a.help for a in build_parser()._actions if a.dest == "folder")
    assert "the folder open last time" in folder_help
    readme_line = re.search(r"^make run .*$", README, re.M).group(0)
    make_comment = re.search(r"^## run: .*$", makefile, re.M).group(0)
    for text in (readme_line, make_comment):
        assert "the folder open last time" in text and "demo on the first run" in text, text


def test_the_shown_required_rule():
    assert _shown_required("petloc evaluate DATA --model MODEL [--json]", "--model")
    assert not _shown_required("petloc evaluate DATA [--model MODEL] [--json]", "--model")
    assert not _shown_required("petloc stats DATA [--plot OUT.png [--overwrite]]", "--overwrite")
    assert not _shown_required("petloc x [--json-lines]", "--json")
