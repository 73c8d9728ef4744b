// GavelStore: see shared/design.md. (Filled in by its issue.)
