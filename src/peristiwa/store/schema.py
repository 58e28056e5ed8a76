"""The database schema (SQLAlchemy Core), one definition for SQLite and PostgreSQL.

Keys are deterministic so that a run with 1 process, N processes or a Dask cluster, and a run that was
killed and resumed, give the same rows:
  - documents.id is the content hash (32 hex chars of SHA-256) of what was read;
  - articles/entities/quotes/mentions hang off the document, numbered in document order;
  - actors.id and events.id are 60-bit integers derived from their natural keys (see ids.py), so
    they fit GDELT's integer GLOBALEVENTID and never depend on which worker inserted first.

Table and column names are a published interface (the API and dashboard query them): change them
only additively and bump SCHEMA_VERSION with a step in migrate.py.
"""

from __future__ import annotations

from sqlalchemy import (
    DDL,
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy import event as sa_event

SCHEMA_VERSION = 1

metadata = MetaData()

HASH = String(32)  # content hash of a document (hex)
MENTION_ID = String(48)  # "<document id>:<ordinal>"
# 60-bit ids; on SQLite plain INTEGER so the primary key is the rowid (smaller, faster)
ID64 = BigInteger().with_variant(Integer, "sqlite")

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
    Column("note", Text),
)

documents = Table(
    "documents", metadata,
    Column("id", HASH, primary_key=True, comment="content hash: re-ingesting the same content is a no-op"),
    Column("doc_id", Text, nullable=False, comment="the reader's id (file hash, JSONL id, WARC record id)"),
    Column("source", Text, nullable=False, comment="file path, path:line, WARC path#offset or feed URL"),
    Column("url", Text),
    Column("kind", String(8)),
    Column("language", String(8)),
    Column("status", String(8), nullable=False, comment="ok | failed"),
    Column("num_events", Integer, nullable=False, default=0),
    Column("ingested_at", DateTime(timezone=True)),
)
Index("ix_documents_status", documents.c.status)

