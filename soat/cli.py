"""soat's command line: parse options, call the engine, print. Nothing else lives here.

The options are parsed with the standard library's argparse: click, which soat used before,
and what it imports (inspect, ast, datetime, uuid, platform...) cost a cold `soat check` of
one article ~50 M instructions, an eighth of it (docs/architecture.md §10)."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from soat import __version__, regex_cache

# Stored patterns first (soat/regex_cache.py), before any module compiles one.
regex_cache.load()

from soat.lint.ui import DEFAULT_LANG, LANGS  # noqa: E402

# The exit status of `check` (0, 1 for findings, 2) is decided in soat/lint/session.py.
EXIT_OK, EXIT_ERROR = 0, 2


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip() for c in value.split(",") if c.strip())


@contextlib.contextmanager
def _collector_off() -> Iterator[None]:
    """The cyclic garbage collector off while `check` starts (then as before): start-up (the
    imports, the knowledge, the rule modules) makes objects that live as long as the process
    and no garbage cycles, and the collector's passes over them cost a cold start ~10 ms. The
    engine turns it on while files are checked (soat/lint/session.py, collector_tuned).

    The process is the command line's: objects frozen now are the interpreter's own (Python
    3.12 starts with a few hundred), not a caller's, and are unfrozen so that the engine,
    which leaves a caller's frozen objects alone, freezes its own while it checks."""
    gc.unfreeze()
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


OUTPUT_FORMATS = ("text", "json", "github", "sarif", "gitlab", "rdjson", "junit", "html")
SEVERITIES = ("error", "warning", "info")


def _check_arguments(check: argparse.ArgumentParser) -> None:
    check.usage = "%(prog)s [OPTIONS] [PATHS ...]"
    check.add_argument(
        "operands",
        nargs="*",
        metavar="PATHS",
        help='Files and folders (default: "."); "-" reads standard input; after "--", '
        'every argument is a path, even one that starts with "-".',
    )
    check.add_argument(
        "--fix", action="store_true", help="Apply safe fixes (sửa các lỗi sửa được an toàn)."
    )
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="With --fix or --diff, apply unsafe fixes too."
    )
    check.add_argument(
        "--diff", action="store_true", help="Print the fixes as a unified diff; write nothing."
    )
    check.add_argument(
        "--output-format",
        default="text",
        choices=OUTPUT_FORMATS,
        help="Output format (default: text).",
    )
    check.add_argument(
        "-o",
        "--output-file",
        metavar="FILE",
        help="Write the report to this file instead of standard output.",
    )
    check.add_argument(
        "--select",
        metavar="CODES",
        help="Rules to run: codes, family prefixes or names, comma separated.",
    )
    check.add_argument("--extend-select", metavar="CODES", help="Rules to add to the selection.")
    check.add_argument("--ignore", metavar="CODES", help="Rules to skip.")
    check.add_argument(
        "--config",
        dest="config_path",
        metavar="FILE",
        help="Use this configuration file for every file.",
    )
    check.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        help="Lowest severity that makes the exit status 1 (default: warning).",
    )
    check.add_argument("--exit-zero", action="store_true", help="Exit 0 even when findings remain.")
    check.add_argument(
        "-q", "--quiet", action="store_true", help="Print findings only, no summary."
    )
    check.add_argument(
        "--statistics", action="store_true", help="Print counts per rule instead of findings."
    )
    check.add_argument(
        "--stdin-filename", metavar="NAME", help="The name of the file read from standard input."
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="Check every file again; neither read nor write the result cache (.soat_cache/).",
    )
    check.add_argument(
        "--baseline",
        metavar="FILE",
        help="Leave out the findings recorded in this baseline file "
        "(default: `baseline` in soat.toml).",
    )
    check.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="Record the current findings in this baseline file; exit 0.",
    )
    check.add_argument(
        "--diff-base",
        metavar="REV",
        help="Report only findings on lines added or changed since this git revision.",
    )
    check.add_argument(
        "--annotate",
        action="store_true",
        help="Word files: write the findings as comments into NAME.soat.docx beside each file.",
    )


