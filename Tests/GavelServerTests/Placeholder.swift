// Tests for GavelServer: filled in by its issue.
