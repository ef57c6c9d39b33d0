"""A ledger found on a sheet, as the later steps read it: its columns with the field each
holds (and why), its rows with their kinds, and the defaults the clerk gave for it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SourceColumn:
    index: int
    header: str  # as the clerk sees it; two levels joined by "/"
    upper: str
    lower: str
    target: str | None
    score: float
    unit: str | None = None  # unit stated in the header, e.g. 亿元
    reason: str = ""  # why this field (or why none), in Chinese
    confident: bool = True  # False: the wizard asks the clerk to confirm it


@dataclass
class Table:
    sheet: str
    rows: list[list[object]]  # the sheet's grid with vertical merges filled down
    header_rows: list[int] = field(default_factory=list)  # 0-based
    title_rows: list[int] = field(default_factory=list)
    title_unit: str | None = None
    columns: list[SourceColumn] = field(default_factory=list)
    skipped: str | None = None
    # 0-based row -> kind: data | blank | total | category | header | numbers | note | subrow
    kinds: dict[int, str] = field(default_factory=dict)
    # 0-based row -> why a row under the header is not a project (totals, categories …)
    reasons: dict[int, str] = field(default_factory=dict)
    corrected: bool = False  # the clerk changed the mapping: remember it as a preset
    # 0-based data row -> the town/park it is grouped under (a category row such as
    # "一、城关镇（3个）", or a sheet per town), used when there is no location column
    places: dict[int, str] = field(default_factory=dict)
    # 0-based data row -> the sub-rows under it (a second line of 建设内容 or 备注)
    attached: dict[int, list[int]] = field(default_factory=dict)
    title_year: int | None = None  # "2021年招商引资签约项目台账": the year the title names
    # The sign date of every project when the sheet has no sign-date column (or a blank
    # cell): "2021", "2021-06" or "2021-06-30", and where it came from ("clerk"/"title").
    sign_date_default: str | None = None
    sign_date_source: str = ""
    excluded: bool = False  # the clerk left this sheet out

    @property
    def data_start(self) -> int:
        return (self.header_rows[-1] + 1) if self.header_rows else len(self.rows)

    def column_for(self, target: str) -> SourceColumn | None:
        return next((c for c in self.columns if c.target == target), None)

    def data_rows(self) -> list[int]:
        return [r for r, k in sorted(self.kinds.items()) if k == "data"]

    def mapping(self) -> dict[str, str | None]:
        """{header text: field or None}, as the wizard and presets exchange it."""
        return {c.header: c.target for c in self.columns if c.header}
