"""The version of symentropy (every layer may import it, like :mod:`symentropy.errors`)."""

__all__ = ["__version__"]

__version__ = "0.1.0"
