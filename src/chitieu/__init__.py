"""chitieu: track the targets of Vietnamese resolutions and plans."""

__version__ = "0.1.0"
