"""places stage."""
