"""Chinese for the UI strings of issue 16 (province scale: ui/file_check.py).

build.py merges every strings_*.py into zh_CN.ts.
"""

STRINGS: dict[str, str] = {
    "Checking the database": "正在检查数据库",
    "The database file is damaged: {path}. Nothing more is written to it. "
    "Restore the latest backup (File → Restore from backup…).": "数据库文件已损坏：{path}。"
    "程序不会再向其中写入任何内容。请恢复最近的备份（文件 → 从备份恢复…）。",
}
