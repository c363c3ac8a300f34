"""soat's command line: parse options, call the engine, print. Nothing else lives here."""

from __future__ import annotations

import atexit
import contextlib
import gc
import sys
from collections.abc import Iterator

from soat import __version__, regex_cache

# Stored patterns first (soat/regex_cache.py), before any module compiles one.
regex_cache.load()

import click  # noqa: E402

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


def _skip_final_collections() -> None:
    """Run at exit after `check`: the interpreter's shutdown collections would walk every
    object of the process (the knowledge, the rule modules, their tables) to find cycles in
    what is freed a moment later anyway: ~40 million instructions, 6 % of a cold run. The
    objects are frozen out of them instead. Every file soat writes is closed by then (`with`
    blocks), and standard output is flushed by the interpreter after this."""
    gc.freeze()
    gc.disable()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="soat")
def main() -> None:
    """soat — kiểm tra bài viết cho báo chí công đoàn Việt Nam.

    A content linter for Vietnamese trade-union publications.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=False))
@click.option("--fix", is_flag=True, help="Apply safe fixes (sửa các lỗi sửa được an toàn).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option(
    "--output-format",
    default="text",
    type=click.Choice(["text", "json", "github", "sarif", "gitlab", "rdjson", "junit", "html"]),
    help="Output format.",
)
@click.option(
    "-o",
    "--output-file",
    type=click.Path(dir_okay=False),
    help="Write the report to this file instead of standard output.",
)
@click.option("--select", help="Rules to run: codes, family prefixes or names, comma separated.")
@click.option("--extend-select", help="Rules to add to the selection.")
@click.option("--ignore", help="Rules to skip.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Use this configuration file for every file.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that makes the exit status 1 (default: warning).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings remain.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option("--statistics", is_flag=True, help="Print counts per rule instead of findings.")
@click.option("--stdin-filename", help="The name of the file read from standard input.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Check every file again; neither read nor write the result cache (.soat_cache/).",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Leave out the findings recorded in this baseline file (default: `baseline` in soat.toml).",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record the current findings in this baseline file; exit 0.",
)
@click.option(
    "--diff-base",
    metavar="REV",
    help="Report only findings on lines added or changed since this git revision.",
)
@click.option(
    "--annotate",
    is_flag=True,
    help="Word files: write the findings as comments into NAME.soat.docx beside each file.",
)
def check(
    paths,
    fix,
    unsafe_fixes,
    diff,
    output_format,
    output_file,
    select,
    extend_select,
    ignore,
    config_path,
    fail_on,
    exit_zero,
    quiet,
    statistics,
    stdin_filename,
    no_cache,
    baseline,
    write_baseline,
    diff_base,
    annotate,
) -> None:
    """Check files (default: the current folder); "-" reads standard input."""
    atexit.register(_skip_final_collections)
    with _collector_off():
        from soat.knowledge import load_knowledge
        from soat.lint.errors import UsageError
        from soat.lint.session import CheckOptions, run_check
        from soat.rules import ALL_RULES

        options = CheckOptions(
            paths=tuple(paths) or (".",),
            fix=fix or diff,
            unsafe=unsafe_fixes,
            diff=diff,
            output_format=output_format,
            select=_codes(select),
            extend_select=_codes(extend_select),
            ignore=_codes(ignore),
            config_path=config_path,
            fail_on=fail_on,
            exit_zero=exit_zero,
            quiet=quiet,
            statistics=statistics,
            stdin_filename=stdin_filename,
            cache=not no_cache,
            baseline=baseline,
            write_baseline=write_baseline,
            diff_base=diff_base,
            annotate=annotate,
        )
        try:
            if output_file:
                with open(output_file, "w", encoding="utf-8", newline="") as out:
                    status = run_check(options, ALL_RULES, load_knowledge, out)
            else:
                status = run_check(options, ALL_RULES, load_knowledge)
        except UsageError as exc:
            from soat.lint.errors import printable

            click.echo(f"soat: error: {printable(str(exc))}", err=True)
            sys.exit(EXIT_ERROR)
        regex_cache.save()
        sys.exit(status)


@main.command("rules")
@click.option("--output-format", default="text", type=click.Choice(["text", "json"]))
@click.option("--lang", default=DEFAULT_LANG, type=click.Choice(LANGS))
def rules_command(output_format, lang) -> None:
    """List all rules (code, name, family, severity, fix)."""
    from soat.lint.ruledoc import rules_json, rules_table
    from soat.rules import ALL_RULES

    if output_format == "json":
        click.echo(rules_json(ALL_RULES))
    else:
        click.echo(rules_table(ALL_RULES, lang))


@main.command("rule")
@click.argument("code")
@click.option("--lang", default=DEFAULT_LANG, type=click.Choice(LANGS))
def rule_command(code, lang) -> None:
    """Show a rule's documentation, options and examples."""
    from soat.lint.errors import did_you_mean
    from soat.lint.rule import ENGINE_RULES
    from soat.lint.ruledoc import rule_markdown
    from soat.rules import ALL_RULES

    everything = (*ALL_RULES, *ENGINE_RULES)
    rule = next((r for r in everything if code in (r.code, r.name) or code.upper() == r.code), None)
    if rule is None:
        hint = did_you_mean(code, [r.code for r in everything] + [r.name for r in everything])
        click.echo(f"soat: error: unknown rule {code!r}.{hint}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(rule_markdown(rule, lang))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--diff", is_flag=True, help="Show the conversion as a diff; write nothing.")
@click.option("--lang", default=DEFAULT_LANG, type=click.Choice(LANGS))
def convert(paths, diff, lang) -> None:
    """Rewrite files typed in TCVN3, VNI, VISCII or Windows-1258 as UTF-8."""
    from soat import convert as conversion
    from soat.lint.ui import NOT_WRITTEN

    failed = False
    for path in paths:
        planned = conversion.plan(path)
        if diff:
            click.echo(conversion.diff(planned), nl=False)
        else:
            planned = conversion.apply(planned)
        failed |= planned.failed
        said = planned.message.get(lang)
        if diff and planned.text is not None:
            said = f"{NOT_WRITTEN.get(lang)}: {said}"
        click.echo(f"{path}: {said}", err=diff or planned.failed)
    sys.exit(EXIT_ERROR if failed else EXIT_OK)


@main.command()
def server() -> None:
    """Run the language server on stdio (for editors)."""
    from soat.knowledge import load_knowledge
    from soat.lint.lsp.server import serve
    from soat.rules import ALL_RULES

    serve(ALL_RULES, load_knowledge)


def run() -> None:  # python -m soat
    main(prog_name="soat")


if __name__ == "__main__":  # pragma: no cover
    run()
