"""A data.yaml's class names were misread without a word: `0: 'cat' # domestic cat` gave the class "'cat'" (the
quotes kept: a comment after them), `- "cat" # c` and `names: ["cat\\"s", dog]` were refused though valid YAML,
`- null` and `- ~` became classes "null" and "~", `- &a cat` / `- *a`, `- cat: tabby` and block scalars were read
as other names, and an id listed twice (`0: cat`, `1: dog`, `0: bird`) made every box of id 0 a bird. Each name
is now read as YAML reads it, and what petloc does not read is refused naming the file and its line."""

from __future__ import annotations

import pytest

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.interop.yolo_names import find_class_names, parse_yaml_names
from tests.cli.helpers import run_cli, write_image


@pytest.mark.parametrize("text, names", [
    ("names:\n  0: 'cat' # domestic cat\n  1: dog\n", ["cat", "dog"]),
    ("names:\n  0: \"cat\" # c\n  1: dog\n", ["cat", "dog"]),
    ("names:\n  - 'dog' # c\n  - \"cat\" # c\n", ["dog", "cat"]),
    ("names:\n  - 'it''s' # c\n  - \"a # b\"\n  - a#b\n  - b # c\n", ["it's", "a # b", "a#b", "b"]),
    ("names: [\"cat\\\"s\", dog]\n", ['cat"s', "dog"]),
    ("names: ['cat', \"dog\"] # two\n", ["cat", "dog"]),
    ("names: {0: 'cat', 1: \"dog\"} # two\n", ["cat", "dog"]),
    ("names: [a,\n  # a comment ]\n  b]\nnc: 2\n", ["a", "b"]),
    ("names: [a] # see [x]\n", ["a"]),
    ("names: ['a]b', \"c,d\", e, ]\n", ["a]b", "c,d", "e"]),
    ("names:\n  - \"caf\\u00e9 \\U0001F431 \\x41\\t\"\n  - \"\\ud83d\\udc31\"\n", ["café 🐱 A\t", "🐱"]),
    ("names:\n  - 'null'\n  - \"~\"\n", ["null", "~"]),  # quoted: text, as in YAML
    ("names:\n  - cat\u00a0\n  - dog\n", ["cat\u00a0", "dog"]),  # no YAML space: part of the name
])
def test_names_are_read_as_yaml_reads_them(tmp_path, text, names):
    assert parse_yaml_names(text, tmp_path / "data.yaml") == names


@pytest.mark.parametrize("text, reason", [
    ("names:\n  - null\n  - dog\n", "line 2: null is YAML's null, no class name: quote it ('null') if it is the "
                                    "class's name"),
    ("names:\n  - cat\n  - ~\n", "line 3: ~ is YAML's null"),
    ("names:\n  -\n  - dog\n", "line 2: a class name is empty (YAML's null)"),
    ("names:\n  0: cat\n  1:\n", "line 3: a class name is empty"),
    ("names:\n  0: ''\n", "line 2: a class name is empty"),
    ("names:\n  - &a cat\n  - *a\n", "line 2: '&a cat' is an anchor, which petloc does not read"),
    ("names:\n  - cat\n  - *a\n", "line 3: '*a' is an alias"),
    ("names:\n  - >-\n    cat\n", "line 2: '>-' is a block scalar"),
    ("names:\n  - |\n    cat\n", "line 2: '|' is a block scalar"),
    ("names: !!seq [cat, dog]\n", "line 1: '!!seq [cat, dog]' is a tag"),
    ("names:\n  - cat: tabby\n  - dog\n", "line 2: 'cat: tabby' is a mapping, not a class name"),
    ("names:\n  - [cat]\n", "line 2: '[cat]' is a list or mapping"),
    ("names: [cat, [dog]]\n", "line 1: `names:` holds a nested list or mapping"),
    ("names: [cat, , dog]\n", "line 1: the `names:` list has an empty item"),
    ("names: [cat, dog] bird\n", "line 1: text after the `names:` list: 'bird'"),
    ("names:\n  - \"cat\" dog\n", "line 2: text after the quoted name \"cat\": 'dog'"),
    ("names:\n  - \"cat\n", "line 2: the quoted name '\"cat' has no closing \" on its line"),
    ("names:\n  - \"c\\qt\"\n", "line 2: \\q in a quoted name is no YAML escape"),
    ("names: []\nnames: [cat]\n", "line 2: a second `names:` (the first is on line 1)"),
    ("names: {0: cat, 1}\n", "line 1: '1' in `names:` is no `id: name` pair"),
])
def test_what_petloc_does_not_read_is_refused_naming_the_line(tmp_path, text, reason):
    with pytest.raises(DatasetError) as caught:
        parse_yaml_names(text, tmp_path / "data.yaml")
    assert caught.value.path == tmp_path / "data.yaml"
    assert caught.value.reason.startswith(reason), caught.value.reason


@pytest.mark.parametrize("text, line", [("names:\n  0: cat\n  1: dog\n  0: bird\n", 4),
                                        ("names: {0: cat, 1: dog, 0: bird}\n", 1)])
def test_an_id_listed_twice_is_refused_as_a_name_listed_twice_is(tmp_path, capsys, text, line):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "data.yaml").write_text(text)
    with pytest.raises(DatasetError) as caught:
        find_class_names(folder)
    assert caught.value.path == folder / "data.yaml"
    assert caught.value.reason == (f"line {line}: class id 0 is listed more than once: 'cat' on line {min(line, 2)}, "
                                   f"'bird' on line {line}. Its boxes would all become 'bird'; give each name its "
                                   "own id")
    write_image(folder / "a.png", 100, 50)
    (folder / "a.txt").write_text("0 0.5 0.5 0.2 0.2\n")
    code, _, err = run_cli(capsys, "convert", folder, "--from", "yolo", tmp_path / "voc")
    assert code == 1 and "class id 0 is listed more than once" in err and str(folder / "data.yaml") in err
    assert not (tmp_path / "voc" / "a.xml").exists()


def test_convert_names_the_class_as_yaml_reads_it(tmp_path, capsys):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "data.yaml").write_text("names:\n  0: 'cat' # domestic cat\n  1: \"dog\" # c\n")
    write_image(folder / "a.png", 100, 50)
    (folder / "a.txt").write_text("0 0.5 0.5 0.2 0.2\n1 0.3 0.3 0.2 0.2\n")
    code, _, err = run_cli(capsys, "convert", folder, "--from", "yolo", tmp_path / "voc")
    assert code == 0, err
    xml = (tmp_path / "voc" / "a.xml").read_text()
    assert "<name>cat</name>" in xml and "<name>dog</name>" in xml and "'cat'" not in xml
