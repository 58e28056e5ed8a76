"""Sentence boundaries the parser must respect: paragraph breaks and quotations.

Runs before the parser. spaCy's parser never joins across a boundary that is already set, and never
splits where `is_sent_start` is False, so we fix only what we know:
- a token after a blank line ("\\n\\n") starts a sentence (news paragraphs never share a sentence);
- a closing quote after final punctuation stays with its sentence ('... ," kata dia' is one sentence),
  and so does a reporting verb that follows a closing quote ('"Kami menolak." ujarnya').
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

QUOTES = {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb"}
CLOSING = {'"', "\u201d", "'", "\u2019", "\u00bb"}
FINAL = {".", "!", "?", ",", "...", "\u2026"}


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    n = len(doc)
    if n == 0:
        return doc
    doc[0].is_sent_start = True
    in_quote = False
    for i, tok in enumerate(doc):
        if i == 0:
            continue
        prev = doc[i - 1]
        if prev.is_space and "\n\n" in prev.text or "\n\n" in prev.whitespace_:
            tok.is_sent_start = True
            in_quote = False
            continue
        if tok.text in QUOTES and tok.text != "'":
            # a quote right after final punctuation closes the sentence it ends
            if prev.text in FINAL and in_quote:
                tok.is_sent_start = False
                in_quote = False
                continue
            in_quote = not in_quote if tok.text == '"' else tok.text not in CLOSING
        if prev.text in CLOSING and doc[i - 1].i > 0 and doc[i - 2].text in FINAL and tok.is_lower:
            tok.is_sent_start = False  # '"...," kata Menteri' : the speech verb belongs to the quote
    return doc
