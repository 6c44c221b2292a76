"""The command line speaks Chinese throughout, one line per usage error; the year file drives the
check, the notices and every draft; generated folders are ordinary folders."""
from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

import cli
from tests.docx_helper import all_text, by_style, open_doc
from tests.makers import docx_from_paragraphs

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
ENGLISH = ("Usage", "Options", "Commands", "Show this", "is not", "Error", "Missing", "Try ",
           "No such", "Invalid", "INTEGER", "TEXT", "[OPTIONS]", "COMMAND", "default:")


def _lines(capsys) -> list[str]:
    return [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["draft", "--help"],
                                  ["draft", "circular", "--help"], ["draft", "plan", "--help"],
                                  ["draft", "self-inspection", "--help"]])
def test_help_pages_are_chinese(args, capsys):
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法： pufa") and "显示本帮助并退出。" in out
    assert not [w for w in ENGLISH if w in out], out


def test_click_errors_are_chinese_and_name_the_option(capsys):
    assert cli.main(["check", ".", "--year", "1990"]) == 2
    assert _lines(capsys) == ["用法错误：--year 的值无效：1990 不在允许的范围 2000<=x<=2100 内。"]
    assert cli.main(["check", ".", "--jobs", "多"]) == 2
    assert _lines(capsys) == ["用法错误：--jobs 的值无效：“多”不是有效的整数。"]
    assert cli.main(["draft", "circular"]) == 2
    assert _lines(capsys) == ["用法错误：缺少必需的参数：--records（pufa check 生成的 records.json）"]
    assert cli.main(["check", ".", "a", "b"]) == 2
    assert _lines(capsys)[0] == "用法错误：多余的参数：a b"


def test_a_file_that_is_not_records_json_or_a_roster_is_one_line_exit_2(tmp_path, capsys):
    report = docx_from_paragraphs(tmp_path / "履职报告.docx", ["区教育局2023年度普法工作总结"])
    assert cli.main(["draft", "circular", "--records", str(report)]) == 2
    assert _lines(capsys) == ["用法错误：--records 的值无效：“履职报告.docx”不是 pufa check 生成的 records.json"
                              "（在 --out 输出文件夹中）"]
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"a": 1}), encoding="utf-8")
    assert cli.main(["draft", "self-inspection", "--records", str(other)]) == 2
    assert len(_lines(capsys)) == 1
    assert cli.main(["check", str(tmp_path), "--roster", str(report)]) == 2
    assert _lines(capsys) == ["用法错误：--roster 的值无效：“履职报告.docx”不是表格：名单应为含“单位名称”列的 .xlsx 或 .csv 文件"]


def _check(tmp_path: Path, *extra: str) -> tuple[int, Path]:
    out = tmp_path / "输出"
    code = cli.main(["check", str(SAMPLES / "inbox"), "--roster", str(SAMPLES / "名单.xlsx"),
                     "--out", str(out), "--jobs", "1", *extra])
    return code, out


def test_the_year_file_drives_the_check_the_notices_and_the_drafts(tmp_path, capsys):
    code, out = _check(tmp_path, "--config", str(SAMPLES / "年度.yaml"))
    assert code == 0
    printed = capsys.readouterr().out
    assert "整改通知 6 份、补报通知 1 份" in printed
    records = json.loads((out / "records.json").read_text(encoding="utf-8"))
    assert records["year"] == 2023 and records["deadline"] == "2023-12-10"  # from the year file
    late = [f for u in records["units"] for f in u["findings"] if f["rule"] == "late_submission"]
    assert late  # the deadline applied
    notice = open_doc(out / "通知" / "区水利局_整改通知.docx")
    assert [p.text for p in by_style(notice, "GwDate")] == ["2023年12月11日"]
    assert "于2023年12月17日前将以下材料报送鹤溪区普法办" in all_text(notice)
    plan = tmp_path / "实施方案.docx"
    assert cli.main(["draft", "plan", "--config", str(SAMPLES / "年度.yaml"), "-o", str(plan)]) == 0
    text = all_text(open_doc(plan))
    assert "于2023年12月10日前报送鹤溪区全面依法治区委员会办公室" in text  # the check's deadline
    assert [p.text for p in by_style(open_doc(plan), "GwDocNumber")] == []  # no red 版头 on a plan
    circular = tmp_path / "通报.docx"
    assert cli.main(["draft", "circular", "--records", str(out / "records.json"),
                     "--config", str(SAMPLES / "年度.yaml"), "-o", str(circular)]) == 0
    assert [p.text for p in by_style(open_doc(circular), "GwDocNumber")] == ["鹤法治办发〔2023〕3号"]


def test_a_reply_deadline_before_the_notice_date_stops_the_check(tmp_path, capsys):
    cfg = tmp_path / "通知.yaml"
    cfg.write_text("office: 鹤溪区普法办\nreply_deadline: 2023-12-17\n", encoding="utf-8")
    code, out = _check(tmp_path, "--notice-config", str(cfg))
    assert code == 2 and not out.exists()
    (line,) = _lines(capsys)
    assert line.startswith(f"配置有误：{cfg} 中的 reply_deadline：回复期限 2023-12-17 早于通知日期（未写 date，即检查当天）")


def test_files_about_another_year_give_one_warning(tmp_path, capsys):
    code, _ = _check(tmp_path, "--year", "2022")
    assert code == 0
    warnings = [ln for ln in _lines(capsys) if ln.startswith("提醒")]
    assert warnings == ["提醒：收到的19份写明年度的材料中有19份不是2022年度的（多为2023年度），请核对 --year 是否应为 2023。"]
    _check(tmp_path, "--year", "2023")
    assert not [ln for ln in _lines(capsys) if ln.startswith("提醒")]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_generated_folders_have_the_permissions_of_the_output_folder(tmp_path):
    old = os.umask(0o022)
    try:
        code, out = _check(tmp_path, "--config", str(SAMPLES / "年度.yaml"))
    finally:
        os.umask(old)
    assert code == 0
    assert stat.S_IMODE((out / "通知").stat().st_mode) == stat.S_IMODE(out.stat().st_mode) == 0o755
