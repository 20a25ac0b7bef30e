"""A remembered model recorded under another spelling of the model store's root (a disk that ignores case:
…/MODELS/<preset>/<id> for …/models) is named as `petloc models` lists it ("תמונות/<id>"), as `model.versions`
names it, in the line saying it is gone; on a case-sensitive disk another case is another folder.

Before: `_listed_name` compared the resolved root as text, and `Path.resolve` keeps the spelling typed on such a
disk: the version was named by its whole path, not as the store lists it.
"""

from __future__ import annotations

from petloc_gui.app.model_choice import listed_name, remembered_problem
from petloc_gui.model.versions import VersionStore
from tests.core.fusefat_spellings import fusefat  # noqa: F401 - the fixture

VERSION_ID = "20240102-030405-abcd"


def test_a_version_under_another_spelling_of_the_store_is_named_as_listed(tmp_path, fusefat):  # noqa: F811
    root = tmp_path / "models"
    (root / "תמונות" / VERSION_ID).mkdir(parents=True)
    spelled = fusefat.spell(root, "MODELS", folder=True) / "תמונות" / VERSION_ID
    assert listed_name(str(spelled), VersionStore(root)) == f"תמונות/{VERSION_ID}"


def test_a_gone_version_is_named_as_listed(tmp_path, fusefat):  # noqa: F811
    root = tmp_path / "models"
    (root / "תמונות").mkdir(parents=True)
    gone = fusefat.spell(root, "Models", folder=True) / "תמונות" / VERSION_ID
    assert remembered_problem(str(gone), "model.keras is missing", VersionStore(root)) == (
        f"the model this folder last used, תמונות/{VERSION_ID}, is no longer at {gone} (deleted or moved)")


def test_on_a_case_sensitive_disk_another_case_is_another_folder(tmp_path):
    root = tmp_path / "models"
    (root / "תמונות" / VERSION_ID).mkdir(parents=True)
    other = tmp_path / "MODELS" / "תמונות" / VERSION_ID
    other.mkdir(parents=True)
    store = VersionStore(root)
    assert listed_name(str(other), store) == str(other)
    assert listed_name(str(root / "תמונות" / VERSION_ID), store) == f"תמונות/{VERSION_ID}"
