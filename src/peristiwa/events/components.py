"""The Indonesian event stage as registered spaCy components over one Doc, run in the order that
data/events/stage.yaml lists (a component is replaced by naming another there):

    peristiwa_actors    the resolver's mentions      -> doc._.actors (DocActors), doc.spans["actors"]
                                                         (label: country or "-", kb_id: actor name)
    peristiwa_triggers  sentences read for the model -> doc._.event_views (and the quotations they read
                                                         -> doc._.quotes); the learned trigger model's
                        choice                        -> doc._.event_triggers, doc.spans["triggers"]
                                                         (label: PLOVER type, kb_id: CAMEO code)
    peristiwa_roles     the learned role model        -> doc._.roles[(trigger, word)] = {"src": p, "tgt": p}
    peristiwa_events    actors, countries, modality, attribution, dates, places, calibrated confidence
                                                      -> doc._.events, doc._.quotes
    peristiwa_rule_events  the rule coder alone (lexicon-only), in place of the three learned ones

Each component reads what the one before it wrote on the Doc and keeps no state between documents; the
article a Doc was read from (its text, publication date) is on doc._.article. Shared resources (lexicons,
resolver, models) load once per process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from peristiwa.events.labels import label_code, label_type
from peristiwa.events.model import MODEL_DIR

_EXTENSIONS = ("article", "actors", "event_views", "event_triggers", "roles", "events", "quotes")
for _name in _EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@lru_cache(maxsize=4)
def _learned(model_dir: str):
    from peristiwa.events.learned_coder import LearnedCoder

    return LearnedCoder.load(Path(model_dir))


@lru_cache(maxsize=1)
def _rules():
    from peristiwa.events.coder import IndonesianCoder

    return IndonesianCoder()


def _article(doc: Doc):
    article = doc._.article
    if article is None:
        from peristiwa.schema import Article

        article = doc._.article = Article(text=doc.text)
    return article


class Actors:
    def __init__(self, resolver) -> None:
        self.resolver = resolver

    def __call__(self, doc: Doc) -> Doc:
        actors = self.resolver.annotate(doc, _article(doc).published)
        doc._.actors = actors
        doc.spans["actors"] = [Span(doc, m.start, m.end, label=m.actor.country or "-", kb_id=m.actor.name)
                               for m in actors.mentions]
        return doc


class Triggers:
    def __init__(self, coder) -> None:
        self.coder = coder

    def __call__(self, doc: Doc) -> Doc:
        coder, article = self.coder, _article(doc)
        if doc._.actors is None:
            doc._.actors = coder.rules.resolver.annotate(doc, article.published)
        # the quotations are found once per Doc: the views read them, peristiwa_events reports them
        doc._.quotes = coder._quotes(doc, article, doc._.actors)
        views = coder.views(doc, article, rules=coder.model.settings.rules, actors=doc._.actors,
                            quotes=doc._.quotes)
        scores = coder.model.trigger_scores(views)
        chosen = [coder.model.choose_triggers(v, s) for v, s in zip(views, scores, strict=True)]
        doc._.event_views = views
        doc._.event_triggers = chosen
        doc.spans["triggers"] = [Span(doc, p.trigger, p.trigger + 1, label=label_type(p.label),
                                      kb_id=label_code(p.label)) for ps in chosen for p in ps]
        return doc


class Roles:
    def __init__(self, coder) -> None:
        self.coder = coder

    def __call__(self, doc: Doc) -> Doc:
        roles: dict[tuple[int, int], dict[str, float]] = {}
        for view, preds in zip(doc._.event_views, doc._.event_triggers, strict=True):
            for p in preds:
                self.coder.model.assign_roles(view, p)
                for c, ps in p.sources:
                    roles.setdefault((p.trigger, c), {})["src"] = ps
                for c, pt in p.targets:
                    roles.setdefault((p.trigger, c), {})["tgt"] = pt
        doc._.roles = roles
        return doc


class Events:
    def __init__(self, coder) -> None:
        self.coder = coder

    def __call__(self, doc: Doc) -> Doc:
        from peristiwa.events.learned_coder import _doc_key

        coder, article = self.coder, _article(doc)
        doc_key = _doc_key(doc, article)
        events = []
        for si, (view, preds) in enumerate(zip(doc._.event_views, doc._.event_triggers, strict=True)):
            events += coder.events_of(view, si, article, doc_key, predicted=preds)
        doc._.events = events
        if doc._.quotes is None:  # peristiwa_triggers found them (from the same actors) for its views
            doc._.quotes = coder._quotes(doc, article, doc._.actors)
        return doc


class RuleEvents:
    def __init__(self, coder) -> None:
        self.coder = coder

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes, doc._.events = self.coder.code(doc, _article(doc), actors=doc._.actors)
        return doc


@Language.factory("peristiwa_actors", assigns=["doc._.actors", "doc.spans"])
def make_actors(nlp: Language, name: str) -> Actors:
    return Actors(_rules().resolver)


@Language.factory("peristiwa_triggers",
                  assigns=["doc._.event_views", "doc._.event_triggers", "doc._.quotes", "doc.spans"],
                  requires=["doc._.actors"], default_config={"model_dir": ""})
def make_triggers(nlp: Language, name: str, model_dir: str) -> Triggers:
    return Triggers(_learned(model_dir or str(MODEL_DIR)))


@Language.factory("peristiwa_roles", assigns=["doc._.roles"], requires=["doc._.event_triggers"],
                  default_config={"model_dir": ""})
def make_roles(nlp: Language, name: str, model_dir: str) -> Roles:
    return Roles(_learned(model_dir or str(MODEL_DIR)))


@Language.factory("peristiwa_events", assigns=["doc._.events", "doc._.quotes"],
                  requires=["doc._.event_triggers", "doc._.roles"], default_config={"model_dir": ""})
def make_events(nlp: Language, name: str, model_dir: str) -> Events:
    return Events(_learned(model_dir or str(MODEL_DIR)))


@Language.factory("peristiwa_rule_events", assigns=["doc._.events", "doc._.quotes"], requires=["doc._.actors"])
def make_rule_events(nlp: Language, name: str) -> RuleEvents:
    return RuleEvents(_rules())


def stage_components(variant: str = "learned") -> list[str]:
    """The component names of a stage variant in data/events/stage.yaml."""
    text = resources.files("peristiwa").joinpath("data/events/stage.yaml").read_text(encoding="utf-8")
    stages = yaml.safe_load(text)
    if variant not in stages:
        raise KeyError(f"no event stage {variant!r} in data/events/stage.yaml (have {', '.join(stages)})")
    return list(stages[variant])


class EventStage:
    """The event components, assembled once per process on the analysing pipeline's vocabulary; the
    Coder interface of peristiwa.events (`code(doc, article) -> (quotes, events)`)."""

    def __init__(self, vocab, variant: str = "learned") -> None:
        import spacy

        self.variant = variant
        self.nlp = spacy.blank("id", vocab=vocab)
        for name in stage_components(variant):
            self.nlp.add_pipe(name)

    def __call__(self, doc: Doc) -> Doc:
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

    def code(self, doc: Doc, article) -> tuple[list, list]:
        doc._.article = article
        doc = self(doc)
        return doc._.quotes or [], doc._.events or []
