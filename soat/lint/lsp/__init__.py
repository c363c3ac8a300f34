"""soat's language server (docs/architecture.md §12), one module per job.

positions.py   code-point offsets ↔ protocol positions; applying incremental changes
convert.py     soat findings and errors as protocol diagnostics; hover text
actions.py     quick fixes, "disable for this line", fix-all
suppression.py where a "disable for this line" comment goes (Markdown's block grammar)
protocol.py    pygls's protocol, patched (own document store, errors, exit)
workspace.py   which open documents soat lints, and with what settings
scheduling.py  lints on a worker thread: debouncing, revisions, stale results
server.py      the features, wired together; `serve()`
"""
