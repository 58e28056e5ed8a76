"""A person's name ends with a word: a small correction after the statistical NER.

In sports and crime copy the model takes the minute or the age after a name into it ("Marinus
Mariyanto 16 '", "Budi ( 35"). A PER entity loses trailing tokens that do not start with a letter.
(Trimming lower-case words off other entities, "kota Cirebon" -> "Cirebon", was tried too: +1.6 F1 on
the news dev set's tune split but -2.7 on NERGrit test, whose spans often hold them; it is not done.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

_PERSON = {"PER", "PERSON"}


@Language.component("person_edges")
def person_edges(doc: Doc) -> Doc:
    ents, changed = [], False
    for e in doc.ents:
        end = e.end
        if e.label_ in _PERSON:
            while end > e.start and not doc[end - 1].text[:1].isalpha():
                end -= 1
        if end == e.end:
            ents.append(e)
        else:
            changed = True
            if end > e.start:
                ents.append(Span(doc, e.start, end, label=e.label_))
    if changed:
        doc.ents = ents
    return doc
