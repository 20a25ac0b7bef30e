"""`petloc train`'s lines on the classes a run does not train (`_say_untrained_classes`) look each class up
once, not through the whole list: a list's ``in`` per class of the classes file, and per class on second
boxes only, and per class on any box through the --init-from model's classes, was quadratic (some 40,000,000
comparisons at 2,000 classes of each kind; the file may offer 5,000).

Counted, not timed (speed targets are not asserted in tests): the comparisons of class names it makes."""

from __future__ import annotations

from types import SimpleNamespace

from petloc_gui.cli.train_checks import _say_untrained_classes
from tests.compared_name import Compared

N = 2_000


def _sample(first: str, second: str) -> SimpleNamespace:
    """What the check reads of a training sample: its first box's label, and every box's."""
    box = (1.0, 1.0, 9.0, 9.0)
    return SimpleNamespace(label=Compared(first), ground_truth=((Compared(first), box), (Compared(second), box)))


def test_the_untrained_classes_are_said_in_order_comparing_each_class_a_few_times(tmp_path, capsys):
    # the file: N classes on second boxes only, then N on no box; N more on second boxes only, not in the file;
    # N the --init-from model knows (not said)
    filed = [f"filed_{i}" for i in range(N)]
    (tmp_path / "predefined_classes.txt").write_text("".join(f"{n}\nunboxed_{i}\n" for i, n in enumerate(filed)),
                                                   encoding="utf-8")
    samples = [_sample("cat", name) for name in [*filed, *(f"typed_{i}" for i in range(N))]]
    samples += [_sample("cat", f"known_{i}") for i in range(N)]
    parent = [Compared(f"known_{i}") for i in range(N)]
    capsys.readouterr()
    Compared.count = 0
    _say_untrained_classes(tmp_path, samples, parent)
    compared = Compared.count
    said = [line.split(" is ")[0].removeprefix("petloc: class ") for line in capsys.readouterr().err.splitlines()]
    # the file's classes in its order, then those on second boxes only (in natural order), none of the model's
    expected = [f"{n} of predefined_classes.txt" for i in range(N) for n in (f"filed_{i}", f"unboxed_{i}")]
    assert [name.replace("\u2068", "").replace("\u2069", "") for name in said] == [
        *expected, *sorted((f"typed_{i}" for i in range(N)), key=lambda n: int(n.split("_")[1]))]
    assert compared <= 20 * N  # (a list's ``in`` per class: some 40,000,000)
