"""Chinese for the review area's UI strings (预警 and 统计 pages, 导出报表 dialog).

build.py merges every strings_*.py into zh_CN.ts.
"""

STRINGS: dict[str, str] = {
    # shared
    "As of": "统计截至",
    "Refresh": "刷新",
    "Reviewing": "正在计算预警",
    # warnings page
    "Level": "预警等级",
    "Rule": "预警类型",
    "Project": "项目名称",
    "Responsible unit": "责任单位",
    "Leader": "包抓领导",
    "Signed on": "签约日期",
    "Facts": "预警事实",
    "All levels": "全部等级",
    "Red": "红灯",
    "Yellow": "黄灯",
    "All rules": "全部类型",
    "All units": "全部单位",
    "Unit": "责任单位",
    "Red: {red}   Yellow: {yellow}   Terminated: {terminated}   Shown: {shown}":
        "红灯 {red} 个   黄灯 {yellow} 个   已终止 {terminated} 个   当前显示 {shown} 条",
    # statistics page
    "Signed projects": "签约项目数",
    "Performance rate": "履约率",
    "Landing rate": "落地率",
    "Start rate": "开工率",
    "Funds rate": "资金到位率",
    "Production rate": "投产率",
    "Mean days to start": "平均签约至开工天数",
    "Mean days from signing to start": "平均签约至开工天数",
    "All years": "全部年份",
    "Signed in": "签约年份",
    "{amount} (10k yuan)": "签约总投资 {amount} 万元",
    "{funds} of {signed}": "到位 {funds} / 签约 {signed} 万元",
    "{n} started projects": "按 {n} 个已开工项目计",
    "Total": "合计",
    "Signed → landed → started → producing": "签约 → 落地 → 开工 → 投产",
    "Projects": "项目数",
    "Rates by responsible unit (%)": "各责任单位履约率、开工率（%）",
    # export dialog
    "Export report": "导出报表",
    "Review workbook (summary, warnings, ledger, open requests)":
        "履约情况评估报表（汇总、预警清单、项目台账、诉求清单）",
    "Full ledger (every field and stage date; can be imported again)":
        "完整台账（全部字段和各阶段日期，可再次导入）",
    "Browse…": "浏览…",
    "Report": "报表",
    "Save as": "保存为",
    "Export": "导出",
    "Save report as": "报表另存为",
    "Excel workbook (*.xlsx)": "Excel 工作簿 (*.xlsx)",
    "Choose where to save the report.": "请选择报表的保存位置。",
    "Writing {name}…": "正在生成“{name}”…",
    "Saved {path}": "已保存：{path}",
    "Cancelled; nothing was saved.": "已取消，未保存任何文件。",
    "Internal error while writing the report: {error}": "生成报表时程序内部出错：{error}",
    "The report was saved to:\n{path}": "报表已保存到：\n{path}",
    "Open file": "打开文件",
    "Open folder": "打开所在文件夹",
}
