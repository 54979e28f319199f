"""The HTML reader: exact positions in the source, entities as one character, fixes in text only."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import findings, seed_text

from newslint.cli import main
from newslint.config import ConfigError, from_text
from newslint.fixes import fix_until_stable
from newslint.linter import Linter
from newslint.readers import parse

ELLIPSIS = "typography.ellipsis"
DOUBLED = "typography.doubled-word"
VARIANT = "claims.name-variant"
CURLY = {"“": "&ldquo;", "”": "&rdquo;", "‘": "&lsquo;", "’": "&rsquo;", "\xa0": "&nbsp;"}


def encode(text: str) -> list[str]:
    """Each character of ``text`` as the page spells it: curly quotes and no-break spaces as entities."""
    return [CURLY.get(char) or html.escape(char, quote=False) for char in text]


class SeedPage:
    """The seed article as a CMS would save it: headline in <h1>, standfirst in
    the description meta tag, paragraphs, a figure with a caption, a script,
    curly quotes and no-break spaces as entities. ``offset(line, column)``
    says where a character of the .txt is in the page."""

    def __init__(self, text: str) -> None:
        lines = text.split("\n")
        self.starts: dict[int, tuple[int, list[str]]] = {}  # .txt line -> (page offset, encoded chars)
        page = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Nato | World news</title>\n'
        page += '<meta name="description" content="'
        self._place(page, 3, lines[2], quote=True)
        page += "".join(self.starts[3][1]) + '">\n'
        page += '<script>var related = ["...", "\'quoted\'", "it\'s"]; if (a < b) { say("..."); }</script>\n'
        page += "</head>\n<body>\n<article>\n"
        page += '<h1 class="headline">'
        self._place(page, 1, lines[0])
        page += "".join(self.starts[1][1]) + "</h1>\n"
        for number, line in enumerate(lines[3:], 4):
            if not line:
                continue
            page += "<p>"
            self._place(page, number, line)
            page += "".join(self.starts[number][1]) + "</p>\n"
            if number == 9:
                page += (
                    '<figure><img src="troops.jpg" alt="Troops at a &quot;base&quot; ...">\n'
                    '<figcaption>Troops train near Baghdad... in "2020</figcaption></figure>\n'
                )
        self.text = page + "</article>\n</body>\n</html>\n"

    def _place(self, page: str, number: int, line: str, quote: bool = False) -> None:
        chars = [CURLY.get(c) or html.escape(c, quote=quote) for c in line]
        self.starts[number] = (len(page), chars)

    def offset(self, line: int, column: int) -> int:
        start, chars = self.starts[line]
        return start + sum(len(spelled) for spelled in chars[: column - 1])

    def position(self, offset: int) -> tuple[int, int]:
        before = self.text[:offset]
        return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def test_the_seed_as_html_gives_the_txt_findings_at_the_html_positions() -> None:
    page = SeedPage(seed_text())
    linter = Linter()
    config = from_text("extends: [core]\n")
    as_text = linter.lint_text(seed_text(), "seed.txt", config)
    as_html = linter.lint_text(page.text, "seed.html", config)
    assert len(as_text) == 23  # the seed's report (tests/test_seed.py)
    expected = {(d.rule, *page.position(page.offset(d.line, d.column))) for d in as_text}
    assert {(d.rule, d.line, d.column) for d in as_html} == expected
    # The span and what it covers: one character of prose for one entity.
    nbsp = next(d for d in as_html if d.rule == "typography.no-break-space")
    assert (page.text[nbsp.start : nbsp.end], nbsp.found) == ("&nbsp;", "\xa0")


def test_fix_on_the_seed_page_changes_text_only_and_is_stable(tmp_path: Path) -> None:
    page = SeedPage(seed_text())
    article = tmp_path / "seed.html"
    article.write_text(page.text, encoding="utf-8")
    assert main(["check", "--fix", "--unsafe-fixes", str(article)]) == 1
    fixed = article.read_text(encoding="utf-8")
    assert markup(fixed) == markup(page.text)
    # An all-ASCII page (entities for every other character) stays all ASCII.
    assert fixed.isascii()
    assert "Nato&rsquo;s" in fixed and "they&rsquo;re" in fixed and "troops &hellip; but" in fixed
    assert "&nbsp;" not in fixed.split("<body>")[1]
    assert main(["check", "--fix", "--unsafe-fixes", str(article)]) == 1  # the banner remains
    assert article.read_text(encoding="utf-8") == fixed  # a second run changes nothing


def markup(page: str) -> list[tuple[str, str]]:
    """Every tag (as written, attributes and all), comment and script or style content of ``page``."""

    class Markup(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=False)
            self.found: list[tuple[str, str]] = []
            self.raw = False

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.found.append(("start", self.get_starttag_text() or ""))
            self.raw = tag in ("script", "style")

        def handle_startendtag(self, tag: str, attrs: object) -> None:
            self.found.append(("start", self.get_starttag_text() or ""))

        def handle_endtag(self, tag: str) -> None:
            self.found.append(("end", tag))
            self.raw = False

        def handle_comment(self, data: str) -> None:
            self.found.append(("comment", data))

        def handle_decl(self, decl: str) -> None:
            self.found.append(("decl", decl))

        def handle_data(self, data: str) -> None:
            if self.raw:
                self.found.append(("raw", data))

    parser = Markup()
    parser.feed(page)
    parser.close()
    return parser.found


def test_quotes_in_attributes_and_scripts_are_not_prose() -> None:
    page = (
        "<html><head><title>Council backs budget</title>\n"
        '<script>var s = "..." + \'"\' + "it\'s"; // "unbalanced ... - dash</script>\n'
        '<style>q::before { content: "..." }</style></head>\n'
        "<body><h1>Council backs budget</h1>\n"
        '<p class="lead" title=\'He said "no\' data-x="it\'s...">The council approved the budget.</p>\n'
        '<p><a href="https://example.com/a...b" title="&quot;x">The report</a> is online.</p>\n'
        '<!-- a "comment" ... -->\n'
        '<pre>code "...</pre><p>It ends <code>x ... "y</code> here.</p>\n'
        "</body></html>\n"
    )
    assert findings(page, path="council.html") == set()
    assert findings(page.replace("budget.</p>", "budget...</p>"), path="council.html") == {(5, 85, ELLIPSIS)}


def test_entities_are_one_character_at_their_source_span() -> None:
    page = "<h1>Headline</h1>\n<p>Nato&rsquo;s &#8220;plan&#x201D; went on... and&nbsp;on.</p>\n"
    ellipsis, nbsp = Linter().lint_text(page, "a.html", from_text("extends: [core]\n"))
    assert (ellipsis.rule, ellipsis.line, ellipsis.column, ellipsis.found) == (ELLIPSIS, 2, 44, "...")
    assert (nbsp.line, nbsp.column, nbsp.end_column, nbsp.found, page[nbsp.start : nbsp.end]) == (
        2,
        51,
        57,
        "\xa0",
        "&nbsp;",
    )
    doc = parse(page, "a.html")
    body = next(block for block in doc.blocks if block.kind == "body")
    assert doc.text[body.start : body.end] == "Nato’s “plan” went on... and\xa0on."
    assert len(doc.text) == len(doc.prose)


def test_inline_tags_inside_a_word_or_between_words_leave_them_whole() -> None:
    page = (
        "<h1>Alliance meets</h1>\n"
        "<p>Jens Stoltenberg opened the talks. Mr Stoltenberg spoke first.</p>\n"
        '<p>Later Mr Stolten<em>burg</em> said the <a href="/plan">the</a> plan held.</p>\n'
    )
    doc = parse(page, "a.html")
    assert "Later Mr Stoltenburg said the the plan held." in doc.text
    [doubled] = [d for d in Linter().lint_text(page, "a.html", from_text("extends: [core]\n")) if d.rule == DOUBLED]
    assert (doubled.line, doubled.column, doubled.fix) == (3, 39, None)  # no fix may rewrite the tags between
    assert findings(page, path="a.html", rule=VARIANT) == {(3, 13, VARIANT)}


def test_a_line_break_an_image_a_comment_or_skipped_text_keeps_words_apart() -> None:
    page = "<p>One<br>two, three<img src=x.jpg>four, five<!-- c -->six, seven<code>x</code>eight and<wbr>nine.</p>\n"
    text = parse(page, "a.html").text
    assert "One<br>two, three<img src=x.jpg>four, five<!-- c -->six, seven<code>x</code>eight andnine." in text


def test_a_run_of_spaces_is_one_space_as_a_browser_shows_it() -> None:
    page = "<p>The talks ended.  Both\t\tsides left, the  the plan.</p>\n"
    assert findings(page, path="a.html") == {(1, 40, DOUBLED)}
    assert findings(page.replace("<p>", "").replace("</p>", ""), path="a.txt", rule="typography.double-space")
    linter, config = Linter(), from_text("extends: [core]\n")
    fixed = fix_until_stable(page, lambda text: linter.lint_text(text, "a.html", config))
    assert fixed == "<p>The talks ended.  Both\t\tsides left, the plan.</p>\n"


def test_a_fix_beside_left_out_tags_keeps_them() -> None:
    linter, config = Linter(), from_text("extends: [core]\n")
    page = "<p>It went on...<em>and</em> on, she said <b>on</b>... and on.</p>\n"
    fixed = fix_until_stable(page, lambda text: linter.lint_text(text, "a.html", config))
    assert (
        fixed == "<p>It went on&hellip;<em>and</em> on, she said <b>on</b>&hellip; and on.</p>\n"
    )  # an ASCII page: entities


def test_fixes_write_entities_where_the_source_used_them() -> None:
    config = from_text("extends: [british]\n")
    linter = Linter()

    def fixed(page: str) -> str:
        return fix_until_stable(page, lambda text: linter.lint_text(text, "a.html", config), unsafe=True)

    # Named where the quote was a named entity, numeric where it was numeric, and a
    # literal character where the source wrote one in a page that is not all ASCII.
    assert fixed("<p>&ldquo;Yes,&rdquo; she said. &quot;No.&quot;</p>\n") == (
        "<p>&ldquo;Yes,&rdquo; she said. &ldquo;No.&rdquo;</p>\n"
    )
    assert fixed("<p>“Yes,” she said. &#34;No.&#34;</p>\n") == "<p>“Yes,” she said. &#8220;No.&#8221;</p>\n"
    assert fixed('<p>“Yes,” she said... "No."</p>\n') == "<p>“Yes,” she said… “No.”</p>\n"


def test_title_is_the_headline_only_without_h1_and_meta_description_is_never_fixed() -> None:
    page = '<title>Budget passes</title><meta name="description" content="It went on..."><p>Body text.</p>'
    doc = parse(page, "a.html")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("headline", "Budget passes"),
        ("standfirst", "It went on..."),
        ("body", "Body text."),
    ]
    (found,) = Linter().lint_text(page, "a.html", from_text("extends: [core]\n"))
    assert (found.rule, found.column, found.fix) == (ELLIPSIS, 73, None)
    with_h1 = parse("<title>Budget | Site</title><h1>Budget passes</h1>", "a.html")
    assert [(b.kind, with_h1.text[b.start : b.end]) for b in with_h1.blocks] == [("headline", "Budget passes")]


def test_the_storys_h1_is_the_headline_not_the_themes_site_title() -> None:
    page = (
        '<header><h1 class="site-title"><a href="/">The Ledger</a></h1></header>\n'
        "<article><h1>Clinic to pay $38 million</h1>\n<p>The clinic will pay $36 million, filings show.</p></article>\n"
    )
    doc = parse(page, "a.html")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks][:1] == [("headline", "Clinic to pay $38 million")]
    assert findings(page, path="a.html", rule="claims.headline-figure") == {(2, 28, "claims.headline-figure")}


def test_ads_and_embedded_posts_are_not_the_storys_prose() -> None:
    page = (
        "<h1>Board votes</h1>\n"
        "<p>In a statement, the board said:</p>\n"
        '<div class="ad">Story continues below advertisement</div>\n'
        "<p>&ldquo;We made the only choice left to us.&rdquo;</p>\n"
        '<blockquote class="twitter-tweet"><p lang="en">Smyth is wrong - totaly</p>&mdash; A Voter '
        '(@voter) <a href="https://twitter.com/voter/status/1">May 5, 2019</a></blockquote>\n'
        "<p>Mr Smith said on 5 May that he would appeal.</p>\n"
    )
    assert findings(page, path="a.html") == set()
    # Without the defaults, the ad's label is boilerplate and the quote after it unattributed.
    config = "extends: [core]\nreaders:\n  html: {skip: ['!.ad', '!blockquote.twitter-tweet']}\n"
    assert {rule for _, _, rule in findings(page, config, path="a.html")} >= {
        "hygiene.boilerplate",
        "claims.unattributed-quote",
    }


def test_the_page_around_the_story_is_not_its_prose() -> None:
    """A template's byline and time stamps, and what lies outside the
    <article>: the site's name, its navigation, related links."""
    page = (
        "<html><body><header><p>The Ledger &mdash; NATO news, 2 May</p></header>\n"
        '<article><h1>Fire spreads east of Fresno</h1>\n<div class="Page-byline">By Olivia Brandt '
        "<span data-date>Updated 6:40 PM PDT, September 4, 2024</span></div>\n"
        '<p>A wildfire tore through the foothills on <time datetime="2024-09-04">Wednesday</time>, officials said.</p>'
        "</article>\n<footer><p>&copy; The Ledger, 2 May</p></footer></body></html>\n"
    )
    american = "extends: [american]\n"
    assert findings(page, american, path="a.html") == set()
    kept = "extends: [american]\nreaders:\n  html: {skip: ['![class*=byline]']}\n"
    assert {rule for _, _, rule in findings(page, kept, path="a.html")} == {"style.time", "style.month-abbreviation"}
    doc = parse(page, "a.html")
    assert "Ledger" not in "".join(doc.text[b.start : b.end] for b in doc.blocks)


