"""transcheck: compare the language versions of a Markdown page and report drift."""

__version__ = "0.1.0"
