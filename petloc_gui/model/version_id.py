"""The one form of a new model version's id, ``<preset>-<UTC time>-<6 hex>``: the id meta.json records
(`bundle_write.save_bundle`, `petloc train`) and the version folder's name when the store must make one
(`versions.VersionStore.commit`). They had two forms; the store's fallback made ``YYYYmmdd-HHMMSS-<4 hex>``,
a folder that did not say its preset, beside ``pets-20261123T110000Z-def456``. Ids made in that older form
are still read: nothing parses an id, the store only checks its characters. No Qt, no TensorFlow."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_version_id(preset: str) -> str:
    """A sortable, unique id: ``<preset>-<UTC timestamp>-<random>``, as ``pets-20261123T110000Z-def456``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{preset}-{stamp}-{uuid.uuid4().hex[:6]}"
