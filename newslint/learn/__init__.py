"""``newslint learn``: a newsroom's house style and names, read from its archive.

Map, reduce, decide:

- map (``tally.Tally.add``): each article, read by the reader for its format,
  is counted: the choices in the choices table (``choices.py``) and its names;
- reduce (``Tally.merge``): shards' tallies are added together; each run
  keeps its merged tally beside its output (``learn-state.json.gz``), so a
  later ``--update`` adds new articles to it and ``--merge`` adds other runs'
  (a shard learned elsewhere);
- decide: the profile (``profile.py``: a commented newslint.yaml) and the
  names authority (``names.py``: names.jsonl) are made from the merged tally.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

from newslint.authority import Authority, dumps
from newslint.authority import load as load_authority
from newslint.learn.names import decide_names
from newslint.learn.profile import Profile, decide, render
from newslint.learn.shards import Articles, map_shards
from newslint.learn.tally import MAX_NAMES, Tally

PROFILE = "newslint.yaml"
AUTHORITY = "names.jsonl"
STATE = "learn-state.json.gz"
#: Where the profile goes when the one in the output folder was edited since learn wrote it.
PROFILE_BESIDE = "newslint.learned.yaml"
_PROFILE_STAMP = ".learn-profile.sha256"


class LearnError(Exception):
    """A learn run that cannot go ahead; the message is one line."""


@dataclass
class Learned:
    """What a run wrote, for the command to report."""

    tally: Tally
    profile: Profile
    names: int
    profile_path: str
    authority_path: str
    errors: list[str] = field(default_factory=list)


def tally_articles(articles: Articles, max_names: int = MAX_NAMES) -> Tally:
    """The map of one shard: every article counted."""
    tally = Tally(max_names=max_names)
    for path, doc, date in articles:
        tally.add(doc, path, date)
    return tally


def learn(
    paths: Sequence[str],
    output: str,
    *,
    update: bool = False,
    merge: Sequence[str] = (),
    jobs: int = 1,
    max_names: int = MAX_NAMES,
) -> Learned:
    """Learn from ``paths`` (and the states of ``merge`` folders, and with
    ``update`` the state already in ``output``) and write the profile, the
    authority and the merged state into ``output``."""
    tallies: list[Tally] = []
    previous: Authority | None = None
    if update:
        tallies.append(_state(output, max_names))
        if os.path.isfile(os.path.join(output, AUTHORITY)):
            previous = load_authority(os.path.join(output, AUTHORITY))
    tallies += [_state(folder, max_names) for folder in merge]
    errors: list[str] = []
    if paths:
        shards, errors = map_shards(paths, partial(tally_articles, max_names=max_names), jobs)
        tallies += shards
    # The reduce: into the first tally, each other one freed as soon as it is merged.
    tally = tallies.pop(0) if tallies else Tally(max_names=max_names)
    while tallies:
        tally.merge(tallies.pop())
    if not tally.documents:
        raise LearnError("no articles to learn from" + (f" ({errors[0]})" if errors else ""))
    return _write(tally, previous, output, [*merge, *paths] if not update else [output, *merge, *paths], errors)


def _state(folder: str, max_names: int) -> Tally:
    path = os.path.join(folder, STATE)
    if not os.path.isfile(path):
        raise LearnError(f"{folder}: no {STATE} here (a folder `newslint learn --output` wrote)")
    try:
        return Tally.load(path, max_names)
    except (OSError, ValueError, KeyError, EOFError) as error:
        raise LearnError(f"{path}: cannot read the learn state: {error}") from None


def _write(tally: Tally, previous: Authority | None, output: str, sources: list[str], errors: list[str]) -> Learned:
    from newslint.rules import builtin_pack_path, load_pack

    os.makedirs(output, exist_ok=True)
    entries = decide_names(tally, previous)
    authority_path = os.path.join(output, AUTHORITY)
    _write_text(authority_path, dumps(entries))
    profile = decide(tally)
    pack = load_pack(builtin_pack_path(profile.base), profile.base)
    base_rules = {rule.id for rule in pack.rules}
    base_preferred = list(pack.settings.get("consistency.terms", {}).get("preferred", []))
    if profile.base != "core":  # a pack extends core: core's rules are the base's too
        base_rules |= {rule.id for rule in load_pack(builtin_pack_path("core"), "core").rules}
    text = render(
        profile,
        tally,
        sources=sources,
        authority=AUTHORITY,
        base_rules=base_rules,
        base_preferred=base_preferred,
    )
    profile_path = _profile_path(output)
    _write_text(profile_path, text)
    if profile_path == os.path.join(output, PROFILE):
        _write_text(os.path.join(output, _PROFILE_STAMP), _digest(text) + "\n")
    tally.save(os.path.join(output, STATE))
    _check_profile(profile_path)
    return Learned(tally, profile, len(entries), profile_path, authority_path, errors)


def _profile_path(output: str) -> str:
    """newslint.yaml, unless an editor has changed the one learn wrote there."""
    path = os.path.join(output, PROFILE)
    if not os.path.exists(path):
        return path
    try:
        with open(path, encoding="utf-8") as handle:
            current = _digest(handle.read())
        with open(os.path.join(output, _PROFILE_STAMP), encoding="utf-8") as handle:
            written = handle.read().strip()
    except OSError:
        return os.path.join(output, PROFILE_BESIDE)
    return path if current == written else os.path.join(output, PROFILE_BESIDE)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write_text(path: str, text: str) -> None:
    """Through a temporary file and a rename: a reader never sees half a file."""
    temporary = f"{path}.tmp{os.getpid()}"
    with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.replace(temporary, path)


def _check_profile(path: str) -> None:
    """The profile must load and resolve: a setting learn got wrong is a bug
    to hear about now, not when a newsroom first checks with it."""
    from newslint.linter import Linter

    linter = Linter(path)
    assert linter.explicit is not None
    linter.rules(linter.explicit)  # the authority was just written from parsed entries
