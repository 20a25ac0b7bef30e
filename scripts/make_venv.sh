#!/usr/bin/env bash
# Make the project's virtual environment $VENV from $PYTHON (the Makefile passes both), or keep it if it
# is usable: Python 3.11+ with pip. A venv left by a failed first run (made from an older Python, or
# without pip where Debian/Ubuntu lacks python3-venv) is made again, so `make PYTHON=...` recovers.
set -u
python=${PYTHON:-python3}
venv=${VENV:-.venv}

version_of() {  # "3.11" for the interpreter $1, nothing if it does not run
  "$1" -c 'import sys; sys.stdout.write("%d.%d\n" % sys.version_info[:2])' 2>/dev/null  # Python 2 too
}
new_enough() {  # $1: a version as version_of prints it
  local major=${1%%.*} minor=${1#*.}
  [ "$major" -gt 3 ] || { [ "$major" -eq 3 ] && [ "$minor" -ge 11 ]; }
}
has_pip() {
  "$1" -m pip --version >/dev/null 2>&1
}
no_venv_module() {
  echo "make: '$python -m venv' could not make $venv with pip; on Debian/Ubuntu install python3-venv" \
    "(python3.X-venv for a python3.X: apt-get install python3.11-venv) and run make again" >&2
  rm -rf "$venv"
  exit 1
}

if [ -e "$venv" ]; then
  have=$(version_of "$venv/bin/python")
  if [ -n "$have" ] && new_enough "$have" && has_pip "$venv/bin/python"; then
    exit 0
  fi
  if [ -z "$have" ]; then why="no working bin/python"
  elif ! new_enough "$have"; then why="Python $have; petloc needs 3.11+"
  else why="Python $have without pip"
  fi
  if [ ! -f "$venv/pyvenv.cfg" ]; then  # not a venv: not ours to delete
    echo "make: $venv is not a usable virtual environment ($why) and not one to delete;" \
      "move it away or pass VENV=another/folder" >&2
    exit 1
  fi
  echo "make: $venv is unusable ($why); making it again from $python"
  rm -rf "$venv"
fi

wanted=$(version_of "$python")
if [ -z "$wanted" ]; then
  echo "make: no Python at PYTHON=$python; install Python 3.11+ and name it, e.g. make PYTHON=python3.11" \
    "(or PYTHON=/path/to/python3)" >&2
  exit 1
fi
if ! new_enough "$wanted"; then
  echo "make: PYTHON=$python is Python $wanted; petloc needs 3.11+: name a newer one, e.g. make PYTHON=python3.11" >&2
  exit 1
fi
"$python" -m venv "$venv" || no_venv_module
has_pip "$venv/bin/python" || no_venv_module
