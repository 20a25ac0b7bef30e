"""`petloc train`'s lines for many thin classes (`cli.train_checks`, past `MAX_THIN_ONE_BY_ONE`) are
`app.thin_classes.thin_groups`' groups, each name set apart (`core.text.isolated`): they named the classes only
`visible`, so a Hebrew class name took the line's direction and moved the commas around it in a terminal that
lays out bidi text. The isolates reach stderr as they are (`error(..., names_isolated=True)`), where `one_line`
escaped them ("\\u2068NAME\\u2069"); an isolate a name holds itself is still an escape."""

from __future__ import annotations

from petloc_gui.core.text import FIRST_STRONG_ISOLATE as FSI
from petloc_gui.core.text import POP_DIRECTIONAL_ISOLATE as PDI
from tests.cli.thin_class_samples import samples_of, warning_lines

HEBREW = "חתול"
CATS = "cat_0, cat_1, cat_2, cat_3, cat_4"
ONE_EACH = ("have 1 person-reviewed image each: none can be both trained on and held out, so the run never "
            "measures them")


def test_a_hebrew_class_name_among_many_thin_ones_is_set_apart(capsys):
    counts = {HEBREW: 1} | {f"cat_{i}": 1 for i in range(5)} | {"owl": 2}
    warned = warning_lines(capsys, samples_of(counts))
    assert warned[0] == f"petloc: 6 classes ({CATS}, {FSI}{HEBREW}{PDI}) {ONE_EACH}"
    assert warned[1].startswith("petloc: 1 class (owl) has only 2 person-reviewed images: ")
    assert len(warned) == 3


def test_an_isolate_a_class_name_holds_itself_is_escaped(capsys):
    # a stray PDI would end an isolation early (or one the terminal never began): the name's own are escapes,
    # the pair `isolated` puts around a Hebrew name the only raw ones on the line
    counts = {f"{HEBREW}\u2069": 1, "a\u2069b": 1, f"\u2068{HEBREW}\u2069": 1} | {f"cat_{i}": 1 for i in range(3)}
    warned = warning_lines(capsys, samples_of(counts))
    assert warned[0] == (f"petloc: 6 classes (a\\u2069b, cat_0, cat_1, cat_2, {FSI}{HEBREW}\\u2069{PDI}, "
                         f"{FSI}\\u2068{HEBREW}\\u2069{PDI}) {ONE_EACH}")
    assert len(warned) == 2
