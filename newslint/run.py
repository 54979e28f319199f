"""A run of ``newslint check``: options in, report out, an exit code back.

The command line parses its options into ``RunOptions`` and calls ``run()``;
so can any program that wants a CLI run without the CLI. The flow:
walk the paths (each file with its config; with ``--changed-since`` only the
files git says changed) → check each file (read, parse, lint, fix) in this
process or over workers → changed lines, ``--min-severity``, baseline →
format → exit code.

Nothing checked is never a silent pass: a path named on the command line
that yields no file to check is an error (``--allow-no-files`` makes it a
warning), and a run that checks nothing says so on stderr.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TextIO

from newslint.checking import FileResult, FixOptions, cached_result, check_file
from newslint.config import Config, is_active
from newslint.files import DEFAULT_MAX_FILE_SIZE, FileProblem, os_problem, read_regular
from newslint.linter import Linter, rules_of
from newslint.model import Diagnostic, Severity
from newslint.readers import display_text, is_binary
from newslint.safetext import shown
from newslint.walk import Found, walk

if TYPE_CHECKING:
    from newslint.baseline import Baseline
    from newslint.formats import NotChecked, Report
    from newslint.gitdiff import Changes
    from newslint.rules import Rule

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COLOR_CHOICES = ("auto", "always", "never")
#: Source lines are fitted to this many columns when the terminal's width is unknown.
DEFAULT_WIDTH = 100


class UsageError(Exception):
    """A problem with the command itself; one line, exit 2."""


@dataclass
class RunOptions:
    paths: tuple[str, ...] = ()
    config: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    output_format: str = "text"
    output: str | None = None
    fail_on: str | None = None
    min_severity: str | None = None  # findings below it are not reported (nor fail the run)
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    stdin_filename: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    changed_since: str | None = None  # a git ref: only files and lines changed since it
    jobs: int | None = None
    cache: bool = True
    statistics: bool = False
    respect_gitignore: bool = True
    force_exclude: bool = False
    allow_no_files: bool = False  # a named path that yields no file is a warning, not an error
    color: str | bool | None = "auto"  # auto | always | never (True and False: always and never; None: auto)
    quiet: bool = False  # findings only: no summary, no warnings
    exit_zero: bool = False  # findings do not fail the run (errors still do)
    show_files: bool = False  # list the files that would be checked, and stop
    show_settings: bool = False  # print the settings each file would get, and stop
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE  # larger files are not read (None: no limit)
    fix_read_only: bool = False  # --fix writes files without write permission too


@dataclass
class Outcome:
    """What a run found, before it is formatted."""

    results: list[FileResult] = field(default_factory=list)
    configs: dict[str, Config] = field(default_factory=dict)  # path -> its config
    errors: int = 0
    failures: list[NotChecked] = field(default_factory=list)  # files that could not be checked, for the formats


@dataclass
class _Plan:
    """The files to check, each with its config, and what walking found wrong."""

    jobs: list[tuple[str, Config]] = field(default_factory=list)
    errors: int = 0
    failures: list[NotChecked] = field(default_factory=list)
    stdin_skipped: bool = False  # stdin's name is excluded (--force-exclude): passed through untouched


class _Messages:
    """Lines on stderr: errors always, warnings unless --quiet."""

    def __init__(self, stream: TextIO, quiet: bool) -> None:
        self.stream, self.quiet = stream, quiet

    def error(self, message: str) -> None:
        _error(self.stream, message)

    def warning(self, message: str) -> None:
        if not self.quiet:
            _error(self.stream, message, "warning")


def run(
    options: RunOptions, linter: Linter | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    # A closed stdout fails the writing of the report; a closed stderr loses only messages.
    stdout, stderr = stdout or sys.stdout or _Closed(), stderr or sys.stderr or io.StringIO()
    _check_options(options)
    linter = linter or Linter(
        options.config, select=options.select, ignore=options.ignore, extend_select=options.extend_select
    )
    messages = _Messages(stderr, options.quiet)
    known = _read_baseline(options.baseline)
    changes = _changes(options.changed_since) if options.changed_since else None
    plan = _plan(options, linter, messages, changes)
    for config in _distinct(config for _, config in plan.jobs):
        linter.rules(config)  # fail once, early, on a bad selector or rule file
    if options.show_files or options.show_settings:
        _write(stdout, "".join(shown(path) + "\n" for path, _ in plan.jobs) if options.show_files else "")
        _write(stdout, _settings(linter, plan.jobs) if options.show_settings else "")
        return EXIT_ERROR if plan.errors else EXIT_CLEAN
    if not (options.select or options.ignore or options.extend_select):
        for config in _distinct(config for _, config in plan.jobs):
            for warning in unselected_settings(linter, config):
                messages.warning(warning)
    outcome = _check_all(options, linter, plan, stdout, messages)
    diagnostics = [d for result in outcome.results for d in _reported(result, options, changes)]
    if options.write_baseline is not None:
        return _write_baseline(options.write_baseline, diagnostics, outcome, messages)
    if known is not None:
        diagnostics = known.new_findings(diagnostics)
    _emit(options, linter, outcome, diagnostics, stdout, stderr, messages)
    if outcome.errors:
        return EXIT_ERROR
    if options.exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if any(_fails(options, outcome, d) for d in diagnostics) else EXIT_CLEAN


def _write_baseline(path: str, diagnostics: list[Diagnostic], outcome: Outcome, messages: _Messages) -> int:
    from newslint import baseline

    try:
        count = baseline.write(path, diagnostics)
    except baseline.BaselineError as error:
        messages.error(str(error))
        return EXIT_ERROR
    if not messages.quiet:
        print(f"Wrote {count} finding{'s' if count != 1 else ''} to {shown(path)}.", file=messages.stream)
    return EXIT_ERROR if outcome.errors else EXIT_CLEAN


def _check_options(options: RunOptions) -> None:
    """Combinations that cannot mean what they say are usage errors, not silent choices."""
    from newslint.formats import formats

    if options.output_format not in formats():
        raise UsageError(f"unknown format {options.output_format!r} (known: {', '.join(formats())})")
    if options.fix and options.diff:
        raise UsageError("--fix and --diff together: --fix writes the fixes, --diff only shows them; choose one")
    if options.stdin_filename is not None and "-" not in options.paths:
        raise UsageError("--stdin-filename names standard input, but no '-' among the paths reads it")
    if options.changed_since is not None and "-" in options.paths:
        raise UsageError("--changed-since asks git what changed, which it cannot say of standard input")
    if _color_setting(options.color) not in COLOR_CHOICES:
        raise UsageError(f"--color must be one of {', '.join(COLOR_CHOICES)}, not {options.color!r}")


def _color_setting(color: str | bool | None) -> str:
    """RunOptions.color as --color says it (it was a bool or None before --color)."""
    if isinstance(color, bool):
        return "always" if color else "never"
    return "auto" if color is None else color


def _fails(options: RunOptions, outcome: Outcome, d: Diagnostic) -> bool:
    """``--fail-on``, or the file's own config's ``fail-on``: a folder of
    archive copy may fail only on errors while drafts fail on warnings."""
    config = outcome.configs.get(d.path)
    threshold = options.fail_on or (config.fail_on if config else None) or "warning"
    return d.severity.rank >= Severity(threshold).rank


def _reported(result: FileResult, options: RunOptions, changes: Changes | None) -> list[Diagnostic]:
    """A file's findings that the run reports: on the lines changed (with
    --changed-since) and at or above --min-severity."""
    found = result.diagnostics
    if changes is not None and result.path in changes:
        lines = changes.lines(result.path)
        if lines is not None:
            found = [d for d in found if any(line in lines for line in range(d.line, d.end_line + 1))]
    if options.min_severity is not None:
        lowest = Severity(options.min_severity).rank
        found = [d for d in found if d.severity.rank >= lowest]
    return found


def _read_baseline(path: str | None) -> Baseline | None:
    if path is None:
        return None
    from newslint.baseline import BaselineError, read

    try:
        return read(path)
    except BaselineError as error:
        raise UsageError(str(error)) from None


def _changes(ref: str) -> Changes:
    from newslint.gitdiff import GitError, changes_since

    try:
        return changes_since(ref)
    except GitError as error:
        raise UsageError(str(error)) from None


def _readable(path: str, config: Config) -> bool:
    return config.reader_for(path) is not None


def _config_for(linter: Linter, stdin_filename: str | None) -> Callable[[str], Config]:
    def config_for(path: str) -> Config:
        if path == "-" and stdin_filename:
            # An editor or pre-commit piping a file: its config is the file's.
            return linter.config_for(os.path.abspath(stdin_filename))
        return linter.config_for(path)

    return config_for


def _plan(options: RunOptions, linter: Linter, messages: _Messages, changes: Changes | None) -> _Plan:
    """Every file to check, in the order given, with its config; each path
    that cannot be walked or yields nothing is reported here."""
    from newslint.formats import NotChecked

    plan = _Plan()
    config_for = _config_for(linter, options.stdin_filename)
    for path in options.paths or (".",):
        found = list(
            walk(
                (path,),
                config_for,
                _readable,
                respect_gitignore=options.respect_gitignore,
                force_exclude=options.force_exclude,
            )
        )
        for entry in found:
            if entry.error:
                messages.error(f"{entry.path}: {entry.error}")
                plan.errors += 1
                plan.failures.append(NotChecked(entry.path, entry.error))
            elif entry.skipped:
                messages.warning(f"{entry.path}: not checked: {entry.skipped}")
            elif entry.config is not None and _stdin_excluded(entry, options):
                messages.warning(f"{options.stdin_filename}: not checked: {_EXCLUDED}")
                plan.stdin_skipped = True
            elif entry.config is not None and (changes is None or entry.path == "-" or entry.path in changes):
                plan.jobs.append((entry.path, entry.config))
        if not found and options.paths and changes is None:
            _nothing_under(path, options, messages, plan)
    if not plan.jobs and not plan.errors and not plan.stdin_skipped:
        if changes is not None:
            where = " under " + ", ".join(shown(path) for path in options.paths) if options.paths else ""
            messages.warning(f"nothing to check: no file a reader takes changed since {options.changed_since}{where}")
        elif not options.paths:
            messages.warning("nothing to check in this folder: no file a reader takes (see `newslint formats`)")
    return plan


_EXCLUDED = "excluded by the config or .gitignore (--force-exclude)"


def _stdin_excluded(entry: Found, options: RunOptions) -> bool:
    """Whether ``-`` stands for a file that --force-exclude leaves out (as an
    editor passes every file it opens, and ruff skips the excluded ones)."""
    if entry.path != "-" or not options.force_exclude or not options.stdin_filename or entry.config is None:
        return False
    from newslint.walk import excluded

    return excluded(options.stdin_filename, entry.config, respect_gitignore=options.respect_gitignore)


def _nothing_under(path: str, options: RunOptions, messages: _Messages, plan: _Plan) -> None:
    """A path named on the command line that yields no file: a mistyped
    folder, or the wrong one, is an error unless --allow-no-files."""
    why = f"{path}: no file to check (none that a reader takes, or every one excluded)"
    if options.allow_no_files:
        messages.warning(why)
    else:
        messages.error(f"{why}; --allow-no-files lets such a path pass")
        plan.errors += 1


def unselected_settings(linter: Linter, config: Config) -> list[str]:
    """A warning for each rule the config sets options for that does not run
    there: not selected, ignored, or off by default (its settings would
    silently do nothing). A rule that runs for the files of one of the
    config's ``overrides`` is not warned about."""
    if not config.rules:
        return []
    every = linter.all_rules(config)
    variants = [config] + [
        replace(
            config,
            select=o.select if o.select is not None else config.select,
            ignore=config.ignore + o.ignore,
            rules=config.rules + o.rules,
        )
        for o in config.overrides
    ]
    warnings = []
    for rule_id, _ in config.rules:
        rule = every.get(rule_id)
        if rule is None:
            continue  # an unknown ID is an error, reported when the rules are resolved
        if any(is_active(variant, _enabled_as_set(rule, variant)) for variant in variants):
            continue
        warnings.append(f"{_where(config, rule_id)}: rules: {rule_id} is configured but {_why_off(config, rule_id)}")
    return warnings


