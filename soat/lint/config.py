"""Configuration: discovery, parsing and validation (docs/architecture.md §8).

`soat.toml` or `.soat.toml` (keys at top level), or `[tool.soat]` in `pyproject.toml`; the
nearest one above a file applies to it. Every error names the file and the line.
"""

from __future__ import annotations

import glob
import math
import os
import typing
from collections.abc import Sequence
from typing import Any, NoReturn

from soat.lint.diagnostic import Severity
from soat.lint.errors import UsageError, did_you_mean
from soat.lint.patterns import glob_files, matches_any
from soat.lint.rule import OptionField, Rule, is_known_selector, matches_selector
from soat.lint.tomlsource import TomlSource
from soat.lint.ui import DEFAULT_LANG, LANGS
from soat.records import Record

CONFIG_NAMES = (".soat.toml", "soat.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("**/*.md", "**/*.markdown", "**/*.txt", "**/*.html", "**/*.htm")
SEVERITIES = ("error", "warning", "info")

_LIST_KEYS = ("select", "extend-select", "ignore", "include", "exclude", "registry")
_KNOWN_KEYS = (
    *_LIST_KEYS,
    "lang",
    "fail-on",
    "per-file-ignores",
    "severity",
    "rules",
    "baseline",
    "rule-docs-url",
)


class Config(Record):
    """One configuration file's settings (soat.toml, .soat.toml or pyproject.toml's
    [tool.soat]), or the defaults. Never changed once made (`replace` makes another); the
    attributes that start with an underscore are memos of its answers."""

    _fields = (
        "path",
        "root",
        "select",
        "extend_select",
        "ignore",
        "include",
        "exclude",
        "lang",
        "fail_on",
        "registry",
        "per_file_ignores",
        "severity",
        "rule_options",
        "baseline",
        "baseline_line",
        "rule_docs_url",
    )

    def __init__(
        self,
        path: str | None = None,
        root: str = ".",
        select: tuple[str, ...] = ("ALL",),
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        include: tuple[str, ...] = DEFAULT_INCLUDE,
        exclude: tuple[str, ...] = (),
        lang: str = DEFAULT_LANG,
        fail_on: str = "warning",
        registry: tuple[str, ...] = (),
        per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (),
        severity: dict[str, Severity] | None = None,
        rule_options: dict[str, dict[str, Any]] | None = None,
        baseline: str | None = None,  # absolute path of the baseline file (lint/baseline.py)
        baseline_line: int | None = None,  # where the configuration sets it, for errors
        rule_docs_url: str | None = None,  # base of each finding's `url` (ruledoc.rule_url)
    ) -> None:
        self.path = path
        self.root = root
        self.select = select
        self.extend_select = extend_select
        self.ignore = ignore
        self.include = include
        self.exclude = exclude
        self.lang = lang
        self.fail_on = fail_on
        self.registry = registry
        self.per_file_ignores = per_file_ignores
        self.severity = {} if severity is None else severity
        self.rule_options = {} if rule_options is None else rule_options
        self.baseline = baseline
        self.baseline_line = baseline_line
        self.rule_docs_url = rule_docs_url

    def relative(self, path: str) -> str:
        """`path` relative to the configuration's folder, with forward slashes."""
        full = os.path.abspath(path)
        root = self.__dict__.get("_abs_root")
        if root is None:
            root = os.path.abspath(self.root)
            if os.path.isabs(self.root):  # a relative root follows the current folder
                self.__dict__["_abs_root"] = root
        inside = root if root.endswith(os.sep) else root + os.sep
        if len(full) > len(inside) and full.startswith(inside):  # relpath, without its work
            rel = full[len(inside) :]
        elif full == root or inside.startswith(full.rstrip(os.sep) + os.sep):
            rel = os.path.relpath(full, root)  # the root itself or a folder above it
        else:  # outside the root: relpath once per folder (a walk asks for every file in it)
            folder, name = os.path.split(full)
            memo = self.__dict__.setdefault("_relative_folders", {})
            above = memo.get((folder, root))
            if above is None:
                above = memo[folder, root] = os.path.relpath(folder, root)
            rel = name if above == "." else os.path.join(above, name)
        return rel.replace(os.sep, "/")

    def is_excluded(self, path: str) -> bool:
        return bool(self.exclude) and matches_any(self.relative(path), self.exclude)

    def is_included(self, path: str) -> bool:
        return self.is_included_at(self.relative(path))

    def is_included_at(self, rel: str) -> bool:
        """`is_included` of the path `rel` relative to the configuration's folder."""
        stem, ext = os.path.splitext(rel)
        # "**/*.md" also takes BAI.MD: an extension's case says nothing about the format.
        return matches_any(rel, self.include) or (
            ext != ext.lower() and matches_any(stem + ext.lower(), self.include)
        )

    def enabled_rules(self, rules: Sequence[Rule], path: str | None = None) -> tuple[Rule, ...]:
        ignored = list(self.ignore)
        if path is not None and self.per_file_ignores:
            rel = self.relative(path)
            for pattern, codes in self.per_file_ignores:
                if matches_any(rel, (pattern,)):
                    ignored.extend(codes)
        if len(ignored) == len(self.ignore):  # the same for every file: computed once
            memo = self.__dict__.setdefault("_enabled_memo", {})
            # The same tuple asked again (each file of a run asks with the run's rules): its
            # answer by identity, without a step per rule. The memo holds the tuple, so its id
            # is not reused while the answer is kept.
            last = memo.get(id(rules))
            if last is not None and last[0] is rules:
                return last[1]
            given = rules
            rules = tuple(rules)
            key = tuple((r.code, r.name) for r in rules)
            found = memo.get(key)
            if found is None or not all(a is b for a, b in zip(found[0], rules, strict=True)):
                found = memo[key] = (rules, self._enabled(rules, ignored))
            if type(given) is tuple:
                memo[id(given)] = (given, found[1])
            return found[1]
        return self._enabled(rules, ignored)

    def _enabled(self, rules: Sequence[Rule], ignored: list[str]) -> tuple[Rule, ...]:
        selected = (*self.select, *self.extend_select)
        return tuple(
            r
            for r in rules
            if any(matches_selector(r, s) for s in selected)
            and not any(matches_selector(r, s) for s in ignored)
        )

    def options_for(self, rule: Rule) -> Any:
        values = self.rule_options.get(rule.code)
        pooled = self._pooled(rule)
        if pooled:
            values = {**(values or {}), **pooled}
        return rule.make_options(values) if values else rule.default_options()

    def _pooled(self, rule: Rule) -> dict[str, tuple]:
        """List options declared `pooled` with other rules (field metadata "pooled": a tuple
        of codes): the values of every rule of the pool, in the order of the pool, so that a
        word list set for one rule counts for all (§8.4)."""
        out = {}
        for key, f in rule.option_fields().items():
            pool = f.spec.pooled
            if rule.code not in pool:
                continue
            merged = tuple(
                value for code in pool for value in self.rule_options.get(code, {}).get(key, ())
            )
            if merged:
                out[key] = tuple(dict.fromkeys(merged))
        return out


# --- discovery ----------------------------------------------------------------------------


def find_config_file(directory: str) -> str | None:
    """The nearest configuration file at or above `directory`."""
    directory = os.path.abspath(directory)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                if name != "pyproject.toml" or _has_tool_soat(candidate):
                    return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _has_tool_soat(path: str) -> bool:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError):
        return False
    if "soat" not in text:  # most pyproject files: no need to parse
        return False
    try:
        data = TomlSource(path, text).data
    except UsageError:
        return True  # a broken file that names soat: report its error rather than skip it
    tool = data.get("tool")
    return isinstance(tool, dict) and "soat" in tool


