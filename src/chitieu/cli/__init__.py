"""Command-line interface: thin Typer commands over ``chitieu.services``."""