def _enabled_as_set(rule: Rule, config: Config) -> Rule:
    """``rule`` with the last ``enabled:`` the config's settings give it."""
    for rule_id, settings in config.rules:
        if rule_id == rule.id and isinstance(settings, dict) and "enabled" in settings:
            rule = replace(rule, enabled=bool(settings["enabled"]))
    return rule


def _where(config: Config, rule_id: str) -> str:
    from newslint.paths import relative_path

    where = relative_path(config.where) if config.path else config.where
    lines = config.lines.get("rules") if config.lines is not None else None
    line = lines.line_of(rule_id) if lines is not None and hasattr(lines, "line_of") else None
    return f"{where}:{line}" if line else where


def _why_off(config: Config, rule_id: str) -> str:
    from newslint.model import selects

    if any(selects(selector, rule_id) for selector in config.ignore):
        return f"ignored (ignore: {', '.join(config.ignore)}), so it does not run"
    if config.select is not None and not any(selects(selector, rule_id) for selector in config.select):
        return f"not selected (select: {', '.join(config.select)}), so it does not run"
    return "off by default: add `enabled: true` to its settings, or name it in `select`"


def _settings(linter: Linter, jobs: list[tuple[str, Config]]) -> str:
    """--show-settings: for each config the files get, what it resolves to."""
    from newslint.paths import relative_path

    groups: dict[str, list[str]] = {}
    configs: dict[str, Config] = {}
    for path, config in jobs or [(".", linter.config_for("."))]:
        resolved = config.for_path(path) if path not in (".", "-") else config
        groups.setdefault(resolved.key, []).append(path)
        configs[resolved.key] = resolved
    out = []
    for key, paths in groups.items():
        config = configs[key]
        more = f" (and {len(paths) - 1} more file{'s' if len(paths) != 2 else ''})" if len(paths) > 1 else ""
        rules = linter.rules(config)
        out += [
            f"Settings for {shown(paths[0])}{more}:",
            f"  config: {shown(relative_path(config.path)) if config.path else 'none (the defaults)'}",
            f"  packs: {', '.join(shown(pack) for pack in config.packs)}",
            f"  select: {', '.join(config.select) if config.select is not None else '(every rule the packs enable)'}",
            f"  extend-select: {', '.join(config.extend_select) or '-'}",
            f"  ignore: {', '.join(config.ignore) or '-'}",
            f"  fail-on: {config.fail_on or 'warning'}",
            f"  exclude: {', '.join(shown(pattern) for pattern in config.exclude) or '-'}",
            f"  readers: {', '.join(f'{suffix} {name}' for suffix, name in sorted(config.suffixes.items()))}",
            f"  rules ({len(rules)} active):",
        ]
        width = max((len(rule.id) for rule in rules), default=0) + 2
        out += [f"    {rule.id:{width}}{rule.severity:9}fix {rule.fix.value}" for rule in rules]
        out.append("")
    return "\n".join(out)


