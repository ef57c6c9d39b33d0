"""The ledger: every write to the projects, and the ways of reading them back.

``Portfolio`` is the one door for writes: each runs in a transaction and leaves audit rows
(``audit``); new projects, single or a whole import, go through ``creation``; progress,
visits and problems through ``child_records``. Reading: ``queries`` filters and sorts in
SQL, ``rows`` shapes rows into 万元 and JSON, ``loader`` builds whole ``Project``s in bulk
(the editor, the review and the reports all use it), ``search_index`` keeps the filtered
ledger in memory for the window. ``settings`` are the options stored with the data;
``demo`` writes a demonstration county.
"""
