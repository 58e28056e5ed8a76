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
def extract(paths: tuple[Path, ...], jsonl_path: Path | None, output: Path | None,
            lang: str | None, published: str | None) -> None:
    """Extract articles, entities, quotes and events from PATHS (files or folders) as JSON Lines."""
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
    ok, failed = write_jsonl(pipeline.run(documents), output)
    for line in failed:
        click.echo(f"error: {line}", err=True)
    click.echo(f"{ok} document(s) extracted, {len(failed)} failed", err=True)
    if ok == 0:
        sys.exit(1)


@main.command()
@click.option("--db", "db_url", default="peristiwa.db", show_default=True,
              help="Database: a SQLite file path, sqlite:///PATH or postgresql://...")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-extract", is_flag=True, help="Enable POST /api/extract (runs the extractor on posted text).")
@click.option("--cors-origin", "cors_origins", multiple=True,
              help="Allow cross-origin GET requests from this origin (repeatable). Off by default.")
def serve(db_url: str, host: str, port: int, allow_extract: bool, cors_origins: tuple[str, ...]) -> None:
    """Serve the dashboard and the JSON API (OpenAPI at /docs) over a peristiwa database, read-only."""
    import uvicorn

    from peristiwa.store import StoreError
    from peristiwa.web.app import create_app

    try:
        app = create_app(db_url, allow_extract=allow_extract, cors_origins=list(cors_origins) or None)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"peristiwa: dashboard at http://{host}:{port}/  (API description at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


if __name__ == "__main__":
    main()
