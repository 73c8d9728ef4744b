// Tests for GavelAudit: filled in by its issue.
