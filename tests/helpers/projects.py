"""Shared builders for the core tests."""

from __future__ import annotations


def sample(**over: object) -> dict[str, object]:
    """A minimal valid project, with overrides."""
    base: dict[str, object] = {
        "name": "精益光源生产基地项目",
        "investor": "浙江精益光源有限公司",
        "sign_date": "2024-03-01",
        "signed_amount_wan": "12000",
        "unit": "县发改局",
        "leader": "王建国",
        "industry": "新能源",
        "location": "城关镇",
    }
    return base | over
