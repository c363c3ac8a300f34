"""When the server lints, and on which thread (docs/architecture.md §12.1).

Lints run one at a time on one worker thread, off the protocol thread. Each text has a
server-wide revision; the lint of an old revision never overwrites a newer one, and a change
during a lint starts another lint when it ends. A generation number, bumped when the
configuration may have changed, makes a published lint stale without changing the text.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from soat.lint.diagnostic import Diagnostic
from soat.lint.fixer import NoFixpoint, fix_to_fixpoint
from soat.lint.knowledge import KnowledgeLoader
from soat.lint.lsp.workspace import DocumentSettings, Resolved
from soat.lint.rule import Rule
from soat.lint.runner import Settings, lint_source

logger = logging.getLogger(__name__)

DEFAULT_DEBOUNCE_SECONDS = 0.1
# Longer documents are not linted while editing (a 20 MB one took 35 s and 1.5 GB, and every
# request waited behind it); the client can raise the limit (initializationOptions
# "maxDocumentChars"). Articles are far shorter: the longest in the corpus has about 60,000.
DEFAULT_MAX_DOCUMENT_CHARS = 300_000


@dataclass
class OpenDocument:
    uri: str
    path: str | None  # None for untitled documents
    fmt: str
    text: str
    version: int | None
    revision: int = 0  # unique per text, server-wide (a reopened document never reuses one)
    published: tuple[tuple[int, int], Any] | None = None  # ((revision, generation), outcome)
    fixed: tuple[tuple[int, int], str | None] | None = None  # ((revision, generation), fix-all)
    shown_error: str | None = None


@dataclass
class LintOutcome:
    revision: int
    text: str
    generation: int = 0  # the server's configuration generation when the lint started
    diagnostics: list[Diagnostic] = field(default_factory=list)
    resolved: Resolved | None = None
    error: Exception | None = None
    skipped: bool = False  # not a file soat check would lint (see workspace.py)
    too_large: bool = False  # longer than the server's limit: not linted


@dataclass(frozen=True)
class LintTarget:
    """Where a document's text is linted as: its path (a made-up one for an untitled
    document), the workspace folder holding it, and whether it is untitled."""

    path: str
    folder: str | None
    untitled: bool


class LintScheduler:
    """Open documents, pending and running lints. `publish` is called on the protocol
    thread with each current lint; `target` says where a document is linted as."""

    def __init__(
        self,
        rules: Sequence[Rule],
        load_knowledge: KnowledgeLoader,
        publish: Callable[[OpenDocument, LintOutcome], None],
        target: Callable[[OpenDocument], LintTarget],
    ) -> None:
        self.publish = publish
        self.target = target
        self.max_document_chars = DEFAULT_MAX_DOCUMENT_CHARS
        self.docs: dict[str, OpenDocument] = {}
        self.generation = 0  # bumped when configuration may have changed
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._running: set[str] = set()
        self._again: set[str] = set()
        self._revisions = itertools.count(1)
        # One worker: lints run one at a time, off the protocol thread, and the settings
        # cache is only ever touched from that thread.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="soat-lint")
        self._settings = DocumentSettings(rules, load_knowledge)

    def next_revision(self) -> int:
        return next(self._revisions)

    # -- protocol thread -------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        self.cancel(uri)
        loop = asyncio.get_event_loop()
        if delay <= 0:
            self._timers[uri] = loop.call_soon(self._start, uri)  # type: ignore[assignment]
        else:
            self._timers[uri] = loop.call_later(delay, self._start, uri)

    def cancel(self, uri: str) -> None:
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()

    def close(self, uri: str) -> OpenDocument | None:
        self.cancel(uri)
        self._again.discard(uri)
        return self.docs.pop(uri, None)

    def relint_all(self) -> None:
        self.generation += 1  # configuration or registry changed: lint again
        for uri in list(self.docs):
            self.schedule(uri, 0)

    def is_current(self, doc: OpenDocument) -> bool:
        return doc.published is not None and doc.published[0] == (doc.revision, self.generation)

    def _start(self, uri: str) -> None:
        self._timers.pop(uri, None)
        doc = self.docs.get(uri)
        if doc is None or self.is_current(doc):
            return  # closed, or a request already linted and published this text
        if uri in self._running:
            self._again.add(uri)  # start again with the newest text when this one ends
            return
        self._running.add(uri)
        future = self._submit_lint(doc)
        future.add_done_callback(lambda f: self._finished(uri, f))

    def _finished(self, uri: str, future: asyncio.Future) -> None:
        self._running.discard(uri)
        doc = self.docs.get(uri)
        if doc is None or future.cancelled():
            return
        outcome: LintOutcome = future.result()
        if outcome.revision == doc.revision:
            self._publish(doc, outcome)
        if uri in self._again or outcome.revision != doc.revision:
            self._again.discard(uri)
            if uri not in self._timers:
                self._start(uri)

    def _publish(self, doc: OpenDocument, outcome: LintOutcome) -> None:
        doc.published = ((outcome.revision, outcome.generation), outcome)
        self.publish(doc, outcome)

    def _submit_lint(self, doc: OpenDocument) -> asyncio.Future[LintOutcome]:
        """Lint the document's current text in the worker thread."""
        return asyncio.get_event_loop().run_in_executor(
            self._worker,
            self._lint,
            self.target(doc),
            doc.fmt,
            doc.text,
            doc.revision,
            self.generation,
        )

    async def current_outcome(self, doc: OpenDocument) -> LintOutcome:
        """The lint of the document's current text (reusing the published one if current)."""
        if doc.published is not None and self.is_current(doc):
            return doc.published[1]
        outcome = await self._submit_lint(doc)
        if self.docs.get(doc.uri) is doc and outcome.revision == doc.revision:
            # The newest lint there is: publish it now instead of linting again.
            self.cancel(doc.uri)
            self._publish(doc, outcome)
        return outcome

    async def fixed(self, doc: OpenDocument, outcome: LintOutcome) -> str | None:
        """The fixpoint of safe fixes of the lint `outcome` of `doc` (None: no change)."""
        if doc.fixed is not None and doc.fixed[0] == (outcome.revision, outcome.generation):
            return doc.fixed[1]
        assert outcome.resolved is not None  # only asked for a resolved document
        fixed = await asyncio.get_event_loop().run_in_executor(
            self._worker,
            self._fixed,
            self.target(doc).path,
            doc.fmt,
            outcome.text,
            outcome.resolved.settings,
        )
        doc.fixed = ((outcome.revision, outcome.generation), fixed)
        return fixed

    # -- worker thread ---------------------------------------------------------------------

    def _lint(
        self, target: LintTarget, fmt: str, text: str, revision: int, generation: int
    ) -> LintOutcome:
        outcome = LintOutcome(revision, text, generation=generation)
        if len(text) > self.max_document_chars:
            outcome.too_large = True
            return outcome
        path = target.path
        try:
            resolved = self._settings.resolve(path, target.folder, generation, target.untitled)
            outcome.resolved = resolved
            if resolved.error is not None:
                outcome.error = resolved.error
            elif resolved.excluded:
                outcome.skipped = True
            else:
                assert resolved.settings is not None  # set whenever there is no error
                outcome.diagnostics = lint_source(path, text, resolved.settings, fmt)
        except Exception as exc:  # a parser bug must not take the editor's linter down
            logger.exception("lint failed for %s", path)
            outcome.error = exc
        return outcome

    def _fixed(self, path: str, fmt: str, text: str, settings: Settings | None) -> str | None:
        assert settings is not None  # only asked for a resolved document
        try:
            fixed, _, _ = fix_to_fixpoint(
                text, lambda t: lint_source(path, t, settings, fmt), False
            )
        except NoFixpoint:  # never offer a fix that does not settle
            logger.warning("fixes did not settle for %s", path)
            return None
        return fixed if fixed != text else None
