"""A run of ``newslint check``: options in, report out, an exit code back.

The command line parses its options into ``RunOptions`` and calls ``run()``;
so can any program that wants a CLI run without the CLI. The flow:
walk the paths (each file with its config) → check each file (read, parse,
lint, fix) in this process or over workers → baseline → format → exit code.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from newslint.checking import FileResult, FixOptions, check_file
from newslint.config import Config
from newslint.files import DEFAULT_MAX_FILE_SIZE, FileProblem, os_problem, read_regular
from newslint.linter import Linter, rules_of
from newslint.model import Diagnostic, Severity
from newslint.readers import display_text, is_binary
from newslint.safetext import shown
from newslint.walk import Found, walk

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with the command itself; one line, exit 2."""


@dataclass
class RunOptions:
    paths: tuple[str, ...] = ()
    config: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    output_format: str = "text"
    output: str | None = None
    fail_on: str | None = None
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    stdin_filename: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    jobs: int | None = None
    cache: bool = True
    statistics: bool = False
    respect_gitignore: bool = True
    force_exclude: bool = False
    color: bool | None = None  # None: when the output is a terminal and NO_COLOR is not set
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE  # larger files are not read (None: no limit)
    fix_read_only: bool = False  # --fix writes files without write permission too


@dataclass
class Outcome:
    """What a run found, before it is formatted."""

    results: list[FileResult] = field(default_factory=list)
    configs: dict[str, Config] = field(default_factory=dict)  # path -> its config
    errors: int = 0


