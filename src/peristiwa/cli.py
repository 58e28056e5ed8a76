"""Command-line interface only: parse arguments, call the library, print."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from peristiwa.output import write_jsonl


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="peristiwa")
def main() -> None:
    """peristiwa: political event data from Indonesian and English news."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--jsonl", "jsonl_path", type=click.Path(path_type=Path),
              help="JSON Lines of clean articles: {id, text, title?, published?, url?, lang?}.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write JSON Lines here instead of stdout.")
@click.option("--lang", help="Language of every document (skip language identification).")
@click.option("--published", help="Publication date YYYY-MM-DD for every document (overrides the page).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Leave out events whose confidence (the probability that they are right) is lower.")
@click.option("--graph", "graph_path", type=click.Path(path_type=Path),
              help="Also draw the documents' actor network as an SVG file.")
def extract(paths: tuple[Path, ...], jsonl_path: Path | None, output: Path | None,
            lang: str | None, published: str | None, graph_path: Path | None = None,
            min_confidence: float = 0.0) -> None:
    """Extract articles, entities, quotes and events from PATHS (files or folders; `-` reads one text or
    HTML document from standard input) as JSON Lines."""
    from peristiwa.ingest import iter_documents, iter_jsonl_records
    from peristiwa.pipeline import Pipeline
    from peristiwa.util.dates import validate_iso_date

    if published is not None:
        try:
            validate_iso_date(published)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--published") from exc
    if not paths and jsonl_path is None:
        raise click.UsageError("give at least one PATH or --jsonl FILE")
    sources = []
    if paths:
        sources.append(iter_documents(paths))
    if jsonl_path is not None:
        sources.append(iter_jsonl_records(jsonl_path))
    pipeline = Pipeline(lang=lang, published=published)
    documents = (doc for src in sources for doc in src)
    events: list[dict] = []
    ok, failed = write_jsonl(_keep_events(pipeline.run(documents), events if graph_path else None, min_confidence),
                             output)
    if graph_path is not None:
        from peristiwa.graph import network_svg

        graph_path.write_text(network_svg([{"events": events}]), encoding="utf-8")
        click.echo(f"actor network written to {graph_path}", err=True)
    for line in failed:
        click.echo(f"error: {line}", err=True)
    click.echo(f"{ok} document(s) extracted, {len(failed)} failed", err=True)
    if ok == 0:
        sys.exit(1)


def _keep_events(results, into: list | None, min_confidence: float = 0.0):
    """Pass results through with the events of at least `min_confidence`, keeping those as JSON dicts when
    `into` is given (for --graph)."""
    from peristiwa.schema import to_dict

    for r in results:
        if min_confidence > 0:
            # the calibrated confidence is what a user filters on: dyads rather than counts (English: >= 0.3)
            r.events = [e for e in r.events if e.confidence >= min_confidence]
        if into is not None:
            into += [to_dict(e) for e in r.events]
        yield r


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="SVG file to write.")
@click.option("--lang", help="Language of every document (skip language identification).")
@click.option("--published", help="Publication date YYYY-MM-DD for every document (overrides the page).")
@click.option("--title", default="peristiwa: actor network", show_default=True, help="Title printed on the picture.")
def graph(paths: tuple[Path, ...], output: Path, lang: str | None, published: str | None, title: str) -> None:
    """Draw the actor network of PATHS as an SVG: actors as nodes, events as edges coloured by quad class.

    PATHS are documents (as for extract) or JSON Lines written by `peristiwa extract` (reused as they are).
    """
    import json

    from peristiwa.graph import network_svg
    from peristiwa.ingest import iter_documents
    from peristiwa.pipeline import Pipeline
    from peristiwa.schema import to_dict

    results: list[dict] = []
    documents = []
    for path in paths:
        if path.is_file() and path.suffix == ".jsonl" and _is_extract_output(path):
            with path.open(encoding="utf-8") as fh:
                results += [json.loads(line) for line in fh if line.strip()]
        else:
            documents.append(path)
    if documents:
        for r in Pipeline(lang=lang, published=published).run(iter_documents(documents)):
            if r.error:
                click.echo(f"error: {r.error}", err=True)
            results.append({"events": [to_dict(e) for e in r.events]})
    output.write_text(network_svg(results, title), encoding="utf-8")
    n = sum(len(r.get("events") or []) for r in results)
    click.echo(f"{len(results)} document(s), {n} event(s): actor network written to {output}", err=True)


