"""GitHub Actions workflow commands: one annotation per finding (docs/architecture.md §11.2).

    ::warning file=bai.md,line=3,col=5,endLine=3,endColumn=7,title=TYP001::message

error → `::error`, warning → `::warning`, info → `::notice`. The message escapes `%`, CR and
LF; property values (`file=`, `title=`) also escape `:` and `,`, as GitHub requires.
"""

from __future__ import annotations

from soat.lint.output import OutputContext, located, message

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(results, context: OutputContext) -> str:
    lines = []
    for item in located(results, context.lang):
        d = item.diag
        props = ",".join(
            (
                f"file={escape_property(item.path)}",
                f"line={item.row}",
                f"col={item.column}",
                f"endLine={item.end_row}",
                f"endColumn={item.end_column}",
                f"title={escape_property(d.code)}",
            )
        )
        lines.append(f"::{COMMANDS[d.level.label]} {props}::{escape_data(message(d, item.lang))}")
    return "".join(line + "\n" for line in lines)
