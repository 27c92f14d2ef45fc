"""The subcommands of the ``fieldapp`` command line, one small module per topic.

``base`` holds what every subcommand shares (the ``Command`` record, ``--profile``, opening
the store, printing); each other module exports ``COMMANDS``, a list that
``fieldapp.cli`` registers. Adding a core subcommand is a new module here plus one line
in ``fieldapp.cli.BUILTIN_COMMANDS``.
"""
