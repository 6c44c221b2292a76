"""The incremental cache: a re-run reads only new or changed files, and never fails because of the cache."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

import cli
from pipeline import cache as cache_mod
from pipeline.cache import CACHE_NAME, record_from_json, record_to_json
from pipeline import CheckOptions, run_check
from tests.makers import docx_from_paragraphs, xlsx_from_rows

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
REPORT = "鹤溪区市场监管局2023年度普法履职报告.docx"


@pytest.fixture()
def box(tmp_path: Path) -> Path:
    """A copy of the sample inbox (a report, lists, cases, a form, a PDF, a .doc-like name …)."""
    return Path(shutil.copytree(SAMPLES / "inbox", tmp_path / "收件箱"))


def check(box: Path, out: Path, *, roster: Path | None = SAMPLES / "名单.xlsx", **kw) -> tuple[dict, dict]:
    stats: dict = {}
    result = run_check(CheckOptions(box, out, roster, jobs=1, **kw), stats=stats)
    return result.records, stats


def same(a: dict, b: dict) -> bool:
    return {k: v for k, v in a.items() if k != "generated_at"} == {k: v for k, v in b.items() if k != "generated_at"}


def file_count(box: Path) -> int:
    return sum(1 for p in box.rglob("*") if p.is_file())


def test_second_run_reads_nothing_and_gives_the_same_records(box: Path, tmp_path: Path) -> None:
    first, s1 = check(box, tmp_path / "out")
    again, s2 = check(box, tmp_path / "out")
    assert s1["files_read"] == file_count(box) and s1["files_cached"] == 0
    assert s2["files_read"] == 0 and s2["files_cached"] == file_count(box)
    assert s2["files_hashed"] == file_count(box)  # keyed on content: every file hashed once, none read
    assert same(first, again)
    fresh, _ = check(box, tmp_path / "fresh", cache=False)
    assert same(fresh, again)
    assert not (tmp_path / "fresh" / CACHE_NAME).exists()


def test_a_changed_file_is_read_again_and_its_new_content_counts(box: Path, tmp_path: Path) -> None:
    check(box, tmp_path / "out")
    report = box / "区司法局补报" / "总结.docx"
    report.parent.mkdir()
    docx_from_paragraphs(report, ["区司法局2023年度普法工作总结", "全年共开展普法宣传活动12场次。", "区司法局"])
    _, s_new = check(box, tmp_path / "out")
    assert s_new["files_read"] == 1
    docx_from_paragraphs(report, ["区司法局2023年度普法工作总结", "全年共开展普法宣传活动47场次。", "区司法局"])
    records, s_changed = check(box, tmp_path / "out")
    assert s_changed["files_read"] == 1 and s_changed["files_cached"] == file_count(box) - 1
    (entry,) = [f for f in records["files"] if f["path"] == "区司法局补报/总结.docx"]
    assert entry["fields"]["activities"] == 47


def test_a_touched_but_unchanged_file_is_hashed_not_read(box: Path, tmp_path: Path) -> None:
    first, _ = check(box, tmp_path / "out")
    st = (box / REPORT).stat()
    os.utime(box / REPORT, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    again, stats = check(box, tmp_path / "out")
    assert stats["files_read"] == 0
    assert same(first, again)


def test_new_content_with_the_same_size_and_time_is_read_again(box: Path, tmp_path: Path) -> None:
    report = box / "区司法局补报" / "总结.docx"
    report.parent.mkdir()
    docx_from_paragraphs(report, ["区司法局2023年度普法工作总结", "全年共开展普法宣传活动12场次。", "区司法局"])
    check(box, tmp_path / "out")
    st = report.stat()
    other = tmp_path / "other.docx"
    docx_from_paragraphs(other, ["区司法局2023年度普法工作总结", "全年共开展普法宣传活动47场次。", "区司法局"])
    data = other.read_bytes()
    assert len(data) == st.st_size  # one digit changed: the same size
    report.write_bytes(data)
    os.utime(report, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the same time (cp -p, rsync -t)
    records, stats = check(box, tmp_path / "out")
    assert stats["files_read"] == 1
    (entry,) = [f for f in records["files"] if f["path"] == "区司法局补报/总结.docx"]
    assert entry["fields"]["activities"] == 47


def test_a_folder_in_place_of_the_cache_is_replaced_by_a_new_cache(box: Path, tmp_path: Path) -> None:
    first, _ = check(box, tmp_path / "out")
    (tmp_path / "out" / CACHE_NAME).unlink()
    (tmp_path / "out" / CACHE_NAME).mkdir()
    (tmp_path / "out" / CACHE_NAME / "x").write_text("x")
    again, stats = check(box, tmp_path / "out")
    assert stats["files_read"] == file_count(box) and same(first, again)
    assert (tmp_path / "out" / CACHE_NAME).is_file()
    _, stats = check(box, tmp_path / "out")
    assert stats["files_read"] == 0


def test_a_removed_file_leaves_the_records_and_the_cache(box: Path, tmp_path: Path) -> None:
    check(box, tmp_path / "out")
    (box / REPORT).unlink()
    records, stats = check(box, tmp_path / "out")
    assert REPORT not in [f["path"] for f in records["files"]] and stats["files_read"] == 0
    with sqlite3.connect(tmp_path / "out" / CACHE_NAME) as db:
        assert db.execute("SELECT count(*) FROM records WHERE rel=?", (REPORT,)).fetchone()[0] == 0


def test_another_roster_or_year_reads_every_file_again(box: Path, tmp_path: Path) -> None:
    check(box, tmp_path / "out")
    other = xlsx_from_rows(tmp_path / "名单2.xlsx", [["单位名称"], ["鹤溪区市场监督管理局"], ["鹤溪区公安分局"]])
    records, stats = check(box, tmp_path / "out", roster=other)
    assert stats["files_read"] == file_count(box)
    assert records["roster"] == ["鹤溪区市场监督管理局", "鹤溪区公安分局"]
    _, stats = check(box, tmp_path / "out", roster=other, year=2023)
    assert stats["files_read"] == file_count(box)
    _, stats = check(box, tmp_path / "out", roster=other, year=2023)
    assert stats["files_read"] == 0


def test_new_extractor_code_reads_every_file_again(box: Path, tmp_path: Path, monkeypatch) -> None:
    check(box, tmp_path / "out")
    monkeypatch.setattr(cache_mod, "extractor_version", lambda: "a-newer-extractor")
    _, stats = check(box, tmp_path / "out")
    assert stats["files_read"] == file_count(box)


def test_the_versions_follow_the_code_they_digest(tmp_path: Path) -> None:
    code = tmp_path / "fields.py"
    code.write_text("A = 1\n")
    before = cache_mod._source_digest([code], ["lxml=6"])
    assert before == cache_mod._source_digest([code], ["lxml=6"])
    code.write_text("A = 2\n")
    assert cache_mod._source_digest([code], ["lxml=6"]) != before
    assert cache_mod._source_digest([code], ["lxml=7"]) != cache_mod._source_digest([code], ["lxml=6"])
    assert cache_mod.extractor_version() != cache_mod.analysis_version()


def test_changed_rules_apply_to_cached_records_without_reading(box: Path, tmp_path: Path) -> None:
    first, _ = check(box, tmp_path / "out")
    rules = tmp_path / "规则.yaml"
    rules.write_text("cases_below_min: {min: 99}\n", encoding="utf-8")
    stricter, stats = check(box, tmp_path / "out", rules=rules)
    assert stats["files_read"] == 0

    def fired(records: dict) -> set[str]:
        return {u["unit"] for u in records["units"] for x in u["findings"] if x["rule"] == "cases_below_min"}

    assert fired(first) < fired(stricter)


@pytest.mark.parametrize("damage", [b"this is not a database" * 100, b""])
def test_a_corrupt_cache_is_rebuilt_and_the_run_reads_the_files(box: Path, tmp_path: Path, damage: bytes) -> None:
    first, _ = check(box, tmp_path / "out")
    (tmp_path / "out" / CACHE_NAME).write_bytes(damage)
    again, stats = check(box, tmp_path / "out")
    assert stats["files_read"] == file_count(box) and same(first, again)
    _, stats = check(box, tmp_path / "out")
    assert stats["files_read"] == 0


def test_a_locked_cache_is_passed_by(box: Path, tmp_path: Path, monkeypatch) -> None:
    first, _ = check(box, tmp_path / "out")
    monkeypatch.setattr(cache_mod, "LOCK_WAIT", 0.05)
    holder = sqlite3.connect(tmp_path / "out" / CACHE_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        again, stats = check(box, tmp_path / "out")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert stats["files_read"] == file_count(box) and same(first, again)


def test_unreadable_rows_fall_back_to_reading(box: Path, tmp_path: Path) -> None:
    first, _ = check(box, tmp_path / "out")
    with sqlite3.connect(tmp_path / "out" / CACHE_NAME) as db:
        db.execute("UPDATE records SET data = '{not json'")
    again, stats = check(box, tmp_path / "out")
    assert same(first, again) and stats["files_read"] == file_count(box)
    _, stats = check(box, tmp_path / "out")  # the rows were replaced: the cache works again
    assert stats["files_read"] == 0


def test_a_record_survives_json_unchanged(box: Path, tmp_path: Path, monkeypatch) -> None:
    from pipeline.inbox import list_inbox
    from extractors.roster import load_roster
    from pipeline import process_source

    roster = load_roster(SAMPLES / "名单.xlsx")
    for src in list_inbox(box):
        f = process_source(src, roster, None)
        back = record_from_json(record_to_json(f), f.size, f.mtime)
        assert back == f, src.rel
        assert "pickle" not in record_to_json(f) and json.loads(record_to_json(f))["path"] == src.rel


def test_unchanged_notices_and_ledger_are_kept_changed_ones_rewritten(box: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    check(box, out)
    notices = {p.name: p.stat() for p in (out / "通知").iterdir()}
    ledger = (out / "台账.xlsx").stat()
    check(box, out)
    assert {p.name: p.stat().st_ino for p in (out / "通知").iterdir()} == {k: v.st_ino for k, v in notices.items()}
    assert (out / "台账.xlsx").stat().st_mtime_ns == ledger.st_mtime_ns
    (out / "台账.xlsx").unlink()
    rules = tmp_path / "规则.yaml"
    rules.write_text("cases_below_min: {min: 99}\n", encoding="utf-8")
    check(box, out, rules=rules)
    assert (out / "台账.xlsx").is_file()
    changed = [n for n, st in notices.items() if (out / "通知" / n).stat().st_ino != st.st_ino]
    assert changed  # the stricter rule changed some notices; they were rendered again


def test_no_cache_on_the_command_line(box: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = cli.main(["check", str(box), "--roster", str(SAMPLES / "名单.xlsx"), "--out", str(out),
                     "--jobs", "1", "--no-cache"])
    assert code == 0 and (out / "records.json").is_file() and not (out / CACHE_NAME).exists()
    assert "--no-cache" in cli.cli.commands["check"].get_help(cli.click.Context(cli.cli.commands["check"]))


def test_archive_members_come_from_the_cache_and_an_encrypted_one_does_not_stop_it(tmp_path: Path) -> None:
    from tests import hostile_files as hf

    box = tmp_path / "收件箱"
    box.mkdir()
    report = hf.make_docx(tmp_path / "报告.docx").read_bytes()
    hf.write_raw_zip(box / "区司法局材料.zip", [
        hf.RawEntry("区司法局/2022年度总结.docx".encode(), report, utf8_flag=True),
        hf.RawEntry("区司法局/加密清单.docx".encode(), report, utf8_flag=True, password=b"secret"),
    ])
    first, s1 = check(box, tmp_path / "out", roster=None)
    again, s2 = check(box, tmp_path / "out", roster=None)
    paths = {f["path"]: f["status"] for f in again["files"]}
    assert paths == {"区司法局材料.zip!/区司法局/2022年度总结.docx": "ok",
                     "区司法局材料.zip!/区司法局/加密清单.docx": "error"}
    assert s1["files_read"] == 2 and s2["files_cached"] == 1 and s2["files_read"] == 1  # the encrypted one
    assert same(first, again)


def test_archives_are_expanded_on_every_run_and_a_file_turned_archive_too(box: Path, tmp_path: Path) -> None:
    """Files read last time and unchanged are not opened to see whether they are archives; an
    archive still is expanded, and a document replaced by an archive is seen to be one."""
    import zipfile

    inner = tmp_path / "内.docx"
    docx_from_paragraphs(inner, ["区司法局2023年度普法工作总结", "全年共开展普法宣传活动12场次。", "区司法局"])
    with zipfile.ZipFile(box / "区司法局材料.zip", "w") as zf:
        zf.write(inner, "区司法局/总结.docx")
    first, _ = check(box, tmp_path / "out")
    again, s2 = check(box, tmp_path / "out")
    member = "区司法局材料.zip!/区司法局/总结.docx"
    assert member in {f["path"] for f in again["files"]} and s2["files_read"] == 0 and same(first, again)
    target = next(p for p in box.rglob("*.docx") if p.name == REPORT)
    rel = target.relative_to(box).as_posix()
    with zipfile.ZipFile(target, "w") as zf:  # the same name, now an archive of another report
        zf.write(inner, "补报/总结.docx")
    third, _ = check(box, tmp_path / "out")
    paths = {f["path"] for f in third["files"]}
    assert f"{rel}!/补报/总结.docx" in paths and rel not in paths
