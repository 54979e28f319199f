"""The command line: ``newslint check``, ``rules``, ``rule``, ``init``.

``main(argv) -> int`` is the whole program, so tests drive it in-process; the
console script only calls it. Exit codes are a contract: 0 clean, 1 findings at
or above ``--fail-on``, 2 usage, config or read errors.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Generator, Sequence
from typing import TYPE_CHECKING, NoReturn

import click

from newslint import __version__
from newslint.config import STARTER, Config, ConfigError, load
from newslint.engine import SEVERITY_RANK
from newslint.rules import Rule
from newslint.yamlfile import YamlError

if TYPE_CHECKING:
    from newslint.engine import Diagnostic
    from newslint.runner import ConfigFinder, FileResult

CACHE_DIR = ".newslint_cache"  # newslint.cache.CACHE_DIR, named here for --help without importing it

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with the command itself; one line, exit 2."""


def _split(values: Sequence[str]) -> tuple[str, ...]:
    """``--select a,b --select c`` -> ("a", "b", "c")."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _error(message: str) -> None:
    click.echo(f"newslint: error: {message}", err=True)


def _use_color(stream: object) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def cli() -> None:
    """newslint: editorial style and claims checks for news copy."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format", "output_format", default="text", show_default=True, help="Output format: see `newslint formats`."
)
@click.option(
    "--select", multiple=True, help="Only these rule IDs or prefixes (comma-separated; replaces the config's)."
)
@click.option(
    "--ignore", multiple=True, help="Skip these rule IDs or prefixes (comma-separated; adds to the config's)."
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file; no discovery.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that fails the run [default: warning].",
)
@click.option("--fix", is_flag=True, help="Apply every safe fix, then report what remains.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply fixes marked unsafe too.")
@click.option("--stdin-filename", help="The name to report (and pick the reader by) for `-`.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    help="Report only findings this baseline file does not record.",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False),
    help="Record today's findings in this file and exit 0.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes for many files [default: CPU count].")
@click.option("--no-cache", is_flag=True, help=f"Neither read nor write {CACHE_DIR}/.")
@click.option("--statistics", is_flag=True, help="Also print the number of findings per rule.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: str | None,
    fail_on: str | None,
    fix: bool,
    diff: bool,
    unsafe_fixes: bool,
    stdin_filename: str | None,
    output_path: str | None,
    baseline_path: str | None,
    write_baseline_path: str | None,
    jobs: int | None,
    no_cache: bool,
    statistics: bool,
) -> None:
    """Check articles (files, folders, or - for stdin)."""
    from newslint.formats import FORMATS

    if output_format not in FORMATS:
        raise UsageError(f"unknown format {output_format!r} (known: {', '.join(sorted(FORMATS))})")
    if config_path and not os.path.isfile(config_path):
        raise UsageError(f"{config_path}: config file not found")
    explicit = load(config_path) if config_path else None
    known = _read_baseline(baseline_path)
    from newslint.runner import ConfigFinder

    finder = ConfigFinder(explicit, _split(select) or None, _split(ignore))
    top = finder.for_path(paths[0] if paths else ".")
    use_cache = not (no_cache or fix or diff)
    top.resolve_rules()  # fail once, early, on a bad selector or rule file
    threshold = fail_on or top.fail_on or "warning"
    results, errors = _check_all(
        paths,
        finder,
        top,
        fix=fix,
        diff=diff,
        unsafe_fixes=unsafe_fixes,
        stdin_filename=stdin_filename,
        jobs=jobs,
        use_cache=use_cache,
    )

    diagnostics = [d for result in results for d in result.diagnostics]
    texts = {result.path: result.text for result in results}
    if write_baseline_path is not None:
        from newslint import baseline

        count = baseline.write(write_baseline_path, diagnostics, texts)
        click.echo(f"Wrote {count} finding{'s' if count != 1 else ''} to {write_baseline_path}.", err=True)
        raise SystemExit(EXIT_ERROR if errors else EXIT_CLEAN)
    if known is not None:
        from newslint import baseline

        diagnostics = baseline.new_findings(diagnostics, texts, known)
    _emit(results, diagnostics, texts, top, output_format, output_path, fix and paths == ("-",), statistics)
    rank = SEVERITY_RANK[threshold]
    failed = any(SEVERITY_RANK[d.severity] >= rank for d in diagnostics)
    raise SystemExit(EXIT_ERROR if errors else EXIT_FINDINGS if failed else EXIT_CLEAN)


def _read_baseline(path: str | None) -> set[str] | None:
    if path is None:
        return None
    from newslint.baseline import BaselineError, read

    try:
        return read(path)
    except BaselineError as error:
        raise UsageError(str(error)) from None


