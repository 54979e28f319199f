"""newslint's version: one place, read by the package, the build and every cache key."""

__version__ = "0.2.0"
