"""Every workbook Excel, WPS and LibreOffice write is read, whatever its name says; what
cannot be read is refused with its true reason (damaged and where, password, a format
we do not read and what to save it as)."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.helpers.hostile import xlsx_with_cells
from tests.helpers.ledgers import HEADER, ROWS, write_xlsx
from tests.helpers.xlsb import write_xlsb
from tracker.errors import TrackerError
from tracker.importing.plan import plan_file
from tracker.importing.read import PasswordRequired, WrongPassword, read_workbook

FIXTURES = Path(__file__).parent / "fixtures"
LEDGER = {"台账": [["2023年签约项目台账"], HEADER, *ROWS]}


def _cells(rows: list[list[object]]) -> dict[str, object]:
    from openpyxl.utils import get_column_letter

    return {
        f"{get_column_letter(c + 1)}{r + 1}": v.isoformat() if hasattr(v, "isoformat") else v
        for r, row in enumerate(rows)
        for c, v in enumerate(row)
    }


def _assert_ledger(path: Path, fmt: str, password: str | None = None) -> None:
    plan = plan_file(path, password=password)
    assert plan.format == fmt
    assert [r.fields["name"] for r in plan.rows] == [row[1] for row in ROWS]
    assert plan.rows[1].fields["signed_amount_wan"] == 120000


def _refused(path: Path, password: str | None = None) -> str:
    with pytest.raises(TrackerError) as info:
        read_workbook(path, password)
    message = info.value.message
    assert path.name in message and "\n" not in message
    return message


# -- .xlsb -------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["full", "short", "rich"])
def test_xlsb_in_every_cell_form_imports_every_column(tmp_path: Path, form: str) -> None:
    """Excel writes full cell records; SheetJS the short ones, which calamine alone skips
    (the ledger would arrive one column wide); inline rich strings it skips too."""
    path = write_xlsb(
        tmp_path / "台账.xlsb",
        {"台账": _cells(LEDGER["台账"])},
        short=form == "short",
        rich=form == "rich",
        merges={"台账": ["A1:G1"]},
    )
    book = read_workbook(path)
    assert book.format == "xlsb"
    assert book.sheets[0].rows[1] == HEADER
    assert book.sheets[0].merges == [(0, 0, 0, 6)]  # calamine reports none for .xlsb
    _assert_ledger(path, "xlsb")


def test_xlsb_written_by_sheetjs_reads_whole(tmp_path: Path) -> None:
    book = read_workbook(FIXTURES / "sheetjs_short_cells.xlsb")
    ledger, notes = book.sheets
    assert (ledger.name, notes.name) == ("台账", "说明")
    assert ledger.rows[1] == [
        "序号",
        "项目名称",
        "投资主体",
        "签约时间",
        "签约金额（万元）",
        "责任单位",
    ]
    assert ledger.rows[2][1:5] == [
        "精益光源产业园项目",
        "浙江精益光源科技有限公司",
        ledger.rows[2][3],
        52000,
    ]
    assert str(ledger.rows[2][3]) == "2024-03-15"  # a date, by its cell style
    assert ledger.merges == [(0, 0, 0, 5)]
    plan = plan_file(FIXTURES / "sheetjs_short_cells.xlsb")
    assert [r.fields["name"] for r in plan.rows][:1] == ["精益光源产业园项目"]


def test_encrypted_xlsb_asks_for_its_password(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    notes = {f"A{i}": f"说明第{i}行" for i in range(1, 1000)}  # msoffcrypto needs > 4 KB
    plain = write_xlsb(
        tmp_path / "plain.xlsb", {"台账": _cells(LEDGER["台账"]), "说明": notes}, short=True
    )
    locked = tmp_path / "加密.xlsb"
    with open(plain, "rb") as src, open(locked, "wb") as out:
        OOXMLFile(src).encrypt("1234", out)
    with pytest.raises(PasswordRequired):
        read_workbook(locked)
    _assert_ledger(locked, "xlsb", password="1234")


# -- .xlsm / .xltx / .xltm: openpyxl writes them when told ----------------------------------


def _vba_archive() -> zipfile.ZipFile:
    buf = io.BytesIO()
    Workbook().save(buf)
    with zipfile.ZipFile(buf, "a") as z:
        z.writestr("xl/vbaProject.bin", b"macros would be here")
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


@pytest.mark.parametrize(
    ("suffix", "template", "macros"),
    [(".xlsm", False, True), (".xltx", True, False), (".xltm", True, True)],
)
def test_macro_and_template_workbooks(
    tmp_path: Path, suffix: str, template: bool, macros: bool
) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in LEDGER["台账"]:
        ws.append(row)
    wb.template = template
    if macros:
        wb.vba_archive = _vba_archive()
    path = tmp_path / f"台账{suffix}"
    wb.save(path)
    _assert_ledger(path, suffix[1:])


def test_content_decides_not_the_name(tmp_path: Path) -> None:
    """An .xlsb named .xlsx, an .xlsx named .xls: each read as what it is."""
    xlsb = write_xlsb(tmp_path / "其实是二进制.xlsx", {"台账": _cells(LEDGER["台账"])})
    _assert_ledger(xlsb, "xlsb")
    xlsx = write_xlsx(tmp_path / "其实是新格式.xls", LEDGER)
    _assert_ledger(xlsx, "xlsx")


# -- minimal and unusual packages ----------------------------------------------------------


@pytest.mark.parametrize(
    ("workbook", "sheet"),
    [
        ("xl/workbook.xml", "xl/worksheets/sheet1.xml"),  # minimal: five parts, no docProps
        ("report/workbook.xml", "report/data/part7.xml"),  # another producer's names
        ("xl/Workbook.xml", "xl/worksheets/Sheet1.xml"),  # part names are case-blind
    ],
)
def test_valid_packages_with_unusual_parts_are_read(
    tmp_path: Path, workbook: str, sheet: str
) -> None:
    cells = {"A1": "项目名称", "B1": "投资主体", "A2": "甲项目", "B2": "乙公司"}
    path = xlsx_with_cells(tmp_path / "少部件.xlsx", cells, workbook=workbook, sheet=sheet)
    names = zipfile.ZipFile(path).namelist()
    assert not any(n.startswith("docProps") for n in names) and len(names) == 5
    book = read_workbook(path)
    assert book.format == "xlsx"
    assert book.sheets[0].name == "台账"
    assert book.sheets[0].rows == [["项目名称", "投资主体"], ["甲项目", "乙公司"]]


def test_strict_open_xml_is_read(tmp_path: Path) -> None:
    """Excel's "Strict Open XML" save: ISO namespaces for the same parts."""
    path = xlsx_with_cells(tmp_path / "严格.xlsx", {"A1": "项目名称", "A2": "甲项目"})
    strict = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(strict, "w") as out:
        for name in src.namelist():
            text = src.read(name).decode("utf-8")
            text = text.replace(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                "http://purl.oclc.org/ooxml/officeDocument/relationships",
            ).replace(
                "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                "http://purl.oclc.org/ooxml/spreadsheetml/main",
            )
            out.writestr(name, text)
    path.write_bytes(strict.getvalue())
    assert b"purl.oclc.org" in zipfile.ZipFile(path).read("_rels/.rels")
    assert read_workbook(path).sheets[0].rows == [["项目名称"], ["甲项目"]]


