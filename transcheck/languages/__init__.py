"""Layer 2, languages: tag spelling, the language a page declares or its path implies, and detection."""