# --- parsing ------------------------------------------------------------------------------


def load_config(path: str, rules: Sequence[Rule]) -> Config:
    src = TomlSource.read(path)
    data = src.data
    table_prefix = None
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise UsageError('"tool" must be a table', path, src.key_line("tool"))
        data = tool.get("soat")
        table_prefix = "tool.soat"
        if data is None:
            raise UsageError("no [tool.soat] table", path)
        if not isinstance(data, dict):
            raise UsageError(
                '"soat" in [tool] must be a table ([tool.soat])',
                path,
                src.key_line("soat", "tool") or src.key_line("tool"),
            )
    return parse_config(data, src, rules, table_prefix)


def parse_config(
    data: dict, src: TomlSource, rules: Sequence[Rule], prefix: str | None = None
) -> Config:
    path = src.path
    by_code = {r.code: r for r in rules}
    by_name = {r.name: r for r in rules}

    def line_of(key: str, table: str | None = None) -> int | None:
        full = ".".join(p for p in (prefix, table) if p) or None
        as_table = ".".join(p for p in (full, key) if p)  # the key may be a [table] itself
        return (
            src.table_line(as_table)
            or src.key_line(key, full)
            or (src.table_line(full) if full else None)
        )

    def fail(message: str, key: str, table: str | None = None) -> NoReturn:
        raise UsageError(message, path, line_of(key, table))

    for key in data:
        if key not in _KNOWN_KEYS:
            fail(f'unknown option "{key}".{did_you_mean(key, _KNOWN_KEYS)}', key)

    values: dict[str, Any] = {}
    for key in _LIST_KEYS:
        if key in data:
            value = data[key]
            problem = _string_list_problem(value)
            if problem:
                fail(f'"{key}" {problem}', key)
            values[key] = tuple(value)
    for key in ("select", "extend-select", "ignore"):
        for sel in values.get(key, ()):
            if not is_known_selector(sel, rules):
                fail(
                    f'unknown rule "{sel}" in "{key}".{did_you_mean(sel, [*by_code, *by_name])}',
                    key,
                )

    lang = data.get("lang", DEFAULT_LANG)
    if lang not in LANGS:
        fail(f'"lang" must be one of {", ".join(LANGS)}, not {lang!r}', "lang")
    fail_on = data.get("fail-on", "warning")
    if fail_on not in SEVERITIES:
        fail(f'"fail-on" must be one of {", ".join(SEVERITIES)}, not {fail_on!r}', "fail-on")

    root = os.path.dirname(os.path.abspath(path))
    baseline = data.get("baseline")
    if baseline is not None and (not isinstance(baseline, str) or not baseline.strip()):
        fail('"baseline" must be the path of a baseline file, relative to this file', "baseline")
    rule_docs_url = data.get("rule-docs-url")
    if rule_docs_url is not None:
        from soat.lint.ruledoc import rule_docs_url_problem

        if problem := rule_docs_url_problem(rule_docs_url):
            fail(f'"rule-docs-url" {problem}', "rule-docs-url")

    registry = []
    for pattern in values.get("registry", ()):
        full = os.path.join(root, pattern)
        matches = glob_files(root, pattern) if glob.has_magic(pattern) else [full]
        if not glob.has_magic(pattern) and not os.path.isfile(full):
            fail(f'registry file "{pattern}" does not exist', "registry")
        registry.extend(matches)

    per_file = []
    pfi = data.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        fail('"per-file-ignores" must be a table of pattern = [codes]', "per-file-ignores")
    for pattern, codes in pfi.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            fail(
                f'per-file-ignores "{pattern}" must be a list of codes', pattern, "per-file-ignores"
            )
        for code in codes:
            if not is_known_selector(code, rules):
                fail(
                    f'unknown rule "{code}" in per-file-ignores.{did_you_mean(code, by_code)}',
                    pattern,
                    "per-file-ignores",
                )
        per_file.append((pattern, tuple(codes)))

    severity = {}
    sev = data.get("severity", {})
    if not isinstance(sev, dict):
        fail('"severity" must be a table of CODE = "error" | "warning" | "info"', "severity")
    for code, level in sev.items():
        rule: Rule | None = by_code.get(code.upper()) or by_name.get(code)  # codes: any case
        if rule is None:
            fail(
                f'unknown rule "{code}" in [severity].{did_you_mean(code, by_code)}',
                code,
                "severity",
            )
        if level not in SEVERITIES:
            fail(
                f"severity of {code} must be one of {', '.join(SEVERITIES)}, not {level!r}",
                code,
                "severity",
            )
        severity[rule.code] = Severity.parse(level)

    rule_options: dict[str, dict[str, Any]] = {}
    rules_table = data.get("rules", {})
    if not isinstance(rules_table, dict):
        fail('"rules" must be a table of [rules.CODE] tables', "rules")
    for code, options in rules_table.items():
        rule = by_code.get(code.upper()) or by_name.get(code)  # codes in any case, as selectors
        table = f"rules.{code}"
        if rule is None:
            raise UsageError(
                f'unknown rule "{code}" in [rules].{did_you_mean(code, [*by_code, *by_name])}',
                path,
                src.table_line(".".join(p for p in (prefix, table) if p)) or line_of(code, "rules"),
            )
        if not isinstance(options, dict):
            fail(f"[rules.{code}] must be a table", code, "rules")
        rule_options[rule.code] = validate_options(
            rule, options, lambda k, t=table: line_of(k, t), path
        )

    return Config(
        path=path,
        root=root,
        select=values.get("select", ("ALL",)),
        extend_select=values.get("extend-select", ()),
        ignore=values.get("ignore", ()),
        include=values.get("include", DEFAULT_INCLUDE),
        exclude=values.get("exclude", ()),
        lang=lang,
        fail_on=fail_on,
        registry=tuple(registry),
        per_file_ignores=tuple(per_file),
        severity=severity,
        rule_options=rule_options,
        baseline=os.path.normpath(os.path.join(root, baseline)) if baseline else None,
        baseline_line=line_of("baseline") if baseline else None,
        rule_docs_url=rule_docs_url,
    )