def test_configured_selectors_skip_elements_and_name_the_standfirst() -> None:
    page = (
        "<h1>Budget passes</h1>\n"
        '<p class="standfirst">Council backs plan</p>\n'
        '<p class="byline">By A. Reporter... in "Leeds</p>\n'
        "<figure><figcaption>A caption...</figcaption></figure>\n"
        "<p>Body text.</p>\n"
    )
    config = "extends: [core]\nreaders:\n  html: {skip: ['.byline', '!figcaption'], standfirst: [p.standfirst]}\n"
    assert findings(page, config, path="a.html") == {(4, 30, ELLIPSIS)}
    doc = parse(page, "a.html", options={"standfirst": ["p.standfirst"]})
    assert [b.kind for b in doc.blocks] == ["headline", "standfirst", "body"]  # the byline is skipped by default
    assert findings(page, path="a.html", rule=ELLIPSIS) == set()
    checked = "extends: [core]\nreaders:\n  html: {skip: ['![class*=byline]']}\n"
    assert findings(page, checked, path="a.html", rule=ELLIPSIS) == {(3, 33, ELLIPSIS)}


def test_suppression_comments_in_html() -> None:
    page = (
        "<h1>Headline</h1>\n<p>It&rsquo;s fine.</p>\n"
        "<!-- newslint-disable-next-line typography.ellipsis -->\n<p>Then&hellip; it went on...</p>\n"
        "<p>Again...</p>\n"
    )
    assert findings(page, path="a.html") == {(5, 9, ELLIPSIS)}


