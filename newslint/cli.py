"""The command line: ``newslint check``, ``rules``, ``rule``, ``init``, ``formats``,
``server`` (editors) and ``serve`` (HTTP).

Click glue only: options become a ``RunOptions`` and ``run()`` does the work.
``main(argv) -> int`` is the whole program, so tests drive it in-process; the
console script only calls it. Exit codes are a contract: 0 clean, 1 findings
at or above ``--fail-on``, 2 usage, config or read errors.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import click

from newslint.version import __version__, missing_dependency

if TYPE_CHECKING:
    from newslint.linter import Linter
    from newslint.rules import Pack, Rule
    from newslint.run import UsageError

CACHE_DIR = ".newslint_cache"  # newslint.cache.CACHE_DIR, named here for --help without importing it
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: Sequence[str]) -> tuple[str, ...]:
    """``--select a,b --select c`` -> ("a", "b", "c")."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _shown(text: str) -> str:
    from newslint.safetext import shown

    return shown(text)


def _error(message: str) -> None:
    try:
        click.echo(f"newslint: error: {_shown(message)}", err=True)
    except OSError:
        pass  # stderr itself is gone: the exit status still says it


def _size(context: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """``--max-file-size``: bytes, ``500k``, ``20M``, ``1G``; ``0`` or ``none`` for no limit."""
    if value is None or value.strip().lower() in ("0", "none", "off"):
        return None
    from newslint.files import parse_size

    try:
        return parse_size(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size such as 5000000, 500k or 20M") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def cli() -> None:
    """newslint: editorial style and claims checks for news copy."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "-f",
    "output_format",
    default="text",
    show_default=True,
    help="Output format: see `newslint formats`.",
)
@click.option("--output", "-o", "output_path", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option(
    "--config",
    "-c",
    "config_path",
    type=click.Path(dir_okay=False),
    help="Use this config file for every file; no discovery.",
)
@click.option(
    "--select", multiple=True, help="Only these rule IDs or prefixes (comma-separated; replaces the config's)."
)
@click.option(
    "--extend-select",
    multiple=True,
    help="Also these rule IDs or prefixes, added to the config's (comma-separated; a rule off by default by its ID).",
)
@click.option(
    "--ignore", multiple=True, help="Skip these rule IDs or prefixes (comma-separated; adds to the config's)."
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Lowest severity that fails the run, for every file [default: each file's config, else warning].",
)
@click.option(
    "--min-severity",
    type=click.Choice(["error", "warning", "info"]),
    help="Report only findings at or above this severity (the others neither show nor fail the run).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (2 still means an error).")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings only: no summary, no warnings.")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text format (auto: on a terminal unless NO_COLOR is set; anywhere FORCE_COLOR is).",
)
@click.option("--fix", is_flag=True, help="Apply every safe fix, then report what remains.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff and the report on stderr; write nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply fixes marked unsafe too.")
@click.option(
    "--fix-read-only", is_flag=True, help="With --fix, also write files that have no write permission (kept so)."
)
@click.option(
    "--changed-since",
    metavar="REF",
    help="Check only the files changed since this git ref (a branch, tag or commit), and report only changed lines.",
)
@click.option(
    "--max-file-size",
    callback=_size,
    default="5M",
    show_default=True,
    help="Larger files are an error, not read (500k, 20M; 0 for no limit).",
)
@click.option("--stdin-filename", help="The name to report, pick the reader and find the config by, for `-`.")
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
@click.option(
    "--respect-gitignore/--no-respect-gitignore",
    default=True,
    show_default=True,
    help="Skip what .gitignore and .git/info/exclude ignore when walking folders.",
)
@click.option(
    "--force-exclude", is_flag=True, help="Skip files named on the command line that exclude or .gitignore cover."
)
@click.option(
    "--allow-no-files", is_flag=True, help="A folder named on the command line may hold no file to check (a warning)."
)
@click.option("--show-files", is_flag=True, help="List the files that would be checked, and stop.")
@click.option(
    "--show-settings", is_flag=True, help="Print the settings (config, packs, rules) the files get, and stop."
)
def check(paths: tuple[str, ...], **values: Any) -> None:
    """Check articles (files, folders, or - for stdin)."""
    from newslint.run import RunOptions, UsageError, run

    config_path = values["config_path"]
    if config_path and not os.path.isfile(config_path):
        raise UsageError(f"{config_path}: config file not found")
    options = RunOptions(
        paths=paths,
        config=config_path,
        select=_split(values["select"]) or None,
        ignore=_split(values["ignore"]),
        extend_select=_split(values["extend_select"]),
        output_format=values["output_format"],
        output=values["output_path"],
        fail_on=values["fail_on"],
        min_severity=values["min_severity"],
        exit_zero=values["exit_zero"],
        quiet=values["quiet"],
        color=values["color"],
        fix=values["fix"],
        diff=values["diff"],
        unsafe_fixes=values["unsafe_fixes"],
        fix_read_only=values["fix_read_only"],
        changed_since=values["changed_since"],
        max_file_size=values["max_file_size"],
        stdin_filename=values["stdin_filename"],
        baseline=values["baseline_path"],
        write_baseline=values["write_baseline_path"],
        jobs=values["jobs"],
        cache=not (values["no_cache"] or values["fix"] or values["diff"]),
        statistics=values["statistics"],
        respect_gitignore=values["respect_gitignore"],
        force_exclude=values["force_exclude"],
        allow_no_files=values["allow_no_files"],
        show_files=values["show_files"],
        show_settings=values["show_settings"],
    )
    try:
        code = run(options)
    except KeyboardInterrupt:
        raise _Interrupted from None  # past click, which would print an empty line first
    raise SystemExit(code)


class _Interrupted(Exception):
    """Ctrl-C during a check: one line, exit 2 (forked workers are already gone)."""


def _linter(config_path: str | None) -> Linter:
    from newslint.linter import Linter

    return Linter(config_path)


def _known_rules(linter: Linter) -> tuple[dict[str, Rule], set[str]]:
    """Every rule the current folder's config can name (built-in packs and
    its house rules), and the IDs it turns on."""
    from newslint.rules import builtin_pack_path, builtin_packs

    config = linter.config_for(".")
    known: dict[str, Rule] = {}
    for name in builtin_packs():
        for rule in linter.packs.load(builtin_pack_path(name), name).rules:
            known.setdefault(rule.id, rule)
    known.update(linter.all_rules(config))
    return known, {rule.id for rule in linter.rules(config)}


@cli.group(invoke_without_command=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="List the rules of this config.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def rules(context: click.Context, config_path: str | None, output_format: str) -> None:
    """List every rule: ID, pack, severity, fix, summary (this folder's config)."""
    if context.invoked_subcommand is not None:
        return
    known, active = _known_rules(_linter(config_path))
    listed = sorted(known.values(), key=lambda rule: rule.id)
    if output_format == "json":
        from newslint.safetext import dump_json

        click.echo(dump_json([{**rule.listing(rule.id in active), "source": rule.source} for rule in listed], indent=2))
        return
    width_id = max(len(rule.id) for rule in listed) + 2
    width_pack = max(4, *(len(rule.pack) for rule in listed)) + 2
    click.echo(f"  {'ID':{width_id}}{'PACK':{width_pack}}{'SEVERITY':9}{'FIX':7}SUMMARY")
    for rule in listed:
        state = " " if rule.id in active else "-"
        click.echo(
            f"{state} {rule.id:{width_id}}{_shown(rule.pack):{width_pack}}{rule.severity:9}{rule.fix.value:7}"
            f"{_shown(rule.summary)}"
        )
    click.echo("\n'-': not active in this config (turn on with `select`, `rules` or a pack). Details: newslint rule ID")


@rules.command("test")
@click.argument("directory", required=False, type=click.Path(file_okay=False))
def rules_test(directory: str | None) -> None:
    """Run every rule's own good and bad examples (of DIRECTORY, a pack or a
    folder of packs, or the built-in packs)."""
    from newslint.examples import run_examples
    from newslint.rules import builtin_pack_path, builtin_packs, load_pack

    packs: list[Pack]
    if directory:
        packs = [load_pack(folder) for folder in _packs_in(directory)]
    else:
        packs = [load_pack(builtin_pack_path(name), name) for name in builtin_packs()]
    failures, count = [], 0
    for pack in packs:
        for rule in pack.rules:
            count += 1
            failures.extend(run_examples(rule))
    if not count:
        from newslint.run import UsageError

        where = directory or "the built-in packs"
        raise UsageError(f"{where}: no rules to test (a pack is <pack>/<family>/<name>.yaml)")
    for failure in failures:
        click.echo(_shown(failure))
    failing = f"{len(failures)} failing example{'s' if len(failures) != 1 else ''}"
    click.echo(f"{count} rule{'s' if count != 1 else ''}, {failing}.")
    raise SystemExit(EXIT_FINDINGS if failures else EXIT_CLEAN)


def _packs_in(directory: str) -> list[str]:
    """``directory`` if it is a pack, else its subfolders that are packs (a
    folder of packs, such as the built-in ``rules/``)."""
    from newslint.rules import is_pack

    if not os.path.isdir(directory) or is_pack(directory):
        return [directory]  # load_pack explains a missing folder
    folders = sorted(os.path.join(directory, name) for name in os.listdir(directory) if not name.startswith((".", "_")))
    packs = [folder for folder in folders if os.path.isdir(folder) and is_pack(folder)]
    return packs or [directory]


@rules.command("impact")
@click.argument("rule_or_file")
@click.argument("archive", nargs=-1, required=True, type=click.Path())
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Pilot the rule under this config.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: CPU count].")
def rules_impact(rule_or_file: str, archive: tuple[str, ...], config_path: str | None, jobs: int | None) -> None:
    """How often a rule (an ID) or a changed rule file fires across ARCHIVE,
    per 1,000 words, with a sample, and against the current version."""
    from newslint.learn.impact import impact, render
    from newslint.parallel import default_jobs

    result, source = impact(rule_or_file, archive, config_path=config_path, jobs=jobs or default_jobs())
    click.echo(render(result, source), nl=False)


@cli.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Look the rule up in this config.")
def rule(rule_id: str, config_path: str | None) -> None:
    """Explain one rule, with its examples (as this folder's config sets it)."""
    from newslint.run import UsageError

    known, active = _known_rules(_linter(config_path))
    found = known.get(rule_id)
    if found is None:
        import difflib

        close = difflib.get_close_matches(rule_id, sorted(known), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else " (see `newslint rules`)"
        raise UsageError(f"unknown rule {rule_id!r}{hint}")
    fix = {
        "safe": "yes, applied by --fix",
        "unsafe": "yes, unsafe: applied only with --fix --unsafe-fixes",
        "off": "no",
    }
    state = "active" if rule_id in active else "not active in this config"
    # A rule file from a cloned repository is as untrusted as an article: its
    # text is shown with control characters escaped, line by line.
    click.echo(f"{found.id}  ({found.severity}, pack {_shown(found.pack)}, check {found.check}, {state})")
    click.echo(f"Fix: {fix[found.fix.value]}")
    click.echo(f"Genres: {_genres(found.genres)}\n")
    click.echo("\n".join(_shown(line) for line in found.description.rstrip().split("\n")) + "\n")
    click.echo("Flags:")
    for example in found.examples.bad:
        click.echo(f"  ✗ {_shown(example)}")
    click.echo("Passes:")
    for example in found.examples.good:
        click.echo(f"  ✓ {_shown(example)}")
    more = f"\nMore: {_shown(found.help_uri)}" if found.help_uri else ""
    click.echo(f"\nDefined in {_shown(found.source)}{more}")


@cli.command()
@click.option(
    "--style", default="core", show_default=True, help="The built-in pack to extend (core, british, american...)."
)
@click.option("--force", is_flag=True, help="Overwrite an existing newslint.yaml.")
def init(style: str, force: bool) -> None:
    """Write a starter newslint.yaml in this folder."""
    from newslint.rules import builtin_packs
    from newslint.run import UsageError
    from newslint.starter import starter

    if style not in builtin_packs():
        raise UsageError(f"unknown style {style!r} (built-in packs: {', '.join(builtin_packs())})")
    if os.path.lexists("newslint.yaml") and not force:
        raise UsageError("newslint.yaml already exists (use --force to overwrite)")
    shadowed = _config_here()
    if shadowed is not None:
        # newslint.yaml is found first: the existing settings would stop applying without a word.
        raise UsageError(f"{shadowed} already configures newslint here, and newslint.yaml would replace it")
    from newslint.files import os_problem, write_atomically

    try:
        write_atomically("newslint.yaml", starter(style).encode("utf-8"))
    except OSError as error:
        raise UsageError(f"newslint.yaml: cannot write: {os_problem(error)}") from None
    click.echo(f"Wrote newslint.yaml (extends {style}).")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--output", "-o", required=True, type=click.Path(file_okay=False), help="Folder for newslint.yaml and names.jsonl."
)
@click.option("--update", is_flag=True, help="Add these articles to what OUTPUT already learned.")
@click.option(
    "--merge",
    multiple=True,
    type=click.Path(file_okay=False),
    help="Add what another learn run wrote into this folder (a shard learned elsewhere).",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes [default: CPU count].")
@click.option(
    "--max-names",
    type=click.IntRange(min=1000),
    default=500_000,
    show_default=True,
    help="Distinct names held at once per process; the least printed are dropped past it.",
)
def learn(
    paths: tuple[str, ...], output: str, update: bool, merge: tuple[str, ...], jobs: int | None, max_names: int
) -> None:
    """Learn a house style and a names authority from an archive (files or folders)."""
    from newslint.learn import LearnError
    from newslint.learn import learn as learn_archive
    from newslint.parallel import default_jobs
    from newslint.run import UsageError

    if not paths and not update and not merge:
        raise UsageError("learn: name the articles to learn from (or --update, --merge)")
    try:
        learned = learn_archive(
            paths, output, update=update, merge=merge, jobs=jobs or default_jobs(), max_names=max_names
        )
    except LearnError as error:
        raise UsageError(str(error)) from None
    for problem in learned.errors:
        _error(problem)
    tally, profile = learned.tally, learned.profile
    click.echo(f"Learned from {tally.documents:,} articles ({tally.words:,} words).")
    click.echo(f"House style (extends {profile.base}):")
    for decision in profile.decided:
        label = decision.choice.values[decision.value or ""].label
        click.echo(f"  {decision.choice.question}: {label} ({decision.share(decision.value or ''):.1%})")
    if profile.undecided:
        click.echo("Not decided (under 90% one way, or too few to tell):")
        for decision in profile.undecided:
            click.echo(f"  {decision.choice.question}: {decision.evidence()}")
    click.echo(f"Wrote {learned.profile_path} and {learned.authority_path} ({learned.names:,} names).")
    raise SystemExit(EXIT_ERROR if learned.errors else EXIT_CLEAN)


def _config_here() -> str | None:
    """The config in this folder that a new newslint.yaml would hide (.newslint.yaml, [tool.newslint])."""
    if os.path.lexists(".newslint.yaml"):
        return ".newslint.yaml"
    try:
        with open("pyproject.toml", "rb") as handle:
            text = handle.read()
    except OSError:
        return None
    if any(line.strip().startswith(b"[tool.newslint") for line in text.splitlines()):
        return "pyproject.toml's [tool.newslint]"
    return None


@cli.command("formats")
def formats_command() -> None:
    """List the output formats."""
    from newslint.formats import describe, formats

    for name in formats():
        click.echo(f"{name:8} {describe(name)}")


def _missing_extra(command: str, extra: str, error: ImportError) -> UsageError:
    from newslint.run import UsageError

    return UsageError(f"newslint {command} needs {error.name}: pip install 'newslint[{extra}]'")


@cli.command()
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the only way; editors pass it).")
def server(stdio: bool) -> None:
    """Run the language server for editors (Language Server Protocol over stdio)."""
    try:
        from newslint.server.lsp import serve
    except ImportError as error:
        raise _missing_extra("server", "lsp", error) from None
    raise SystemExit(serve())


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", default=8750, show_default=True, type=click.IntRange(0, 65535), help="The port to listen on.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="The config a request gets by default.")
@click.option(
    "--pack", "packs", multiple=True, type=click.Path(file_okay=False), help="A house pack folder requests may choose."
)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option(
    "--max-body", default=1_000_000, show_default=True, type=click.IntRange(1), help="Largest body, in bytes."
)
@click.option(
    "--timeout",
    default=5.0,
    show_default=True,
    type=click.FloatRange(0, min_open=True),
    help="Seconds a check may take.",
)
@click.option(
    "--max-pending", default=16, show_default=True, type=click.IntRange(1), help="Checks waiting, per worker."
)
@click.option("--token-file", type=click.Path(dir_okay=False), help="Require this file's token as a bearer token.")
@click.option("--cors-origin", "cors_origins", multiple=True, help="An origin whose pages may call the service.")
@click.option("--access-log", is_flag=True, help="Log every request.")
def serve(**values: Any) -> None:
    """Run the HTTP checking service and the browser page (newslint[serve])."""
    from newslint.run import UsageError

    try:
        from newslint.server.service import TOKEN_ENV, Settings
        from newslint.server.service import serve as run_service
    except ImportError as error:
        raise _missing_extra("serve", "serve", error) from None
    if values["config_path"] and not os.path.isfile(values["config_path"]):
        raise UsageError(f"{values['config_path']}: config file not found")
    token = os.environ.get(TOKEN_ENV) or None
    if values["token_file"]:
        try:
            with open(values["token_file"], encoding="utf-8") as handle:
                token = handle.read().strip()
        except OSError as error:
            raise UsageError(f"{values['token_file']}: cannot read the token: {error.strerror}") from None
        if not token:
            raise UsageError(f"{values['token_file']}: the token file is empty")
    if values["host"] not in ("127.0.0.1", "localhost", "::1") and token is None:
        _error(f"warning: listening on {values['host']} with no token: anyone who can reach it can use it")
    settings = Settings(
        config=values["config_path"],
        packs=tuple(values["packs"]),
        max_body=values["max_body"],
        timeout=values["timeout"],
        max_pending=values["max_pending"],
        token=token,
        cors_origins=tuple(values["cors_origins"]),
    )
    run_service(settings, values["host"], values["port"], values["workers"], values["access_log"])


