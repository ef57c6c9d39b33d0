"""Chinese for the review-meeting strings: the ledger legend and tooltips, the editor's
预警 strip, 打印 / 导出当前视图, the status totals, the 统计 tabs and the 预警 counts.

build.py merges every strings_*.py into zh_CN.ts.
"""

STRINGS: dict[str, str] = {
    # ledger legend and tooltips
    "Row colours:": "行颜色：",
    "Red row": "红",
    "Yellow row": "黄",
    "Grey row": "灰",
    "has a red warning": "有红灯预警",
    "has a yellow warning": "有黄灯预警",
    "terminated": "已终止",
    "Point at a row to see its warnings; open the project for the details.": (
        "鼠标停在某行上可看到它的预警；打开项目可看到预警事实和阈值。"
    ),
    "no reason given": "未填原因",
    "Terminated {date}: {reason}": "已终止（{date}）：{reason}",
    # what the ledger shows, in words
    "search “{text}”": "搜索“{text}”",
    "all projects": "全部项目",
    "descending": "降序",
    "ascending": "升序",
    "{filter}; sorted by {column}, {order}": "{filter}；按{column}{order}",
    # status bar totals (they follow the filter)
    "{total} projects · signed total {amount} (10k yuan)": "共 {total} 个项目 · 签约总额 {amount} 万元",
    "{total} projects · {shown} shown · signed total {amount} (10k yuan)": (
        "共 {total} 个项目 · 筛选后 {shown} 个 · 签约总额 {amount} 万元"
    ),
    # printing
    "Page {n} of {total}": "第 {n} 页 共 {total} 页",
    "Print preview": "打印预览",
    "&Print…": "打印(&P)…",
    "Print": "打印",
    "Print the ledger or the warning list as filtered and sorted on screen": (
        "按当前的筛选和排序打印台账或预警清单"
    ),
    "Preparing the printout": "正在准备打印",
    "{n} rows are shown: about {pages} pages. Print them all? "
    "(Filter the ledger first to print fewer.)": (
        "当前显示 {n} 行，约 {pages} 页。全部打印吗？（可先筛选台账，少打印一些。）"
    ),
    "The warnings are still loading.": "预警仍在计算中，请稍候。",
    "{county} ledger of signed projects": "{county}签约项目台账",
    "{county} warning list (signed and forgotten)": "{county}“一签了之”预警清单",
    "Filter: {filter}    {n} projects · signed total {amount} (10k yuan)": (
        "筛选：{filter}    共 {n} 个项目 · 签约总额 {amount} 万元"
    ),
    "{subtitle}    Printed {date}": "{subtitle}    打印日期：{date}",
    "{filter}    Printed {date}": "{filter}    打印日期：{date}",
    # exporting the current view
    "Export current &view…": "导出当前视图(&V)…",
    "Export current view": "导出当前视图",
    "Save the rows and columns on screen as an Excel workbook": (
        "把屏幕上的行和列（按当前筛选和排序）保存为 Excel 工作簿"
    ),
    "{subtitle}    Exported {date}": "{subtitle}    导出日期：{date}",
    "{filter}    Exported {date}": "{filter}    导出日期：{date}",
    "Exported {n} rows to {path}": "已导出 {n} 行：{path}",
    # the editor's 预警 strip
    "Terminated {date}: no warnings are raised.": "已于 {date} 终止，不再预警。",
    "Reason: {reason}": "终止原因：{reason}",
    "No warnings as of {date}.": "截至 {date} 无预警。",
    "Warnings as of {date}: {red} red, {yellow} yellow": (
        "预警（截至 {date}）：红灯 {red} 条，黄灯 {yellow} 条"
    ),
    "Threshold": "触发阈值",
    # the 预警 page counts projects and warnings apart
    "Red projects: {red_projects}   Yellow projects: {yellow_projects}   "
    "Warnings: {warnings} (red {red}, yellow {yellow})   Terminated: {terminated}": (
        "红灯项目 {red_projects} 个   黄灯项目 {yellow_projects} 个   "
        "预警 {warnings} 条（红灯 {red} 条，黄灯 {yellow} 条）   已终止 {terminated} 个"
    ),
    "Shown: {n} warnings": "当前显示 {n} 条预警",
    "Shown: {n} projects": "当前显示 {n} 个项目",
    "Show": "显示",
    "One row per warning": "每条预警一行",
    "One row per project": "每个项目一行",
    "Rules": "预警类型",
    "As of {date}": "统计截至 {date}",
    "{red} red projects, {yellow} yellow projects, {n} warnings": (
        "红灯项目 {red} 个，黄灯项目 {yellow} 个，预警 {n} 条"
    ),
    # the 统计 page
    "&Charts": "图表(&C)",
    "By &unit": "按责任单位(&U)",
    "By i&ndustry": "按产业类别(&N)",
    "Town / park": "落地乡镇/园区",
    "By &town": "按乡镇/园区(&T)",
    "&Definitions": "口径说明(&D)",
}
