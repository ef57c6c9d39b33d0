"""Filling the report templates the city sends, with the projects of the ledger.

``source`` opens a template (.xlsx family or .xls/.et) with its look; ``layout`` finds its
header (the importer's table finder), the rows to fill, 合计 rows and notes; ``rules``
decides each column's content from its header (the importer's title evidence, read in
reverse, plus computed columns); ``values`` computes them as of a date; ``write`` and
``row_shift`` put the projects in, keeping the template's look; ``placeholders`` fills
填报单位 / 填报日期; ``presets`` remembers a corrected mapping; ``fill`` ties it together.
"""