def _check(args: argparse.Namespace) -> int:
    with _collector_off():
        from soat.knowledge import load_knowledge
        from soat.lint.errors import UsageError
        from soat.lint.session import CheckOptions, run_check
        from soat.rules import ALL_RULES

        options = CheckOptions(
            paths=tuple(args.operands) or (".",),
            fix=args.fix or args.diff,
            unsafe=args.unsafe_fixes,
            diff=args.diff,
            output_format=args.output_format,
            select=_codes(args.select),
            extend_select=_codes(args.extend_select),
            ignore=_codes(args.ignore),
            config_path=args.config_path,
            fail_on=args.fail_on,
            exit_zero=args.exit_zero,
            quiet=args.quiet,
            statistics=args.statistics,
            stdin_filename=args.stdin_filename,
            cache=not args.no_cache,
            baseline=args.baseline,
            write_baseline=args.write_baseline,
            diff_base=args.diff_base,
            annotate=args.annotate,
        )
        try:
            if args.output_file:
                with open(args.output_file, "w", encoding="utf-8", newline="") as out:
                    status = run_check(options, ALL_RULES, load_knowledge, out)
            else:
                status = run_check(options, ALL_RULES, load_knowledge)
        except UsageError as exc:
            from soat.lint.errors import printable

            print(f"soat: error: {printable(str(exc))}", file=sys.stderr)
            return EXIT_ERROR
        regex_cache.save()
        return status


def _rules(args: argparse.Namespace) -> int:
    from soat.lint.ruledoc import rules_json, rules_table
    from soat.rules import ALL_RULES

    if args.output_format == "json":
        print(rules_json(ALL_RULES))
    else:
        print(rules_table(ALL_RULES, args.lang))
    return EXIT_OK


def _rule(args: argparse.Namespace) -> int:
    from soat.lint.errors import did_you_mean
    from soat.lint.rule import ENGINE_RULES
    from soat.lint.ruledoc import rule_markdown
    from soat.rules import ALL_RULES

    code = args.operands[0]
    everything = (*ALL_RULES, *ENGINE_RULES)
    rule = next((r for r in everything if code in (r.code, r.name) or code.upper() == r.code), None)
    if rule is None:
        hint = did_you_mean(code, [r.code for r in everything] + [r.name for r in everything])
        print(f"soat: error: unknown rule {code!r}.{hint}", file=sys.stderr)
        return EXIT_ERROR
    print(rule_markdown(rule, args.lang))
    return EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    from soat import convert as conversion
    from soat.lint.ui import NOT_WRITTEN

    failed = False
    for path in args.operands:
        planned = conversion.plan(path)
        if args.diff:
            sys.stdout.write(conversion.diff(planned))
        else:
            planned = conversion.apply(planned)
        failed |= planned.failed
        said = planned.message.get(args.lang)
        if args.diff and planned.text is not None:
            said = f"{NOT_WRITTEN.get(args.lang)}: {said}"
        print(f"{path}: {said}", file=sys.stderr if args.diff or planned.failed else sys.stdout)
    return EXIT_ERROR if failed else EXIT_OK


def _server(args: argparse.Namespace) -> int:
    from soat.knowledge import load_knowledge
    from soat.lint.lsp.server import serve
    from soat.rules import ALL_RULES

    serve(ALL_RULES, load_knowledge)
    return EXIT_OK


def _rules_arguments(rules: argparse.ArgumentParser) -> None:
    rules.add_argument("--output-format", default="text", choices=("text", "json"))
    rules.add_argument("--lang", default=DEFAULT_LANG, choices=LANGS)


def _rule_arguments(rule: argparse.ArgumentParser) -> None:
    rule.usage = "%(prog)s [OPTIONS] CODE"
    rule.add_argument("operands", nargs="*", metavar="CODE", help="A rule's code or name.")
    rule.add_argument("--lang", default=DEFAULT_LANG, choices=LANGS)


def _convert_arguments(convert: argparse.ArgumentParser) -> None:
    convert.usage = "%(prog)s [OPTIONS] PATHS ..."
    convert.add_argument("operands", nargs="*", metavar="PATHS", help="Files to convert.")
    convert.add_argument(
        "--diff", action="store_true", help="Show the conversion as a diff; write nothing."
    )
    convert.add_argument("--lang", default=DEFAULT_LANG, choices=LANGS)


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


class Command(NamedTuple):
    """A command: its summary, the function that adds its options to a parser, the one that
    runs it, and its operands (paths, a rule's code): their name, how many it takes at least
    and at most (None: no limit)."""

    summary: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    operands: tuple[str, int, int | None] = ("", 0, 0)