def validate_options(rule: Rule, options: dict, line_of, path: str) -> dict[str, Any]:
    """Check option names and types against the rule's Options."""
    fields = rule.option_fields()
    out = {}
    for key, value in options.items():
        f = fields.get(key)
        if f is None:
            known = ", ".join(fields) or "none"
            raise UsageError(
                f'unknown option "{key}" for {rule.code}.{did_you_mean(key, fields)} '
                f"(options: {known})",
                path,
                line_of(key),
            )
        problem = _type_problem(value, f)
        if problem:
            raise UsageError(f'option "{key}" of {rule.code} {problem}', path, line_of(key))
        out[key] = tuple(value) if isinstance(value, list) else value
    return out


def _type_problem(value: Any, f: OptionField) -> str | None:
    hint, validate, choices = f.hint, f.spec.validate, f.spec.choices
    if validate is not None:  # an option whose values have a structure of their own
        return validate(value)
    if choices:
        return (
            None
            if value in choices
            else f"must be one of {', '.join(map(str, choices))}, not {value!r}"
        )
    origin = typing.get_origin(hint)
    if hint is bool:
        return None if isinstance(value, bool) else "must be true or false"
    if hint is int:
        return (
            None if isinstance(value, int) and not isinstance(value, bool) else "must be an integer"
        )
    if hint is float:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return "must be a number"
        return None if math.isfinite(value) else f"must be a finite number, not {value!r}"
    if hint is str:
        return None if isinstance(value, str) else "must be a string"
    if origin in (tuple, list):
        return _string_list_problem(value)
    return None


def _string_list_problem(value: Any) -> str | None:
    """Why `value` is not a list of non-blank strings (an empty string matches everywhere)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return "must be a list of strings"
    if any(not v.strip() for v in value):
        return "must not contain an empty or blank string"
    return None