def test_a_package_missing_its_relationships_says_which_part(tmp_path: Path) -> None:
    path = xlsx_with_cells(tmp_path / "缺部件.xlsx", {"A1": "项目名称"})
    data = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(data, "w") as out:
        for name in src.namelist():
            if name != "_rels/.rels":
                out.writestr(name, src.read(name))
    path.write_bytes(data.getvalue())
    message = _refused(path)
    assert "不完整" in message and "_rels/.rels" in message and "损坏" not in message.split("。")[0]


# -- OpenDocument ---------------------------------------------------------------------------


def test_password_protected_ods_is_protected_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "加密台账.ods"
    shutil.copy(FIXTURES / "protected_1234.ods", path)
    with pytest.raises(PasswordRequired) as asked:
        read_workbook(path)
    assert "密码" in asked.value.message and "损坏" not in asked.value.message
    with pytest.raises(WrongPassword):
        read_workbook(path, "4321")
    book = read_workbook(path, "1234")
    assert book.format == "ods"
    assert book.sheets[0].rows[1][:2] == ["甲项目", "乙公司"]


def test_ods_encrypted_another_way_says_so(tmp_path: Path) -> None:
    """Before 2011 LibreOffice encrypted with Blowfish, which is not read: said, not damaged."""
    path = tmp_path / "旧加密.ods"
    with zipfile.ZipFile(FIXTURES / "protected_1234.ods") as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "META-INF/manifest.xml":
                data = data.replace(b"http://www.w3.org/2001/04/xmlenc#aes256-cbc", b"Blowfish CFB")
            out.writestr(info, data)
    message = _refused(path, "1234")
    assert "Blowfish CFB" in message and "取消密码" in message