def _check_all(
    paths: tuple[str, ...],
    finder: ConfigFinder,
    top: Config,
    *,
    fix: bool,
    diff: bool,
    unsafe_fixes: bool,
    stdin_filename: str | None,
    jobs: int | None,
    use_cache: bool,
) -> tuple[list[FileResult], int]:
    """Every file's result in the order given, and how many could not be checked."""
    from newslint.readers import discover
    from newslint.runner import check_file

    results, errors = [], 0
    files: list[str] = []
    given = set(paths)
    for path in discover(paths or (".",), top.is_excluded):
        # Only a path given on the command line can be missing: the rest were found by walking.
        if path in given and path != "-" and not os.path.exists(path):
            _error(f"{path}: no such file or directory")
            errors += 1
        else:
            files.append(path)
    if fix or diff or "-" in files:
        stream = (
            check_file(
                path, finder.for_path(path), fix=fix, diff=diff, unsafe_fixes=unsafe_fixes, stdin_name=stdin_filename
            )
            for path in files
        )
    else:
        stream = _check_batch(files, finder, top, jobs, use_cache)
    for path, result in zip(files, stream):
        if result.error:
            _error(result.error)
            errors += 1
            continue
        if result.diff:
            click.echo(result.diff, nl=False)
        if fix and path == "-":
            click.echo(result.fixed_text if result.fixed_text is not None else result.text, nl=False)
        results.append(result)
    stream.close()  # now, not when collected: it writes the cache and ends the workers
    return results, errors


def _check_batch(
    files: list[str], finder: ConfigFinder, top: Config, jobs: int | None, use_cache: bool
) -> Generator[FileResult, None, None]:
    from newslint.engine import RuleSet
    from newslint.parallel import check_paths, default_jobs
    from newslint.progress import Progress

    cache_dir = None
    if use_cache:
        from newslint.cache import cache_root, config_stamp

        cache_dir = cache_root(top)
        config_stamp(top)  # hash the rule files once, before any fork
    RuleSet.for_config(top)  # compile once; forked workers inherit it
    progress = Progress(len(files), sys.stderr)
    try:
        yield from check_paths(files, finder, jobs=jobs or default_jobs(), cache_dir=cache_dir, on_done=progress.update)
    finally:
        progress.close()


def _source_lines(texts: dict[str, str]) -> Callable[[str, int], str]:
    """(path, line) -> that line of the source, splitting each file once."""
    split: dict[str, list[str]] = {}

    def line_of(path: str, line: int) -> str:
        if path not in split:
            split[path] = texts[path].split("\n")
        return split[path][line - 1].rstrip("\r")

    return line_of


def _emit(
    results: list[FileResult],
    diagnostics: list[Diagnostic],
    texts: dict[str, str],
    top: Config,
    output_format: str,
    output_path: str | None,
    stdout_is_text: bool,
    statistics: bool,
) -> None:
    """Write the report (to stdout or --output) and, with --statistics, the counts."""
    from newslint.formats import FORMATS, Report, summary
    from newslint.formats import statistics as per_rule

    to_file = output_path is not None
    stream = sys.stderr if stdout_is_text else sys.stdout
    terminal = not to_file and _use_color(stream)
    report = Report(
        diagnostics=diagnostics,
        files_checked=len(results),
        source_line=_source_lines(texts) if terminal else None,
        color=terminal,
        rules={rule.id: rule for rule in top.resolve_rules()},
        paths=[result.path for result in results],
        texts=texts,
    )
    output = FORMATS[output_format](report)
    if to_file:
        with open(output_path, "w", encoding="utf-8") as handle:  # type: ignore[arg-type]
            handle.write(output)
        click.echo(summary(report), err=True)
    else:
        click.echo(output, nl=False, file=stream)
    if statistics:
        # Counts would corrupt a machine-readable report on stdout.
        plain = output_format == "text" and not to_file and stream is sys.stdout
        click.echo(per_rule(report), nl=False, file=sys.stdout if plain else sys.stderr)


@cli.group(invoke_without_command=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="List the rules of this config.")
@click.pass_context
def rules(context: click.Context, config_path: str | None) -> None:
    """List every rule: ID, severity, fixable, summary."""
    if context.invoked_subcommand is not None:
        return
    config = load(config_path) if config_path else Config()
    active = {rule.id for rule in config.resolve_rules()}
    known = {**_builtin_rules(), **config.all_rules()}
    for rule in sorted(known.values(), key=lambda rule: rule.id):
        fixable = "fix" if rule.implementation().is_fixable() else "   "
        state = " " if rule.id in active else "-"
        click.echo(f"{state} {rule.id:32} {rule.pack:9} {rule.severity:8} {fixable}  {rule.summary}")
    click.echo("\n'-': not active in this config (turn on with `select`, `rules` or a pack). Details: newslint rule ID")


