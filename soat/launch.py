"""The `soat` command's entry point: a plain `soat check …` starts without importing click.

click and the definitions of every command cost ~25 ms of a ~25 ms interpreter start, more
than the engine's own modules. `main()` reads the arguments of the common case (`check`
followed by its options and paths, each option at most as click itself would accept it) and
runs the check directly; anything else — another command, `--help`, an unknown or malformed
option, a value click would refuse, a shell-completion request — goes to the click
application in soat/cli.py, which parses it as always. `check_params` answers exactly what
click's parser answers or None (a test compares the two on generated command lines).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

# The options of `soat check` (soat/cli.py): name → (parameter, kind, choices).
# kind: "flag", "value", "path" (click.Path(dir_okay=False)), "choice".
_OUTPUT_FORMATS = ("text", "json", "github", "sarif", "gitlab", "rdjson", "junit", "html")
OPTIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "--fix": ("fix", "flag", ()),
    "--unsafe-fixes": ("unsafe_fixes", "flag", ()),
    "--diff": ("diff", "flag", ()),
    "--output-format": ("output_format", "choice", _OUTPUT_FORMATS),
    "-o": ("output_file", "path", ()),
    "--output-file": ("output_file", "path", ()),
    "--select": ("select", "value", ()),
    "--extend-select": ("extend_select", "value", ()),
    "--ignore": ("ignore", "value", ()),
    "--config": ("config_path", "path", ()),
    "--fail-on": ("fail_on", "choice", ("error", "warning", "info")),
    "--exit-zero": ("exit_zero", "flag", ()),
    "--quiet": ("quiet", "flag", ()),
    "-q": ("quiet", "flag", ()),
    "--statistics": ("statistics", "flag", ()),
    "--stdin-filename": ("stdin_filename", "value", ()),
    "--no-cache": ("no_cache", "flag", ()),
    "--baseline": ("baseline", "path", ()),
    "--write-baseline": ("write_baseline", "path", ()),
    "--diff-base": ("diff_base", "value", ()),
    "--annotate": ("annotate", "flag", ()),
}
DEFAULTS: dict[str, Any] = {
    param: ("text" if param == "output_format" else False if kind == "flag" else None)
    for param, kind, _ in OPTIONS.values()
}


def check_params(args: Sequence[str]) -> dict[str, Any] | None:
    """The parameters click would pass to `check` for `args` (the words after `check`), or
    None when click should parse them (help, errors, anything unusual)."""
    params = dict(DEFAULTS)
    paths: list[str] = []
    words = list(args)
    i = 0
    while i < len(words):
        word = words[i]
        i += 1
        if word == "--":
            rest = words[i:]
            if not all(_readable_if_present(w, dir_okay=True) for w in rest):
                return None
            paths.extend(rest)
            break
        if not word.startswith("-") or word == "-":
            if not _readable_if_present(word, dir_okay=True):
                return None
            paths.append(word)
            continue
        name, eq, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if name not in OPTIONS:
            if len(word) > 2 and word[:2] in ("-o",) and not word.startswith("--"):
                name, eq, value = "-o", "=", word[2:]  # -oFILE
            else:
                return None
        param, kind, choices = OPTIONS[name]
        if kind == "flag":
            if eq:
                return None  # click refuses a value for a flag
            params[param] = True
            continue
        if not eq:
            if i >= len(words):
                return None  # the option needs a value
            value = words[i]
            i += 1
        if kind == "choice" and value not in choices:
            return None
        if kind == "path" and not _readable_if_present(value, dir_okay=False):
            return None
        params[param] = value
    params["paths"] = tuple(paths)
    return params


def _readable_if_present(path: str, dir_okay: bool) -> bool:
    """What click.Path(exists=False) accepts: a missing path, or a readable one (not a
    folder, when `dir_okay` is false)."""
    import stat

    try:
        st = os.stat(path)
    except ValueError:  # a NUL in the name: click's own error
        return False
    except OSError:
        return True
    if not dir_okay and stat.S_ISDIR(st.st_mode):
        return False
    return os.access(path, os.R_OK)


def run_check_command(params: dict[str, Any]) -> NoReturn:
    """`soat check` with click's parameters: build the options, run, exit with the status."""
    from soat.knowledge import load_knowledge
    from soat.lint.errors import UsageError, printable
    from soat.lint.session import CheckOptions, run_check
    from soat.rules import ALL_RULES

    def codes(value: str | None) -> tuple[str, ...] | None:
        if value is None:
            return None
        return tuple(c.strip() for c in value.split(",") if c.strip())

    options = CheckOptions(
        paths=tuple(params["paths"]) or (".",),
        fix=params["fix"] or params["diff"],
        unsafe=params["unsafe_fixes"],
        diff=params["diff"],
        output_format=params["output_format"],
        select=codes(params["select"]),
        extend_select=codes(params["extend_select"]),
        ignore=codes(params["ignore"]),
        config_path=params["config_path"],
        fail_on=params["fail_on"],
        exit_zero=params["exit_zero"],
        quiet=params["quiet"],
        statistics=params["statistics"],
        stdin_filename=params["stdin_filename"],
        cache=not params["no_cache"],
        baseline=params["baseline"],
        write_baseline=params["write_baseline"],
        diff_base=params["diff_base"],
        annotate=params["annotate"],
    )
    try:
        if params["output_file"]:
            with open(params["output_file"], "w", encoding="utf-8", newline="") as out:
                status = run_check(options, ALL_RULES, load_knowledge, out)
        else:
            status = run_check(options, ALL_RULES, load_knowledge)
    except UsageError as exc:
        sys.stderr.write(f"soat: error: {printable(str(exc))}\n")
        sys.stderr.flush()
        sys.exit(2)
    sys.exit(status)


def main() -> None:
    """The `soat` command (and `python -m soat`)."""
    args = sys.argv[1:]
    params = None
    if (
        args[:1] == ["check"]
        and os.name == "posix"  # click expands wildcards itself on Windows
        and not os.environ.get("_SOAT_COMPLETE")
    ):
        params = check_params(args[1:])
    if params is None:
        from soat.cli import main as click_main

        click_main(prog_name="soat")
        return
    try:
        run_check_command(params)
    except (EOFError, KeyboardInterrupt):  # as click's standalone mode does
        sys.stderr.write("\nAborted!\n")
        sys.exit(1)
    except OSError as exc:
        import errno

        if exc.errno != errno.EPIPE:
            raise
        from click.utils import _PacifyFlushWrapper

        sys.stdout = _PacifyFlushWrapper(sys.stdout)
        sys.stderr = _PacifyFlushWrapper(sys.stderr)
        sys.exit(1)
