"""Rule documentation generated from rule metadata: `soat rules`, `soat rule CODE`, docs/rules."""

from __future__ import annotations

import json
from collections.abc import Sequence

from soat.lint import ui
from soat.lint.diagnostic import Applicability
from soat.lint.rule import Rule


def _fixes(rule: Rule, lang: str) -> str:
    kinds = [kind for kind in Applicability if kind in rule.fixes]  # in the enum's order
    return ", ".join(ui.APPLICABILITY[kind.value].get(lang) for kind in kinds) or "—"


def rules_table(rules: Sequence[Rule], lang: str = ui.DEFAULT_LANG) -> str:
    head = tuple(m.get(lang) for m in ui.RULES_TABLE_HEAD)
    rows = [head] + [
        (r.code, r.name, r.family, r.severity.label, _fixes(r, lang), r.summary.get(lang))
        for r in rules
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = []
    for i, row in enumerate(rows):
        lines.append(
            "  ".join(cell.ljust(widths[j]) for j, cell in enumerate(row[:5])) + "  " + row[5]
        )
        if i == 0:
            lines.append("  ".join("-" * w for w in widths) + "  " + "-" * len(row[5]))
    return "\n".join(lines)


def rules_json(rules: Sequence[Rule]) -> str:
    return json.dumps(
        [
            {
                "code": r.code,
                "name": r.name,
                "family": r.family,
                "severity": r.severity.label,
                "fixes": sorted(kind.value for kind in r.fixes),
                "summary": r.summary.vi,
                "summary_en": r.summary.en,
                "options": r.default_option_values(),
            }
            for r in rules
        ],
        ensure_ascii=False,
        indent=2,
        default=str,
    )


def rule_markdown(rule: Rule, lang: str = ui.DEFAULT_LANG) -> str:
    def say(key: str) -> str:
        return ui.RULE_DOC[key].get(lang)

    lines = [
        f"# {rule.code} {rule.name}",
        "",
        rule.summary.get(lang),
        "",
        f"- {say('family')}: {rule.family}",
        f"- {say('severity')}: {ui.SEVERITY[rule.severity.label].get(lang)}",
        f"- {say('fix')}: {_fixes(rule, lang)}",
        "",
        rule.explanation.get(lang),
    ]
    defaults = rule.default_option_values()
    if defaults:
        lines += ["", "## " + say("options"), "", "```toml", f"[rules.{rule.code}]"]
        for key, value in defaults.items():
            choices = rule.option_fields()[key].spec.choices
            shown = json.dumps(
                list(value) if isinstance(value, tuple) else value, ensure_ascii=False
            )
            note = f"  # {' | '.join(map(str, choices))}" if choices else ""
            lines.append(f"{key} = {shown}{note}")
        lines.append("```")
    fences = {"txt": "text", "md": "markdown", "html": "html"}
    for title, examples in (("bad", rule.bad), ("good", rule.good)):
        lines += ["", "## " + say(title)]
        for ex in examples:
            lines += ["", f"```{fences[ex.format]}", ex.text, "```"]
            if ex.registry:
                lines += [say("with-registry"), "", "```toml", ex.registry.strip(), "```"]
            if ex.options:
                lines.append(say("with-options") + json.dumps(ex.options, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def rule_page(code: str) -> str:
    """The file name of a rule's page in docs/rules/ (tools/gen_rule_docs.py writes it)."""
    return f"{code}.md"


def rule_url(code: str, base: str | None) -> str | None:
    """The address of a rule's documentation under `base` (`rule-docs-url`), or None.

    A base with a `{code}` field gets the code there ("https://example.org/rules/{code}.html");
    any other base is the folder of the generated pages: base + "/" + "TYP001.md".
    """
    if not base:
        return None
    if "{code}" in base:
        return base.replace("{code}", code)
    return base.rstrip("/") + "/" + rule_page(code)


def rule_docs_url_problem(value: object) -> str | None:
    """Why `value` cannot be a `rule-docs-url`, or None when it can."""
    from urllib.parse import urlsplit

    example = '"https://github.com/OWNER/REPO/blob/main/docs/rules/"'
    if not isinstance(value, str):
        return f"must be a string, an http or https address such as {example}"
    parts = urlsplit(value)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or any(ch.isspace() or ord(ch) < 32 for ch in value)
    ):
        return f"must be an http or https address such as {example}, not {value!r}"
    if value.replace("{code}", "").count("{") or value.replace("{code}", "").count("}"):
        return f"may contain only the field {{code}} between braces, not {value!r}"
    return None