def _is_extract_output(path: Path) -> bool:
    import json

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    return "events" in json.loads(line)
                except ValueError:
                    return False
    return False


@main.command()
@click.option("--db", "db_url", default="peristiwa.db", show_default=True,
              help="Database: a SQLite file path, sqlite:///PATH or postgresql://...")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", type=click.IntRange(1, 64),
              help="Server processes sharing the port [default: the number of CPU cores].")
@click.option("--cache-mb", default=64, show_default=True, type=click.IntRange(0, 65536),
              help="Response cache per worker, in MiB (0: no cache).")
@click.option("--index-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Where the column index is saved [default: DB.index beside a SQLite file, else ~/.cache].")
@click.option("--allow-extract", is_flag=True, help="Enable POST /api/extract (runs the extractor on posted text).")
@click.option("--cors-origin", "cors_origins", multiple=True,
              help="Allow cross-origin GET requests from this origin (repeatable). Off by default.")
def serve(db_url: str, host: str, port: int, workers: int | None, cache_mb: int, index_dir: Path | None,
          allow_extract: bool, cors_origins: tuple[str, ...]) -> None:
    """Serve the dashboard and the JSON API (OpenAPI at /docs) over a peristiwa database, read-only."""
    from peristiwa.store import StoreError
    from peristiwa.web.serve import ServeOptions, run

    opts = ServeOptions(db_url=db_url, host=host, port=port, workers=workers, cache_bytes=cache_mb * 2**20,
                        index_folder=index_dir, allow_extract=allow_extract, cors_origins=list(cors_origins))
    try:
        run(opts, announce=lambda line: click.echo(line, err=True))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.option("--conllu", "conllu_path", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="CoNLL-U file: keep its words and sentences, predict UPOS, LEMMA, HEAD, DEPREL.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write CoNLL-U here instead of stdout.")
@click.option("--lang", default="id", show_default=True, type=click.Choice(["id", "en"]),
              help="Which pipeline: the shipped Indonesian one or the installed English one.")
@click.argument("text_file", required=False, type=click.Path(path_type=Path, exists=True, dir_okay=False))
def nlp(conllu_path: Path | None, output: Path | None, lang: str, text_file: Path | None) -> None:
    """Analyse Indonesian (or English) text and print CoNLL-U (or re-annotate --conllu)."""
    from peristiwa.nlp.cli import run_nlp

    if (conllu_path is None) == (text_file is None):
        raise click.UsageError("give either --conllu FILE or a plain TEXT_FILE")
    try:
        run_nlp(conllu_path, text_file, output, lang)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc


_DB_HELP = "Database: a SQLite file path, sqlite:///PATH or postgresql://USER@HOST/DB"


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", "db_url", default="peristiwa.db", show_default=True, help=_DB_HELP)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Pipeline processes on this machine (one writer).")
@click.option("--dask", "dask_address", help="Run on a Dask cluster (scheduler address); workers write to --db.")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000),
              help="Documents per pipeline call and per database transaction.")
@click.option("--lang", help="Language of every document (skip language identification).")
@click.option("--published", help="Publication date YYYY-MM-DD for every document.")
@click.option("--retry-failed", is_flag=True, help="Process documents stored as failed again.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest(sources: tuple[str, ...], db_url: str, workers: int, dask_address: str | None, batch_size: int,
           lang: str | None, published: str | None, retry_failed: bool, quiet: bool) -> None:
    """Ingest SOURCES (files, folders, globs, .jsonl, WARC, RSS/Atom files or URLs) into a database.

    Re-running skips stored documents; an interrupted run resumes where it stopped."""
    from peristiwa.corpus import IngestOptions
    from peristiwa.corpus import ingest as run_ingest
    from peristiwa.store import StoreError

    opts = IngestOptions(workers=workers, dask=dask_address, chunk=batch_size, lang=lang, published=published,
                         retry_failed=retry_failed, progress=not quiet)
    try:
        summary = run_ingest(list(sources), db_url, opts)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    for line in summary.failures[:20]:
        click.echo(f"failed: {line}", err=True)
    if len(summary.failures) > 20:
        click.echo(f"... and {len(summary.failures) - 20} more (table `failures`)", err=True)
    click.echo(f"{summary.seen} document(s) read, {summary.stored} stored, {summary.failed} failed, "
               f"{summary.skipped} skipped (already stored or repeated); {summary.mentions} event mention(s); "
               f"{summary.events} event(s) in the database; {summary.seconds:.1f} s "
               f"({summary.docs_per_s:.1f} docs/s)", err=True)
    if summary.new and summary.stored == 0:
        sys.exit(1)


