"""Runs rules over documents and files: stamping, suppression, INT001, fixing and writing."""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import soat.checked_file as checked_file
from soat.lint.config import Config
from soat.lint.context import Context, DocContext
from soat.lint.diagnostic import Diagnostic, Msg, Severity
from soat.lint.document import Document
from soat.lint.fixer import NoFixpoint, fix_to_fixpoint, write_atomically
from soat.lint.formats import DecodeFailure, Encoding, decode, is_word, parse
from soat.lint.knowledge import Knowledge
from soat.lint.rule import INTERNAL_ERROR, UNREADABLE_FILE, Rule
from soat.lint.suppress import Suppressions
from soat.lint.ui import DEFAULT_LANG
from soat.records import Record


class RuleOptions(Mapping[str, Any]):
    """The options of each enabled rule by code, each made on first use: making a rule's
    options imports its module, which a run whose files all come from the result cache
    never needs."""

    __slots__ = ("config", "_rules", "_made")

    def __init__(self, config: Config, rules: Sequence[Rule]) -> None:
        self.config = config
        self._rules = {r.code: r for r in rules}
        self._made: dict[str, Any] = {}

    def __getitem__(self, code: str) -> Any:
        made = self._made
        if code not in made:
            made[code] = self.config.options_for(self._rules[code])
        return made[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)


class Settings:
    """What one file is checked with: enabled rules, their options, severities, knowledge.

    Made once per configuration and shared by the files checked with it; never changed.
    (A plain class: a frozen dataclass costs a cold start ~4 M instructions to create.)"""

    def __init__(
        self,
        rules: tuple[Rule, ...],
        options: RuleOptions,
        severity: dict[str, Severity],
        knowledge: Knowledge,
        lang: str = DEFAULT_LANG,
    ) -> None:
        self.rules = rules
        self.options = options
        self.severity = severity
        self.knowledge = knowledge
        self.lang = lang

    @classmethod
    def from_config(
        cls,
        config: Config,
        rules: Sequence[Rule],
        path: str | None = None,
        *,
        knowledge: Knowledge,
    ) -> Settings:
        enabled = config.enabled_rules(rules, path)
        return cls(
            rules=enabled,
            options=RuleOptions(config, enabled),
            severity=dict(config.severity),
            knowledge=knowledge,
            lang=config.lang,
        )

    @functools.cached_property
    def plan(self) -> tuple[tuple[Rule, Any, Severity | None], ...]:
        """Each enabled rule with its options and the severity the configuration gives it
        (None: the finding's own, else the rule's), worked out once for every file."""
        return tuple(
            (
                rule,
                self.options.get(rule.code) or rule.default_options(),
                self.severity.get(rule.code),
            )
            for rule in self.rules
        )

    @functools.cached_property
    def masking(self) -> frozenset[str]:
        """The codes of enabled rules whose findings hide other rules' findings inside them."""
        return frozenset(r.code for r in self.rules if r.masks_others)

    @functools.cached_property
    def stamp(self) -> str | None:
        """What the findings of a file depend on besides its bytes (the result cache key);
        None when a rule comes from outside soat (its code is not part of the cache key)."""
        from soat.canonical import canonical

        if not all(_module_of(r).startswith("soat.") for r in self.rules):
            return None

        # The configured values, not the option objects (which would import every rule):
        # the defaults are soat's code, which the cache key stamps on its own.
        options = canonical(self.options.config.rule_options)
        severity = sorted((code, int(value)) for code, value in self.severity.items())
        # A rule that judges an undated document as of today (Rule.dated) may find otherwise
        # tomorrow: its findings are kept for the day.
        import datetime

        dated = any(getattr(r, "dated", False) for r in self.rules)
        today = datetime.date.today().isoformat() if dated else ""
        parts = (tuple(r.code for r in self.rules), options, severity, today)
        return repr(parts) + self.knowledge.digest()


def _module_of(rule: Rule) -> str:
    """The module of a rule's code; a registry reference names it without importing it."""
    module = getattr(rule, "module", None)  # soat.rules.RuleRef
    return module if isinstance(module, str) else getattr(rule.check, "__module__", "")


class FileResult(Record):
    """What checking one file gave: its findings, and what a report and --fix need of it."""

    _fields = (
        "path",
        "source",
        "diagnostics",
        "fixed_source",
        "fixes_applied",
        "encoding",
        "lang",
        "rule_docs_url",
        "fail_on",
    )

    def __init__(
        self,
        path: str,
        source: str | None,  # None when the file could not be read
        diagnostics: list[Diagnostic] | None = None,
        fixed_source: str | None = None,  # set in fix mode when fixes changed the text
        fixes_applied: int = 0,
        encoding: Encoding | None = None,
        lang: str | None = None,  # the file's configured language; None: the run's default
        rule_docs_url: str | None = None,  # the file's configured base of rule doc links
        fail_on: str = "warning",  # the file's configured threshold for the exit status
    ) -> None:
        self.path = path
        self.source = source
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.fixed_source = fixed_source
        self.fixes_applied = fixes_applied
        self.encoding = encoding
        self.lang = lang
        self.rule_docs_url = rule_docs_url
        self.fail_on = fail_on

    @property
    def final_source(self) -> str:
        """The text the diagnostics' offsets refer to (the fixed text in fix mode)."""
        if self.fixed_source is not None:
            return self.fixed_source
        return self.source or ""

    @property
    def internal_error(self) -> bool:
        return any(d.code == INTERNAL_ERROR.code for d in self.diagnostics)


