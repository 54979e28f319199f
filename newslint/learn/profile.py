"""Deciding the house-style profile from the choices a Tally counted.

A choice is decided when one value has ``THRESHOLD`` (90%) of the evidence
and there is enough of it (``MIN_EVIDENCE``); then the profile sets what the
value sets (the choices table). The pack the profile extends is the built-in
pack most decided values belong to (british or american), or core. A choice
with enough evidence but no clear winner is left out, and so are the base
pack's rules for it (``governs``): learn does not enforce what the house
does not do consistently. A choice with too little evidence keeps the base
pack's setting. Every decision is written into the profile as a comment
beside what it sets: counts, shares, example files.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newslint.learn.choices import CHOICES, Choice, Settings
from newslint.learn.tally import Tally

THRESHOLD = 0.9
MIN_EVIDENCE = {"articles": 5, "uses": 5}
BASES = ("british", "american")


@dataclass
class Decision:
    choice: Choice
    counts: Counter[str]
    examples: dict[str, list[str]]
    #: The value decided, or None.
    value: str | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def enough(self) -> bool:
        return self.total >= MIN_EVIDENCE[self.choice.unit]

    def share(self, value: str) -> float:
        return self.counts[value] / self.total if self.total else 0.0

    def evidence(self) -> str:
        """The counts in words: "straight quotes in 1,830 of 1,850 articles (98.9%); curly 20 (1.1%)"."""
        unit = self.choice.unit
        ranked = [value for value, count in self.counts.most_common() if count]
        if not ranked:
            return f"no {unit} seen"
        parts = []
        for index, value in enumerate(ranked):
            label = self.choice.values[value].label if value in self.choice.values else value
            count = self.counts[value]
            if index == 0:
                parts.append(f"{label}: {count:,} of {self.total:,} {unit} ({self.share(value):.1%})")
            else:
                parts.append(f"{label}: {count:,} ({self.share(value):.1%})")
        return "; ".join(parts)


@dataclass
class Profile:
    base: str
    decisions: list[Decision]
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    ignore: list[str] = field(default_factory=list)

    @property
    def decided(self) -> list[Decision]:
        return [d for d in self.decisions if d.value is not None]

    @property
    def undecided(self) -> list[Decision]:
        return [d for d in self.decisions if d.value is None]


def decide(tally: Tally, *, threshold: float = THRESHOLD) -> Profile:
    decisions = []
    for choice in CHOICES:
        counts = Counter(
            {value: n for value, n in tally.choices.get(choice.name, {}).items() if value in choice.values}
        )
        decision = Decision(choice, counts, tally.examples.get(choice.name, {}))
        if decision.enough:
            top = counts.most_common(1)[0][0]
            if decision.share(top) >= threshold:
                decision.value = top
        decisions.append(decision)
    return Profile(_base(decisions), decisions)


def _base(decisions: list[Decision]) -> str:
    votes = Counter(d.choice.values[d.value].pack for d in decisions if d.value is not None)
    ranked = [(votes[pack], pack) for pack in BASES if votes[pack]]
    if not ranked:
        return "core"
    ranked.sort(reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return "core"
    return ranked[0][1] if ranked[0][0] >= 2 else "core"


def settings_of(profile: Profile, decision: Decision) -> Settings:
    if decision.value is not None:
        return decision.choice.values[decision.value].settings(profile.base)
    if decision.enough and decision.choice.undecided is not None:
        return decision.choice.undecided(profile.base)
    return Settings()


def left_out(profile: Profile, decision: Decision, base_rules: set[str]) -> list[str]:
    """The base pack's rules for a choice the archive makes unclearly."""
    if decision.value is not None or not decision.enough or decision.choice.undecided is not None:
        return []
    return [rule for rule in decision.choice.governs if rule in base_rules]


def preferred_terms(profile: Profile, base_preferred: list[str]) -> list[str] | None:
    """``consistency.terms``' preferred forms: the base pack's, less the
    groups the archive speaks to, plus the forms it decided. None: unchanged."""
    spoken = {term for d in profile.decisions if d.enough for term in d.choice.group}
    terms = [term for term in base_preferred if term not in spoken]
    terms += [d.value for d in profile.decided if d.value in d.choice.group]
    return None if sorted(terms) == sorted(base_preferred) else terms


# -- writing ------------------------------------------------------------------------


def _flow(value: Any) -> str:
    """A YAML flow value (JSON is YAML), keys unquoted where they can be."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str, indent: str, mark: str = "# ") -> list[str]:
    import textwrap

    return [f"{indent}{mark}{line}" for line in textwrap.wrap(text, 96 - len(indent) - len(mark))]


def render(
    profile: Profile,
    tally: Tally,
    *,
    sources: list[str],
    authority: str | None,
    base_rules: set[str],
    base_preferred: list[str],
) -> str:
    """The profile as a commented newslint.yaml."""
    lines = [
        "# House style learned by `newslint learn` from "
        f"{tally.documents:,} articles ({tally.words:,} words) in {', '.join(sources) or 'earlier runs'}.",
        f"# A choice is set when the archive makes it {THRESHOLD:.0%} one way or more; each setting says why.",
        "# Edit freely: this is an ordinary newslint config. Check drafts with",
        "#   newslint check --config THIS-FOLDER/newslint.yaml ARTICLES",
        f"extends: [{profile.base}]",
    ]
    if profile.base != "core":
        votes = [d.choice.question for d in profile.decided if d.choice.values[d.value or ""].pack == profile.base]
        lines[-1:-1] = _comment(f"Extends {profile.base}: its style on {', '.join(votes)}.", "")
    if authority:
        lines += [
            "# The names and terms the archive prints (consistency.house-term reads it).",
            f"authority: {authority}",
        ]
    rule_lines: list[str] = []
    ignores: list[tuple[str, str]] = []
    notes: list[str] = []
    for decision in profile.decisions:
        settings = settings_of(profile, decision)
        question = decision.choice.question
        if decision.value is not None:
            files = ", ".join(decision.examples.get(decision.value, [])[:3])
            why = f"{question}: {decision.evidence()}. E.g. {files}."
            if settings.rules:
                rule_lines += _comment(why, "  ")
                rule_lines += [f"  {rule}: {_flow(dict(options))}" for rule, options in settings.rules.items()]
            ignores += [(rule, f"{why} {settings.note}".strip()) for rule in settings.ignore]
            if not settings.rules and not settings.ignore:
                notes.append(f"{why} {settings.note or f'The {profile.base} pack already does this.'}")
        else:
            reason = "not clear" if decision.enough else "too few to tell"
            why = f"{question}: {reason}. {decision.evidence()}."
            rules = left_out(profile, decision, base_rules)
            for rule in rules:
                ignores.append((rule, why + " Left to the editors."))
            if settings.rules:
                rule_lines += _comment(why + " Each article keeps to its own.", "  ")
                rule_lines += [f"  {rule}: {_flow(dict(options))}" for rule, options in settings.rules.items()]
            elif not rules:
                notes.append(why)
    preferred = preferred_terms(profile, base_preferred)
    if preferred is not None:
        rule_lines += _comment("The form kept when an article mixes forms, from the choices above.", "  ")
        rule_lines.append(f"  consistency.terms: {_flow({'preferred': preferred})}")
    if rule_lines:
        lines += ["rules:", *rule_lines]
    if ignores:
        lines.append("ignore:")
        for rule, why in ignores:
            lines += _comment(why, "  ")
            lines.append(f"  - {rule}")
    if notes:
        lines.append("# Also seen (nothing to set):")
        for note in notes:
            lines += _comment(note, "", "#   ")
    return "\n".join(lines) + "\n"