@main.command()
@click.option("--db", "db_url", default="peristiwa.db", show_default=True, help=_DB_HELP)
@click.option("--format", "fmt", required=True,
              type=click.Choice(["plover", "gdelt", "acled", "csv", "parquet", "graphml"]))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Output file (stdout when absent).")
@click.option("--from", "date_from", help="First event date, YYYY-MM-DD.")
@click.option("--to", "date_to", help="Last event date, YYYY-MM-DD.")
@click.option("--country", multiple=True, help="ISO-3 code of the place or of an actor (repeatable).")
@click.option("--actor", multiple=True, help="Actor name, key or Wikidata id (repeatable).")
@click.option("--type", "event_types", multiple=True, help="PLOVER event type (repeatable).")
@click.option("--quad", multiple=True, type=click.IntRange(1, 4), help="Quad class 1-4 (repeatable).")
@click.option("--cameo", multiple=True, help="CAMEO code prefix (repeatable).")
@click.option("--min-mentions", default=1, show_default=True, type=click.IntRange(1))
@click.option("--header", is_flag=True, help="gdelt: write the column names first (GDELT files have none).")
def export(db_url: str, fmt: str, output: Path | None, date_from: str | None, date_to: str | None,
           country: tuple[str, ...], actor: tuple[str, ...], event_types: tuple[str, ...], quad: tuple[int, ...],
           cameo: tuple[str, ...], min_mentions: int, header: bool) -> None:
    """Export stored events as PLOVER JSONL, GDELT 2.0 TSV, ACLED CSV, CSV, Parquet or GraphML."""
    import datetime as dt

    from peristiwa.export import export_events
    from peristiwa.store import StoreError, connect
    from peristiwa.store.db import schema_version_of
    from peristiwa.store.queries import EventFilter

    dates = {}
    for name, value in (("--from", date_from), ("--to", date_to)):
        try:
            dates[name] = dt.date.fromisoformat(value) if value else None
        except ValueError as exc:
            raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint=name) from exc
    flt = EventFilter(date_from=dates["--from"], date_to=dates["--to"], countries=list(country),
                      actors=list(actor), event_types=list(event_types), quads=list(quad), cameo=list(cameo),
                      min_mentions=min_mentions)
    try:
        engine = connect(db_url)
        if schema_version_of(engine) is None:
            raise click.ClickException(f"{db_url}: not a peristiwa database (run `peristiwa ingest` first)")
        n = export_events(engine, fmt, output, flt, header=header)
    except (StoreError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{n} {'edge' if fmt == 'graphml' else 'event'}(s) written"
               + (f" to {output}" if output else ""), err=True)


@main.command()
@click.option("--db", "db_url", default="peristiwa.db", show_default=True, help=_DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def stats(db_url: str, as_json: bool) -> None:
    """Summarise a database: documents, failures, events by type, quad class and country."""
    import json

    from peristiwa.store import StoreError, connect
    from peristiwa.store.db import schema_version_of
    from peristiwa.store.queries import stats as db_stats

    try:
        engine = connect(db_url)
        version = schema_version_of(engine)
        if version is None:
            raise click.ClickException(f"{db_url}: not a peristiwa database (run `peristiwa ingest` first)")
        with engine.connect() as conn:
            got = {"schema_version": version, **db_stats(conn)}
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(got, indent=1))
        return
    for key, value in got.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        click.echo(f"{key:>18}: {value}")


if __name__ == "__main__":
    main()
