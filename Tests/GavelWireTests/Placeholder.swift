// Tests for GavelWire: filled in by its issue.
