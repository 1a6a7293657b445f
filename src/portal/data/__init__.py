"""Open data: JSON, CSV, the Atom feed and the downloads page's data section."""