def test_ods_template_is_read(tmp_path: Path) -> None:
    from tests.helpers.hostile import ods_with_table

    path = ods_with_table(
        tmp_path / "模板.ots",
        '<table:table-row><table:table-cell office:value-type="string"><text:p>项目名称'
        "</text:p></table:table-cell></table:table-row>",
        mimetype="application/vnd.oasis.opendocument.spreadsheet-template",
    )
    book = read_workbook(path)
    assert book.format == "ots" and book.sheets[0].rows == [["项目名称"]]


# -- WPS -------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".et", ".ett"])
def test_wps_workbook_with_biff_inside_is_read(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"台账{suffix}"
    shutil.copy(FIXTURES / "biff8_as_wps.et", path)
    book = read_workbook(path)
    assert book.format == "et"
    assert book.sheets[0].rows[0] == ["项目名称", "投资主体", "签约时间", "签约金额（万元）"]


def test_wps_workbook_in_wps_own_format_says_save_as_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "台账.et"
    path.write_bytes(b"\x00\x01WPS-own-records" + bytes(range(256)) * 8)
    assert "WPS 表格格式（.et）请在 WPS 中另存为 .xlsx 后导入" in _refused(path)


def test_xls_written_by_libreoffice_at_test_time(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed: no .xls writer here")
    source = write_xlsx(tmp_path / "台账.xlsx", LEDGER)
    out = tmp_path / "out"
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "xls",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    xls = out / "台账.xls"
    _assert_ledger(xls, "xls")
    wps = xls.rename(out / "台账.et")
    _assert_ledger(wps, "et")


# -- what is not a workbook, said as what it is -------------------------------------------


def _zip(path: Path, parts: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return path


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("扫描件.xlsx", lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj"), "PDF"),
        ("截图.xls", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), "图片"),
        ("台账.rar", lambda p: p.write_bytes(b"Rar!\x1a\x07\x01\x00" + b"\x00" * 64), "解压"),
        (
            "老表.xls",
            lambda p: p.write_bytes(b"\x09\x04\x06\x00\x00\x00\x10\x00" + b"\x00" * 64),
            "Excel 4.0",
        ),
        (
            "2003.xls",
            lambda p: p.write_text(
                '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook '
                'xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'
            ),
            "Excel 2003 XML",
        ),
        (
            "说明.xlsx",
            lambda p: _zip(
                p,
                {
                    "[Content_Types].xml": '<Types><Override PartName="/word/document.xml" '
                    'ContentType="application/vnd.openxmlformats-officedocument.'
                    'wordprocessingml.document.main+xml"/></Types>',
                    "_rels/.rels": '<Relationships><Relationship Id="r1" Type="http://schemas.'
                    "openxmlformats.org/officeDocument/2006/relationships/officeDocument"
                    '" Target="word/document.xml"/></Relationships>',
                    "word/document.xml": "<w:document/>",
                },
            ),
            "Word 文档",
        ),
        (
            "各乡镇台账.xlsx",
            lambda p: _zip(p, {"甲镇.xlsx": "x", "乙镇.xls": "y", "说明.txt": "z"}),
            "里面有 3 个文件",
        ),
        ("台账.numbers", lambda p: _zip(p, {"Index/Document.iwa": "x"}), "Numbers"),
        ("通知.xlsx", lambda p: _zip(p, {"OFD.xml": "<ofd:OFD/>"}), "OFD"),
        (
            "台账.xml",
            lambda p: p.write_text(
                '<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:'
                'opendocument:xmlns:office:1.0" office:mimetype="application/vnd.oasis.'
                'opendocument.spreadsheet"></office:document>'
            ),
            ".fods",
        ),
    ],
)
def test_other_files_are_named_for_what_they_are(
    tmp_path: Path, name: str, make: object, words: str
) -> None:
    path = tmp_path / name
    make(path)  # type: ignore[operator]
    message = _refused(path)
    assert words in message and "损坏" not in message


def test_irm_protected_workbook_is_named(tmp_path: Path, simple_xlsx: Path) -> None:
    """Rights-managed files carry a DRM data space in place of the password one."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with open(simple_xlsx, "rb") as src:
        OOXMLFile(src).encrypt("x", out)
    strong, drm = "StrongEncryptionDataSpace", "DRMEncryptedDataSpace" + "0000"
    path = tmp_path / "受保护.xlsx"
    path.write_bytes(out.getvalue().replace(strong.encode("utf-16-le"), drm.encode("utf-16-le")))
    assert "权限管理" in _refused(path)


def test_excel_default_password_needs_no_question(tmp_path: Path, simple_xlsx: Path) -> None:
    """Excel encrypts "protected" workbooks with a fixed key when no password was set."""
    from msoffcrypto.format.ooxml import OOXMLFile

    path = tmp_path / "只保护结构.xlsx"
    with open(simple_xlsx, "rb") as src, open(path, "wb") as out:
        OOXMLFile(src).encrypt("VelvetSweatshop", out)
    assert read_workbook(path).format == "xlsx"


def test_web_archive_mht_is_read(tmp_path: Path) -> None:
    import quopri

    cells = "".join(f"<td>{h}</td>" for h in HEADER)
    body = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in ROWS)
    page = f"<html><body><table><tr>{cells}</tr>{body}</table></body></html>".encode("gbk")
    mht = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
        b'Content-Type: text/html; charset="gbk"\r\nContent-Transfer-Encoding: quoted-printable'
        b"\r\n\r\n" + quopri.encodestring(page) + b"\r\n--B--\r\n"
    )
    path = tmp_path / "系统导出.xls"
    path.write_bytes(mht)
    plan = plan_file(path)
    assert plan.format == "mht"
    assert [r.fields["name"] for r in plan.rows] == [row[1] for row in ROWS]


# -- damaged: said so, and where ------------------------------------------------------------


def test_a_damaged_sheet_part_is_named(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "坏了.xlsx", LEDGER)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 20, start + 60):  # scramble the compressed sheet data
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    message = _refused(path)
    assert "已损坏" in message and "工作表“台账”" in message and "sheet1.xml" in message


def test_a_cut_download_is_called_incomplete(tmp_path: Path) -> None:
    path = write_xlsb(tmp_path / "没下完.xlsb", {"台账": _cells(LEDGER["台账"])})
    path.write_bytes(path.read_bytes()[:-200])
    assert "不完整" in _refused(path)


def test_a_broken_ole_file_is_damaged_not_foreign(tmp_path: Path) -> None:
    data = bytearray((FIXTURES / "biff8_as_wps.et").read_bytes())
    data[0x30:0x40] = b"\xff" * 16  # the directory's first sector: gone
    path = tmp_path / "坏了.xls"
    path.write_bytes(bytes(data))
    assert "损坏" in _refused(path)


def test_a_part_in_a_compression_we_cannot_unpack_is_refused_not_read(tmp_path: Path) -> None:
    """A sheet whose size cannot be checked is never handed to calamine (Deflate64 here)."""
    import re

    path = write_xlsx(tmp_path / "deflate64.xlsx", LEDGER)
    data = bytearray(path.read_bytes())
    target = b"xl/worksheets/sheet1.xml"
    local = zipfile.ZipFile(path).getinfo(target.decode()).header_offset
    data[local + 8 : local + 10] = (9).to_bytes(2, "little")  # method 9: Deflate64
    for m in re.finditer(rb"PK\x01\x02", bytes(data)):  # and in the central directory
        size = int.from_bytes(data[m.start() + 28 : m.start() + 30], "little")
        if data[m.start() + 46 : m.start() + 46 + size] == target:
            data[m.start() + 10 : m.start() + 12] = (9).to_bytes(2, "little")
    path.write_bytes(bytes(data))
    assert "压缩方式" in _refused(path)
