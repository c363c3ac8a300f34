"""A self-contained HTML report an editor opens in a browser.

One page, no script, no network (a Content-Security-Policy forbids both): a summary per rule,
then one section per file with the checked text, each finding's characters highlighted where
they are and its message and fix beside the line (below it on a phone). Every piece of text
that comes from a checked file, a message or a fix is escaped.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from soat.lint import ui
from soat.lint.diagnostic import Applicability, Diagnostic, Severity, text_of
from soat.lint.document import LineIndex
from soat.lint.output import OutputContext, message
from soat.lint.ruledoc import rule_url

_LABELS = {
    **ui.HTML,
    "none": ui.NO_PROBLEMS,
    "total": ui.FOUND,
    "fix": ui.FIX.capitalized(),
    "unsafe": ui.UNSAFE_FIX.capitalized(),
    "suggestion": ui.SUGGESTION.capitalized(),
    "see": ui.SEE.capitalized(),
    "delete": ui.DELETE,
}

_CSS = """
:root{color-scheme:light;--err:#ffd6d6;--warn:#fff0b3;--info:#d9ecff;--line:#e3e3e3}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:#1d1d1f;background:#fafafa}
header,main{max-width:72rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.5rem;margin:1rem 0 .25rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem;word-break:break-all}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.15rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em}
section.file{background:#fff;border:1px solid var(--line);border-radius:.5rem;margin:1rem 0;
padding:.5rem 1rem}
.row{display:grid;grid-template-columns:2.5rem minmax(0,3fr) minmax(0,2fr);gap:.75rem;
padding:.2rem 0;border-top:1px solid #f2f2f2}
.row.quiet{grid-template-columns:2.5rem minmax(0,1fr)}
.ln{color:#8a8a8a;text-align:right;font-variant-numeric:tabular-nums;user-select:none}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
mark{background:var(--warn);border-bottom:2px solid #c9a400;padding:0;color:inherit}
mark.error{background:var(--err);border-bottom-color:#c62828}
mark.info{background:var(--info);border-bottom-color:#1565c0}
mark.point::after{content:"\\2038";color:#c62828;font-weight:bold}
ol.notes{list-style:none;margin:0;padding:0}
ol.notes li{background:#fcfcfc;border-left:4px solid #c9a400;padding:.25rem .5rem;margin:0 0 .4rem}
ol.notes li.error{border-left-color:#c62828}
ol.notes li.info{border-left-color:#1565c0}
.code{font-weight:600}
.fix{color:#2e7d32}
.repl{background:#e8f5e9;white-space:pre-wrap}
@media (max-width:700px){
.row{grid-template-columns:2rem minmax(0,1fr)}
.row .notes{grid-column:2}
body{font-size:15px}
}
"""


@dataclass(frozen=True)
class _Finding:
    number: int  # 1-based across the report; the highlight's data-f and the note's id
    diag: Diagnostic
    lang: str
    url: str | None = None  # the rule's documentation page (`rule-docs-url`)

    @property
    def severity(self) -> Severity:
        return self.diag.severity or Severity.WARNING  # the engine stamps one on every finding


def _t(key: str, lang: str) -> str:
    return _LABELS[key].get(lang)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def render(results, context: OutputContext) -> str:
    lang = ui.as_lang(context.lang)
    results = sorted(results, key=lambda r: r.path)
    numbered: list[list[_Finding]] = []
    counter = 0
    for r in results:
        items = []
        for d in sorted(r.diagnostics, key=lambda d: (d.start, d.end, d.code)):
            counter += 1
            url = rule_url(d.code, getattr(r, "rule_docs_url", None))
            items.append(_Finding(counter, d, getattr(r, "lang", None) or lang, url))
        numbered.append(items)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{_e(_t('title', lang))}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(_t('title', lang))}</h1>",
        f"<p>{_e(_total(results, lang))}</p>",
        "</header>",
        "<main>",
        _summary(results, context, lang),
    ]
    for index, (result, items) in enumerate(zip(results, numbered, strict=True), 1):
        parts.append(_file_section(index, result, items, lang))
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _total(results, lang: str) -> str:
    found = sum(len(r.diagnostics) for r in results)
    if not found:
        return _t("none", lang)
    files = sum(1 for r in results if r.diagnostics)
    return _t("total", lang).format(n=found, files=files)


def _summary(results, context: OutputContext, lang: str) -> str:
    counts: Counter[tuple[str, str]] = Counter()
    fixable: Counter[tuple[str, str]] = Counter()
    for r in results:
        for d in r.diagnostics:
            counts[d.code, d.name] += 1
            if d.fix is not None and d.fix.applicability == Applicability.SAFE:
                fixable[d.code, d.name] += 1
    if not counts:
        return ""
    rows = []
    for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = context.rules.get(code)
        summary = text_of(rule.summary, lang) if rule is not None and rule.summary else ""
        rows.append(
            f'<tr><td><code class="code">{_e(code)}</code> {_e(name)}'
            f"{' <small>— ' + _e(summary) + '</small>' if summary else ''}</td>"
            f'<td class="n">{n}</td><td class="n">{fixable[code, name]}</td></tr>'
        )
    return (
        f'<section class="summary"><h2>{_e(_t("summary", lang))}</h2><table>'
        f"<thead><tr><th>{_e(_t('rule', lang))}</th><th>{_e(_t('count', lang))}</th>"
        f"<th>{_e(_t('fixable', lang))}</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></section>"
    )


def _file_section(index: int, result, items: list[_Finding], lang: str) -> str:
    head = (
        f'<section class="file" id="file-{index}"><h2><code>{_e(result.path)}</code> '
        f"<small>({len(items)})</small></h2>"
    )
    if result.source is None:
        listed = _notes(items, None, index, lang)
        return head + f"<p>{_e(_t('unreadable', lang))}</p>{listed}</section>"
    if not items:  # a clean file: its name is enough
        return head + f"<p>{_e(_t('none', lang))}</p></section>"
    source = result.final_source
    index_ = LineIndex(source)
    by_row: dict[int, list[_Finding]] = {}
    for f in items:
        by_row.setdefault(index_.rowcol(f.diag.start)[0], []).append(f)
    rows = []
    for row in range(1, index_.line_count + 1):
        start = index_.line_start(row)
        end = index_.line_start(row + 1) if row < index_.line_count else len(source)
        line_end = end
        while line_end > start and source[line_end - 1] in "\r\n":
            line_end -= 1
        text = _highlight(source, start, line_end, items)
        notes = by_row.get(row)
        cls = "row" if notes else "row quiet"
        rows.append(
            f'<div class="{cls}" id="f{index}-l{row}"><span class="ln">{row}</span>'
            f'<div class="text">{text}</div>'
            + (_notes(notes, index_, index, lang) if notes else "")
            + "</div>"
        )
    return head + "".join(rows) + "</section>"


def _highlight(source: str, start: int, end: int, items: list[_Finding]) -> str:
    """The line source[start:end] escaped, with a <mark> on every piece a finding covers.

    Findings may overlap: the line is cut at every finding boundary, and each piece is marked
    with the numbers of all findings covering it (`data-f`). An empty span (an insertion
    point) gets an empty mark of its own, so every finding has at least one mark.
    """
    cuts = {start, end}
    points: dict[int, list[_Finding]] = {}
    covering = []
    for f in items:
        s, e = f.diag.start, f.diag.end
        if s == e:
            if start <= s <= end:
                points.setdefault(s, []).append(f)
            continue
        if e <= start or s >= end:
            continue
        covering.append(f)
        cuts.add(max(s, start))
        cuts.add(min(e, end))
    cuts.update(points)
    ordered = sorted(cuts)
    out = []
    for a, b in zip(ordered, ordered[1:] + [None], strict=True):
        for f in points.get(a, ()):
            out.append(_mark([f], "", point=True))
        if b is None:
            break
        piece = source[a:b]
        here = [f for f in covering if f.diag.start <= a and f.diag.end >= b]
        out.append(_mark(here, piece) if here else _e(piece))
    return "".join(out)


def _mark(findings: list[_Finding], piece: str, point: bool = False) -> str:
    worst = max(f.severity for f in findings).label
    numbers = " ".join(str(f.number) for f in findings)
    title = " | ".join(f"{f.diag.code}: {message(f.diag, f.lang)}" for f in findings)
    cls = f"{worst} point" if point else worst
    return f'<mark class="{cls}" data-f="{numbers}" title="{_e(title)}">{_e(piece)}</mark>'


def _notes(items: list[_Finding], index: LineIndex | None, file_index: int, lang: str) -> str:
    out = ['<ol class="notes">']
    for f in items:
        d = f.diag
        sev = ui.SEVERITY[f.severity.label].get(f.lang)
        where = ""
        if index is not None:
            row, col = index.rowcol(d.start)
            where = f" <small>{row}:{col}</small>"
        parts = [
            f'<li class="{f.severity.label}" id="finding-{f.number}">'
            f"{_code(d.code, f.url)} <small>{_e(d.name)} · {_e(sev)}</small>"
            f"{where}<br>{_e(message(d, f.lang))}"
        ]
        if d.fix is not None:
            label = "fix" if d.fix.applicability == Applicability.SAFE else "unsafe"
            parts.append(
                f'<br><span class="fix">{_e(_t(label, f.lang))}:</span> '
                f"{_e(message(d.fix, f.lang))}{_replacement(d.fix, f.lang)}"
            )
        for s in d.suggestions:
            parts.append(
                f'<br><span class="fix">{_e(_t("suggestion", f.lang))}:</span> '
                f"{_e(message(s, f.lang))}{_replacement(s, f.lang)}"
            )
        for r in d.related:
            if index is not None:
                rr, rc = index.rowcol(r.start)
                parts.append(
                    f'<br><small>{_e(_t("see", f.lang))} <a href="#{f"f{file_index}-l{rr}"}">'
                    f"{rr}:{rc}</a>: {_e(message(r, f.lang))}</small>"
                )
        parts.append("</li>")
        out.append("".join(parts))
    out.append("</ol>")
    return "".join(out)


def _code(code: str, url: str | None) -> str:
    """The finding's code, a link to its rule's page when there is a `rule-docs-url`."""
    shown = f'<span class="code">{_e(code)}</span>'
    return f'<a href="{_e(url)}">{shown}</a>' if url else shown


def _replacement(fix, lang: str) -> str:
    """The new text of a one-edit fix ("→ …"), which tells more than the title alone."""
    if len(fix.edits) != 1:
        return ""
    content = fix.edits[0].content
    if not content:
        return f" <small>({_e(_t('delete', lang))})</small>"
    if len(content) > 200:
        return ""
    return f' → <span class="repl">{_e(content)}</span>'
