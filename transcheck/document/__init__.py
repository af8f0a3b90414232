"""Layer 1, reading a page: bytes to text, front matter, Markdown and shortcodes to the section-tree model.

Imports nothing of transcheck but the findings and wording foundation."""
