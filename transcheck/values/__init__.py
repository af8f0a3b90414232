"""Values read from text by meaning: numbers, money, dates, contacts, links.

Nothing here knows about the Markdown model: text in, values with offsets out.
"""
