"""Layer 4, one pair under comparison: both documents, their alignment, the settings rules are told."""