def lint_document(doc: Document, settings: Settings) -> list[Diagnostic]:
    """Every rule's findings on `doc`, stamped, with suppressed ones removed, sorted."""
    found: list[Diagnostic] = []
    shared = DocContext(doc, settings.knowledge)  # analyses shared by the rules, per document
    path = doc.path
    for rule, options, severity in settings.plan:
        try:
            for diag in rule.check(Context(shared, options)):
                diag.code, diag.name = rule.code, rule.name
                if severity is not None:
                    diag.severity = severity
                elif diag.severity is None:
                    diag.severity = rule.severity
                diag.path = path
                found.append(diag)
        except Exception as exc:  # a broken rule must not stop the run
            found.append(_internal_error(doc, rule, exc))
    found = _unmasked(found, settings.masking)
    if found and "soat-" in doc.source:  # a suppression comment names "soat-"
        suppressions = Suppressions(doc.source, lambda off: doc.line_index.rowcol(off)[0])
        found = [
            d
            for d in found
            if d.code == INTERNAL_ERROR.code
            or not suppressions.is_suppressed(d.code, d.name, doc.line_index.rowcol(d.start)[0])
        ]
    found.sort(key=lambda d: (d.start, d.end, d.code))
    return found


def _unmasked(found: list[Diagnostic], masking: frozenset[str] | set[str]) -> list[Diagnostic]:
    """`found` without other rules' findings inside a masking rule's finding."""
    if not masking:
        return found
    masks = [(d.start, d.end) for d in found if d.code in masking]
    if not masks:
        return found
    return [
        d
        for d in found
        if d.code in masking
        or d.code == INTERNAL_ERROR.code
        or not any(s <= d.start and d.end <= e for s, e in masks)
    ]


def _internal_error(doc: Document, rule: Rule | None, exc: Exception) -> Diagnostic:
    import traceback  # only a broken rule or reader needs it

    where = traceback.extract_tb(exc.__traceback__)[-1]
    detail = f"{type(exc).__name__}: {exc} ({os.path.basename(where.filename)}:{where.lineno})"
    if rule is None:
        message = Msg(
            f"Không phân tích được tệp ({doc.format}): {detail}",
            f"The {doc.format} reader failed on this file: {detail}",
        )
    else:
        message = Msg(
            f"Quy tắc {rule.code} ({rule.name}) gặp lỗi nội bộ: {detail}",
            f"Rule {rule.code} ({rule.name}) raised an exception: {detail}",
        )
    return Diagnostic(
        message,
        0,
        0,
        severity=Severity.ERROR,
        code=INTERNAL_ERROR.code,
        name=INTERNAL_ERROR.name,
        path=doc.path,
    )


def lint_source(
    path: str, source: str, settings: Settings, fmt: str | None = None
) -> list[Diagnostic]:
    try:
        doc = parse(path, source, fmt)
    except Exception as exc:  # a reader bug must not stop the run either
        return [_internal_error(Document(path, source, fmt or "txt"), None, exc)]
    return lint_document(doc, settings)


def check_source(
    path: str,
    source: str,
    settings: Settings,
    *,
    fix: bool = False,
    unsafe: bool = False,
    fmt: str | None = None,
) -> FileResult:
    """Lint `source`; in fix mode fix to a fixpoint and report what remains."""
    if not fix:
        return FileResult(
            path, source, lint_source(path, source, settings, fmt), lang=settings.lang
        )
    try:
        fixed, remaining, applied = fix_to_fixpoint(
            source, lambda text: lint_source(path, text, settings, fmt), unsafe
        )
    except NoFixpoint as exc:  # keep the writer's text: a fix that never settles damages it
        remaining = lint_source(path, source, settings, fmt)
        remaining.insert(0, _no_fixpoint(path, exc))
        return FileResult(path, source, remaining, lang=settings.lang)
    result = FileResult(path, source, remaining, fixes_applied=applied, lang=settings.lang)
    if fixed != source:
        result.fixed_source = fixed
    return result


def _no_fixpoint(path: str, exc: NoFixpoint) -> Diagnostic:
    codes = ", ".join(exc.codes)
    return Diagnostic(
        Msg(
            f"Các bản sửa ({codes}) vẫn thay đổi văn bản sau {exc.passes} lượt: tệp được giữ "
            "nguyên. Hãy báo lỗi kèm tệp này.",
            f"The fixes ({codes}) still changed the text after {exc.passes} passes: the file "
            "was left unchanged. Please report it with the file.",
        ),
        0,
        0,
        severity=Severity.ERROR,
        code=INTERNAL_ERROR.code,
        name=INTERNAL_ERROR.name,
        path=path,
    )


