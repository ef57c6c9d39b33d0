"""Chinese for the delivered product's own strings: first-run set-up, the demo, the help
menu (user guide, shortcuts, changelog, about), the sync-folder warning, the self-test.

build.py merges every strings_*.py; other areas keep their own file.
"""

STRINGS: dict[str, str] = {
    # first run
    "Welcome to the signed project tracker": "欢迎使用签约项目跟踪",
    "Before you start: whose ledger is this? These names are printed on every report "
    "(title, 填报单位, 填表人); you can change them later in Tools → Settings.": "开始之前，请先填写这本台账属于哪里。这些名称会印在每一份报表上（标题、填报单位、填表人），以后可在“工具 → 设置”中修改。",
    "e.g. 青溪县 (required)": "例如：青溪县（必填）",
    "e.g. 青溪县投资促进中心 (required)": "例如：青溪县投资促进中心（必填）",
    "your name (optional: else a blank line to sign)": "您的姓名（可不填：报表上留空待签）",
    "Optional: names the editor offers (paste one per line)": "可选：录入时可供选择的名单（每行一个，可直接粘贴）",
    "Paste a column from Excel,\nor type one per line": "从 Excel 复制一列粘贴到这里，\n或每行输入一个",
    "&Import last years' ledgers…": "导入往年台账(&I)…",
    "From Excel, WPS or CSV files; the columns are recognised by themselves.": "从 Excel、WPS 或 CSV 台账导入，自动识别各列。",
    "Start an &empty ledger": "新建空台账(&E)",
    "Enter projects one by one (新建项目, Ctrl+N).": "从零开始，逐个录入项目（新建项目，Ctrl+N）。",
    "Look at the &demo first": "先看演示(&D)",
    "A made-up county in a separate file: try anything, your ledger stays empty.": "打开一份虚构的演示台账（单独的文件）随便试，您自己的台账不受影响。",
    "Please fill in {label}.": "请填写{label}。",
    "Ready: add the first project with New project (Ctrl+N).": "台账已建好：用“新建项目”（Ctrl+N）录入第一个项目。",
    # demo
    "<b>演示数据</b> — a made-up county ({county}) to try the program: add, edit, import and "
    "export as you like. Nothing here goes into your own ledger.": "<b>演示数据</b> — 这是虚构的“{county}”台账，供您试用：可以随意新建、修改、导入、导出，都不会进入您自己的台账。",
    "&Close the demo, back to my ledger": "关闭演示，回到我的台账(&C)",
    "Open the &demo data": "打开演示数据(&D)",
    "A made-up county in a separate file; your ledger is not touched": "虚构县的演示台账，单独存放，不影响您的台账",
    "&Close the demo": "关闭演示(&C)",
    "Demo data": "演示数据",
    "Preparing the demo data": "正在准备演示数据",
    "Signed project tracker — 演示数据 (demo, not your ledger) — {name}": "签约项目跟踪 — 【演示数据，不是您的台账】 — {name}",
    # help menu
    "&User guide": "用户手册(&U)",
    "&Keyboard shortcuts": "快捷键(&K)",
    "&What's new": "更新说明(&N)",
    "Keyboard shortcuts": "快捷键",
    "What's new": "更新说明",
    "Command": "功能",
    "Keys": "按键",
    "Ledger: search": "台账：搜索",
    "Project editor: save": "项目编辑窗口：保存",
    "Ledger: open the selected project": "台账：打开选中的项目",
    "Dialogs: close without saving": "对话框：不保存并关闭",
    "Next / previous field": "下一个 / 上一个输入框",
    "Menus and buttons: the underlined letter": "菜单和按钮：按住 Alt 再按带下划线的字母",
    "Version {version}": "版本 {version}",
    "The ledger of signed investment deals: their progress from signing to production, "
    "warnings against 一签了之, and the review reports.": "招商引资签约项目台账：从签约到投产全程跟踪，预警“一签了之”，生成督查考核报表。",
    "This ledger:": "当前台账：",
    "Data folder:": "数据文件夹：",
    "Log folder:": "日志文件夹：",
    "Open folder": "打开文件夹",
    "User guide": "用户手册",
    "Chapters": "目录",
}