def run(
    options: RunOptions, linter: Linter | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    # A closed stdout fails the writing of the report; a closed stderr loses only messages.
    stdout, stderr = stdout or sys.stdout or _Closed(), stderr or sys.stderr or io.StringIO()
    from newslint.formats import formats

    if options.output_format not in formats():
        raise UsageError(f"unknown format {options.output_format!r} (known: {', '.join(formats())})")
    linter = linter or Linter(options.config, select=options.select, ignore=options.ignore)
    known = _read_baseline(options.baseline)
    outcome = _check_all(options, linter, stdout, stderr)
    diagnostics = [d for result in outcome.results for d in result.diagnostics]
    if options.write_baseline is not None:
        from newslint import baseline

        try:
            count = baseline.write(options.write_baseline, diagnostics)
        except baseline.BaselineError as error:
            _error(stderr, str(error))
            return EXIT_ERROR
        print(f"Wrote {count} finding{'s' if count != 1 else ''} to {shown(options.write_baseline)}.", file=stderr)
        return EXIT_ERROR if outcome.errors else EXIT_CLEAN
    if known is not None:
        from newslint import baseline

        diagnostics = baseline.new_findings(diagnostics, known)
    _emit(options, linter, outcome, diagnostics, stdout, stderr)
    if outcome.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if any(_fails(options, outcome, d) for d in diagnostics) else EXIT_CLEAN


def _fails(options: RunOptions, outcome: Outcome, d: Diagnostic) -> bool:
    """``--fail-on``, or the file's own config's ``fail-on``: a folder of
    archive copy may fail only on errors while drafts fail on warnings."""
    config = outcome.configs.get(d.path)
    threshold = options.fail_on or (config.fail_on if config else None) or "warning"
    return d.severity.rank >= Severity(threshold).rank


def _read_baseline(path: str | None) -> set[str] | None:
    if path is None:
        return None
    from newslint.baseline import BaselineError, read

    try:
        return read(path)
    except BaselineError as error:
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


def _check_all(options: RunOptions, linter: Linter, stdout: TextIO, stderr: TextIO) -> Outcome:
    """Every file's result in the order given, and how many could not be checked."""
    outcome = Outcome()
    jobs: list[tuple[str, Config]] = []
    found = walk(
        options.paths or (".",),
        _config_for(linter, options.stdin_filename),
        _readable,
        respect_gitignore=options.respect_gitignore,
        force_exclude=options.force_exclude,
    )
    for entry in found:
        if entry.error:
            _error(stderr, f"{entry.path}: {entry.error}")
            outcome.errors += 1
        elif entry.config is not None:
            jobs.append((entry.path, entry.config))
    for config in _distinct(config for _, config in jobs):
        linter.rules(config)  # fail once, early, on a bad selector or rule file
    fixing = FixOptions(options.fix, options.diff, options.unsafe_fixes, options.fix_read_only)
    if fixing.active or any(path == "-" for path, _ in jobs):
        stream = _check_serially(jobs, linter, fixing, options.stdin_filename, options.max_file_size)
    else:
        stream = _check_batch(jobs, linter, options, stderr)
    for (path, config), result in zip(jobs, stream):
        if result.error:
            _error(stderr, result.error)
            outcome.errors += 1
            continue
        if result.diff:
            _write(stdout, result.diff)
        if options.fix and path == "-":
            _write(stdout, result.fixed_text if result.fixed_text is not None else result.text or "")
        outcome.results.append(result)
        outcome.configs[result.path] = config
    stream.close()  # now, not when collected: it writes the cache and ends the workers
    return outcome


def _check_serially(
    jobs: list[tuple[str, Config]], linter: Linter, fixing: FixOptions, stdin_name: str | None, max_size: int | None
) -> Generator[FileResult, None, None]:
    for path, config in jobs:
        yield check_file(path, config, linter, fixing=fixing, stdin_name=stdin_name, max_size=max_size)


def _check_batch(
    jobs: list[tuple[str, Config]], linter: Linter, options: RunOptions, stderr: TextIO
) -> Generator[FileResult, None, None]:
    from newslint.parallel import check_paths, default_jobs
    from newslint.progress import Progress

    cache_dir = None
    if options.cache:
        from newslint.cache import cache_root

        cache_dir = cache_root(os.getcwd())
        for config in _distinct(config for _, config in jobs):
            linter.stamp(config)  # hash the rule files once, before any fork
    for config in _distinct(config for _, config in jobs):
        linter.ruleset(config)  # compile once; forked workers inherit it
    progress = Progress(len(jobs), stderr)
    try:
        yield from check_paths(
            jobs,
            linter,
            jobs=options.jobs or default_jobs(),
            cache_dir=cache_dir,
            on_done=progress.update,
            max_size=options.max_file_size,
            warn=lambda message: _error(stderr, message, "warning"),
        )
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


def _use_color(stream: TextIO, setting: bool | None) -> bool:
    if setting is not None:
        return setting
    return bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ


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
    options: RunOptions, linter: Linter, outcome: Outcome, diagnostics: list[Diagnostic], stdout: TextIO, stderr: TextIO
) -> None:
    """Write the report (to stdout or --output) and, with --statistics, the counts."""
    from newslint.formats import Report, render, statistics

    to_file = options.output is not None
    stdout_is_text = options.fix and options.paths == ("-",)
    stream = stderr if stdout_is_text else stdout
    terminal = not to_file and _use_color(stream, options.color)
    report = Report(
        diagnostics=diagnostics,
        files_checked=len(outcome.results),
        files_failed=outcome.errors,
        source_line=_source_lines(outcome.results, outcome.configs, options.max_file_size) if terminal else None,
        color=terminal,
        rules=rules_of(linter, _distinct(outcome.configs.values()) or [linter.config_for(".")]),
        paths=[result.path for result in outcome.results],
    )
    output = render(options.output_format, report)
    if options.output is not None:
        from newslint.files import write_atomically
        from newslint.formats import summary

        try:
            write_atomically(options.output, output.encode("utf-8"))
        except OSError as error:
            raise UsageError(f"{options.output}: cannot write the report: {os_problem(error)}") from None
        print(summary(report), file=stderr)
    else:
        _write(stream, output)
    if options.statistics:
        # Counts would corrupt a machine-readable report on stdout.
        plain = options.output_format == "text" and not to_file and stream is stdout
        _write(stdout if plain else stderr, statistics(report))


__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "Found", "RunOptions", "UsageError", "run"]
