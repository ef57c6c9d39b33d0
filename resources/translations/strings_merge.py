"""Chinese for the merge follow-up: 合并全部确定的 N 对… in 疑似重复项目 and the undo
question when the batch undone is a merge.

build.py merges every strings_*.py into zh_CN.ts.
"""

STRINGS: dict[str, str] = {
    # 疑似重复项目: every sure pair at once
    "Merge &all {count} sure pairs…": "合并全部确定的 {count} 对(&A)…",
    "Merge {merged} projects into {kept} in one step? Where two differ, the kept project's value stays; pairs to check are left alone. It can be undone at once in Import history.": "一次把 {merged} 个项目并入 {kept} 个项目？两者不同的内容以保留的项目为准；“请核对”的项目对不合并。可在“导入记录”中一次撤销。",
    "&Merge them all": "全部合并(&M)",
    "{merged} projects were merged into {kept} (batch {batch}); undo it at once in Import history.": "已把 {merged} 个项目并入 {kept} 个项目（批次 {batch}）；可在“导入记录”中一次撤销。",
    # undoing a merge
    "After merge {batches}, {count} of the projects kept were worked on: records that came with the merged project were edited, or records were added.": "合并批次 {batches} 之后，有 {count} 个保留的项目又有改动：从被并入项目移来的记录被修改过，或新增了记录。",
    "Undo keeping those later edits? The merged project comes back with its records; records edited or added since stay with the project kept.": "保留这些改动并撤销合并？被并入的项目连同其记录恢复；合并后改过或新增的记录留在保留的项目中。",
    "Undo merge {batches}? The merged projects come back with their records and the values the merge filled in are restored (a backup is made first).": "撤销合并批次 {batches}？被并入的项目连同其记录恢复，合并时补全的内容还原（先自动备份）。",
}
