"""Chinese for the safety strings: restore confirmation, read-only banner, empty files."""

STRINGS: dict[str, str] = {
    "The backup {name} holds {count} projects (last change: {when}).": (
        "备份“{name}”中有 {count} 个项目（最后修改于 {when}）。"
    ),
    "The current ledger holds {count} projects.": "当前台账有 {count} 个项目。",
    "Replace the current ledger with this backup? The current ledger is backed up "
    "first, so this can be undone by restoring that backup.": (
        "用这个备份替换当前台账吗？替换前会先备份当前台账，需要时可以再从那个备份恢复。"
    ),
    "The backup is EMPTY: after restoring it the ledger will have no projects at all "
    "(now {count}). Restore the empty backup anyway?": (
        "这个备份是空的：恢复后台账里将一个项目也没有（现在有 {count} 个）。仍然要恢复这个空备份吗？"
    ),
    "Checking the backup": "正在检查备份",
    "The database file is read-only: {path}. You can view, search, review and export, "
    "but not change anything. To edit, clear the file's read-only attribute (or copy it "
    "to a folder you can write) and open it again.": (
        "数据库文件只读：{path}。可以查看、搜索、预警和导出，但不能修改。"
        "如需修改，请取消文件的只读属性（或复制到可写的文件夹）后重新打开。"
    ),
    "Empty database file": "数据库文件是空的",
    "Start a new, empty ledger in this file? (No: leave it untouched.)": (
        "要在这个文件中新建一个空台账吗？（选“否”则不改动它。）"
    ),
}
