"""Reading a returned file: which round, which unit, which row is which project.

The file may come back as ``.xlsx``, re-saved as ``.xls`` or exported from WPS, with rows
inserted and the hidden columns deleted: columns are found by their header text, the
round by the 回执编号 every sheet states, and a row without its hidden id by name +
investor, as the importer matches. What each row means for the ledger is ``plan``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tracker.collection.columns import NEW_SECTION, TOKEN_RE, UNIT_RE, header_key
from tracker.collection.rounds import Round, find_by_token, get_round, require_round
from tracker.errors import TrackerError
from tracker.importing.read import read_workbook
from tracker.importing.values import cell_text
from tracker.importing.workbook import Sheet
from tracker.ledger.portfolio import Portfolio


@dataclass
class FileRow:
    """One filled row of the returned sheet (``row`` is the spreadsheet's row number)."""

    row: int
    cells: dict[str, object]
    project_id: int | None
    in_new_area: bool


@dataclass
class ReturnedFile:
    path: Path
    format: str
    sha256: str
    sheet: str
    columns: dict[str, int]  # key -> 0-based column
    headers: dict[str, str]  # key -> the header as written (for messages)
    rows: list[FileRow]
    receipt: tuple[int, str] | None  # (round id, token) the file states
    round_ids: set[int] = field(default_factory=set)  # from the hidden column
    target: str | None = None  # 填报单位 the title names


def read_returned(path: Path) -> ReturnedFile:
    """The grid of a returned workbook, its header found; ``TrackerError`` when it is not
    one of ours (no 项目名称 header next to the fill columns)."""
    wb = read_workbook(path)
    receipt: tuple[int, str] | None = None
    target: str | None = None
    found: tuple[Sheet, int, dict[str, int]] | None = None
    for sheet in wb.sheets:
        for r, values in enumerate(sheet.rows):
            texts = [cell_text(v) for v in values]
            for text in texts:
                if receipt is None and (m := TOKEN_RE.search(text)):
                    receipt = (int(m[1]), m[2])
                if target is None and (m := UNIT_RE.search(text)):
                    target = m[1]
            if found is None:
                cols: dict[str, int] = {}
                for c, text in enumerate(texts):
                    key = header_key(text)
                    if key and key not in cols:
                        cols[key] = c
                if "name" in cols and sum(k.endswith("_wan") for k in cols) >= 2:
                    found = (sheet, r, cols)
    if found is None:
        raise TrackerError(
            f"文件“{path.name}”不像是进度收集的填报表：没有找到“项目名称”和“本期填报”等表头。"
            "请确认选的是各单位报回的填报表（由 collect make 或 工具 → 进度收集 生成）。"
        )
    sheet, header_row, cols = found
    header_values = sheet.rows[header_row]
    headers = {k: cell_text(header_values[c]).replace("\n", "") for k, c in cols.items()}
    rows: list[FileRow] = []
    round_ids: set[int] = set()
    in_new = False
    for r in range(header_row + 1, len(sheet.rows)):
        values = sheet.rows[r]
        cells = {k: values[c] if c < len(values) else None for k, c in cols.items()}
        first = next((cell_text(v) for v in values if cell_text(v)), "")
        if first.startswith(NEW_SECTION):
            in_new = True
            continue
        filled = {
            k: v
            for k, v in cells.items()
            if k not in ("project_id", "round_id", "seq") and cell_text(v)
        }
        if not filled:
            continue
        round_id = _int(cells.get("round_id"))
        if round_id is not None:
            round_ids.add(round_id)
        rows.append(FileRow(r + 1, cells, _int(cells.get("project_id")), in_new))
    return ReturnedFile(
        path, wb.format, wb.sha256, sheet.name, cols, headers, rows, receipt, round_ids, target
    )


def _int(value: object) -> int | None:
    text = cell_text(value)
    return int(text) if text.isdigit() else None


def resolve_round(
    portfolio: Portfolio, returned: ReturnedFile, expected: Round | None
) -> tuple[Round | None, list[str], str | None]:
    """(the round the file belongs to, flags, the reason nothing may be applied)."""
    flags: list[str] = []
    name = returned.path.name
    if returned.receipt is not None:
        rid, token = returned.receipt
        rnd = find_by_token(portfolio, token)
        if rnd is None or rnd.id != rid:
            return (
                None,
                flags,
                f"文件“{name}”不是本台账发出的填报表（回执编号 {rid}-{token} 在本数据库中不存在），"
                "可能来自另一个数据库或另一台电脑。请确认打开的是正确的台账，没有读入任何内容。",
            )
    elif len(returned.round_ids) == 1:
        rnd = get_round(portfolio, next(iter(returned.round_ids)))
        flags.append("文件中没有回执编号，按隐藏的轮次列认定")
    else:
        rnd = None
    if rnd is None:
        if expected is None:
            return (
                None,
                flags,
                f"文件“{name}”中找不到回执编号和轮次，无法确定是哪一轮的报表。"
                "请用 --round 指定轮次（或在 进度收集 窗口中先选中轮次）。",
            )
        flags.append(f"文件中找不到回执编号，按所选的{expected.label}读入")
        rnd = expected
    if expected is not None and rnd.id != expected.id:
        flags.append(
            f"这是{rnd.label}（截至 {rnd.as_of}）的文件，不是所选的{expected.label}；"
            f"数字按截至 {rnd.as_of} 记录"
        )
    elif expected is None and (newest := require_round(portfolio)).id != rnd.id:
        flags.append(
            f"这是{rnd.label}（截至 {rnd.as_of}）的文件，最新一轮是{newest.label}"
            f"（截至 {newest.as_of}）；数字按截至 {rnd.as_of} 记录"
        )
    return rnd, flags, None