COMMANDS = {
    "check": Command(
        'Check files (default: the current folder); "-" reads standard input.',
        _check_arguments,
        _check,
        ("PATHS", 0, None),
    ),
    "rules": Command(
        "List all rules (code, name, family, severity, fix).", _rules_arguments, _rules
    ),
    "rule": Command(
        "Show a rule's documentation, options and examples.", _rule_arguments, _rule, ("CODE", 1, 1)
    ),
    "convert": Command(
        "Rewrite files typed in TCVN3, VNI, VISCII or Windows-1258 as UTF-8.",
        _convert_arguments,
        _convert,
        ("PATHS", 1, None),
    ),
    "server": Command("Run the language server on stdio (for editors).", _no_arguments, _server),
}


def _terminal_width() -> int:
    """The columns help is wrapped to: $COLUMNS, the terminal's, or 80. (What
    shutil.get_terminal_size reads; shutil itself imports bz2 and lzma, ~3 ms of a start,
    and argparse makes a formatter, so asks the width, for every argument it is given.)"""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0 and sys.__stdout__ is not None:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_width() - 2)


def _command_parser(name: str) -> argparse.ArgumentParser:
    command = COMMANDS[name]
    parser = argparse.ArgumentParser(
        prog=f"soat {name}",
        description=command.summary,
        formatter_class=_Formatter,
        allow_abbrev=False,
    )
    command.add_arguments(parser)
    return parser


def _parse(name: str, argv: list[str]) -> argparse.Namespace:
    """The arguments of command `name`: options and operands in any order up to a `--`
    (`soat check a.txt --fix b.txt`), and after it operands only, even those that start
    with "-" (a file named "-x.md"; a script's paths, as action.yml passes them).
    argparse's intermixed parsing alone reads options after a `--` as options."""
    parser = _command_parser(name)
    cut = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_intermixed_args(argv[:cut])
    args.operands = [*getattr(args, "operands", ()), *argv[cut + 1 :]]
    operand, least, most = COMMANDS[name].operands
    if len(args.operands) < least:
        parser.error(f"the following arguments are required: {operand}")
    if most is not None and len(args.operands) > most:
        parser.error(f"unrecognized arguments: {' '.join(args.operands[most:])}")
    return args


def _soat_parser() -> argparse.ArgumentParser:
    """`soat` itself: its help lists the commands; it parses no command's arguments."""
    parser = argparse.ArgumentParser(
        prog="soat",
        description="soat — kiểm tra bài viết cho báo chí công đoàn Việt Nam.\n\n"
        "A content linter for Vietnamese trade-union publications.",
        formatter_class=_Formatter,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"soat, version {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name, command in COMMANDS.items():
        commands.add_parser(name, help=command.summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `soat ARGV` (default: the process's arguments); the exit status.

    Only the command's own parser is built (building every command's costs a cold start
    ~4 ms). It parses intermixed: options and paths in any order, `soat check a.txt --fix
    b.txt`, as with most linters."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in COMMANDS:
        return COMMANDS[argv[0]].run(_parse(argv[0], argv[1:]))
    parser = _soat_parser()
    if argv and not argv[0].startswith("-"):
        from soat.lint.errors import did_you_mean

        parser.error(f"unknown command {argv[0]!r}.{did_you_mean(argv[0], list(COMMANDS))}")
    parser.parse_args(argv)  # --version, --help, or a wrong option: prints and exits
    parser.print_help(sys.stderr)
    return EXIT_ERROR


def run() -> None:
    """The `soat` program (its console script, `python -m soat`): `main()`, its output
    flushed, then the process ends at once with `os._exit`, without the interpreter's
    finalisation. That would free, one by one, every object of the process (the knowledge,
    the rule modules and their tables), and run the shutdown collections over them: ~11 M
    instructions, ~5 ms of a cold check of one article. Nothing is lost: every file soat
    writes is written and closed in a `with` block, and a worker pool is shut down, before
    `main` returns. A library caller of `main` keeps the normal exit, and so does a
    profiler or coverage tool that runs `sys.exit(soat.cli.main())` (wrapping `-m soat`,
    it would lose its own data).

    A reader that goes away (`soat check | head`) ends the run quietly with status 1, as
    the Python documentation's recipe for SIGPIPE does; Ctrl-C with "Aborted!" and 130."""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes stdout once more at exit and would fail again: point it at null.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 1
    except KeyboardInterrupt:
        print("Aborted!", file=sys.stderr)
        status = 130
    except OSError as exc:  # the report could not be written out (a full disk)
        print(f"soat: error: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
        status = EXIT_ERROR
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
