"""Of two byte-identical copies of a recorded image that moved, the one bearing its recorded file name, in
any case (flat/ABYSSINIAN_13.JPG for images/Abyssinian_13.jpg), is taken for it, not another copy that comes
first by path (backup/a_copy.jpg), and it alone is hashed (`found_by_bytes`)."""

from __future__ import annotations

from petloc_gui.model.recorded_copies import found_by_bytes


def test_the_copy_with_the_recorded_name_in_another_case_wins():
    hashed: list[str] = []

    def sha256_of(image: str) -> str:
        hashed.append(image)
        return "same-bytes"

    candidates = [("backup/a_copy.jpg", "backup/a_copy.jpg"), ("flat/ABYSSINIAN_13.JPG", "flat/ABYSSINIAN_13.JPG")]
    found = found_by_bytes({"images/Abyssinian_13.jpg": "same-bytes"}, candidates, sha256_of, set())

    assert found == [("images/Abyssinian_13.jpg", "flat/ABYSSINIAN_13.JPG")]
    assert hashed == ["flat/ABYSSINIAN_13.JPG"]
