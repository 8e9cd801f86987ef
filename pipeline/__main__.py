"""``python -m servanda``: the command line."""

from .cli import main

main()
