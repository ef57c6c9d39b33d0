"""The ledger export (`export ledger`) reads back into the same projects: a round trip."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.ledgers import run_cli

VOLATILE = {"id", "batch_id", "created_at", "updated_at"}


def test_export_then_import_gives_the_same_ledger(tmp_path: Path) -> None:
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    assert run_cli(source, "demo", "--projects", "40")[0] == 0
    out = tmp_path / "台账.xlsx"
    code, _, err = run_cli(source, "export", "ledger", "--out", str(out))
    assert code == 0, err
    code, result, err = run_cli(target, "import", str(out), "--json")
    assert code == 0, err
    assert result["summary"]["create"] == 40 and result["summary"]["reject"] == 0
    assert None not in result["sheets"][0]["columns"].values()

    def ledger(db: Path) -> dict[tuple[str, str], dict]:
        rows = run_cli(db, "list", "--json")[1]
        return {
            (r["name"], r["investor"]): {k: v for k, v in r.items() if k not in VOLATILE}
            for r in rows
        }

    assert ledger(target) == ledger(source)
    code, again, _ = run_cli(target, "import", str(out), "--json")
    assert again["summary"]["skip"] == 40 and again["summary"]["create"] == 0