articles = Table(
    "articles", metadata,
    Column("document_id", HASH, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("title", Text),
    Column("lead", Text),
    Column("outlet", Text),
    Column("dateline_place", Text),
    Column("published", Date),
    Column("author", Text),
    Column("editor", Text),
    Column("wire_source", Text),
    Column("captions", JSON),
    Column("text", Text, nullable=False, comment="clean body; every offset in the database points here"),
    Column("removed", JSON),
)
Index("ix_articles_published", articles.c.published)
Index("ix_articles_outlet", articles.c.outlet)

entities = Table(
    "entities", metadata,
    Column("document_id", HASH, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
Index("ix_entities_label", entities.c.label)

actors = Table(
    "actors", metadata,
    Column("id", ID64, primary_key=True, autoincrement=False, comment="ids.actor_id(key)"),
    Column("key", Text, nullable=False, unique=True, comment="wikidata id, else name|country|sector"),
    Column("name", Text, nullable=False),
    Column("country", String(8), nullable=False, default=""),
    Column("sector", String(8), nullable=False, default=""),
    Column("wikidata", String(32)),
)
Index("ix_actors_name", actors.c.name)
Index("ix_actors_country", actors.c.country)

events = Table(
    "events", metadata,
    Column("id", ID64, primary_key=True, autoincrement=False,
           comment="ids.event_id(first mention id): stable while no earlier mention arrives"),
    Column("event_type", String(24), nullable=False, comment="PLOVER type"),
    Column("cameo", String(4)),
    Column("quad", Integer),
    Column("goldstein", Float),
    Column("mode", JSON),
    Column("context", JSON),
    Column("modality", String(16)),
    Column("date", Date, comment="event date: resolved from the text, else the article's publication date"),
    Column("date_precision", String(8)),
    Column("date_from_text", Boolean, nullable=False, default=False),
    Column("location_name", Text),
    Column("country", String(8), comment="ISO-3 of the place, else of the first actor"),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("actor1_id", BigInteger, ForeignKey("actors.id")),
    Column("actor2_id", BigInteger, ForeignKey("actors.id")),
    Column("num_mentions", Integer, nullable=False),
    Column("num_sources", Integer, nullable=False, comment="distinct outlets"),
    Column("num_articles", Integer, nullable=False, comment="distinct documents"),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("confidence", Float, comment="highest mention confidence"),
    # the representative (most reliable) mention, copied so lists need no join
    Column("rep_mention_id", MENTION_ID),
    Column("rep_document_id", HASH),
    Column("rep_sentence", Integer),
    Column("rep_text", Text, comment="sentence text of the representative mention"),
    Column("rep_trigger_text", Text),
    Column("rep_trigger_start", Integer),
    Column("rep_trigger_end", Integer),
    Column("rep_url", Text),
    Column("rep_source", Text),
    Column("rep_outlet", Text),
)
Index("ix_events_date", events.c.date)
Index("ix_events_country_date", events.c.country, events.c.date)
Index("ix_events_type_date", events.c.event_type, events.c.date)
Index("ix_events_quad_date", events.c.quad, events.c.date)
Index("ix_events_cameo", events.c.cameo)
Index("ix_events_actor1", events.c.actor1_id)
Index("ix_events_actor2", events.c.actor2_id)
# covering index of the columns the API's filters and aggregations read: loading them for its column
# index scans this (about 40 bytes a row) instead of the whole events table with its sentences
Index("ix_events_filter_columns", events.c.date, events.c.quad, events.c.event_type, events.c.cameo,
      events.c.goldstein, events.c.num_mentions, events.c.country)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", BigInteger, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", BigInteger, ForeignKey("actors.id"), primary_key=True),
    Column("role", String(10), primary_key=True, comment="actor | recipient"),
    Column("num_mentions", Integer, nullable=False, default=1),
)
# network query: edges actor -> recipient per event; actor pages: events of one actor
Index("ix_event_actors_actor_role", event_actors.c.actor_id, event_actors.c.role)

mentions = Table(
    "mentions", metadata,
    Column("id", MENTION_ID, primary_key=True, comment="<document id>:<ordinal>"),
    Column("document_id", HASH, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("event_id", BigInteger, comment="events.id after merging; NULL until merged"),
    Column("coder_id", Text, comment="Event.id as the coder gave it"),
    Column("sentence", Integer, nullable=False),
    Column("text", Text, nullable=False, comment="sentence text"),
    Column("event_type", String(24), nullable=False),
    Column("cameo", String(4)),
    Column("quad", Integer),
    Column("goldstein", Float),
    Column("mode", JSON),
    Column("context", JSON),
    Column("modality", String(16)),
    Column("trigger_text", Text),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("date", Date, comment="resolved from the text; NULL when unresolved"),
    Column("date_precision", String(8)),
    Column("published", Date, comment="the article's publication date (copied for merging)"),
    Column("outlet", Text, comment="the article's outlet (copied for num_sources)"),
    Column("location_name", Text),
    Column("location_country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("confidence", Float),
    Column("attribution_actor_id", BigInteger, ForeignKey("actors.id")),
    Column("attribution_text", Text),
)
Index("ix_mentions_event", mentions.c.event_id)
Index("ix_mentions_document", mentions.c.document_id)
Index("ix_mentions_type_date", mentions.c.event_type, mentions.c.date)

mention_actors = Table(
    "mention_actors", metadata,
    Column("mention_id", MENTION_ID, ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(10), primary_key=True, comment="actor | recipient"),
    Column("ordinal", Integer, primary_key=True),
    Column("actor_id", BigInteger, ForeignKey("actors.id"), nullable=False),
    Column("text", Text, comment="the actor as written in the sentence"),
    Column("start", Integer),
    Column("end", Integer),
)
Index("ix_mention_actors_actor", mention_actors.c.actor_id)

quotes = Table(
    "quotes", metadata,
    Column("document_id", HASH, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("speaker_actor_id", BigInteger, ForeignKey("actors.id")),
    Column("speaker_text", Text),
)
Index("ix_quotes_speaker", quotes.c.speaker_actor_id)

failures = Table(
    "failures", metadata,
    Column("id", HASH, primary_key=True, comment="hash of (source, stage): one row per failing input"),
    Column("document_id", HASH, comment="content hash when the input could be read"),
    Column("source", Text, nullable=False),
    Column("stage", String(16), nullable=False, comment="read | article | analysis | store"),
    Column("error", Text, nullable=False),
    Column("created_at", DateTime(timezone=True)),
)
Index("ix_failures_stage", failures.c.stage)

# Full-text search over event sentences (the API's `q` filter), created with the tables. SQLite: an FTS5
# table keyed by events.id and kept in step by triggers (INSERT OR REPLACE so upserts and rebuilds stay
# consistent); PostgreSQL: a GIN index on the tsvector expression the API queries. Databases made
# before this have neither; the API then falls back to a slower LIKE scan.
EVENTS_FTS_SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(rep_text)",
    "CREATE TRIGGER IF NOT EXISTS events_fts_ai AFTER INSERT ON events BEGIN "
    "INSERT OR REPLACE INTO events_fts(rowid, rep_text) VALUES (new.id, new.rep_text); END",
    "CREATE TRIGGER IF NOT EXISTS events_fts_ad AFTER DELETE ON events BEGIN "
    "DELETE FROM events_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS events_fts_au AFTER UPDATE OF rep_text ON events BEGIN "
    "INSERT OR REPLACE INTO events_fts(rowid, rep_text) VALUES (new.id, new.rep_text); END",
]
EVENTS_FTS_POSTGRESQL = ("CREATE INDEX IF NOT EXISTS ix_events_rep_text_fts ON events "
                         "USING gin (to_tsvector('simple', coalesce(rep_text, '')))")
for _ddl in EVENTS_FTS_SQLITE:
    sa_event.listen(events, "after_create", DDL(_ddl).execute_if(dialect="sqlite"))
sa_event.listen(events, "after_create", DDL(EVENTS_FTS_POSTGRESQL).execute_if(dialect="postgresql"))

__all__ = [
    "SCHEMA_VERSION", "metadata", "schema_version", "documents", "articles", "entities", "actors",
    "events", "event_actors", "mentions", "mention_actors", "quotes", "failures",
]
