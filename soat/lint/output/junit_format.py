"""JUnit XML: one test suite, one test case per checked file, one failure per finding.

CI systems that show test reports (GitLab's test report, Jenkins, Azure Pipelines) list each
article as a test that passes or fails, with each finding as a failure inside it. Characters
that XML 1.0 cannot carry at all (most control characters, which some rules report on) are
written as a visible `U+XXXX` instead.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from soat.lint import ui
from soat.lint.diagnostic import Applicability
from soat.lint.output import Located, OutputContext, located, message

SUITE_NAME = "soat"
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"U+{ord(m.group()):04X}", text)


def failure_text(item: Located, context: OutputContext) -> str:
    d = item.diag
    lines = [
        f"{item.path}:{item.row}:{item.column}: {d.code} [{d.level.label}] {message(d, item.lang)}"
    ]
    if d.fix is not None:
        safe = d.fix.applicability == Applicability.SAFE
        label = (ui.FIX if safe else ui.JUNIT_UNSAFE_FIX).get(item.lang)
        lines.append(f"{label}: {message(d.fix, item.lang)}")
    for s in d.suggestions:
        lines.append(f"{ui.SUGGESTION.get(item.lang)}: {message(s, item.lang)}")
    return xml_text("\n".join(lines))


def render(results, context: OutputContext) -> str:
    by_path: dict[str, list[Located]] = {r.path: [] for r in results}
    for item in located(results, context.lang):
        by_path.setdefault(item.path, []).append(item)
    failed = sum(1 for items in by_path.values() if items)

    root = ET.Element(
        "testsuites", name=SUITE_NAME, tests=str(len(by_path)), failures=str(failed), errors="0"
    )
    suite = ET.SubElement(
        root,
        "testsuite",
        name=SUITE_NAME,
        tests=str(len(by_path)),
        failures=str(failed),
        errors="0",
        skipped="0",
        time="0",
    )
    for path in sorted(by_path):
        case = ET.SubElement(
            suite,
            "testcase",
            classname=SUITE_NAME,
            name=xml_text(path),
            file=xml_text(path),
            time="0",
        )
        for item in by_path[path]:
            failure = ET.SubElement(
                case,
                "failure",
                type=item.diag.code,
                message=xml_text(
                    f"{item.row}:{item.column}: {item.diag.code} {message(item.diag, item.lang)}"
                ),
            )
            failure.text = failure_text(item, context)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