@pytest.mark.parametrize(
    ("readers", "problem"),
    [
        ("{'.xhtml': word}", "unknown reader 'word'"),
        ("{xhtml: html}", "'xhtml' is neither a suffix"),
        ("{html: {skip: '.byline'}}", "skip: must be a list"),
        ("{html: {skip: ['div > p']}}", "'div > p' is not a selector"),
        (
            "{html: {skip: ['[class*=]']}}",
            r"'\[class\*=\]' is not a selector",
        ),  # would match every element with a class
        ("{html: {headline: [h1]}}", "unknown setting 'headline'"),
        ("{text: {skip: [a]}}", "the text reader has no settings"),
    ],
)
def test_readers_config_is_validated(readers: str, problem: str) -> None:
    with pytest.raises(ConfigError, match="readers: .*" + problem.replace("(", r"\(")):
        from_text(f"readers: {readers}\n")


def test_readers_config_maps_suffixes_for_walking_and_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "newslint.yaml").write_text("readers: {'.xhtml': html, '.story': markdown}\nexclude: ['drafts/']\n")
    (tmp_path / "a.xhtml").write_text('<p title="x...">It went on...</p>\n')
    (tmp_path / "b.story").write_text("It went `on...` on...\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "c.html").write_text("<p>It went on...</p>\n")
    (tmp_path / "d.html").write_text("<p>It went on...</p>\n")
    assert main(["check", "--no-cache", "--select", ELLIPSIS, str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'a.xhtml'}:1:27: warning {ELLIPSIS}" in out
    assert f"{tmp_path / 'b.story'}:1:19: warning {ELLIPSIS}" in out
    assert f"{tmp_path / 'd.html'}:1:14: warning {ELLIPSIS}" in out
    assert "drafts" not in out and "Found 3 problems" in out


# -- a property: whatever the page, --fix changes text and nothing else ----------------------

_WORDS = st.sampled_from(
    ["Nato", "said", "the", "the", "it's", "went", "on...", "'quote'", '"quoted"', "-", " - ", "1", "May", "x  y"]
)
_ENTITIES = st.sampled_from(
    ["&rsquo;", "&ldquo;", "&rdquo;", "&quot;", "&amp;", "&nbsp;", "&#8217;", "&#x2026;", "&hellip;"]
)
_TEXT = st.lists(st.one_of(_WORDS, _ENTITIES, st.just(" ")), max_size=12).map("".join)
_ATTRIBUTE = st.lists(st.one_of(_WORDS, _ENTITIES), max_size=4).map(lambda parts: html.escape("".join(parts)))


@st.composite
def _pages(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["p", "h1", "li", "span", "script", "comment", "figure", "pre", "meta"]))
        text, value = draw(_TEXT), draw(_ATTRIBUTE)
        if kind == "script":
            parts.append(f'<script>var s = "{value}..."; // {text}</script>')
        elif kind == "comment":
            parts.append(f"<!-- {text.replace('--', '')} -->")
        elif kind == "figure":
            parts.append(f'<figure><img alt="{value}"><figcaption>{text}</figcaption></figure>')
        elif kind == "meta":
            parts.append(f'<meta name="description" content="{value}">')
        elif kind == "span":
            parts.append(f'<p>{text}<span title="{value}">{draw(_TEXT)}</span>{draw(_TEXT)}</p>')
        else:
            parts.append(f'<{kind} class="{value}">{text}</{kind}>')
    return "\n".join(parts) + "\n"


_LINTER = Linter()
_BRITISH = from_text("extends: [british]\n")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_pages())
def test_fix_never_touches_a_tag_or_attribute(page: str) -> None:
    def lint(text: str) -> list:  # type: ignore[type-arg]
        return _LINTER.lint_text(text, "a.html", _BRITISH)

    fixed = fix_until_stable(page, lint, unsafe=True)
    assert markup(fixed) == markup(page)
    assert fix_until_stable(fixed, lint, unsafe=True) == fixed


