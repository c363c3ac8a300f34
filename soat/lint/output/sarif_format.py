"""SARIF 2.1.0 (GitHub code scanning and other static-analysis viewers).

`tool.driver.rules` carries each rule's metadata and help (summary, explanation, examples);
results carry regions (`columnKind: unicodeCodePoints`, so columns count code points, like
every soat position, plus `charOffset`/`charLength`), `relatedLocations`, and `fixes`: the
fix and each suggestion as `artifactChanges`/`replacements`, with the applicability (`safe`,
`unsafe`, `suggestion`) in the fix's `properties`. With a `rule-docs-url`, each rule's
`helpUri` is its documentation page (the base of the first file, by path, that sets one).
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from soat import __version__
from soat.lint import ui
from soat.lint.diagnostic import Fix
from soat.lint.output import Located, OutputContext, docs_base, located, message
from soat.lint.rule import Rule
from soat.lint.ruledoc import rule_url

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_location(path: str) -> dict:
    """A URI for the path: relative paths stay relative to the checkout (%SRCROOT%)."""
    if os.path.isabs(path):
        return {"uri": "file://" + quote(path.replace(os.sep, "/"))}
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return {"uri": quote(path), "uriBaseId": "%SRCROOT%"}


def region(item: Located, start: int, end: int) -> dict:
    span = item.span(start, end)
    return {
        "startLine": span["row"],
        "startColumn": span["column"],
        "endLine": span["end_row"],
        "endColumn": span["end_column"],
        "charOffset": start,
        "charLength": end - start,
    }


def rule_descriptor(rule: Rule, lang: str, docs_url: str | None = None) -> dict:
    """The rule's entry in `tool.driver.rules`; `helpUri` when there is a `rule-docs-url`."""
    bad_label = ui.SARIF_BAD_EXAMPLE.get(lang)
    good_label = ui.SARIF_GOOD_EXAMPLE.get(lang)
    examples = [f"{bad_label}: {ex.text}" for ex in rule.bad]
    examples += [f"{good_label}: {ex.text}" for ex in rule.good]
    explanation = rule.explanation.get(lang)
    out: dict[str, object] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary.get(lang)},
        "fullDescription": {"text": explanation},
        "help": {"text": "\n\n".join([explanation, *examples])},
    }
    url = rule_url(rule.code, docs_url)
    if url is not None:
        out["helpUri"] = url
    out["defaultConfiguration"] = {"level": LEVELS[rule.severity.label]}
    out["properties"] = {"family": rule.family, "fixes": sorted(rule.fixes)}
    return out


def sarif_fix(item: Located, fix: Fix, lang: str) -> dict:
    return {
        "description": {"text": message(fix, lang)},
        "artifactChanges": [
            {
                "artifactLocation": artifact_location(item.path),
                "replacements": [
                    {
                        "deletedRegion": region(item, e.start, e.end),
                        "insertedContent": {"text": e.content},
                    }
                    for e in fix.edits
                ],
            }
        ],
        "properties": {"applicability": fix.applicability.value},
    }


def result(item: Located, context: OutputContext, rule_index: dict[str, int]) -> dict:
    d = item.diag
    lang = item.lang
    out: dict[str, object] = {
        "ruleId": d.code,
        "level": LEVELS[d.level.label],
        "message": {"text": message(d, lang)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(item.path),
                    "region": region(item, d.start, d.end),
                }
            }
        ],
    }
    if d.code in rule_index:
        out["ruleIndex"] = rule_index[d.code]
    if d.related:
        out["relatedLocations"] = [
            {
                "id": k,
                "message": {"text": message(r, lang)},
                "physicalLocation": {
                    "artifactLocation": artifact_location(item.path),
                    "region": region(item, r.start, r.end),
                },
            }
            for k, r in enumerate(d.related, start=1)
        ]
    fixes = [f for f in (d.fix, *d.suggestions) if f is not None and f.edits]
    if fixes:
        out["fixes"] = [sarif_fix(item, f, lang) for f in fixes]
    out["properties"] = {"name": d.name}
    return out


def render(results, context: OutputContext) -> str:
    results = list(results)
    rules = [context.rules[code] for code in sorted(context.rules)]
    rule_index = {rule.code: k for k, rule in enumerate(rules)}
    base = docs_base(results)
    run = {
        "tool": {
            "driver": {
                "name": "soat",
                "version": __version__,
                "rules": [rule_descriptor(rule, context.lang, base) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The checked directory"}}},
        "invocations": [{"executionSuccessful": not any(r.internal_error for r in results)}],
        "results": [result(item, context, rule_index) for item in located(results, context.lang)],
    }
    doc = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
