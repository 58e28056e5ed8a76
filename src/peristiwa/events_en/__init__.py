"""English event coding: a shallow TABARI/PETRARCH-style pattern coder over spaCy's blank English tokenizer.

    from peristiwa.events_en import EnglishCoder, english_nlp
    doc = english_nlp()(article.text)
    quotes, events = EnglishCoder().code(doc, article)

Lexicons are data (data/events_en/: verbs, patterns, agents and actors generated from the PETRARCH-2 and
Phoenix dictionaries by scripts/build_english_lexicon.py; cues and event nouns written by hand). See
docs/events-en.md.
"""

from peristiwa.events_en.nlp import blank_english_nlp, english_nlp
from peristiwa.events_en.tree import EnglishCoder

__all__ = ["EnglishCoder", "blank_english_nlp", "english_nlp"]
