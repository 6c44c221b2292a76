"""The command line as a clerk runs it."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import cli
from tests.makers import docx_from_paragraphs, xlsx_from_rows

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

REPORT = [
    "清江区司法局2022年度普法工作总结",
    "区委依法治区办：",
    "一、基本情况",
    "我局成立了普法工作领导小组，明确分管副局长为分管普法工作的领导，普法日常工作由法规科承担。",
    "二、主要做法",
    "全年共开展普法宣传活动26场次，发放宣传资料6000份，接受法律咨询300人次，受教育群众4000人次。"
    "局党组理论学习中心组集体学法3次。全年报送以案释法典型案例5个。通过微信公众号推送普法信息。",
    "三、存在问题",
    "普法形式较为单一。",
    "四、下一步打算",
    "继续推进以案释法。",
    "清江区司法局",
    "2022年11月30日",
]


def run(args: list[str]) -> tuple[int, str, str]:
    from click.testing import CliRunner

    runner = CliRunner()
    result = runner.invoke(cli.cli, args)
    return result.exit_code, result.output, result.stderr if hasattr(result, "stderr") else ""


def tree_digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        h.update(str(p.relative_to(root)).encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    box = tmp_path / "收件箱"
    (box / "区司法局").mkdir(parents=True)
    docx_from_paragraphs(box / "区司法局" / "2022年度总结.docx", REPORT)
    (box / "坏文件.docx").write_bytes(b"PK\x03\x04broken")
    return box


@pytest.fixture()
def roster(tmp_path: Path) -> Path:
    return xlsx_from_rows(tmp_path / "名单.xlsx", [["单位名称", "简称/别名"], ["区司法局", ""], ["区民政局", "民政局"]])


def test_check_writes_records_with_fields_evidence_and_findings(inbox, roster, tmp_path):
    out = tmp_path / "输出"
    before = tree_digest(inbox)
    assert cli.main(["check", str(inbox), "--roster", str(roster), "--out", str(out), "--jobs", "1"]) == 0
    assert tree_digest(inbox) == before  # the inbox is read-only to us
    rec = json.loads((out / "records.json").read_text(encoding="utf-8"))
    assert rec["schema"] == "pufa.records/1" and rec["year"] == 2022
    files = {f["path"]: f for f in rec["files"]}
    good = files["区司法局/2022年度总结.docx"]
    assert good["status"] == "ok" and good["unit"] == "区司法局" and good["doc_type"] == "annual_report"
    assert good["fields"]["activities"] == 26 and good["fields"]["cases_total"] == 5
    assert good["evidence"]["activities"]["quote"].startswith("全年共开展普法宣传活动26场次")
    bad = files["坏文件.docx"]
    assert bad["status"] == "error" and bad["error"]["code"] == "corrupt" and "重新" in bad["error"]["message"]
    assert rec["missing_units"] == ["区民政局"]
    assert (out / "台账.xlsx").is_file()
    lines = (out / "records.json").read_text(encoding="utf-8").splitlines()
    # a key per line, one line per file and per unit: readable, and compared line by line
    assert lines[:3] == ["{", ' "schema": "pufa.records/1",', ' "year": 2022,']
    assert sum(line.startswith('  {"path": ') for line in lines) == len(rec["files"])
    assert sum(line.startswith('  {"unit": ') for line in lines) == len(rec["units"])


def test_second_run_gives_the_same_records(inbox, roster, tmp_path):
    outs = []
    for name in ("a", "b"):
        out = tmp_path / name
        assert cli.main(["check", str(inbox), "--roster", str(roster), "--out", str(out), "--jobs", "1"]) == 0
        rec = json.loads((out / "records.json").read_text(encoding="utf-8"))
        rec.pop("generated_at")
        outs.append(rec)
    assert outs[0] == outs[1]


def test_missing_inbox_is_a_chinese_usage_error(tmp_path, capsys):
    assert cli.main(["check", str(tmp_path / "没有这个文件夹")]) == 2
    err = capsys.readouterr().err
    assert "找不到收件文件夹" in err and "Traceback" not in err


def test_missing_argument_and_bad_date_are_explained_in_chinese(capsys):
    assert cli.main(["check"]) == 2
    assert "缺少必需的参数" in capsys.readouterr().err
    assert cli.main(["check", ".", "--deadline", "12月10日"]) == 2
    assert "不是日期" in capsys.readouterr().err


def test_unknown_option_is_explained_in_chinese(capsys):
    assert cli.main(["check", ".", "--bogus"]) == 2
    assert "没有这个选项" in capsys.readouterr().err


def test_strict_exits_1_when_an_error_finding_exists(inbox, roster, tmp_path):
    code = cli.main(["check", str(inbox), "--roster", str(roster), "--out", str(tmp_path / "o"), "--strict", "--jobs", "1"])
    assert code == 1  # 区民政局 sent nothing: missing_submission is an error


def test_bad_rules_file_names_the_key(inbox, tmp_path, capsys):
    rules = tmp_path / "规则.yaml"
    rules.write_text("cases_below_min:\n  mni: 4\n", encoding="utf-8")
    assert cli.main(["check", str(inbox), "--rules", str(rules), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "mni" in err and "规则.yaml" in err


@pytest.mark.skipif(not (SHARED / "devset").is_dir(), reason="../shared/devset not beside the repo")
def test_devset_scores_full_marks(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "dev"
    dev = SHARED / "devset"
    assert cli.main(["check", str(dev / "INBOX"), "--roster", str(dev / "roster.xlsx"), "--year", "2022",
                     "--deadline", "2022-12-10", "--out", str(out)]) == 0
    score = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(dev / "truth.json"),
                            str(out / "records.json")], capture_output=True, text=True, check=True).stdout
    last = score.strip().splitlines()[-1]
    acc = float(last.split("overall_field_acc=")[1].split()[0])
    f1 = float(last.split("findings_f1=")[1])
    assert acc >= 0.95 and f1 == 1.0, score
    assert "unit_attribution    1.00" in score


def test_the_progress_bar_counts_archive_members(tmp_path):
    """The bar's length is set once archives are expanded: a zip of three reports is three files."""
    import zipfile

    from outputs.console import Advance
    from pipeline import CheckOptions, run_check
    from tests.makers import docx_from_paragraphs

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with zipfile.ZipFile(inbox / "材料.zip", "w") as zf:
        for i in range(3):
            zf.write(docx_from_paragraphs(tmp_path / f"{i}.docx", [f"区司法局普法工作总结{i}"]), f"{i}.docx")

    class Bar:
        def __init__(self) -> None:
            self.total, self.done = None, 0

        def update(self, task, total=None, advance=0, description=""):  # noqa: ANN001 - rich's signature
            self.total = total if total is not None else self.total
            self.done += advance

    bar = Bar()
    run_check(CheckOptions(inbox, tmp_path / "out", jobs=1), progress=Advance(bar, 0))
    assert (bar.total, bar.done) == (3, 3)


def test_benchmark_stats_file_gets_the_seconds_of_each_stage(inbox, roster, tmp_path, monkeypatch):
    stats = tmp_path / "stats.json"
    monkeypatch.setenv("PUFA_STATS_FILE", str(stats))
    assert cli.main(["check", str(inbox), "--roster", str(roster), "--out", str(tmp_path / "o"), "--jobs", "1"]) == 0
    got = json.loads(stats.read_text(encoding="utf-8"))
    assert {"start", "cache", "read_wall", "rules", "write"} <= set(got) and got["files_read"] == 2
    monkeypatch.delenv("PUFA_STATS_FILE")
    stats.unlink()
    assert cli.main(["check", str(inbox), "--roster", str(roster), "--out", str(tmp_path / "p"), "--jobs", "1"]) == 0
    assert not stats.exists()
