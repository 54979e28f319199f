"""``newslint rules impact``: how often a rule, or a changed rule file, fires across an archive.

A desk pilots a rule before turning it on: the rule runs alone over every
article (on, whatever the config says of it), with the config's settings for
it, and the run reports findings per 1,000 words, the articles it fires in,
a sample of findings, and, for a changed rule file, the same for the rule as
the config has it today and which findings the change adds and removes.

Articles are read in shards over processes like ``learn`` (the map); each
shard keeps counts and a bounded sample, merged at the end (the reduce).
"""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from newslint.config import Config, ConfigError
from newslint.engine import RuleSet
from newslint.learn.shards import Articles, map_shards
from newslint.linter import Linter, check_document
from newslint.model import Diagnostic
from newslint.rules import Rule, load_rule
from newslint.yamlfile import YamlError

SAMPLE = 8


@dataclass
class Side:
    """One version of the rule over the archive."""

    findings: int = 0
    articles: int = 0
    #: (path, line, column, found, message), at most SAMPLE of each, chosen evenly at random
    sample: list[tuple[str, int, int, str, str]] = field(default_factory=list)
    seen: int = 0  # findings offered to the sample

    def offer(self, rng: random.Random, item: tuple[str, int, int, str, str]) -> None:
        """Reservoir sampling: every finding has the same chance of a place."""
        self.seen += 1
        if len(self.sample) < SAMPLE:
            self.sample.append(item)
        else:
            slot = rng.randrange(self.seen)
            if slot < SAMPLE:
                self.sample[slot] = item

    def merge(self, other: Side, rng: random.Random) -> None:
        self.findings += other.findings
        self.articles += other.articles
        pool = self.sample + other.sample
        self.seen += other.seen
        self.sample = sorted(rng.sample(pool, min(SAMPLE, len(pool))))


@dataclass
class Impact:
    rule_id: str
    documents: int = 0
    words: int = 0
    #: "changed" (the file given, or the rule as configured) and "current" (today's, for a changed file)
    sides: dict[str, Side] = field(default_factory=dict)
    added: Side = field(default_factory=Side)  # findings only the changed rule gives
    removed: Side = field(default_factory=Side)  # findings only the current rule gives

    def merge(self, other: Impact, rng: random.Random) -> Impact:
        self.documents += other.documents
        self.words += other.words
        for name, side in other.sides.items():
            self.sides.setdefault(name, Side()).merge(side, rng)
        self.added.merge(other.added, rng)
        self.removed.merge(other.removed, rng)
        return self


def rule_versions(target: str, linter: Linter, config: Config) -> tuple[str, Rule, Rule | None, str]:
    """The rule to pilot, the current version to compare it with (None for a
    rule ID, or a new rule), and where the pilot comes from."""
    known = linter.all_rules(config)
    if os.path.isfile(target):
        rule_id = _rule_id(target)
        try:
            changed = load_rule(target, rule_id, "changed")
        except YamlError as error:
            raise ConfigError(str(error)) from None
        current = known.get(rule_id)
        return rule_id, _configured(changed, config), _configured(current, config) if current else None, target
    rule = known.get(target)
    if rule is None:
        raise ConfigError(f"unknown rule {target!r}: give a rule ID (see `newslint rules`) or a rule file")
    return rule.id, _configured(rule, config), None, rule.source


def _rule_id(path: str) -> str:
    """``<family>/<name>.yaml`` -> ``family.name``."""
    family = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return f"{family}.{os.path.splitext(os.path.basename(path))[0]}"


def _configured(rule: Rule, config: Config) -> Rule:
    """The rule with the config's settings for it, switched on."""
    for rule_id, settings in config.rules:
        if rule_id == rule.id:
            rule = rule.with_settings({"severity": settings} if isinstance(settings, str) else settings, config.where)
    return replace(rule, enabled=True)


def measure(
    articles: Articles, *, changed: Rule, current: Rule | None, config: Config, linter: Linter, seed: int = 1
) -> Impact:
    """The map of one shard: both versions over every article."""
    rng = random.Random(seed)
    authority = linter.authority(config)
    rulesets = {"changed": RuleSet([changed], authority)}
    if current is not None:
        rulesets["current"] = RuleSet([current], authority)
    impact = Impact(changed.id, sides={name: Side() for name in rulesets})
    for _path, doc, _date in articles:
        impact.documents += 1
        impact.words += len(doc.prose.split())
        found: dict[str, set[tuple[str, int, int, str, str]]] = {}
        for name, ruleset in rulesets.items():
            items = {_item(d) for d in check_document(ruleset, doc) if d.rule == changed.id}
            found[name] = items
            side = impact.sides[name]
            side.findings += len(items)
            side.articles += bool(items)
            for item in sorted(items):
                side.offer(rng, item)
        if current is not None:
            keys = {name: {item[:4] for item in items} for name, items in found.items()}
            for item in sorted(found["changed"]):
                if item[:4] not in keys["current"]:
                    impact.added.findings += 1
                    impact.added.offer(rng, item)
            for item in sorted(found["current"]):
                if item[:4] not in keys["changed"]:
                    impact.removed.findings += 1
                    impact.removed.offer(rng, item)
    return impact


def _item(d: Diagnostic) -> tuple[str, int, int, str, str]:
    return d.path, d.line, d.column, d.found.split("\n")[0][:80], d.message


def impact(target: str, archive: Sequence[str], *, config_path: str | None = None, jobs: int = 1) -> tuple[Impact, str]:
    """The impact of ``target`` (a rule ID or rule file) over ``archive``,
    under ``config_path`` (default: the config of the current folder); and
    where the pilot rule comes from."""
    linter = Linter(config_path)
    config = linter.explicit or linter.config_for(".")
    rule_id, changed, current, source = rule_versions(target, linter, config)
    work = partial(measure, changed=changed, current=current, config=config, linter=linter)
    shards, _ = map_shards(archive, work, jobs)
    rng = random.Random(1)
    total = Impact(rule_id, sides={name: Side() for name in shards[0].sides})
    for shard in shards:
        total.merge(shard, rng)
    return total, source


def per_thousand(findings: int, words: int) -> float:
    return 1000 * findings / words if words else 0.0


def render(result: Impact, source: str) -> str:
    lines = [f"{result.rule_id} over {result.documents:,} articles ({result.words:,} words):"]
    changed = result.sides["changed"]
    current = result.sides.get("current")
    names = {"changed": f"changed ({source})" if current is not None else f"as configured ({source})"}
    rows = [("changed", changed)]
    if current is not None:
        names["current"] = "current (this folder's config)"
        rows.insert(0, ("current", current))
    width = max(len(names[name]) for name, _ in rows)
    for name, side in rows:
        lines.append(
            f"  {names[name]:{width}}  {side.findings:>7,} findings in {side.articles:,} articles, "
            f"{per_thousand(side.findings, result.words):.2f} per 1,000 words"
        )
    if current is not None:
        difference = changed.findings - current.findings
        share = f" ({difference / current.findings:+.0%})" if current.findings else ""
        lines.append(
            f"  difference: {difference:+,}{share}: {result.added.findings:,} new, "
            f"{result.removed.findings:,} no longer reported"
        )
        samples = [("New findings", result.added), ("No longer reported", result.removed)]
    else:
        samples = [("Sample of findings", changed)]
    for title, side in samples:
        if side.sample:
            lines.append(f"\n{title} ({len(side.sample)} of {side.findings:,}):")
            lines += [f"  {path}:{line}:{column}: {message}" for path, line, column, _, message in side.sample]
    return "\n".join(lines) + "\n"
