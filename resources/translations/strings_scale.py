"""Chinese for the UI strings of issue 16 (province scale: ui/file_check.py).

build.py merges every strings_*.py into zh_CN.ts.
"""

STRINGS: dict[str, str] = {
    "Checking the database": "正在检查数据库",
}
