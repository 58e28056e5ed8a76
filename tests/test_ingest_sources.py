"""Ingest sources: folders, globs, WARC (plain and gzip), RSS/Atom; malformed input becomes stored failures."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys

from click.testing import CliRunner
from sqlalchemy import select
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from peristiwa.cli import main
from peristiwa.corpus import IngestOptions, ingest, iter_sources
from peristiwa.store import connect
from peristiwa.store import schema as s

PAGE = """<html><head><title>Menlu bertemu Dubes</title></head><body><article>
<h1>Menlu bertemu Dubes {n}</h1>
<p>JAKARTA - Menteri Luar Negeri bertemu duta besar negara sahabat di Jakarta pada Selasa untuk membahas
kerja sama perdagangan nomor {n}. Pertemuan berlangsung tertutup.</p>
<p>Kedua pihak sepakat melanjutkan pembicaraan bulan depan, kata juru bicara kementerian.</p>
</article></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Contoh</title><link>https://contoh.example/</link><description>Contoh</description>
<item><title>Warga unjuk rasa di Medan</title><link>https://contoh.example/1</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 +0700</pubDate>
<content:encoded><![CDATA[<p>MEDAN - Ratusan warga berunjuk rasa di depan kantor DPRD Medan pada Selasa menolak
kenaikan tarif air. Polisi berjaga di sekitar lokasi.</p><p>Unjuk rasa berakhir damai pada sore hari.</p>]]>
</content:encoded></item>
<item><title>Bupati resmikan jembatan</title><link>https://contoh.example/2</link>
<pubDate>Wed, 06 Mar 2024 09:00:00 +0700</pubDate>
<description>Bupati meresmikan jembatan baru yang menghubungkan dua desa di kabupaten itu pada Rabu.
Jembatan dibangun selama delapan bulan.</description></item>
</channel></rss>"""


def _warc(path, pages: int, *, gz: bool) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for n in range(pages):
            body = PAGE.format(n=n).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://berita.example/{n}", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))
        # a non-HTML record that must be skipped
        writer.write_record(writer.create_warc_record("https://berita.example/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG"),
                                                      http_headers=StatusAndHeaders(
                                                          "200 OK", [("Content-Type", "image/png")],
                                                          protocol="HTTP/1.1")))


def test_warc_and_feed_documents(tmp_path):
    _warc(tmp_path / "a.warc.gz", 3, gz=True)
    _warc(tmp_path / "b.warc", 2, gz=False)
    (tmp_path / "feed.rss").write_text(RSS)
    docs = list(iter_sources([tmp_path]))
    assert [d.error for d in docs] == [None] * 7
    urls = [d.url for d in docs]
    assert urls[:3] == [f"https://berita.example/{n}" for n in range(3)]
    assert "https://contoh.example/1" in urls
    feed = next(d for d in docs if d.url == "https://contoh.example/2")
    assert feed.title == "Bupati resmikan jembatan" and feed.published == "2024-03-06"


def test_malformed_warc_gzip_and_feed_are_stored_failures_naming_the_file(tmp_path):
    good = tmp_path / "good.warc.gz"
    _warc(good, 4, gz=True)
    data = good.read_bytes()
    (tmp_path / "truncated.warc.gz").write_bytes(data[: len(data) // 2])  # the gzip stream breaks off
    (tmp_path / "garbage.warc.gz").write_bytes(b"\x1f\x8b\x08\x00this is not gzip at all" * 10)
    (tmp_path / "notwarc.warc").write_bytes(b"hello, I am plain text, not WARC\n" * 5)
    (tmp_path / "broken.rss").write_text("<rss><channel><item><title>oops")
    (tmp_path / "empty.atom").write_bytes(gzip.compress(b"\x00\x01\x02"))
    db = tmp_path / "t.db"
    summary = ingest([tmp_path], str(db), IngestOptions(progress=False, lang="xx"))
    engine = connect(str(db))
    with engine.connect() as conn:
        failures = {r.source: r.error for r in conn.execute(select(s.failures))}
        ok = conn.execute(select(s.documents.c.url).where(s.documents.c.status == "ok")).scalars().all()
    for name in ("truncated.warc.gz", "garbage.warc.gz", "notwarc.warc", "broken.rss", "empty.atom"):
        src = str(tmp_path / name)
        assert src in failures, (name, failures)
        assert src in failures[src]  # the message names the file
    assert "not a valid WARC" in failures[str(tmp_path / "notwarc.warc")]
    assert "feed" in failures[str(tmp_path / "broken.rss")]
    # the good archive and the pages before the break in the truncated one are stored
    assert len([u for u in ok if u and u.startswith("https://berita.example/")]) >= 4
    assert summary.failed == len(failures)


def test_cli_ingest_glob_then_export_and_stats(tmp_path):
    for n in range(3):
        (tmp_path / f"p{n}.html").write_text(PAGE.format(n=n))
    db = tmp_path / "x.db"

    runner = CliRunner()

    def cli(*args):
        return runner.invoke(main, list(args))

    # the first run as users run it (a real process; --lang xx skips the statistical model, which the
    # parallel tests exercise), the rest in-process for speed
    proc = subprocess.run([sys.executable, "-m", "peristiwa.cli", "ingest", str(tmp_path / "*.html"), "--db",
                           str(db), "--quiet", "--lang", "xx"], capture_output=True, text=True, timeout=300,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "3 stored" in proc.stderr and "0 failed" in proc.stderr
    again = cli("ingest", str(tmp_path / "*.html"), "--db", str(db), "--quiet")
    assert again.exit_code == 0 and "0 stored" in again.stderr and "3 skipped" in again.stderr
    st = cli("stats", "--db", str(db), "--json")
    assert st.exit_code == 0 and '"documents": 3' in st.stdout
    for fmt in ("gdelt", "acled", "plover", "csv", "parquet", "graphml"):
        out = cli("export", "--db", str(db), "--format", fmt, "-o", str(tmp_path / f"out.{fmt}"))
        assert out.exit_code == 0, out.stderr
    bad = cli("export", "--db", str(db), "--format", "gdelt", "--from", "2024-13-01")
    assert bad.exit_code != 0 and "--from" in bad.stderr
    missing = cli("stats", "--db", str(tmp_path / "none.db"))
    assert missing.exit_code != 0 and "not a peristiwa database" in missing.stderr
