"""A child that says where its code came from, for the tests of `core.child_python`.

Run as ``python -m tests.child_package_report [ignored arguments]``: writes one JSON line, the
``petloc_gui`` package it imported (``event``: "package", ``file``). It lives in tests/, never in the
product.
"""

from __future__ import annotations

import json

import petloc_gui

if __name__ == "__main__":
    print(json.dumps({"event": "package", "file": petloc_gui.__file__}), flush=True)