def _check_all(options: RunOptions, linter: Linter, plan: _Plan, stdout: TextIO, messages: _Messages) -> Outcome:
    """Every file's result in the order given, and how many could not be checked."""
    from newslint.formats import NotChecked

    outcome = Outcome(errors=plan.errors, failures=list(plan.failures))
    jobs = plan.jobs
    fixing = FixOptions(options.fix, options.diff, options.unsafe_fixes, options.fix_read_only)
    if plan.stdin_skipped and options.fix:
        _pass_stdin_through(stdout)
    if fixing.active or any(path == "-" for path, _ in jobs):
        stream = _check_serially(jobs, linter, fixing, options.stdin_filename, options.max_file_size)
    else:
        stream = _check_batch(jobs, linter, options, messages)
    for (path, config), result in zip(jobs, stream):
        if result.error:
            messages.error(result.error)
            outcome.errors += 1
            problem = result.error.removeprefix(f"{result.path}: ")
            outcome.failures.append(NotChecked(result.path, problem))
            continue
        if result.diff:
            _write(stdout, result.diff)
        if options.fix and path == "-":
            _write(stdout, result.fixed_text if result.fixed_text is not None else result.text or "")
        outcome.results.append(result)
        outcome.configs[result.path] = config
    stream.close()  # now, not when collected: it writes the cache and ends the workers
    return outcome


