"""soat/lint/ui.py: every interface string in both languages, and the only place that
chooses a language."""

import ast
import string
import typing
from pathlib import Path

import pytest

import soat
from soat.lint import ui
from soat.lint.diagnostic import Applicability, Msg, Severity

PKG = Path(soat.__file__).parent

# Files that still choose a language themselves, with how many places each. They are outside
# the change that made ui.py (server.py is being split into modules, session.py and config.py
# restructured); the integrator converts them and shrinks this list.
NOT_YET_CONVERTED = {
    "lint/server.py": 4,  # 2 `lang == "en"` branches, 2 "vi" fallbacks
    "lint/session.py": 1,  # statistics_table's `lang == "en"` (ui.STATISTICS_FIXABLE)
    "lint/config.py": 3,  # LANGS, Config.lang's default, data.get("lang", "vi")
}


def entries():
    """(name, Msg) for every Msg in ui.py, alone or in a table."""
    for name, value in vars(ui).items():
        if isinstance(value, Msg):
            yield name, value
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, Msg):
                    yield f"{name}[{key!r}]", item
        elif isinstance(value, tuple):
            for k, item in enumerate(value):
                if isinstance(item, Msg):
                    yield f"{name}[{k}]", item


def fields(text: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


def spacing(text: str) -> tuple[str, str]:
    """The white space a text starts and ends with."""
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


ENTRIES = dict(entries())


def test_the_module_holds_the_tables():
    assert len(ENTRIES) >= 40
    tables = [n for n, v in vars(ui).items() if isinstance(v, (dict, tuple)) and n.isupper()]
    assert {"SEVERITY", "APPLICABILITY", "HTML", "RULE_DOC", "RULES_TABLE_HEAD"} <= set(tables)


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_every_entry_has_both_languages_with_the_same_fields_and_spacing(name):
    msg = ENTRIES[name]
    assert msg.vi.strip() and msg.en.strip(), f"{name} is empty in one language"
    assert fields(msg.vi) == fields(msg.en), f"{name}: the two texts take different fields"
    # a label glued to what follows ("Với tùy chọn: " + options) is glued in both languages
    assert spacing(msg.vi) == spacing(msg.en), name


def test_the_severity_and_fix_tables_name_every_value_of_their_enum():
    assert set(ui.SEVERITY) == {s.label for s in Severity}
    assert set(ui.APPLICABILITY) == {a.value for a in Applicability}


def test_the_language_type_lists_the_languages_and_the_default_is_one():
    assert ui.LANGS == typing.get_args(ui.Lang) == ("vi", "en")
    assert ui.DEFAULT_LANG == "vi"


def test_msg_speaks_english_only_when_asked():
    m = Msg("gợi ý", "suggestion")
    assert m.get("en") == "suggestion"
    assert m.get("vi") == m.get("fr") == m.get("") == "gợi ý"
    assert ui.as_lang("en") == "en" and ui.as_lang("EN") == "vi" and ui.as_lang("vi") == "vi"


def test_format_fills_both_texts_and_capitalized_keeps_the_rest():
    found = ui.FOUND.format(n=3, files=1)
    assert found == Msg("Tìm thấy 3 lỗi trong 1 tệp.", "Found 3 problem(s) in 1 file(s).")
    assert ui.UNSAFE_FIX.capitalized() == Msg("Sửa (cần xem lại)", "Fix (unsafe)")
    assert Msg("đã xong --fix", "done --FIX").capitalized() == Msg("Đã xong --fix", "Done --FIX")
    assert ui.text_of("plain", "en") == "plain" and ui.text_of(ui.SEE, "en") == "see"


# --- the architecture: nobody else picks a language -----------------------------------------


def language_choices(path: Path) -> list[tuple[int, str]]:
    """Places in `path` that compare against a language code, or write one in as a default:
    a parameter default, `default=`, a class attribute's value, either side of `x if c else
    y` or of `or`, the fallback of `.get(key, "vi")`, a tuple or list of language codes."""
    tree = ast.parse(path.read_text("utf-8"))
    parent = {c: n for n in ast.walk(tree) for c in ast.iter_child_nodes(n)}
    found = []

    def is_code(node) -> bool:
        return isinstance(node, ast.Constant) and node.value in ui.LANGS

    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(
            is_code(x) for x in (node.left, *node.comparators)
        ):
            found.append((node.lineno, "compares a language code"))
        elif isinstance(node, (ast.Tuple, ast.List)) and node.elts and all(map(is_code, node.elts)):
            found.append((node.lineno, "lists the languages"))
        elif is_code(node):
            up = parent.get(node)
            if isinstance(up, ast.arguments) or (
                isinstance(up, ast.keyword) and up.arg == "default"
            ):
                found.append((node.lineno, "a default parameter"))
            elif isinstance(up, (ast.IfExp, ast.BoolOp)) and node is not getattr(up, "test", None):
                found.append((node.lineno, "a fallback language"))
            elif isinstance(up, ast.AnnAssign | ast.Assign) and isinstance(
                parent.get(up), ast.ClassDef
            ):
                found.append((node.lineno, "a field default"))
            elif (
                isinstance(up, ast.Call)
                and isinstance(up.func, ast.Attribute)
                and up.func.attr == "get"
                and len(up.args) == 2
                and up.args[1] is node
            ):
                found.append((node.lineno, "a fallback language"))
    return sorted(found)


def test_no_module_but_ui_picks_a_language():
    everywhere: dict[str, list[tuple[int, str]]] = {}
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).as_posix()
        if rel != "lint/ui.py":
            places = language_choices(path)
            if places:
                everywhere[rel] = places
    left = {rel: len(places) for rel, places in everywhere.items()}
    unexpected = {rel: everywhere[rel] for rel in left if rel not in NOT_YET_CONVERTED}
    assert not unexpected, f"use soat/lint/ui.py (Msg, DEFAULT_LANG, LANGS): {unexpected}"
    assert left == NOT_YET_CONVERTED, "a listed file changed: shrink NOT_YET_CONVERTED"


def test_the_scan_sees_each_way_of_picking_a_language(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from dataclasses import dataclass\n"
        "def f(lang='vi'):\n"  # 2
        "    return 'x' if lang == 'en' else 'y'\n"  # 3
        "@dataclass\n"
        "class C:\n"
        "    lang: str = 'vi'\n"  # 6
        "LANGS = ('vi', 'en')\n"  # 7
        "def g(c, d):\n"
        "    return c.lang or 'vi', d.get('lang', 'vi'), d.get('vi')\n"  # 9: two, not the key
        "opt = dict(default='en')\n"  # 10
    )
    assert [line for line, _ in language_choices(sample)] == [2, 3, 6, 7, 9, 9, 10]
