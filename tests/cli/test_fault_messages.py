"""Every fault the hostile-input review found ends in one Chinese line and exit 2, never a
traceback: run as real processes (one interpreter, a forked child per case)."""

import sqlite3

from tests.helpers.cli_batch import is_chinese_line, run_batch
from tests.helpers.damage import damaged, ledger_with, newer, siblings
from tests.helpers.ledgers import HEADER, run_cli, write_xlsx
from tracker.ledger.portfolio import Portfolio

HUGE = "99999999999999999999"


def test_no_case_ends_in_a_traceback(tmp_path):
    db = ledger_with(tmp_path / "ledger.db", 3)
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    (tmp_path / "broken").mkdir()
    (tmp_path / "future").mkdir()
    broken = damaged(tmp_path / "broken" / "broken.db")
    future = newer(tmp_path / "future" / "future.db")
    folder = tmp_path / "a folder"
    folder.mkdir()
    rejected = write_xlsx(
        tmp_path / "rejected.xlsx",
        {"S": [HEADER, [1, "甲项目", "乙公司", "不是日期", "不是金额", "", ""]]},
    )
    cases = {
        "show huge id": ["--db", str(db), "show", HUGE],
        "undo huge id": ["--db", str(db), "undo-import", HUGE],
        "--db a folder": ["--db", str(folder), "list"],
        "--db empty": ["--db", "", "list"],
        "demo -5": ["--db", str(db), "demo", "--projects", "-5"],
        "list 0-byte": ["--db", str(empty), "list"],
        "restore 0-byte": ["--db", str(db), "restore", str(empty)],
        "list damaged": ["--db", str(broken), "list"],
        "open damaged": ["--db", str(broken), "demo", "--projects", "1", "--force"],
        "list newer": ["--db", str(future), "list"],
        "errors-out a folder": [
            "--db",
            str(db),
            "import",
            str(rejected),
            "--errors-out",
            str(folder),
        ],
        "all rows rejected": ["--db", str(db), "import", str(rejected)],
        "backup --out a folder": ["--db", str(db), "backup", "--out", str(folder)],
    }
    around = {p: siblings(p) for p in (broken, future)}
    results = dict(zip(cases, run_batch(list(cases.values())), strict=True))
    bad = {
        label: (r.code, r.stderr[-300:])
        for label, r in results.items()
        if r.code != 2
        or "Traceback" not in r.stderr
        and not (len(r.lines) == 1 and is_chinese_line(r.lines[0]))
        or "Traceback" in r.stderr
    }
    assert not bad, bad
    assert "数据版本" in results["list newer"].stderr and "只支持到" in results["list newer"].stderr
    assert "0 字节" in results["list 0-byte"].stderr
    assert "文件夹" in results["--db a folder"].stderr
    assert "为空" in results["--db empty"].stderr or "空的" in results["--db empty"].stderr
    assert "全部被拒绝" in results["all rows rejected"].stderr
    for path, names in around.items():  # refusing a file creates nothing beside it
        assert siblings(path) == names
    assert empty.read_bytes() == b""
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM import_batches").fetchone() == (0,)
    conn.close()


def test_init_makes_a_zero_byte_file_a_new_ledger_on_request(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    code, out, _ = run_cli(empty, "init")
    assert code == 0 and str(empty) in out
    assert run_cli(empty, "list", "--json")[1] == []


def test_nul_bytes_are_dropped_and_an_endless_name_is_refused(tmp_path):
    db = ledger_with(tmp_path / "ledger.db", 0)
    csv = tmp_path / "台账.csv"
    long_name = "长" * 10_000
    csv.write_bytes(
        "项目名称,投资主体,签约时间,签约金额\n".encode()
        + "甲\x00项目,乙公司,2024-01-02,100\n".encode()
        + f"{long_name},丙公司,2024-01-02,100\n".encode()
    )
    code, out, err = run_cli(db, "import", str(csv), "--json")
    assert code == 0, err
    assert [r["action"] for r in out["rows"]] == ["create", "reject"]
    assert "太长" in out["rows"][1]["errors"][0]
    p = Portfolio.open(db, read_only=True)
    assert [r["name"] for r in p.list_rows()] == ["甲项目"]
    p.close()


def test_errors_out_failing_after_the_import_says_it_was_imported(tmp_path, monkeypatch):
    db = ledger_with(tmp_path / "ledger.db", 0)
    xlsx = write_xlsx(
        tmp_path / "a.xlsx",
        {
            "S": [
                HEADER,
                [1, "甲项目", "乙公司", "2024-01-02", 100, "", ""],
                [2, "丙项目", "丁公司", "不是日期", 100, "", ""],
            ]
        },
    )
    from tracker.importing import errors_out
    from tracker.reports.output import OutputLockedError

    def locked(wb, path):
        raise OutputLockedError(path)

    monkeypatch.setattr(errors_out, "save_workbook", locked)
    code, out, err = run_cli(db, "import", str(xlsx), "--errors-out", str(tmp_path / "错误.xlsx"))
    assert code == 1
    assert "导入已完成（批次" in err and "没能写入" in err
    assert "批次号" in out
    p = Portfolio.open(db, read_only=True)
    assert p.project_count() == 1
    p.close()
