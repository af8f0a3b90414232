"""Layer 4, git history: which translations fell behind their source, read once per repository."""