def unreadable(path: str, message: Msg) -> FileResult:
    diag = Diagnostic(
        message,
        0,
        0,
        severity=Severity.ERROR,
        code=UNREADABLE_FILE.code,
        name=UNREADABLE_FILE.name,
        path=path,
    )
    return FileResult(path, None, [diag])


# A bigger file is no article (the longest in the corpus is 24 KB): checking a 50 MB one
# took 9 minutes and 2.9 GB, so it is reported as IO001 instead.
MAX_FILE_BYTES = 10_000_000


def read_source(
    path: str, data: bytes, rules: Sequence[Rule] = ()
) -> tuple[str, Encoding] | FileResult:
    """The file's text, or an IO001 result; rules with an `unreadable_hint` may say more
    about bytes that are not UTF-8 (which legacy encoding they are in)."""
    if len(data) > MAX_FILE_BYTES:
        size, limit = len(data) / 1_000_000, MAX_FILE_BYTES / 1_000_000
        return unreadable(
            path,
            Msg(
                f"Tệp quá lớn để kiểm tra ({size:.1f} MB; giới hạn {limit:.0f} MB): không phải "
                "một bài viết",
                f"File too large to check ({size:.1f} MB; limit {limit:.0f} MB): not an article",
            ),
        )
    try:
        return decode(data)
    except DecodeFailure as exc:
        vi = f"Tệp không phải UTF-8 hợp lệ: byte lỗi đầu tiên ở vị trí {exc.offset} ({exc.reason})"
        en = f"File is not valid UTF-8: first bad byte at offset {exc.offset} ({exc.reason})"
        for rule in rules:
            hint = rule.unreadable_hint(data) if rule.unreadable_hint else None
            if hint is not None:
                vi, en = f"{vi}. {hint.get('vi')}", f"{en}. {hint.get('en')}"
                break
        return unreadable(path, Msg(vi, en))


def check_file(
    path: str,
    display: str,
    settings: Settings,
    *,
    fix: bool = False,
    unsafe: bool = False,
    write: bool = True,
    annotate: bool = False,
) -> FileResult:
    """Check one file on disk; in fix mode with `write`, write the fixed text atomically.

    A Word document goes its own way (soat/lint/word_check.py); with `annotate` its findings
    are written as comments into a copy beside it.
    """
    if is_word(path):
        irregular = _irregular(path, display)
        if irregular is not None:
            return irregular
        from soat.lint.word_check import check_word_file

        return check_word_file(
            path, display, settings, fix=fix, unsafe=unsafe, write=write, annotate=annotate
        )
    data = read_bytes(path, display)
    if isinstance(data, FileResult):
        return data
    return check_data(path, display, data, settings, fix=fix, unsafe=unsafe, write=write)


def _irregular(path: str, display: str) -> FileResult | None:
    """IO001 for a path that is not a regular file: opening a FIFO would wait forever."""
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return None  # open() reports why
    if regular:
        return None
    return _not_regular(display)


def _not_regular(display: str) -> FileResult:
    return unreadable(
        display,
        Msg(
            "Không phải tệp thông thường (FIFO, thiết bị hay socket): không đọc",
            "Not a regular file (a FIFO, device or socket): not read",
        ),
    )


def read_bytes(path: str, display: str) -> bytes | FileResult:
    """The file's bytes, or IO001 (never blocks on a FIFO: the result cache reads files too).

    One open (non-blocking, so a FIFO without a writer returns at once) and one fstat: the
    file that is read is the one that was found regular."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        irregular = _irregular(path, display)  # a socket cannot be opened: say what it is
        if irregular is not None:
            return irregular
        return unreadable(
            display, Msg(f"Không đọc được tệp: {exc.strerror}", f"Cannot read file: {exc.strerror}")
        )
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return _not_regular(display)
        return checked_file.read_fd(fd, st.st_size)
    except OSError as exc:
        return unreadable(
            display, Msg(f"Không đọc được tệp: {exc.strerror}", f"Cannot read file: {exc.strerror}")
        )
    finally:
        os.close(fd)


def check_data(
    path: str,
    display: str,
    data: bytes,
    settings: Settings,
    *,
    fix: bool = False,
    unsafe: bool = False,
    write: bool = True,
) -> FileResult:
    """Check the bytes of the file at `path`; in fix mode with `write`, write the fixed text."""
    decoded = read_source(display, data, settings.rules)
    if isinstance(decoded, FileResult):
        return decoded
    source, encoding = decoded
    result = check_source(display, source, settings, fix=fix, unsafe=unsafe)
    result.encoding = encoding
    if fix and write and result.fixed_source is not None:
        try:
            write_atomically(path, encoding.encode(result.fixed_source))
        except OSError as exc:  # report it and go on with the other files
            failed = unreadable(
                display,
                Msg(
                    f"Không ghi được bản đã sửa: {exc.strerror}",
                    f"Cannot write the fixed file: {exc.strerror}",
                ),
            )
            result.diagnostics.insert(0, failed.diagnostics[0])
            result.fixed_source, result.fixes_applied = None, 0
            result.diagnostics[1:] = lint_source(display, source, settings)
    return result
