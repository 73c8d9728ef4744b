// Tests for GavelStore: filled in by its issue.
