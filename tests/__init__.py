"""The test suite: one folder per package of ``tracker`` (and ``ui``), shared helpers in ``helpers``."""