def run() -> NoReturn:
    """The ``newslint`` command: main(), then an exit that skips tearing the
    interpreter down.

    Freeing a run's objects one by one costs 10-15 ms, a tenth of a one-file
    pre-commit run, for memory the operating system takes back at once. Every
    file newslint writes is closed by then; the output is flushed here.
    """
    code = main()
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        pass
    except OSError as error:  # a full disk: what was buffered could not be written
        from newslint.files import os_problem

        _error(f"cannot write to standard output: {os_problem(error)}")
        code = EXIT_ERROR
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except OSError:
        pass
    os._exit(code)


def _genres(genres: tuple[str, ...]) -> str:
    """A rule's genres as `newslint rule` shows them."""
    if not genres:
        return "every genre"
    if genres[0].startswith("!"):
        return "every genre but " + ", ".join(genre[1:] for genre in genres)
    return ", ".join(genres)


def main(argv: Sequence[str] | None = None) -> int:
    """Run newslint with ``argv`` (default: sys.argv[1:]) and return the exit code."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="newslint", standalone_mode=False)
    except SystemExit as exit:
        return int(exit.code or 0)
    except click.exceptions.Abort:  # Ctrl-C; forked workers are already gone
        _error("interrupted")
        return EXIT_ERROR
    except click.UsageError as error:
        _error(_usage_problem(error))
        return EXIT_ERROR
    except click.ClickException as error:
        error.show()
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_CLEAN
    except (KeyboardInterrupt, _Interrupted):
        _error("interrupted")
        return EXIT_ERROR
    except MemoryError:
        _error("out of memory")
        return EXIT_ERROR
    except ModuleNotFoundError as error:
        problem = missing_dependency(error)
        if problem is None:
            raise
        _error(problem)
        return EXIT_ERROR
    except OSError as error:  # the system failed us (a full disk, a vanished folder): not a bug to trace
        from newslint.files import os_problem

        where = f"{os.fsdecode(error.filename)}: " if error.filename is not None else ""
        _error(f"{where}{os_problem(error)}")
        return EXIT_ERROR
    except Exception as error:
        if not _is_expected(error):
            raise
        _error(str(error))
        return EXIT_ERROR
    return EXIT_CLEAN


def _usage_problem(error: click.UsageError) -> str:
    """A usage error as one line: what is wrong and where help is
    (click's own is three lines: usage, a hint, and the error)."""
    message = error.format_message().rstrip(".")
    message = message[:1].lower() + message[1:]
    command = error.ctx.command_path if error.ctx is not None else "newslint"
    return f"{message} (see `{command} --help`)"


def _is_expected(error: Exception) -> bool:
    """A usage, config or rule-file error: one line, not a traceback. (Their
    modules are imported here, once something failed: ``--version`` and
    ``--help`` need none of them.)"""
    from newslint.config import ConfigError
    from newslint.run import UsageError
    from newslint.yamlfile import YamlError

    return isinstance(error, (UsageError, ConfigError, YamlError))
