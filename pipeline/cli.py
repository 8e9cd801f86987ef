"""The `servanda` command: a thin typer layer over the library API."""
from __future__ import annotations

import typer

app = typer.Typer(
    help="servanda: extract commitments, recitals, disclaimers, parties and officials "
    "from international agreements and news about them.",
    no_args_is_help=True,
    add_completion=False,
)


def _register_subcommands() -> None:
    from .cli_annotations import app as annotations_app

    app.add_typer(annotations_app, name="annotations")


_register_subcommands()


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":
    main()
