"""Document -> Article: the order in which the Indonesian structure rules apply.

Raw scraped text and trafilatura's output of an HTML page go through the same line rules:
byline and caption lines become fields, chrome lines go to `removed`, the first title-like line is the
title (raw text only), the dateline opens the story, and what is left is the body. Text given as clean
(`--jsonl`) keeps all its lines and its dateline; the dateline is read.

A scraped or HTML page's `text` never starts with the dateline: "Bisnis.com, WASHINGTON - Amerika Serikat ..."
becomes "Amerika Serikat ..." with outlet "Bisnis.com" and dateline_place "WASHINGTON", so that offsets of
later stages point at news prose. Clean text is the user's own, and offsets point into it as given: `text`
is the record's text unchanged, dateline and spacing included; the analysis reads `story` (the text with its
spaces normalised and its dateline, read into the same fields, left out), whose offsets `story_index` moves
back, and the dateline's place and outlet are entities (`dateline_names`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from peristiwa.article.boilerplate import is_chrome, looks_like_prose, normalised, repeated, split_lines
from peristiwa.article.byline import parse_byline, parse_credit_line
from peristiwa.article.captions import parse_caption
from peristiwa.article.dateline import Dateline, split_dateline
from peristiwa.article.html import NoArticleError, extract_html
from peristiwa.article.published import is_date_line
from peristiwa.article.resources import Rules, rules
from peristiwa.schema import Article, Caption, Document, Entity

MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 200
DATELINE_WINDOW = 4  # the dateline paragraph is among the first few content lines or absent
MIN_ARTICLE_CHARS = 150  # shorter and not one sentence: a menu or a teaser, not an article


@dataclass
class _Parts:
    content: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    published: str | None = None


def build_article(doc: Document) -> Article:
    r = rules()
    if doc.kind == "clean":
        return _from_clean(doc, r)
    text = doc.text
    if text is None:
        from peristiwa.ingest.files import decode_bytes  # readers that hand over bytes only
        text = decode_bytes(doc.raw or b"", doc.source)
    if doc.kind == "html":
        page = extract_html(text, r, doc.url)
        lines = split_lines(page.text)
        parts = _classify(lines, r, html=True)
        title = doc.title or page.title
        if title:
            # the headline as printed above the story may be fuller than the metadata's ("In Picture: …")
            for i, line in enumerate(parts.content[:3]):
                if _same(line, title) or (_contains(line, title) and len(line) <= len(title) + 40):
                    title = title if _same(line, title) else line
                    del parts.content[i]
                    break
        article = _assemble(parts, r, title=title)
        article.removed = _in_page_order(article.removed, lines)
        article.published = doc.published or page.published or article.published
        article.outlet = article.outlet or (page.outlet.name if page.outlet else page.sitename)
        if not article.author and page.author:
            author = _clean_author(page.author, r)
            if author and not r.outlet_named(author) and author != page.sitename:  # "CNN Indonesia"
                article.author = author
        return article
    lines = split_lines(text)
    parts = _classify(lines, r, html=False)
    title = doc.title
    if title is None:
        # a section label ("Internasional", "Politik") may stand above the headline
        while (len(parts.content) > 2 and len(parts.content[0].split()) <= 2
               and not looks_like_prose(parts.content[0]) and _looks_like_title(parts.content[1], r)):
            parts.removed.append(parts.content.pop(0))
        if len(parts.content) > 1 and _looks_like_title(parts.content[0], r):
            title = parts.content.pop(0)
    article = _assemble(parts, r, title=title)
    article.removed = _in_page_order(article.removed, lines)
    article.published = doc.published or article.published
    return article


def _classify(lines: list[str], r: Rules, *, html: bool) -> _Parts:
    """Sort every line into content, a field, a caption, or removed chrome."""
    parts = _Parts()
    chrome_repeats, prose_repeats = repeated(lines)
    seen_prose: set[str] = set()
    seen_captions: set[str] = set()
    footer = False
    related = False  # under a "Baca juga" / "Jangan lewatkan" header: headlines until the next sentence
    for line in lines:
        started = len(parts.content) >= (1 if html else 2)
        byline = parse_byline(line, r)
        if byline is not None and byline.kind != "source":
            parts.fields.setdefault(byline.kind, byline.value)
            parts.removed.append(line)
            # in scraped text the byline closes the story and the page footer follows; trafilatura has
            # already cut an HTML page's footer, and a byline there may well stand above the story
            footer = footer or (started and not html)
            continue
        credits = parse_credit_line(line, r) if started else []
        if credits:
            for credit in credits:
                parts.fields.setdefault(credit.kind, credit.value)
            parts.removed.append(line)
            continue
        if footer:
            parts.published = parts.published or is_date_line(line, r)
            parts.removed.append(line)
            continue
        if r.footer_start.fullmatch(line):
            # in scraped text, "Artikel Terkait" after the story opens the page footer; on an HTML page
            # (or above the story) it is one more chrome line
            parts.removed.append(line)
            footer = footer or (started and not html)
            continue
        if r.related_start.fullmatch(line.rstrip(" :!.»>")):
            related = True
            parts.removed.append(line)
            continue
        if related:
            if not _ends_related_list(line):
                parts.removed.append(line)
                continue
            related = False
        caption = parse_caption(line, r)
        if caption is not None:
            if caption.text in seen_captions:
                parts.removed.append(line)
            else:
                seen_captions.add(caption.text)
                parts.captions.append(caption)
            continue
        if started and line.lower() in r.wire_alias:  # a closing "ANTARA" line credits the wire
            parts.fields.setdefault("wire_source", r.wire_alias[line.lower()])
            parts.removed.append(line)
            continue
        if is_chrome(line, r) or line in chrome_repeats or r.initials.fullmatch(line):
            parts.removed.append(line)
            continue
        date = is_date_line(line, r)
        if date is not None:
            parts.published = parts.published or date
            parts.removed.append(line)
            continue
        if line in prose_repeats:
            if line in seen_prose:
                parts.removed.append(line)
                continue
            seen_prose.add(line)
        parts.content.append(line)
    return parts


def _assemble(parts: _Parts, r: Rules, *, title: str | None) -> Article:
    content = parts.content
    dateline, at = _find_dateline(content, r)
    if dateline is not None:
        # between the title and the dateline: a deck, a date, or a standfirst that the story repeats
        opening = content[at][len(dateline.prefix):].lstrip(" -–—")
        kept = []
        for line in content[:at]:
            if looks_like_prose(line) and not _overlaps(line, opening):
                kept.append(line)
            else:
                parts.removed.append(line)
        content = [*kept, opening, *content[at + 1:]]
    elif len(content) > 1 and _repeats(content[0], content[1]):
        parts.removed.append(content[0])
        content = content[1:]
    if not content:
        raise NoArticleError("no article text left after removing page chrome")
    if sum(map(len, content)) < MIN_ARTICLE_CHARS and not any(map(looks_like_prose, content)):
        raise NoArticleError("no article text: only short fragments such as navigation were found")
    f = parts.fields
    return Article(
        title=title, lead=content[0],
        outlet=dateline.outlet if dateline else None,
        dateline_place=dateline.place if dateline else None,
        published=parts.published,
        author=f.get("author"), editor=f.get("editor"),
        wire_source=f.get("wire_source") or (dateline.wire_source if dateline else None),
        captions=parts.captions, text="\n\n".join(content), removed=parts.removed)


def _ends_related_list(line: str) -> bool:
    """A sentence of the story, not another linked headline (those may end in "!" or "?")."""
    return looks_like_prose(line) and (not line.endswith(("!", "?")) or len(line.split()) > MAX_TITLE_WORDS)


def _in_page_order(removed: list[str], lines: list[str]) -> list[str]:
    left = Counter(removed)
    ordered = []
    for line in lines:
        if left[line] > 0:
            left[line] -= 1
            ordered.append(line)
    return ordered


def _from_clean(doc: Document, r: Rules) -> Article:
    raw = doc.text or ""
    text, index = normalised(raw)
    if not text:
        raise NoArticleError("the record's text is empty")
    first = text.split("\n\n", 1)[0]
    dateline, rest = split_dateline(first, r)
    body_start = len(first) - len(rest)
    names = []
    for s, e, label in dateline.names if dateline else []:
        start, end = index[s], index[e - 1] + 1
        names.append(Entity(raw[start:end], label, start, end))
    story, story_index = text[body_start:], index[body_start:]
    if story == raw:  # nothing to move back
        story, story_index = "", []
    return Article(title=doc.title, lead=rest, published=doc.published,
                   outlet=dateline.outlet if dateline else None,
                   dateline_place=dateline.place if dateline else None,
                   wire_source=dateline.wire_source if dateline else None,
                   text=raw, story=story, story_index=story_index, dateline_names=names)


def _find_dateline(content: list[str], r: Rules) -> tuple[Dateline | None, int]:
    for i, line in enumerate(content[:DATELINE_WINDOW]):
        dateline, _ = split_dateline(line, r)
        if dateline is not None:
            return dateline, i
    return None, -1


_WORD = re.compile(r"\w+")


def _same(a: str, b: str) -> bool:
    return _WORD.findall(a.lower()) == _WORD.findall(b.lower())


def _contains(line: str, title: str) -> bool:
    a, b = " ".join(_WORD.findall(line.lower())), " ".join(_WORD.findall(title.lower()))
    return bool(b) and b in a


def _overlaps(line: str, paragraph: str) -> bool:
    """Most of line's words are in paragraph: a standfirst that restates the opening."""
    words = _WORD.findall(line.lower())
    inside = set(_WORD.findall(paragraph.lower()))
    return bool(words) and sum(w in inside for w in words) >= 0.8 * len(words)


def _repeats(first: str, second: str) -> bool:
    """The standfirst repeats the opening of the story (word for word)."""
    a, b = _WORD.findall(first.lower()), _WORD.findall(second.lower())
    return len(a) >= 5 and b[:len(a)] == a


def _looks_like_title(line: str, r: Rules) -> bool:
    words = line.split()
    if not 2 <= len(words) <= MAX_TITLE_WORDS or len(line) > MAX_TITLE_CHARS:
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    return split_dateline(line, r)[0] is None


def _clean_author(raw: str, r: Rules) -> str | None:
    value = re.sub(r"^(pewarta|penulis|reporter|oleh|by)\s*:?\s+", "", raw.strip(), flags=re.I)
    if not value or r.author_not.fullmatch(value):
        return None
    return value
