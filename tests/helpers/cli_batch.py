"""Run many CLI cases in ONE fresh interpreter, each in its own forked child.

A true subprocess (nothing of pytest's process leaks in: no capture, no imported state),
but the interpreter and ``tracker`` load once, so a dozen cases cost about one start-up.
Each child reports its exit code, stderr, and peak memory (``ru_maxrss``, which counts
the parent's pages it starts with), under an address-space limit so a regression that
allocates gigabytes fails the test instead of the machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

_RUNNER = textwrap.dedent("""
    import json, os, resource, sys, traceback
    from tracker.cli.main import main

    limit = int(sys.argv[2]) * 1024 * 1024
    results = []
    for argv in json.loads(sys.argv[1]):
        err_r, err_w = os.pipe()
        res_r, res_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(err_r); os.close(res_r)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1); os.dup2(err_w, 2)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            except BaseException:
                traceback.print_exc()
                code = 99
            sys.stdout.flush(); sys.stderr.flush()
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            os.write(res_w, json.dumps({"code": code, "rss_mb": rss}).encode())
            os._exit(0)
        os.close(err_w); os.close(res_w)
        chunks = []
        while chunk := os.read(err_r, 65536):
            chunks.append(chunk)
        result = b""
        while chunk := os.read(res_r, 65536):
            result += chunk
        os.close(err_r); os.close(res_r)
        _, status = os.waitpid(pid, 0)
        out = json.loads(result) if result else {"code": None, "rss_mb": None}
        out["signal"] = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        out["stderr"] = b"".join(chunks).decode("utf-8", "replace")
        results.append(out)
    print(json.dumps(results))
""")


@dataclass
class CliResult:
    argv: list[str]
    code: int | None
    stderr: str
    rss_mb: float | None
    signal: int | None

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def run_batch(
    cases: list[list[str]], *, memory_limit_mb: int = 2048, env: dict[str, str] | None = None
) -> list[CliResult]:
    """Run each argv (``python -m tracker`` arguments) in its own child; in order."""
    proc = subprocess.run(
        [sys.executable, "-c", _RUNNER, json.dumps(cases), str(memory_limit_mb)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    raw: list[dict[str, Any]] = json.loads(proc.stdout.strip().splitlines()[-1])
    return [
        CliResult(argv, r["code"], r["stderr"], r["rss_mb"], r["signal"])
        for argv, r in zip(cases, raw, strict=True)
    ]


def is_chinese_line(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
