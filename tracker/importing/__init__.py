"""Previous years' spreadsheets into the ledger, without retyping.

The pipeline, one module a step: ``read`` (any Excel/WPS/ODS/CSV/HTML file, by its bytes,
into ``workbook`` grids; ``read_text`` for CSV and HTML), ``sheets`` (which sheets, saved
presets, the sign-date default), ``table`` (find the header rows and title rows; the result
is a ``table_model.Table``), ``titles`` + ``synonyms`` (what a header says) and ``profile``
(what the values under it are) combined by ``mapping`` (which column is which field, and
why), ``row_kinds`` (projects vs totals, categories, repeated headers, notes), ``values``
(dates, amounts, stages as old ledgers write them), ``rows`` (rows into fields, errors and
warnings, column by column), ``plan`` (the dry run: create / update / skip / reject per row,
``changes`` against what is stored), ``apply`` (one batch, backed up first), ``undo``
(take a batch back from the audit trail), ``errors_out`` (rejected rows as a workbook to
fix). ``session`` is the wizard's view of the same steps.
"""
