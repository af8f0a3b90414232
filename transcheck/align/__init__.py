"""Layer 3, alignment: sections and blocks of two versions paired by language-neutral content, and sentences."""
