"""scripts/install_system_libs.sh as a normal user sees it: ldconfig lives in /sbin or /usr/sbin, which a
normal user's PATH lacks, and the Qt libraries that are installed must not be reported missing."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "install_system_libs.sh"
NORMAL_USER_PATH = "/usr/local/bin:/usr/bin:/bin"


def checked_libraries() -> list[str]:
    return re.search(r"for lib in ([^;]+);", SCRIPT.read_text()).group(1).split()


def sbin_ldconfig() -> str | None:
    return next((p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if Path(p).is_file()), None)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_a_normal_user_is_told_only_of_the_libraries_really_missing(tmp_path):
    ldconfig = sbin_ldconfig()
    if ldconfig is None or shutil.which("ldconfig", path=NORMAL_USER_PATH):
        pytest.skip("needs a system whose ldconfig is in /sbin or /usr/sbin only (Debian, Ubuntu)")
    cache = subprocess.run([ldconfig, "-p"], capture_output=True, text=True).stdout
    missing = [lib for lib in checked_libraries() if lib not in cache]
    if len(missing) == len(checked_libraries()):
        pytest.skip("none of the Qt libraries is installed here: nothing tells a right answer from a wrong one")
    # a normal user: `id -u` says 1000, so the script never reaches apt-get
    stubs = tmp_path / "bin"
    stubs.mkdir()
    (stubs / "id").write_text("#!/bin/sh\necho 1000\n")
    (stubs / "id").chmod(0o755)
    run = subprocess.run(["bash", str(SCRIPT)], env={"PATH": f"{stubs}:{NORMAL_USER_PATH}"},
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0
    if missing:
        assert run.stderr.strip().endswith(f"missing system libraries for Qt: {' '.join(missing)} "
                                           "(install them with your package manager)")
    else:
        assert run.stderr == ""
    assert run.stdout == ""