def _pass_stdin_through(stdout: TextIO) -> None:
    """--fix on an excluded stdin: the editor gets its text back unchanged."""
    source = getattr(sys.stdin, "buffer", None)
    data = source.read() if source is not None else b""
    target = getattr(stdout, "buffer", None)
    if target is not None:
        stdout.flush()
        target.write(data)
    else:
        _write(stdout, data.decode("utf-8", "surrogateescape"))


def _check_serially(
    jobs: list[tuple[str, Config]], linter: Linter, fixing: FixOptions, stdin_name: str | None, max_size: int | None
) -> Generator[FileResult, None, None]:
    for path, config in jobs:
        yield check_file(path, config, linter, fixing=fixing, stdin_name=stdin_name, max_size=max_size)


def _check_batch(
    jobs: list[tuple[str, Config]], linter: Linter, options: RunOptions, messages: _Messages
) -> Generator[FileResult, None, None]:
    from newslint.parallel import check_paths, default_jobs
    from newslint.progress import Progress

    cache_dir = None
    served: list[FileResult | None] = [None] * len(jobs)
    if options.cache:
        from newslint.cache import Cache, cache_root

        cache_dir = cache_root(os.getcwd())
        for config in _distinct(config for _, config in jobs):
            linter.stamp(config)  # hash the rule files once, before any fork
        cache = Cache(cache_dir)
        if cache.holds_anything():
            # A warm cache answers here, before any rule is compiled or any
            # worker forked: only the files it does not know go further.
            served = [cached_result(path, config, linter, cache, options.max_file_size) for path, config in jobs]
    misses = [job for job, result in zip(jobs, served) if result is None]
    for config in _distinct(config for _, config in misses):
        linter.ruleset(config)  # compile once; forked workers inherit it
    progress = Progress(0 if options.quiet else len(misses), messages.stream)
    try:
        checked = check_paths(
            misses,
            linter,
            jobs=options.jobs or default_jobs(),
            cache_dir=cache_dir,
            on_done=progress.update,
            max_size=options.max_file_size,
            warn=messages.warning,
        )
        try:
            for result in served:
                yield result if result is not None else next(checked)
        finally:
            checked.close()  # writes the new cache entries and ends the workers
    finally:
        progress.close()


