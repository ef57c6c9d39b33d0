"""Excel out: the review workbook, the full ledger export, and what makes them print right.

``styles`` (fonts, borders, print setup, CJK column widths) and ``layout`` (title blocks,
tables, sign-off lines) are shared; ``review_report`` assembles ``review_summary`` (汇总) and
``review_sheets`` (预警清单, 项目台账, 诉求清单); ``ledger_export`` writes every field with the
columns of ``ledger_columns``; ``output`` saves safely (temp file, a file open in Excel).
"""
