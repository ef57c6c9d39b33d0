"""Generated deals retyped the ways a clerk retypes them, and look-alikes that are other
deals — the cases the deal matcher is calibrated on (no shared sample is copied).

``retypes`` turns one deal's row into the same deal as next year's ledger types it;
``look_alikes`` makes deals that read alike but are different; ``yearly_ledgers`` writes
CSV ledgers for three years (most deals repeated, retyped) with the number of distinct
deals and the pairs that must stay apart.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

PRODUCTS = ("精密轴承", "光伏组件", "锂电池隔膜", "医疗器械", "生物制剂", "冷链物流",
            "特种纸", "电子元器件", "数据中心", "汽车零部件", "高分子材料", "农产品加工")  # fmt: skip
STEMS = ("瑞丰", "天成", "宏达", "金源", "恒通", "博远", "华信", "明辉", "永盛", "康泰")
PROVINCES = ("江苏", "浙江", "广东", "福建", "湖南", "北京", "上海")
TOWNS = ("城关镇", "青山镇", "溪口镇", "经济开发区", "高新园区", "临港工业园")
Row = dict[str, Any]


def deal(rng: random.Random, year: int = 2021) -> Row:
    """One random deal, as the importer's parsed data holds it."""
    product, stem = rng.choice(PRODUCTS), rng.choice(STEMS)
    if rng.random() < 0.5:
        name = f"{stem}{product}生产基地项目"
    else:
        name = f"年产{rng.choice((5, 10, 20, 50, 100))}万件{product}项目"
    day = date(year, 1, 1) + timedelta(days=rng.randrange(360))
    return {
        "name": name,
        "investor": f"{rng.choice(PROVINCES)}{stem}{product[:2]}有限公司",
        "sign_date": day.isoformat(),
        "signed_amount_wan": str(rng.choice((3000, 5000, 8500, 20000, 35000, 120000))),
        "location": rng.choice(TOWNS),
    }


def _name(row: Row, name: str) -> Row:
    return {**row, "name": name}


def _investor(row: Row, investor: str) -> Row:
    return {**row, "investor": investor}


def _drop_province(row: Row) -> Row:
    inv = row["investor"]
    return _investor(row, next((inv[len(p) :] for p in PROVINCES if inv.startswith(p)), inv))


def _short_form(row: Row) -> Row:
    core = _drop_province(row)["investor"].removesuffix("有限公司")
    return _investor(row, core)


# Each retype: (what a clerk did, row -> the same deal typed again)
RETYPES: dict[str, Callable[[Row], Row]] = {
    "空格": lambda r: _name(r, r["name"][:2] + " " + r["name"][2:] + " "),
    "（一期）": lambda r: _name(r, r["name"] + "（一期）"),
    "一期": lambda r: _name(r, r["name"].replace("项目", "一期项目")),
    "生产基地→基地": lambda r: _name(r, r["name"].replace("生产基地", "基地")),
    "全角": lambda r: _name(r, r["name"].replace("5", "５").replace("1", "１") + "（ ）"),
    "去掉项目": lambda r: _name(r, r["name"].removesuffix("项目")),
    "股份有限公司": lambda r: _investor(r, r["investor"].replace("有限公司", "股份有限公司")),
    "有限责任公司": lambda r: _investor(r, r["investor"].replace("有限公司", "有限责任公司")),
    "加科技": lambda r: _investor(r, r["investor"].replace("有限公司", "科技有限公司")),
    "去省份": _drop_province,
    "简称": _short_form,
    "日期只到月": lambda r: {**r, "sign_date": r["sign_date"][:7]},
    "金额改正": lambda r: {**r, "signed_amount_wan": str(int(r["signed_amount_wan"]) + 500)},
}


def look_alikes(rng: random.Random, row: Row) -> dict[str, Row]:
    """Deals that read like ``row`` but are others (each must stay apart)."""
    later = date.fromisoformat(row["sign_date"]) + timedelta(days=300 + rng.randrange(60))
    amount = str(int(row["signed_amount_wan"]) // 2 + 1000)
    other_province = next(p for p in PROVINCES if not row["investor"].startswith(p))
    town = next(t for t in TOWNS if t != row["location"])
    body = row["investor"][2:]
    return {
        "二期": {
            **row,
            "name": row["name"].replace("项目", "二期项目"),
            "sign_date": later.isoformat(),
            "signed_amount_wan": amount,
        },
        "（三期）": {**row, "name": row["name"] + "（三期）", "sign_date": later.isoformat()},
        "另一家公司": {
            **row,
            "investor": f"{other_province}{rng.choice(STEMS)}新材有限公司",
            "sign_date": later.isoformat(),
            "signed_amount_wan": amount,
            "location": town,
        },
        "同名另一省公司": {
            **row,
            "investor": f"{other_province}{body.replace('有限公司', '实业有限公司')}",
            "sign_date": later.isoformat(),
            "signed_amount_wan": amount,
            "location": town,
        },
    }


HEADER = ["序号", "项目名称", "投资主体", "签约日期", "签约金额（万元）", "落地乡镇"]


def _date_text(rng: random.Random, iso: str) -> str:
    d = date.fromisoformat(iso)
    return rng.choice(
        (iso, f"{d.year}.{d.month:02d}.{d.day:02d}", f"{d.year}/{d.month}/{d.day}",
         f"{d.year}年{d.month}月{d.day}日")
    )  # fmt: skip


def yearly_ledgers(
    folder: Path, seed: int = 7, deals: int = 12, retype_seed: int = 0
) -> dict[str, Any]:
    """Three CSV ledgers (2021–2023): each year repeats the earlier deals retyped (one of
    ``RETYPES`` that keeps date and amount) and adds new ones, among them look-alikes.
    Returns the files in order, the distinct deal count and the pairs to keep apart;
    another ``retype_seed`` types the same deals other ways."""
    rng = random.Random(seed)
    pick = random.Random(seed * 1000 + retype_seed)  # how each repeat is typed
    safe = ["空格", "（一期）", "生产基地→基地", "全角", "股份有限公司", "加科技", "去省份"]
    names: set[str] = set()
    known: list[Row] = []
    while len(known) < deals:  # distinct names, so look-alikes are the only near pairs
        d = deal(rng)
        if d["name"] not in names:
            names.add(d["name"])
            known.append(d)
    apart: list[tuple[str, str]] = []
    files: list[Path] = []
    rows_by_year: list[list[Row]] = [list(known[: deals // 2])]
    rows_by_year.append(known[deals // 2 :])
    rows_by_year.append([])
    seconds = look_alikes(rng, known[0])
    rows_by_year[1].append(seconds["二期"])
    apart.append((known[0]["name"], seconds["二期"]["name"]))
    other = look_alikes(rng, known[1])["同名另一省公司"]
    rows_by_year[2].append(other)
    apart.append(
        (f"{known[1]['name']}|{known[1]['investor']}", f"{other['name']}|{other['investor']}")
    )
    distinct = deals + 2
    for year_index in range(3):
        rows = list(rows_by_year[year_index])
        for earlier in rows_by_year[:year_index]:
            rows += [RETYPES[pick.choice(safe)](r) for r in earlier if r in known]
        lines = [",".join(HEADER)]
        for i, r in enumerate(rows, 1):
            cells = [str(i), r["name"], r["investor"], _date_text(pick, r["sign_date"]),
                     r["signed_amount_wan"], r["location"]]  # fmt: skip
            lines.append(",".join(cells))
        path = folder / f"{2021 + year_index}年签约项目台账.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
        files.append(path)
    return {"files": files, "distinct": distinct, "apart": apart}
