"""Qt's own command-line options (``-reverse``, ``-style fusion``, ``-platform offscreen``, …) taken out of
`petloc-gui`'s command line for Qt, the rest left for petloc's parser.

argparse read them as petloc's and refused them ("unrecognized arguments: -reverse"), and Qt was given the
program's name only. They are told apart here, before Qt starts, by Qt's own list (`QGuiApplication` and
`QApplication`: https://doc.qt.io/qt-6/qguiapplication.html#supported-command-line-options), so that
``--help`` still needs no display and an option neither knows is still refused by petloc's parser. Qt takes
each with one dash or two, and ``-style=fusion`` for ``-style fusion``; after ``--`` nothing is Qt's.
"""

from __future__ import annotations

from collections.abc import Sequence

# Qt's options followed by a value (-platform offscreen; the X11 plugin's -display, -geometry… too)
WITH_VALUE = frozenset({
    "platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry", "qwindowicon",
    "qwindowtitle", "qmljsdebugger", "session", "style", "stylesheet", "display", "geometry", "icon", "title",
    "name", "visual",
})
# and those alone
ALONE = frozenset({"reverse", "widgetcount", "testability", "nograb", "dograb", "sync"})


class QtOptionError(ValueError):
    """A Qt option given without the value it needs (``-style`` last)."""


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(Qt's options of ``argv``, each value after its option: ``["-style", "fusion", "-reverse"]``; the
    others, in order, for petloc's parser). ``argv``: the arguments after the program's name."""
    qt: list[str] = []
    own: list[str] = []
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":  # the end of the options: a folder named "-reverse" is a folder
            own.extend(args[i - 1:])
            break
        name, equals, value = arg.lstrip("-").partition("=")
        if not arg.startswith("-") or arg.startswith("---"):
            own.append(arg)
        elif name in ALONE and not equals:
            qt.append(f"-{name}")
        elif name in WITH_VALUE:
            if not equals:
                if i == len(args):
                    raise QtOptionError(f"Qt's option -{name} needs a value (-{name} VALUE)")
                value = args[i]
                i += 1
                if value.startswith("--"):  # petloc's own option, not a value: "-display --model pets" lost --model
                    raise QtOptionError(f"Qt's option -{name} needs a value (-{name} VALUE), not {value}")
            qt.extend([f"-{name}", value])
        else:
            own.append(arg)
    return qt, own


def qt_option(qt_args: Sequence[str], name: str) -> str | None:
    """The value of Qt's option ``name`` (``"platform"``, ``"display"``: one of `WITH_VALUE`) in ``qt_args`` as
    `split_qt_options` gives them, if any: the last one given, which Qt takes."""
    named = [qt_args[i + 1] for i in range(len(qt_args) - 1) if qt_args[i] == f"-{name}"]
    return named[-1] if named else None
