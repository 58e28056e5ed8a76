"""Language id and the statistical pipelines."""
