"""Actors stage: who the document talks about, as PLOVER/CAMEO actors (country + sector).

    from peristiwa.actors import ActorResolver, load_lexicon
    actors = ActorResolver(load_lexicon()).annotate(doc, published="2019-12-20")
    actors.for_token(token)  # -> [ActorMention], pronouns and coordination resolved
"""

from peristiwa.actors.lexicon import ActorEntry, ActorLexicon, Title, build_lexicon, load_lexicon
from peristiwa.actors.resolver import ActorMention, ActorResolver, DocActors

__all__ = ["ActorEntry", "ActorLexicon", "ActorMention", "ActorResolver", "DocActors", "Title", "build_lexicon",
           "load_lexicon"]
