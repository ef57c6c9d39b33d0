"""Previous years' spreadsheets into the ledger, without retyping.

The pipeline, one module a step: ``read`` (any Excel/WPS/ODS/CSV/HTML file, by its bytes,
into ``workbook`` grids; ``read_text`` for CSV and HTML), ``table`` (find the header rows,
title rows, totals and notes), ``mapping`` + ``synonyms`` (which column is which field),
``values`` (dates, amounts, stages as old ledgers write them), ``rows`` (one row into
fields, errors and warnings), ``plan`` (the dry run: create / update / skip / reject per row,
``changes`` against what is stored), ``apply`` (one batch, backed up first), ``undo``
(take a batch back from the audit trail), ``errors_out`` (rejected rows as a workbook to
fix). ``session`` is the wizard's view of the same steps.
"""
