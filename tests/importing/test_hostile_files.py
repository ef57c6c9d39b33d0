"""Hostile files are refused before they cost memory: exit 2, one Chinese line, and the
process never grows past 300 MB (a 4.9 KB .xlsx used to ask for 512 GB and abort)."""

import pytest

from tests.helpers.cli_batch import is_chinese_line, run_batch
from tests.helpers.hostile import hostile_files
from tracker.errors import TrackerError
from tracker.importing.read import read_workbook
from tracker.ledger.portfolio import Portfolio

PEAK_MB = 300


def test_each_hostile_file_is_refused_in_bounded_memory(tmp_path):
    files = hostile_files(tmp_path)
    db = tmp_path / "ledger.db"
    Portfolio.open(db).close()
    cases = [["--db", str(db), "import", str(path)] for path in files.values()]
    results = run_batch(cases)
    failures = []
    for label, result in zip(files, results, strict=True):
        ok = (
            result.signal is None
            and result.code == 2
            and "Traceback" not in result.stderr
            and len(result.lines) == 1
            and is_chinese_line(result.lines[0])
            and result.rss_mb is not None
            and result.rss_mb < PEAK_MB
        )
        if not ok:
            failures.append(
                (label, result.code, result.signal, result.rss_mb, result.stderr[-400:])
            )
    assert not failures, failures
    by_label = dict(zip(files, results, strict=True))
    assert "XFD1048576" in by_label["xlsx-cell-at-XFD1048576"].stderr  # says where
    assert "100,000 列" in by_label["csv-100000-columns"].stderr
    assert Portfolio.open(db, read_only=True).project_count() == 0


@pytest.mark.parametrize("charset", ["idna", "punycode", "undefined", "base64"])
def test_an_html_page_declaring_a_non_charset_is_read_as_text(tmp_path, charset):
    page = tmp_path / "导出.xls"
    page.write_text(
        f'<html><head><meta charset="{charset}"></head><body><table>'
        "<tr><td>项目名称</td><td>投资主体</td><td>签约时间</td><td>签约金额</td></tr>"
        "<tr><td>甲项目</td><td>乙公司</td><td>2024-01-02</td><td>100</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    (sheet,) = read_workbook(page).sheets
    assert sheet.rows[1][:2] == ["甲项目", "乙公司"]


def test_a_value_far_away_is_named_and_styled_empty_cells_cost_nothing(tmp_path):
    from tests.helpers.hostile import xlsx_with_cells

    far = xlsx_with_cells(tmp_path / "far.xlsx", {"A1": "项目名称", "ZZZ5": "x"})
    with pytest.raises(TrackerError, match="ZZZ5"):
        read_workbook(far)
    declared = xlsx_with_cells(
        tmp_path / "declared.xlsx", {"A1": "项目名称", "B2": "x"}, dimension="A1:XFD1048576"
    )
    (sheet,) = read_workbook(declared).sheets  # the declared dimension decides nothing
    assert (len(sheet.rows), len(sheet.rows[0])) == (2, 2)
