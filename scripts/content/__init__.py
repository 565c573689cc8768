"""Content generated from data files: charts, industrial-park pages, news listings and feeds, events."""