def _all_packs() -> list[str]:
    from newslint.rules import builtin_packs

    return builtin_packs()


def _builtin_rules() -> dict[str, Rule]:
    """Every built-in rule as its own file defines it, before any pack's settings."""
    from newslint.rules import builtin_pack_path, load_pack

    return {rule.id: rule for name in _all_packs() for rule in load_pack(builtin_pack_path(name), name).rules}


@rules.command("test")
@click.argument("directory", required=False, type=click.Path(file_okay=False))
def rules_test(directory: str | None) -> None:
    """Run every rule's own good and bad examples (of DIRECTORY, a pack or a
    folder of packs, or the built-in packs)."""
    from newslint.examples import run_examples
    from newslint.rules import builtin_pack_path, load_pack

    if directory:
        packs = [load_pack(folder) for folder in _packs_in(directory)]
    else:
        packs = [load_pack(builtin_pack_path(name), name) for name in _all_packs()]
    failures, count = [], 0
    for pack in packs:
        for rule in pack.rules:
            count += 1
            failures.extend(run_examples(rule))
    for failure in failures:
        click.echo(failure)
    click.echo(f"{count} rules, {len(failures)} failing example(s).")
    raise SystemExit(EXIT_FINDINGS if failures else EXIT_CLEAN)


def _packs_in(directory: str) -> list[str]:
    """``directory`` if it is a pack (``<family>/<rule>.yaml`` in it), else its
    subfolders: a folder of packs, such as the built-in ``rules/``."""
    if not os.path.isdir(directory) or os.path.isfile(os.path.join(directory, "pack.yaml")):
        return [directory]  # load_pack explains a missing folder
    folders = sorted(os.path.join(directory, name) for name in os.listdir(directory) if not name.startswith((".", "_")))
    folders = [folder for folder in folders if os.path.isdir(folder)]
    is_pack = any(
        name.endswith((".yaml", ".yml")) and name != "pack.yaml" for folder in folders for name in os.listdir(folder)
    )
    return [directory] if is_pack or not folders else folders


@cli.command()
@click.argument("rule_id")
def rule(rule_id: str) -> None:
    """Explain one rule, with its examples."""
    found = _builtin_rules().get(rule_id)
    if found is None:
        raise UsageError(f"unknown rule {rule_id!r} (see `newslint rules`)")
    fixable = "yes" if found.implementation().is_fixable() else "no"
    click.echo(f"{found.id}  ({found.severity}, pack {found.pack}, check {found.check}, fixable: {fixable})\n")
    click.echo(found.description.rstrip() + "\n")
    click.echo("Flags:")
    for example in found.examples.bad:
        click.echo(f"  ✗ {example}")
    click.echo("Passes:")
    for example in found.examples.good:
        click.echo(f"  ✓ {example}")
    click.echo(f"\nDefined in {found.source}")


@cli.command()
@click.option("--style", type=click.Choice(["core", "british", "american"]), default="core", show_default=True)
@click.option("--force", is_flag=True, help="Overwrite an existing newslint.yaml.")
def init(style: str, force: bool) -> None:
    """Write a starter newslint.yaml in this folder."""
    if os.path.exists("newslint.yaml") and not force:
        raise UsageError("newslint.yaml already exists (use --force to overwrite)")
    with open("newslint.yaml", "w", encoding="utf-8") as handle:
        handle.write(STARTER.format(pack=style))
    click.echo(f"Wrote newslint.yaml (extends {style}).")


@cli.command()
def formats() -> None:
    """List the output formats."""
    from newslint.formats import FORMATS

    for name, function in sorted(FORMATS.items()):
        click.echo(f"{name:8} {(function.__doc__ or '').strip().splitlines()[0] if function.__doc__ else ''}")


def run() -> NoReturn:
    """The ``newslint`` command: main(), then an exit that skips tearing the
    interpreter down.

    Freeing a run's objects one by one costs 10-15 ms, a tenth of a one-file
    pre-commit run, for memory the operating system takes back at once. Every
    file newslint writes is closed by then; the output is flushed here.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run newslint with ``argv`` (default: sys.argv[1:]) and return the exit code."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="newslint", standalone_mode=False)
    except SystemExit as exit:
        return int(exit.code or 0)
    except click.exceptions.Abort:  # Ctrl-C; forked workers are already gone
        _error("interrupted")
        return EXIT_ERROR
    except click.ClickException as error:
        error.show()
        return EXIT_ERROR
    except (UsageError, ConfigError, YamlError) as error:
        _error(str(error))
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_CLEAN
    return EXIT_CLEAN
