"""Chinese for the import wizard's column page (ui/import_mapping.py): reasons, sheets left
out, the sign date of a sheet without one.

build.py merges every strings_*.py into zh_CN.ts.
"""

STRINGS: dict[str, str] = {
    # the ledger's 待补全 filter (ui/ledger_view.py): what an import left to complete
    "Inco&mplete": "待补全(&M)",
    "Projects an import could not complete: no investor, or only the year signed": (
        "导入时没能补齐的项目：投资主体为空，或签约日期只有年份"
    ),
    "Blue rows are the header, grey rows are titles, totals and notes (not imported). "
    "Yellow columns were matched without certainty: confirm or correct them.": (
        "蓝色行是表头，灰色行是标题、合计和说明（不导入）。"
        "黄色的列是按内容或相近表头推断的，请确认或改正。"
    ),
    "&Import this sheet": "导入此工作表(&I)",
    " (not imported)": "（不导入）",
    " (please confirm)": "（请确认）",
    "Why": "依据",
    "Field of column {column}": "“{column}”列对应的字段",
    "Sign date of these projects (&year / year-month / date):": "这些项目的签约时间（年 / 年月 / 日期）(&Y)：",
    "e.g. 2021, 2021-06 or 2021-06-30": "如 2021、2021-06 或 2021-06-30",
    "The sheet has no sign-date column; the year is taken from its title.": (
        "此表没有签约日期列，已按标题中的年份填入，请核对。"
    ),
    "The sheet has no sign-date column; every project gets this date.": (
        "此表没有签约日期列，所有项目按这个时间导入。"
    ),
    "The sheet has no sign-date column: give the year, month or date.": (
        "此表没有签约日期列：请填写年份、年月或日期。"
    ),
    "Give the sign date of: {sheets}": "请填写这些工作表的签约时间：{sheets}",
    "{count} columns (yellow) were matched by their values or a loose title: please confirm them.": (
        "{count} 列（黄色）是按列中的值或相近的表头推断的，请确认。"
    ),
    "{count} more columns say nothing and are not imported.": "另有 {count} 列没有可认的内容，不导入。",
    "{count} rows are totals, categories or repeated headers and are left out.": (
        "其中 {count} 行是合计、分类或重复表头，不导入。"
    ),
}
