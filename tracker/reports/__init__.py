"""Excel out: the review workbook, the full ledger export, the window's current view, and
what makes them print right.

``styles`` (fonts, borders, print setup, CJK column widths), ``layout`` (title blocks,
tables, sign-off lines) and ``pages`` (fit one A4 width at 100 %, page breaks between
sections) are shared; ``review_report`` assembles ``review_summary`` (汇总),
``review_warnings_sheet`` (预警清单 per project, 预警明细 per warning) and ``review_sheets``
(项目台账, 诉求清单); ``ledger_export`` writes every field with the columns of
``ledger_columns``; ``view_export`` writes what the window shows (``view_columns``);
``output`` saves safely (temp file, a file open in Excel).
"""
