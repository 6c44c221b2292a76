"""Exit codes as README documents them: 0 done, 1 --strict with errors, 2 what the user can fix,
3 an internal error (one Chinese line naming the log with the details), 130 Ctrl-C."""
from __future__ import annotations

import json
from pathlib import Path

import cli
import pipeline
from tests.hostile_files import make_docx


def test_an_internal_error_is_one_line_naming_its_log_and_keeps_the_old_set(tmp_path: Path, capsys,
                                                                              monkeypatch) -> None:
    inbox, out = tmp_path / "收件箱", tmp_path / "输出"
    inbox.mkdir()
    make_docx(inbox / "区市场监督管理局履职报告.docx")
    assert cli.main(["check", str(inbox), "--out", str(out), "--jobs", "1"]) == 0
    before = (out / "records.json").read_bytes()
    capsys.readouterr()

    def broken(*args, **kwargs):  # a bug in the rules stage, as a real one would surface
        return {}["no such key"]

    monkeypatch.setattr(pipeline, "build_records", broken)
    code = cli.main(["check", str(inbox), "--out", str(out), "--jobs", "1"])
    lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]
    assert code == 3 and len(lines) == 1 and lines[0].startswith("内部错误（KeyError）")
    log = out / ".pufa" / "error.log"
    assert f"“{log}”" in lines[0]
    assert "Traceback" in log.read_text(encoding="utf-8") and "no such key" in log.read_text(encoding="utf-8")
    assert (out / "records.json").read_bytes() == before
    assert not (out / ".pufa" / "staging").exists() and not list((out / ".pufa").glob("tmp-*"))


def test_strict_and_usage_codes(tmp_path: Path, capsys) -> None:
    inbox, out = tmp_path / "收件箱", tmp_path / "输出"
    inbox.mkdir()
    make_docx(inbox / "区市场监督管理局履职报告.docx", ["区市场监督管理局2022年度普法工作总结", "区市场监督管理局"])
    assert cli.main(["check", str(inbox), "--out", str(out), "--jobs", "1", "--strict"]) == 1
    records = json.loads((out / "records.json").read_text(encoding="utf-8"))
    assert any(x["severity"] == "error" for u in records["units"] for x in u["findings"])
    assert cli.main(["check", str(tmp_path / "没有这个文件夹"), "--out", str(out)]) == 2
    assert "找不到收件文件夹" in capsys.readouterr().err
