"""Chinese for the import wizard's UI strings (ui/import_*.py).

build.py merges every strings_*.py into zh_CN.ts.
"""

STRINGS: dict[str, str] = {
    "Import spreadsheets": "导入往年台账",
    "New": "新增",
    "Update": "更新",
    "Skip": "跳过",
    "Reject": "拒绝",
    "Sheet": "工作表",
    "Row": "行号",
    "Action": "处理",
    "Project name": "项目名称",
    "Investor": "投资主体",
    "Signed on": "签约日期",
    "Amount (10k yuan)": "签约金额（万元）",
    "Reasons": "原因",
    "Reading files": "正在读取文件",
    "Opening encrypted files": "正在打开加密文件",
    "No project rows were found.": "没有找到项目数据行。",
    "Checking rows": "正在检查数据行",
    "The import failed; nothing was written.": "导入失败，没有写入任何内容。",
    "Importing": "正在导入",
    "Cancelled: nothing was written.": "已取消，没有写入任何内容。",
    "Undone: {deleted} new projects removed, {reverted} changes reverted.":
        "已撤销：删除新增项目 {deleted} 个，还原修改 {reverted} 处。",
    "Undoing the import": "正在撤销导入",
    "Save rejected rows": "保存错误行",
    "Rejected rows saved to: {paths}": "错误行已保存到：{paths}",
    "Saving rejected rows": "正在保存错误行",
    "{rows} project rows: {create} new, {update} updated, {skip} skipped, {reject} rejected.":
        "共 {rows} 行项目数据：新增 {create}，更新 {update}，跳过 {skip}，拒绝 {reject}。",
    "Choose the spreadsheets to import": "选择要导入的表格",
    "Previous-year ledgers: .xlsx, .xls, .ods, .csv or a web table. You can also drop files here.":
        "往年台账：.xlsx、.xls、.ods、.csv 或网页表格，也可以把文件拖到这里。",
    "Add files…": "添加文件…",
    "Remove": "移除",
    "Choose spreadsheets": "选择表格文件",
    "Password": "密码",
    "These workbooks are encrypted. Enter the password to open them (it is used only in memory and not saved).":
        "以下工作簿已加密。请输入打开密码（只在内存中使用，不会保存）。",
    "Wrong password for: {files}": "密码不对：{files}",
    "Check the columns": "核对列",
    "Blue rows are the header, grey rows are titles, totals and notes (not imported). Correct any column whose field is wrong.":
        "蓝色行是表头，灰色行是标题、合计和备注（不导入）。如有列对应错误，请在右侧改正。",
    "Column": "列",
    "Field": "对应字段",
    "(not imported)": "（不导入）",
    "Skipped: {reason}": "已跳过：{reason}",
    "Header in row {rows}; {count} project rows; amounts in {unit}.":
        "表头在第 {rows} 行；项目数据 {count} 行；金额单位：{unit}。",
    "the header's unit": "按表头所注单位（未注明按万元）",
    "What will be imported": "导入预览",
    "Nothing has been written yet. Red rows will not be imported; the reason is beside each.":
        "目前尚未写入任何内容。红色行不会导入，原因写在每行右侧。",
    "All rows": "全部行",
    "Rows with problems": "有问题的行",
    "Rejected": "拒绝",
    "Updated": "更新",
    "Skipped": "跳过",
    "Projects already in the ledger": "库中已有的项目",
    "Update them with the file's values (blank cells never erase anything)":
        "用表中的内容更新（空白单元格不会清除已有内容）",
    "Leave them as they are": "保持不变，跳过",
    "{count} rows match projects already stored and differ from them. Rows repeated within the file are always skipped.":
        "有 {count} 行与库中已有项目相同但内容有变化。表内重复的行一律跳过。",
    "Import now": "开始导入",
    "A backup of the database is made first. The whole import is one step: cancelled or failed, nothing is written.":
        "导入前先备份数据库。整个导入是一步完成的：取消或失败都不会写入任何内容。",
    "Import finished": "导入完成",
    "Undo this import": "撤销本次导入",
    "Export rejected rows…": "导出错误行…",
    "Batch number: {ids}": "导入批次号：{ids}",
}
