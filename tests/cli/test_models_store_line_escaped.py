"""`petloc models`' closing line, "Trained versions are kept in STORE ...", printed the store's path raw
while the table's path column escapes it: a newline in PETLOC_DATA_DIR split the line in two. It is now
escaped as the table is; `models --store` keeps printing it raw, being for `$(petloc models --store)`."""

from __future__ import annotations

from tests.cli.helpers import json_lines, run_cli


def test_the_closing_line_escapes_the_store_path_and_store_stays_raw(monkeypatch, tmp_path, capsys):
    data = tmp_path / "dd\nx"
    monkeypatch.setenv("PETLOC_DATA_DIR", str(data))
    code, out, _ = run_cli(capsys, "models")
    last = out.splitlines()[-1]
    assert code == 0 and last.startswith("Trained versions are kept in ")
    assert f"{tmp_path}/dd\\x0ax" in last
    code, out, _ = run_cli(capsys, "models", "--store")
    assert code == 0 and out == f"{data / 'models'}\n"
    code, out, _ = run_cli(capsys, "models", "--store", "--json")
    assert json_lines(out) == [{"store": str(data / "models")}]
