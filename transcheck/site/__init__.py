"""Layer 7, whole sites: transcheck's config, Hugo and Zola layouts, pairing, scan, cache, baseline, fixes."""
