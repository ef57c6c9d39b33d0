"""The ledger's vocabulary and values, with no database and no files.

Stages, statuses and the project fields (``vocabulary``), the record dataclasses a project
is made of (``project``), exact money in 万元 (``money``), dates with their precision
(``dates``), what a clerk types into a form (``typed_input``), the checks every field passes
before it is stored (``fields``) and the keys search and duplicate matching use
(``search_keys``). Everything else in ``tracker`` speaks these words.
"""
