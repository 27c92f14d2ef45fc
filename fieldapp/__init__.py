"""FieldApp core: the local store, the domain use cases, search, demo data and the CLI.

This package never imports Qt, nor the ``sync`` or ``ui`` packages.
"""

__version__ = "0.1.0"
