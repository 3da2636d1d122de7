"""Every page family, imported so that Django finds the models."""

from .standard import StandardPage

__all__ = ["StandardPage"]
