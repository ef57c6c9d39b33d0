"""The Chinese user guide (``NN_*.md`` chapters, ``images/*.png`` screenshots made by
resources/help/make_screenshots.py) and the Chinese changelog (``changelog.md``), shipped
inside the package and shown by ``ui.user_guide``."""
