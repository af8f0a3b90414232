"""Layer 6, checking a pair: run the selected rules, then apply settings and suppressions in one place."""
