"""Hostile spreadsheets, generated small (a few KB each) unless their size is the point.

Each states a huge grid in few bytes: the reader must refuse it before allocating.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from tests.helpers.xlsb import write_xlsb

FIXTURES = Path(__file__).resolve().parents[1] / "importing" / "fixtures"

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/><Override PartName="/{workbook}" ContentType="'
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/{sheet}" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="{rid}" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" '
    'Target="{target}"/></Relationships>'
)
_WB = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
    'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="{rid}"/>'
    "</sheets></workbook>"
)


def xlsx_with_cells(
    path: Path,
    cells: dict[str, str],
    dimension: str | None = None,
    workbook: str = "xl/workbook.xml",
    sheet: str = "xl/worksheets/sheet1.xml",
) -> Path:
    """A minimal .xlsx holding only ``cells`` ({"A1": "text"}), as inline strings: five
    parts, no docProps, styles or shared strings. ``workbook`` and ``sheet`` name its parts
    as another producer might (the package's relationships point at them)."""
    rows: dict[int, list[str]] = {}
    for ref, text in cells.items():
        row = int("".join(ch for ch in ref if ch.isdigit()))
        rows.setdefault(row, []).append(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>')
    data = "".join(f'<row r="{r}">{"".join(cs)}</row>' for r, cs in sorted(rows.items()))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet_xml = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{dim}<sheetData>{data}</sheetData></worksheet>"
    )
    folder, base = posixpath.split(workbook)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT.format(workbook=workbook, sheet=sheet))
        z.writestr("_rels/.rels", _RELS.format(rid="rId1", kind="officeDocument", target=workbook))
        z.writestr(workbook, _WB.format(rid="part7"))
        target = posixpath.relpath(sheet, folder or ".")
        z.writestr(
            posixpath.join(folder, "_rels", base + ".rels"),
            _RELS.format(rid="part7", kind="worksheet", target=target),
        )
        z.writestr(sheet, sheet_xml)
    return path


def ods_with_table(
    path: Path, table_xml: str, mimetype: str = "application/vnd.oasis.opendocument.spreadsheet"
) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="台账">{table_xml}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
        'names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry'
        ' manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
        'spreadsheet"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", mimetype)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


def hostile_files(folder: Path) -> dict[str, Path]:
    """Every hostile file, by a short label."""
    valued = (
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell>"
    )
    spans = "".join(
        '<tr><td colspan="1000" rowspan="1000">x</td><td colspan="1000">y</td></tr>'
        for _ in range(100)
    )
    files = {
        "xlsx-cell-at-XFD1048576": xlsx_with_cells(
            folder / "far.xlsx", {"A1": "项目名称", "XFD1048576": "x"}
        ),
        "xlsx-16-columns-by-1M-rows": xlsx_with_cells(
            folder / "tall.xlsx", {"A1": "项目名称", "P1048576": "x"}
        ),
        "ods-repeated-rows-and-columns": ods_with_table(
            folder / "repeat.ods",
            f'<table:table-row table:number-rows-repeated="1048576">{valued}</table:table-row>',
        ),
        "xls-cell-at-IV65536": FIXTURES / "far_cell_IV65536.xls",
        # The same far cell where calamine finds it but a fixed part name would not.
        "xlsx-far-cell-other-part-names": xlsx_with_cells(
            folder / "parts.xlsx",
            {"A1": "项目名称", "XFD1048576": "x"},
            workbook="report/workbook.xml",
            sheet="report/data/part7.xml",
        ),
        "xlsx-far-cell-capital-Workbook": xlsx_with_cells(
            folder / "capital.xlsx",
            {"A1": "项目名称", "XFD1048576": "x"},
            workbook="xl/Workbook.xml",
        ),
        "xlsb-cell-at-XFD1048576": write_xlsb(
            folder / "far.xlsb", {"台账": {"A1": "项目名称", "XFD1048576": "x"}}
        ),
        "xlsb-short-cells-16-columns-by-1M-rows": write_xlsb(
            folder / "tall.xlsb",
            {"台账": {f"{c}{r}": "x" for c in "ABCDEFGHIJKLMNOP" for r in (1, 1048576)}},
            short=True,  # the columns only the short records' order gives
        ),
    }
    html = folder / "spans.xls"
    html.write_text(f"<html><body><table>{spans}</table></body></html>", encoding="utf-8")
    files["html-colspan-rowspan-1000"] = html
    wide = folder / "wide.csv"
    wide.write_bytes("项目名称,投资主体\n".encode() + b"x," * 2_500_000 + b"x\n")
    files["csv-5MB-wide-row"] = wide
    columns = folder / "columns.csv"
    columns.write_bytes(",".join(f"c{i}" for i in range(100_000)).encode() + b"\n1,2\n")
    files["csv-100000-columns"] = columns
    return files
