"""laborsim analysis helpers: load simulation outputs and sweep summaries with pandas.

Import from the repository's tools/ folder (``sys.path.insert(0, "tools")``)."""

__all__ = ["sweeps"]