def _distinct(configs: Iterable[Config]) -> list[Config]:
    return list({config.key: config for config in configs}.values())


def _error(stream: TextIO, message: str, level: str = "error") -> None:
    """One line on stderr; a file name or article text in it cannot break the line."""
    print(f"newslint: {level}: {shown(message)}", file=stream)


class _Closed(io.StringIO):
    """Standard output or error closed by the caller (``>&-``): writing fails as a closed descriptor would."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _write(stream: TextIO, text: str) -> None:
    """Write to standard output; a full disk or a closed stream is one error line, not a traceback."""
    try:
        stream.write(text)
    except BrokenPipeError:
        raise  # a reader that stopped early (| head): not an error
    except OSError as error:
        raise UsageError(f"cannot write to standard output: {os_problem(error)}") from None


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(getattr(stream, "isatty", lambda: False)())
    except (OSError, ValueError):  # closed
        return False


def use_color(setting: str, terminal: bool, environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """``--color``: always, never, or (auto) on a terminal. In auto, a
    non-empty ``NO_COLOR`` turns colour off (no-color.org) and a non-empty
    ``FORCE_COLOR`` turns it on anywhere (force-color.org); NO_COLOR wins
    where both are set, as in Python itself, and a ``dumb`` terminal gets none."""
    if setting != "auto":
        return setting == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return terminal and environ.get("TERM") != "dumb"


def _width(stream: TextIO) -> int:
    """The columns a source line may take: $COLUMNS, else the terminal's width."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns or DEFAULT_WIDTH
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return DEFAULT_WIDTH


