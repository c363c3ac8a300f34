"""Rule documentation generated from rule metadata: `soat rules`, `soat rule CODE`, docs/rules."""

from __future__ import annotations

import json
from collections.abc import Sequence

from soat.lint.diagnostic import Applicability
from soat.lint.rule import Rule

_FIX_NAMES = {
    "vi": {"safe": "an toàn", "unsafe": "cần xem lại", "suggestion": "gợi ý"},
    "en": {"safe": "safe", "unsafe": "unsafe", "suggestion": "suggestion"},
}
_SEVERITY_NAMES = {
    "vi": {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def _fixes(rule: Rule, lang: str) -> str:
    kinds = [kind.value for kind in Applicability if kind in rule.fixes]  # in the enum's order
    return ", ".join(_FIX_NAMES[lang][k] for k in kinds) or "—"


def rules_table(rules: Sequence[Rule], lang: str = "vi") -> str:
    head = (
        ("Mã", "Tên", "Nhóm", "Mức", "Sửa", "Mô tả")
        if lang == "vi"
        else ("Code", "Name", "Family", "Severity", "Fix", "Summary")
    )
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


def rule_markdown(rule: Rule, lang: str = "vi") -> str:
    vi = lang == "vi"
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        rule.summary.get(lang),
        "",
        f"- {'Nhóm' if vi else 'Family'}: {rule.family}",
        f"- {'Mức mặc định' if vi else 'Default severity'}: "
        f"{_SEVERITY_NAMES[lang][rule.severity.label]}",
        f"- {'Cách sửa' if vi else 'Fix'}: {_fixes(rule, lang)}",
        "",
        rule.explanation.get(lang),
    ]
    defaults = rule.default_option_values()
    if defaults:
        lines += [
            "",
            "## " + ("Tùy chọn" if vi else "Options"),
            "",
            "```toml",
            f"[rules.{rule.code}]",
        ]
        for key, value in defaults.items():
            field = rule.option_fields()[key]
            choices = field.metadata.get("choices") if field.metadata else None
            shown = json.dumps(
                list(value) if isinstance(value, tuple) else value, ensure_ascii=False
            )
            note = f"  # {' | '.join(map(str, choices))}" if choices else ""
            lines.append(f"{key} = {shown}{note}")
        lines.append("```")
    fences = {"txt": "text", "md": "markdown", "html": "html"}
    for (title_vi, title_en), examples in (
        (("Ví dụ sai", "Bad"), rule.bad),
        (("Ví dụ đúng", "Good"), rule.good),
    ):
        lines += ["", "## " + (title_vi if vi else title_en)]
        for ex in examples:
            lines += ["", f"```{fences[ex.format]}", ex.text, "```"]
            if ex.registry:
                lines += [
                    ("Với sổ tra cứu:" if vi else "With the registry:"),
                    "",
                    "```toml",
                    ex.registry.strip(),
                    "```",
                ]
            if ex.options:
                lines.append(
                    ("Với tùy chọn: " if vi else "With options: ")
                    + json.dumps(ex.options, ensure_ascii=False)
                )
    return "\n".join(lines) + "\n"
