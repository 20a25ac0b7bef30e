"""A folder's remembered model failed to load and no other model fit its classes: the warning's last sentence asked
`load_failed` whether Model → Versions offers any other model, and it built the whole list on the UI thread (the
store listed, then each version's model.keras and meta.json opened): 2.8 s with 200 versions. One loadable model
answers now, the bundled ones first, so the store is not listed while one of them loads."""

from __future__ import annotations

import shutil

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.models import load_failed


def _listed_spy(monkeypatch) -> list[object]:
    listed: list[object] = []
    real = VersionStore.list

    def spy(self, *args, **kwargs):
        listed.append(args)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(VersionStore, "list", spy)
    return listed


def _a_version() -> str:
    store = VersionStore()
    staging = store.new_staging_dir("digits")
    for name in ("meta.json", "model.keras"):
        shutil.copy2(resources_dir() / "models" / "digits" / name, staging / name)
    return str(store.commit(staging).path)


def test_a_loadable_bundled_model_answers_without_listing_the_store(monkeypatch):
    failed = _a_version()
    listed = _listed_spy(monkeypatch)
    assert load_failed.offers_another_model(failed)
    assert listed == []


def test_the_store_is_asked_once_no_bundled_model_loads(monkeypatch):
    version = _a_version()
    real, broken = load_failed.model_problem, {"digits"}
    monkeypatch.setattr(load_failed, "model_problem",
                        lambda spec, store=None: "broken" if spec in broken else real(spec, store))
    listed = _listed_spy(monkeypatch)
    assert load_failed.offers_another_model("pets")  # digits broken: the version answers
    assert listed
    broken.add("pets")
    assert not load_failed.offers_another_model(version)  # no bundled model loads, no version but the failed one
    assert load_failed.offers_another_model("pets")  # the version still answers for another failed model
