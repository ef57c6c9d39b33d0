"""Reading every format and refusing broken files with a clear Chinese message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.helpers.ledgers import HEADER, ROWS, write_xlsx
from tracker.errors import TrackerError
from tracker.importing import read as read_mod
from tracker.importing.plan import plan_file
from tracker.importing.read import PasswordRequired, WrongPassword, read_workbook

CSV_TEXT = (
    "序号,项目名称,投资方,签约时间,总投资(万元),是否开工,开工时间,责任单位\n"
    "1,新能生物制剂生产基地项目,广东新能生物有限公司,2021/6/20,120000,是,2021-12-13,溪口镇人民政府\n"
    '2,"华信电子元器件生产基地项目",福建华信电子有限公司,2021/11/28,"21,250.5",否,,县经信局\n'
)


def _check_csv_plan(path: Path) -> None:
    plan = plan_file(path)
    assert plan.format == "csv"
    assert [r.fields["name"] for r in plan.rows] == [
        "新能生物制剂生产基地项目",
        "华信电子元器件生产基地项目",
    ]
    assert plan.rows[1].fields["signed_amount_wan"] == 21250.5
    assert plan.rows[0].fields["stage"] == "started"
    assert plan.rows[0].fields["stage_dates"] == {"started": "2021-12-13"}


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("gbk", ","),
        ("gb18030", ","),
        ("utf-8-sig", ","),
        ("utf-8", ","),
        ("utf-8-sig", ";"),
        ("gbk", "\t"),
        ("utf-16", "\t"),
    ],
)
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    text = CSV_TEXT.replace(",", delimiter).replace("21" + delimiter + "250.5", "21,250.5")
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(encoding))
    _check_csv_plan(path)


def test_html_table_saved_as_xls(tmp_path: Path) -> None:
    cells = "".join(f"<td>{h}</td>" for h in HEADER)
    body = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in ROWS)
    html = (
        f"<html><head><meta charset='gbk'></head><body><table border=1>"
        f"<tr><td colspan=7>2023年签约项目</td></tr><tr>{cells}</tr>{body}</table></body></html>"
    )
    path = tmp_path / "网页导出.xls"
    path.write_bytes(html.encode("gbk"))
    plan = plan_file(path)
    assert plan.format == "html"
    assert plan.sheets[0].header_rows == [2]
    assert [r.fields["name"] for r in plan.rows] == [r[1] for r in ROWS]
    assert plan.rows[1].fields["signed_amount_wan"] == 120000


def test_encrypted_workbook(tmp_path: Path, simple_xlsx: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = tmp_path / "加密.xlsx"
    with open(simple_xlsx, "rb") as src, open(encrypted, "wb") as out:
        OOXMLFile(src).encrypt("1234", out)
    assert encrypted.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    with pytest.raises(PasswordRequired, match="加密"):
        read_workbook(encrypted)
    with pytest.raises(WrongPassword, match="密码不对"):
        read_workbook(encrypted, "4321")
    book = read_workbook(encrypted, "1234")
    assert book.format == "xlsx"
    assert len(plan_file(encrypted, password="1234").rows) == 3


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (b"", "empty.xlsx", "空的"),
        ("这不是一个Excel文件\n".encode(), "not_excel.xlsx", "不是 Excel"),
        (b"\x00\x01\x02binary", "x.xls", "二进制"),
        (b"PK\x03\x04\x14\x00broken", "truncated.xlsx", "损坏"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, name: str, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TrackerError) as info:
        read_workbook(path)
    assert words in info.value.message and name in info.value.message


def test_truncated_real_workbook(tmp_path: Path, simple_xlsx: Path) -> None:
    data = simple_xlsx.read_bytes()
    path = tmp_path / "half.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(TrackerError, match="损坏"):
        read_workbook(path)


def test_zip_bomb_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"0" * (2 * 1024 * 1024))
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buf.getvalue())
    monkeypatch.setattr(read_mod, "MAX_UNZIPPED_BYTES", 1024 * 1024)
    with pytest.raises(TrackerError, match="太大"):
        read_workbook(path)


def test_huge_file_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, simple_xlsx: Path
) -> None:
    monkeypatch.setattr(read_mod, "MAX_FILE_BYTES", 100)
    with pytest.raises(TrackerError, match="太大"):
        read_workbook(simple_xlsx)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TrackerError, match="打不开"):
        read_workbook(tmp_path / "nope.xlsx")


def test_no_ledger_in_file(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", {"S": [[1, 2, 3], [4, 5, 6]]})
    with pytest.raises(TrackerError, match="没有找到项目台账"):
        plan_file(path)


def test_old_xls_via_calamine(tmp_path: Path) -> None:
    shared = (
        Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "2022年签约项目.xls"
    )
    if not shared.exists():
        pytest.skip("no .xls writer installed; the shared .xls sample is absent here")
    plan = plan_file(shared)
    assert plan.format == "xls" and len(plan.rows) == 15
