"""`make bench`: speed and memory of each stage. One module per stage; see peristiwa.report."""

SECTIONS = ["article", "nlp", "extract", "extract_en", "ingest", "api"]
