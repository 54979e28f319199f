"""metric: lengths an editor keeps an eye on (headline characters, sentence words)."""

from __future__ import annotations

from collections.abc import Iterable

from newslint.checks import Check, Finding, Option
from newslint.document import WORD_RE, Document
from newslint.options import Choice, Int
from newslint.terms import Hit


class Metric(Check):
    name = "metric"
    summary = "Lengths an editor keeps an eye on: headline characters, words in a sentence or paragraph."
    params = ("size", "max")
    options = {
        "measure": Option(Choice("headline-characters", "sentence-words", "paragraph-words"), help="What to measure."),
        "max": Option(Int(minimum=1), help="The most allowed."),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        measure, limit = self.opts["measure"], self.opts["max"]
        if measure == "headline-characters":
            spans = [(block.start, block.end) for block in doc.blocks_of("headline")]
        elif measure == "sentence-words":
            spans = [(sentence.start, sentence.end) for sentence in doc.sentences]
        else:
            spans = [(block.start, block.end) for block in doc.body]
        for start, end in spans:
            if measure == "headline-characters":
                size = len(doc.text[start:end].strip())
            else:
                size = sum(1 for _ in WORD_RE.finditer(doc.prose, start, end))
            if size > limit:
                yield Finding(start, end, {"size": size, "max": limit})
