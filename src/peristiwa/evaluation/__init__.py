"""`make eval`: accuracy of each stage on ../shared/data. One module per stage; see peristiwa.report."""

SECTIONS = ["article", "nlp", "actors", "events", "event_filters", "events_headlines", "events_en"]
