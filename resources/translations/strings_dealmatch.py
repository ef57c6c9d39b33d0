"""Chinese for issue 17's UI strings: possible matches on the import wizard's duplicates
page and the 疑似重复项目 window with its merge.

build.py merges every strings_*.py into zh_CN.ts.
"""

STRINGS: dict[str, str] = {
    # possible matches on the duplicates page
    "Likeness and reasons": "相似度与理由",
    "Your answer": "您的判断",
    "No. {id}": "编号 {id}",
    "Same project": "是同一项目",
    "Not the same: a new project": "不是同一项目：按新项目导入",
    "Not answered: imported as new": "未确认：按新项目导入",
    "Not answered: not imported": "未确认：暂不导入",
    "Possible matches to confirm": "待确认的可能重复项目",
    "&Same project": "是同一项目(&S)",
    "&Not the same": "不是(&N)",
    "{count} rows may be projects already in the ledger, typed otherwise; {open} not answered yet (those are not imported).": "表中有 {count} 行可能是库中已有项目的另一种写法，{open} 行尚未确认（未确认的暂不导入）。请选中一行，点“是同一项目”或“不是”。",
    "{review} rows may be projects already in the ledger, typed otherwise: confirm them on the duplicates page (until then they are not imported).": "另有 {review} 行可能是库中已有项目的另一种写法，请在“库中已有的项目”页确认（确认前不导入）。",
    "{review} rows that may be projects already in the ledger were not confirmed and not imported.": "另有 {review} 行可能是库中已有项目，未经确认，没有导入。",
    # 疑似重复项目
    "Possible duplicate projects": "疑似重复项目",
    "Possible &duplicate projects…": "疑似重复项目(&D)…",
    "Projects that are probably one deal entered twice; merge a pair": "可能是同一项目录入了两次的项目；可逐对合并",
    "Project kept": "保留的项目",
    "Project merged into it": "并入的项目",
    "Very likely one project": "很可能是同一项目",
    "Perhaps one project: check": "可能是同一项目，请核对",
    "Field": "内容",
    "Kept project": "保留的项目",
    "Merged project": "并入的项目",
    "Use the merged one's": "改用并入项目的值",
    "Each pair may be one deal stored twice (typed differently). Merging keeps the first project, fills its blanks from the second and moves the second's progress, visits and problems to it; undo it in Import history.": "每一对可能是同一项目被录入了两次（写法不同）。合并时保留第一个项目，用第二个补全其空白，并把第二个的进度、走访和诉求记录移过来；可在“导入记录”中撤销。",
    "Fields the two projects hold differently": "两个项目不同的内容",
    "&Merge this pair": "合并这一对(&M)",
    "&Keep the other one": "改为保留另一个(&K)",
    "Looking for duplicate projects": "查找疑似重复项目",
    "No possible duplicates found.": "没有发现疑似重复的项目。",
    "{count} fields differ: the kept project's value stays unless you tick the merged one's.": "有 {count} 项内容不同：保留项目的值不变，除非勾选“改用并入项目的值”。",
    "Comparing": "比较中",
    "Merge projects": "合并项目",
    "Merge project {other} into project {keep}? It can be undone in Import history.": "把项目 {other} 合并进项目 {keep}？可在“导入记录”中撤销。",
    "Merging": "合并中",
}
