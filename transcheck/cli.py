"""Command line: options → engine → formatter → exit status. Nothing else lives here."""

from __future__ import annotations

import sys

import click

from . import __version__
from .parse import parse_file
from .source import DEFAULT_MAX_BYTES, InputError
from .treeview import tree_json, tree_text

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _error(message: str) -> None:
    click.echo(f"transcheck: error: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transcheck")
def main() -> None:
    """Check that the language versions of a Markdown page say the same thing."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Indented outline, or the model as JSON.")
@click.option("--max-file-size", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse files larger than this many bytes.")
def tree(files: tuple[str, ...], fmt: str, max_file_size: int) -> None:
    """Show how transcheck reads FILE: front matter keys and the section tree, with lines."""
    status = EXIT_OK
    outputs = []
    for path in files:
        try:
            doc = parse_file(path, max_file_size)
        except InputError as error:
            _error(str(error))
            status = EXIT_USAGE
            continue
        outputs.append(tree_json(doc) if fmt == "json" else tree_text(doc))
    if outputs:
        click.echo(("\n" if fmt == "json" else "\n\n").join(outputs))
    sys.exit(status)
