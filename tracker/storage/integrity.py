"""``check``: SQLite's own integrity check plus the rules the schema cannot express."""

from __future__ import annotations

from sqlite_utils import Database

from tracker.domain.vocabulary import PROBLEM_STATUSES, Stage, Status

# 待补全: what an import could not know and the clerk should fill in — the investor of a
# ledger without that column, a sign date known only to the year. One definition for
# ``check`` and the ledger's filter.
INCOMPLETE_SQL = "(p.investor IS NULL OR trim(p.investor) = '' OR length(p.sign_date) = 4)"


def incomplete_projects(db: Database) -> list[str]:
    """One line per project waiting to be completed (待补全)."""
    lines = []
    for pid, name, investor, sign_date in db.execute(
        f"SELECT p.id, p.name, p.investor, p.sign_date FROM projects p WHERE {INCOMPLETE_SQL}"
        " ORDER BY p.id"
    ):
        missing = [] if (investor or "").strip() else ["投资主体为空"]
        if sign_date and len(sign_date) == 4:
            missing.append(f"签约日期只有年份（{sign_date}）")
        lines.append(f"项目 {pid}（{name}）待补全：{'、'.join(missing)}。")
    return lines


def check_database(db: Database, *, quick: bool = False) -> list[str]:
    """Every problem found, one Chinese line each; empty when clean. ``quick`` runs
    SQLite's quick_check (no index-content cross-check) instead of integrity_check."""
    problems: list[str] = []
    pragma = "quick_check" if quick else "integrity_check"
    result = [r[0] for r in db.execute(f"PRAGMA {pragma}").fetchall()]
    if result != ["ok"]:
        problems += [f"完整性检查：{r}" for r in result]
    for table, parent, *_ in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"表 {table} 中有记录指向不存在的{parent}。")
    stages = {s.value: s.rank for s in Stage}
    for pid, stage, rank in db.execute("SELECT project_id, stage, rank FROM stage_dates"):
        if stages.get(stage) != rank:
            problems.append(f"项目 {pid}：阶段“{stage}”的顺序值 {rank} 不正确。")
    statuses = tuple(s.value for s in Status)
    marks = ",".join("?" * len(statuses))
    for pid, name, status in db.execute(
        f"SELECT id, name, status FROM projects WHERE status NOT IN ({marks})", statuses
    ):
        problems.append(f"项目 {pid}（{name}）：未知状态“{status}”。")
    for pid, name in db.execute(
        "SELECT id, name FROM projects WHERE status = 'terminated' AND status_reason IS NULL"
    ):
        problems.append(f"项目 {pid}（{name}）：已终止但没有终止原因。")
    for pid, name in db.execute(
        "SELECT id, name FROM projects WHERE id NOT IN (SELECT project_id FROM project_search)"
    ):
        problems.append(f"项目 {pid}（{name}）：缺少搜索索引，搜索时会找不到它。")
    for pid, name in db.execute("SELECT id, name FROM projects WHERE signed_amount_yuan <= 0"):
        problems.append(f"项目 {pid}（{name}）：签约总投资不大于 0。")
    for pid, name, sd, stage, actual in db.execute(
        "SELECT p.id, p.name, p.sign_date, s.stage, s.actual FROM stage_dates s"
        " JOIN projects p ON p.id = s.project_id"
        " WHERE s.actual IS NOT NULL AND substr(s.actual, 1, 7) < substr(p.sign_date, 1, 7)"
    ):
        problems.append(
            f"项目 {pid}（{name}）：{Stage(stage).label}日期 {actual} 早于签约日期 {sd}。"
        )
    for ids, name in db.execute(
        "SELECT GROUP_CONCAT(id, '、'), MIN(name) FROM"
        " (SELECT id, name, name_key FROM projects ORDER BY id)"
        " GROUP BY name_key HAVING COUNT(*) > 1"
    ):
        problems.append(
            f"项目 {ids}（{name}）：名称和投资主体相同，疑似重复录入。同一项目只记一次："
            "请核对后删除多余的一个，或在名称中注明区别（如“二期”）。"
        )
    marks = ",".join("?" * len(PROBLEM_STATUSES))
    for prid, pid, status in db.execute(
        f"SELECT id, project_id, status FROM problems WHERE status NOT IN ({marks})",
        PROBLEM_STATUSES,
    ):
        problems.append(f"诉求 {prid}（项目 {pid}）：未知状态“{status}”。")
    problems += incomplete_projects(db)
    return problems