def test_a_description_that_repeats_the_page_is_not_checked_twice() -> None:
    page = (
        '<meta name="description" content="It went on... and on">\n'
        "<h1>Budget passes</h1>\n<p>It went on... and on, the council said.</p>\n"
    )
    assert findings(page, path="a.html", rule=ELLIPSIS) == {(3, 14, ELLIPSIS)}


def test_crlf_and_broken_markup_keep_exact_positions() -> None:
    page = "<h1>Headline</h1>\r\n<p>Unclosed <b>bold\r\n<p>It went on...\r\n<div><p>a &amp b &bogus; c... <3 d</div>"
    assert findings(page, path="a.html", rule=ELLIPSIS) == {(3, 14, ELLIPSIS), (4, 27, ELLIPSIS)}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<>/&;#x1aAbp!-\"' =\n\r.…’", max_size=80))
def test_any_input_parses_to_aligned_text_and_source_positions(page: str) -> None:
    doc = parse(page, "a.html")
    assert len(doc.prose) == len(doc.text)
    assert all(0 <= block.start < block.end <= len(doc.text) for block in doc.blocks)
    source_map = doc.source_map
    assert source_map is not None
    offsets = [source_map.offset(offset) for offset in range(len(doc.text) + 1)]
    assert offsets == sorted(offsets) and offsets[-1] == len(page)


def test_a_fix_escapes_what_html_needs_and_keeps_a_literal_ampersand_literal() -> None:
    linter = Linter()
    config = from_text("extends: [core]\n")
    page = "<p>AT&T’s plan went on... and on.</p>\n"  # a bare & is no entity; the page is not all ASCII
    fixed = fix_until_stable(page, lambda text: linter.lint_text(text, "a.html", config))
    assert fixed == "<p>AT&T’s plan went on… and on.</p>\n"
    source_map = parse(page, "a.html").source_map
    assert source_map is not None
    assert source_map.write("A&B <“", 3, 7) == "A&amp;B &lt;“"  # "AT&T": no entity, so no entities written
    assert source_map.write("“", 3, 7) == "“"
