"""A --backbone-weights file that is no MobileNet weights file: one error naming the file."""

from __future__ import annotations

import pytest

from petloc_gui.core.errors import PetlocError


@pytest.mark.parametrize("name, content", [("empty.h5", b""), ("random.h5", b"\x01\x02not hdf5" * 64),
                                           ("weights.bin", b"\x89HDF\r\n\x1a\n")])
def test_an_unusable_weights_file_is_an_error_naming_it(tmp_path, name, content):
    from petloc_gui.model.networks import build_mobilenet_net

    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(PetlocError) as caught:
        build_mobilenet_net(2, (128, 128), path)
    assert caught.value.path == path
    assert str(caught.value).startswith(f"{path}: not a usable MobileNet v1 alpha 0.25 weights file")
    assert "\n" not in str(caught.value)
