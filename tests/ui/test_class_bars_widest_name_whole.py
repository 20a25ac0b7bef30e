"""The class balance cut the widest class name though the panel had room for it ("bulld…" beside
"rosette" and "ruddy"): the names' place was the rounded width, and the elision measured the exact one,
a fraction wider."""

from __future__ import annotations

from petloc_gui.ui.review.class_bars import ClassBars

NAMES = ["bulldog", "rosette", "ruddy", "abyssinian", "Bengal", "beagle", "boxer", "cat", "dog", "havanese",
         "keeshond", "leonberger", "pomeranian", "pug", "samoyed", "shiba_inu", "sphynx", "yorkshire_terrier",
         "Birman", "Bombay", "Maine_Coon", "Persian", "Ragdoll", "Siamese", "newfoundland", "chihuahua"]


def test_a_name_with_room_to_spare_is_never_elided(qtbot):
    bars = ClassBars()
    qtbot.addWidget(bars)
    bars.resize(440, 100)  # the names' share of the width is far wider than any of these
    cut = []
    for name in NAMES:
        for others in ([], ["a"]):  # alone, and as the widest of two
            bars.set_counts({n: 20 for n in [name, *others]})
            row = next(row for row in bars.rows() if row.name == name)
            if row.shown != name:
                cut.append((name, row.shown, row.label.width()))
    assert not cut, cut


def test_the_widest_name_fits_its_place_exactly_as_drawn(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetricsF

    bars = ClassBars()
    qtbot.addWidget(bars)
    bars.resize(440, 100)
    bars.set_counts({"bulldog": 20, "rosette": 3, "ruddy": 7})
    exact = QFontMetricsF(bars.font())
    for row in bars.rows():
        assert exact.horizontalAdvance(row.shown) <= row.label.width(), row
        assert exact.elidedText(row.name, Qt.TextElideMode.ElideRight, row.label.width()) == row.name
