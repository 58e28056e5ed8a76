"""HTML pages: main content with trafilatura, metadata from the page's own tags.

The fall-back chain (trafilatura's own lesson): an outlet's known content container from
data/outlets/*.yaml when it is on the page, else trafilatura favouring precision, else trafilatura's
default (recall-leaning) extraction. Title, date, author and site come from trafilatura's metadata reader
(meta tags, JSON-LD, <title>, htmldate), with the outlet's title affixes removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.metadata import extract_metadata

from peristiwa.article.resources import Outlet, Rules

MIN_CONTAINER_CHARS = 80  # an outlet container shorter than this is a teaser, not the story
MIN_BODY_CHARS = 200  # below this, precision mode probably cut the story: retry in recall mode


class NoArticleError(ValueError):
    """The page has no article text (an index page, an error page, an empty shell)."""


@dataclass
class HtmlPage:
    text: str
    title: str | None
    published: str | None
    author: str | None
    sitename: str | None
    host: str | None
    url: str | None
    outlet: Outlet | None
    method: str  # which link of the chain gave the text


def parse_html(html: str) -> lxml.html.HtmlElement:
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise NoArticleError(f"not parseable as HTML: {exc}") from None
    if tree is None:
        raise NoArticleError("not parseable as HTML")
    return tree


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def extract_html(html: str, rules: Rules, url: str | None = None) -> HtmlPage:
    # lxml refuses a str that still declares its byte encoding; the text is decoded already
    html = _XML_DECLARATION.sub("", html, count=1)
    tree = parse_html(html)
    meta = extract_metadata(tree, default_url=url, extensive=True)
    page_url = url or meta.url
    host = meta.hostname or (urlsplit(page_url).hostname if page_url else None)
    outlet = rules.outlet_for_host(host) or rules.outlet_named(meta.sitename)
    text, method = _content(html, tree, outlet)
    if not text or not text.strip():
        raise NoArticleError("no article text found on the page")
    return HtmlPage(text=text, title=_title(meta.title, tree, outlet, rules), published=_iso(meta.date),
                    author=meta.author, sitename=meta.sitename, host=host, url=page_url, outlet=outlet,
                    method=method)


def _content(html: str, tree: lxml.html.HtmlElement, outlet: Outlet | None) -> tuple[str | None, str]:
    if outlet is not None:
        for xpath in outlet.content_xpaths:
            nodes = tree.xpath(xpath)
            if not nodes:
                continue
            node = max(nodes, key=lambda n: len(n.text_content()))
            if len(node.text_content().strip()) < MIN_CONTAINER_CHARS:
                continue
            wrapped = ("<html><body><article>" + lxml.html.tostring(node, encoding="unicode")
                       + "</article></body></html>")
            got = trafilatura.extract(wrapped, favor_recall=True, include_comments=False, include_tables=True)
            if got and len(got) >= MIN_CONTAINER_CHARS:
                opening = _loose_opening(node)
                if opening and opening[:60] not in " ".join(got.split()):
                    got = opening + "\n" + got
                return got, f"outlet:{outlet.name}"
    # Chrome-heavy portals (an outlet file says `trafilatura: precision`) get the precision mode first;
    # other sites get trafilatura's balanced default. trafilatura changes the tree it is given, so it
    # gets the string and parses its own copy.
    if outlet is not None and outlet.trafilatura == "precision":
        got = trafilatura.extract(html, favor_precision=True, include_comments=False)
        if got and len(got) >= MIN_BODY_CHARS:
            return got, "trafilatura:precision"
    got = trafilatura.extract(html, include_comments=False)
    if got:
        return got, "trafilatura:default"
    return trafilatura.extract(html, favor_recall=True, include_comments=False), "trafilatura:recall"


_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "blockquote",
          "figure", "section", "article", "aside", "header", "footer", "nav", "form", "iframe"}
_SKIP = {"script", "style", "noscript", "template"}


def _loose_opening(node: lxml.html.HtmlElement) -> str | None:
    """Text that opens a container outside any paragraph ("<b>VIVA.co.id</b> - Pianis cilik …<p>…").

    trafilatura keeps paragraphs and drops such loose text, which on several Indonesian sites is the
    story's first paragraph, dateline included.
    """
    parts: list[str] = [node.text or ""]

    def walk(el: lxml.html.HtmlElement) -> bool:  # False once a block element is reached
        for child in el:
            if not isinstance(child.tag, str) or child.tag in _SKIP:
                parts.append(child.tail or "")
                continue
            if child.tag in _BLOCK:
                return False
            parts.append(child.text or "")
            if not walk(child):
                return False
            parts.append(child.tail or "")
        return True

    walk(node)
    text = " ".join("".join(parts).split())
    return text if len(text) >= MIN_CONTAINER_CHARS else None


def _iso(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return value[:10]
    return None


def _title(raw: str | None, tree: lxml.html.HtmlElement, outlet: Outlet | None, rules: Rules) -> str | None:
    if not raw:
        return None
    title = _strip_affixes(raw.strip(), outlet, rules)
    # The page's own headline (<h1>) is the cleanest form when it agrees with the metadata title.
    inside, around = [], []
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if len(text.split()) < 3:
            continue
        if text in raw:  # the title with the site's decorations removed
            inside.append(text)
        elif title in text:
            around.append(text)
    best = min(inside, key=len) if inside else (min(around, key=len) if around else None)
    return best or title


def _strip_affixes(title: str, outlet: Outlet | None, rules: Rules) -> str:
    affixes = list(outlet.title_affixes) if outlet else []
    if outlet:
        affixes += [outlet.name, *outlet.aliases]
    parts = rules.title_separators.split(title)
    if len(parts) > 1:
        lowered = {a.lower() for a in affixes}

        def is_site(part: str) -> bool:
            p = part.strip().lower()
            return p in lowered or bool(re.fullmatch(r"[\w-]+(\.[a-z]{2,4}){1,2}", p))

        while len(parts) > 1 and is_site(parts[-1]):
            parts.pop()
        while len(parts) > 1 and is_site(parts[0]):
            parts.pop(0)
        # rejoin what is left with the separators as written
        if len(parts) < len(rules.title_separators.split(title)):
            start = title.find(parts[0])
            end = title.rfind(parts[-1]) + len(parts[-1])
            return title[start:end].strip()
    return title
