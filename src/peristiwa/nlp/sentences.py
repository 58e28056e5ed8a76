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
    for i in range(1, n):
        tok, prev = doc[i], doc[i - 1]
        if prev.is_space and "\n\n" in prev.text:
            tok.is_sent_start = True
            in_quote = False
        if tok.text in QUOTES and tok.text != "'":  # apostrophes are too ambiguous to track
            if in_quote and prev.text in FINAL:
                tok.is_sent_start = False  # the closing quote ends the sentence it closes
                in_quote = False
                continue
            in_quote = (not in_quote) if tok.text == '"' else tok.text not in CLOSING
        if i >= 2 and prev.text in CLOSING and doc[i - 2].text in FINAL and tok.is_lower:
            tok.is_sent_start = False  # '"...," kata Menteri': the speech verb belongs to the quote
    return doc
