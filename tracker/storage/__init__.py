"""The database file: where it lives, whether it is ours, its schema, backups and checks.

``paths`` finds the default file in the user's data folder; ``file_check`` recognises a
tracker database (and refuses a foreign or newer one untouched); ``db`` opens, migrates and
checks it; ``schema`` holds the numbered migrations; ``backup`` copies and restores;
``integrity`` is the ``check`` command's list of problems. Nothing here knows a project's
rules: that is ``tracker.ledger``.
"""