def _source_lines(
    results: Sequence[FileResult], configs: dict[str, Config], max_size: int | None
) -> Callable[[str, int], str]:
    """(path, line) -> that line of the source, splitting each file once. The
    text comes from the result where the run kept it, else from the file (a
    binary format's from its reader: a .docx's line is a paragraph)."""
    texts = {result.path: result.text for result in results}
    split: dict[str, list[str]] = {}

    def line_of(path: str, line: int) -> str:
        if path not in split:
            text = texts.get(path)
            reader = configs[path].reader_for(path) if path in configs else None
            if text is None and reader is not None and is_binary(reader):
                text = display_text(path, reader)
            if text is None:
                try:
                    text = read_regular(path, max_size).decode("utf-8-sig", "replace")
                except FileProblem:
                    text = ""
            split[path] = text.split("\n")
        lines = split[path]
        return lines[line - 1].rstrip("\r") if line - 1 < len(lines) else ""

    return line_of


def _emit(
    options: RunOptions,
    linter: Linter,
    outcome: Outcome,
    diagnostics: list[Diagnostic],
    stdout: TextIO,
    stderr: TextIO,
    messages: _Messages,
) -> None:
    """Write the report (to stdout or --output) and, with --statistics, the counts.

    Where stdout carries something else (the fixed text of ``--fix -``, the
    patch of ``--diff``) the report goes to stderr, so that a pipe gets only
    what it asked for."""
    from newslint.formats import Report, render, statistics

    to_file = options.output is not None
    stdout_taken = options.diff or (options.fix and options.paths == ("-",))
    stream = stderr if stdout_taken else stdout
    terminal = not to_file and _is_terminal(stream)
    setting = _color_setting(options.color)
    color = use_color(setting, terminal) and (not to_file or setting == "always")
    context = terminal or (color and not to_file)  # a terminal, or a log that asked for colour
    report = Report(
        diagnostics=diagnostics,
        files_checked=len(outcome.results),
        files_failed=len(outcome.failures),
        source_line=_source_lines(outcome.results, outcome.configs, options.max_file_size) if context else None,
        color=color,
        rules=rules_of(linter, _distinct(outcome.configs.values()) or [linter.config_for(".")]),
        paths=[result.path for result in outcome.results],
        failures=outcome.failures,
        fixed=sum(result.fixed for result in outcome.results) if options.fix else None,
        width=_width(stream) if context else DEFAULT_WIDTH,
        show_summary=not options.quiet,
    )
    output = render(options.output_format, report)
    if options.output is not None:
        from newslint.files import write_atomically
        from newslint.formats import summary

        try:
            write_atomically(options.output, output.encode("utf-8"))
        except OSError as error:
            raise UsageError(f"{options.output}: cannot write the report: {os_problem(error)}") from None
        if not options.quiet:
            print(summary(report), file=stderr)
    else:
        _write(stream, output)
    if _renders_github(options.output_format) and os.environ.get("GITHUB_STEP_SUMMARY"):
        _write_step_summary(os.environ["GITHUB_STEP_SUMMARY"], report, messages)
    if options.statistics:
        # Counts would corrupt a machine-readable report on stdout.
        plain = options.output_format == "text" and not to_file and stream is stdout
        _write(stdout if plain else stderr, statistics(report))


def _renders_github(output_format: str) -> bool:
    return output_format == "github" or (output_format == "auto" and os.environ.get("GITHUB_ACTIONS") == "true")


def _write_step_summary(path: str, report: Report, messages: _Messages) -> None:
    """Append the Markdown summary to the job's page; failing to is a warning:
    the annotations and the exit status still say what the run found."""
    from newslint.formats.github import step_summary

    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(step_summary(report))
    except OSError as error:
        messages.warning(f"$GITHUB_STEP_SUMMARY ({path}): cannot write the summary: {os_problem(error)}")


__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "Found", "RunOptions", "UsageError", "run", "use_color"]
