"""duplicate_content: near-copies among many reports, without comparing every pair."""
from __future__ import annotations

import os
import random
import re
from datetime import date
from pathlib import Path

import pytest

from forms import similarity as sim
from forms.check import check_units
from forms.rules import load_rules
from tests.test_rules import SOUND
from tests.units_helper import file, unit

LAWS = ["宪法", "民法典", "行政处罚法", "安全生产法", "食品安全法", "劳动合同法", "消防法", "环境保护法",
        "未成年人保护法", "反电信网络诈骗法", "统计法", "税收征收管理法", "道路交通安全法", "网络安全法"]
PLACES = ["社区", "农贸市场", "工业园区", "学校", "企业", "建筑工地", "医院", "商场", "车站", "乡镇", "村委会"]
PEOPLE = ["群众", "企业职工", "个体工商户", "青少年", "老年人", "外来务工人员", "执法人员", "网格员", "志愿者"]
TEMPLATES = [
    "{m}月，我们组织干部走进{p}，向{o}宣传《{l}》，现场发放资料{n}份。",
    "围绕《{l}》编印宣传折页{n}份，在{p}免费发放，方便{o}随时取阅。",
    "结合{p}实际，邀请律师为{o}解读《{l}》的主要内容，参与{n}人次。",
    "在{p}设立法律咨询台，解答{o}关于《{l}》的疑问{n}人次。",
    "开展《{l}》专题讲座{k}场，重点讲解与{o}密切相关的条款。",
    "利用微信公众号推送《{l}》知识{k}篇，阅读量达{n}次。",
    "组织{o}参加《{l}》知识竞赛，共有{n}人参加。",
    "选取{p}发生的典型案件进行剖析，以案说法，向{o}讲清《{l}》的规定。",
    "联合{p}开展“{l}进{p}”活动{k}次，受教育{o}{n}人次。",
    "针对{o}普遍关心的问题，制作《{l}》短视频{k}部。",
    "局党组理论学习中心组专题学习《{l}》{k}次，班子成员结合分管工作交流体会。",
    "对{p}开展执法检查时同步讲解《{l}》，帮助{o}及时整改问题{k}个。",
]


def report_text(rng: random.Random, name: str, sentences: int = 28) -> str:
    lines = [f"{name}2022年度普法工作总结", "一、基本情况"]
    for _ in range(sentences):
        lines.append(rng.choice(TEMPLATES).format(
            m=rng.randint(1, 12), p=rng.choice(PLACES), o=rng.choice(PEOPLE), l=rng.choice(LAWS),
            n=rng.randint(100, 9000), k=rng.randint(2, 30)))
    return "\n".join(lines + [name, "2022年11月30日"])


def near_copy(text: str, old: str, new: str, rng: random.Random) -> str:
    """What a unit does when it copies: change the name and the figures, drop a line."""
    lines = text.replace(old, new).split("\n")
    del lines[5]
    return re.sub(r"\d+", lambda m: str(rng.randint(1, 999)), "\n".join(lines))


@pytest.fixture(scope="module")
def corpus() -> list[sim.Report]:
    rng = random.Random(20221210)
    reports = [sim.Report(f"区第{i}局", f"{i}/报告.docx", report_text(rng, f"区第{i}局")) for i in range(300)]
    copied = near_copy(reports[17].text, "区第17局", "区第300局", rng)
    return reports + [sim.Report("区第300局", "300/报告.docx", copied)]


def test_finds_the_near_copy_among_300_reports(corpus: list[sim.Report]) -> None:
    found = sim.find_duplicates(corpus, 0.8)
    assert set(found) == {"17/报告.docx", "300/报告.docx"}
    (m,) = found["300/报告.docx"]
    assert (m.other_unit, m.other_path) == ("区第17局", "17/报告.docx")
    assert 0.8 <= m.similarity < 1.0
    assert all(e.quote in corpus[-1].text for e in m.evidence)


def test_lsh_compares_few_pairs_and_unrelated_reports_stay_apart(corpus: list[sim.Report]) -> None:
    fps = [sim.fingerprint(r.text) for r in corpus]
    pairs = sim.candidate_pairs(fps, 0.8)
    all_pairs = len(corpus) * (len(corpus) - 1) // 2
    assert (17, 300) in pairs
    assert len(pairs) < all_pairs // 100
    rng = random.Random(1)
    for _ in range(200):
        i, j = rng.sample(range(300), 2)
        shingles_i = sim.shingles(sim.tokens(corpus[i].text))
        assert sim.jaccard(shingles_i, sim.shingles(sim.tokens(corpus[j].text))) < 0.5


def test_fingerprint_is_stable_json_safe_and_estimates_jaccard(corpus: list[sim.Report]) -> None:
    a, b = corpus[17].text, corpus[-1].text
    fa = sim.fingerprint(a)
    assert len(fa) == sim.NUM_HASHES and fa == sim.fingerprint(a)
    assert all(isinstance(x, int) and 0 <= x < 2 ** 53 for x in fa)
    exact = sim.jaccard(sim.shingles(sim.tokens(a)), sim.shingles(sim.tokens(b)))
    assert abs(sim.estimate(fa, sim.fingerprint(b)) - exact) < 0.1
    assert sim.fingerprint("") == [] and sim.estimate([], fa) == 0.0


def test_figures_do_not_hide_a_copy() -> None:
    assert sim.tokens("开展活动35场次，发放1.2万份") == sim.tokens("开展活动12场次，发放3万份")


ODD_TEXT = ("ａｂｃ　全角空格\t制表\r\n回车 emoji😀 繁體字測試 e-mail: a_b@x.cn 3.5% #tag &amp; ~!@ "
            "2023年共办理行政处罚案件1,234件，罚没款12.5万元；“八五”普法中期\x00控制字符")


def test_rust_cut_gives_jiebas_words() -> None:
    """rjieba (when installed, the cutter used) cuts with the same words as jieba itself."""
    rust = sim.rust_cut()
    if rust is None:
        pytest.skip("rjieba is not installed: jieba itself cuts")
    python = sim.python_cut()
    texts = [ODD_TEXT, "", " ", *(report_text(random.Random(k), f"区第{k}局") for k in range(20))]
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(seeds.glob("*.txt"))]
    for text in texts:
        assert rust(text) == python(text)
    assert sim.tokens("开展《宪法》宣传3次") == ["开展", "宪法", "宣传", "#", "次"]


def test_shingle_hashes_are_the_polynomial_of_their_words() -> None:
    """The fast 3-gram path gives _mix's hashes: fingerprints stay comparable with earlier years."""
    def reference(words: list[str], size: int) -> set[int]:
        h = [sim._word_hash(w) for w in words]
        return {sim._mix(h[i:i + size]) for i in range(max(1, len(h) - size + 1))} if h else set()

    text = report_text(random.Random(7), "区第7局")
    words = sim.tokens(text)
    for size in (1, 2, 3, 4):
        assert sim.shingles(words, size) == reference(words, size)
    for short in ([], ["普法"], ["普法", "宣传"]):
        assert sim.shingles(short) == reference(short, 3)
    sim._ANALYSES.clear()
    shingles, fingerprint = sim.analyse(text)
    assert list(shingles) == sorted(reference(words, 3))
    assert list(fingerprint) == sim.minhash(reference(words, 3))


def test_jieba_cache_goes_to_a_writable_temp_dir() -> None:
    jieba = sim._jieba()
    cache = Path(jieba.dt.tmp_dir)
    assert cache.is_dir()
    probe = cache / f"probe-{os.getpid()}"  # unique: other test runs share the folder
    probe.write_text("x")
    probe.unlink()


def test_check_flags_both_units_and_names_the_other(corpus: list[sim.Report]) -> None:
    units = [unit(r.unit, [file(r.path, text=r.text, unit=r.unit, **SOUND)])
             for r in (corpus[3], corpus[17], corpus[-1])]
    by = {u.unit: u for u in check_units(units, load_rules(), deadline=None)}
    assert [f.rule for f in by["区第3局"].findings] == []
    (f,) = [f for f in by["区第300局"].findings if f.rule == "duplicate_content"]
    assert f.message.startswith("区第300局报送的《报告.docx》与区第17局报送的材料内容高度雷同（相似度")
    assert f.file == "300/报告.docx" and f.evidence[0].file == "300/报告.docx"
    assert any(f.rule == "duplicate_content" for f in by["区第17局"].findings)


def test_same_unit_last_year_via_history_fingerprints(corpus: list[sim.Report]) -> None:
    this_year = corpus[5]
    history = {"schema": "pufa.records/1", "year": 2021, "fingerprint_scheme": sim.FINGERPRINT_SCHEME, "files": [
        {"path": "2021/报告.docx", "unit": "区第5局", "doc_type": "annual_report",
         "fingerprint": sim.fingerprint(this_year.text.replace("2022", "2021"))},
        {"path": "2021/他局.docx", "unit": "区第6局", "doc_type": "annual_report",
         "fingerprint": sim.fingerprint(this_year.text)},
        {"path": "2021/旧.docx", "unit": "区第5局", "doc_type": "annual_report"},  # no fingerprint: skipped
    ]}
    u = unit(this_year.unit, [file(this_year.path, text=this_year.text, unit=this_year.unit, **SOUND)])
    (checked,) = check_units([u], load_rules(), deadline=date(2022, 12, 10), history=history)
    (f,) = checked.findings
    assert f.rule == "duplicate_content"
    assert f.message.startswith("区第5局报送的《报告.docx》与本单位2021年度报送的材料内容高度雷同（相似度")
    other = unit("区第6局", [file("6/报告.docx", text=corpus[6].text, unit="区第6局", **SOUND)])
    (quiet,) = check_units([other], load_rules(), deadline=None, history=history)
    assert quiet.findings == ()
    # fingerprints made another way (an older version's records.json) are not compared at all
    (older,) = check_units([u], load_rules(), deadline=date(2022, 12, 10),
                           history={**history, "fingerprint_scheme": "jieba-full"})
    assert older.findings == ()


def test_common_words_dictionary_is_written_once_and_used(tmp_path: Path) -> None:
    full = tmp_path / "dict.txt"
    full.write_text("普法 500 n\n罕见词 3 n\n宣传 40 vn\n", encoding="utf-8")
    words = sim._common_words(tmp_path, full)
    assert words.read_text(encoding="utf-8").split("\n") == ["普法 500 n", "宣传 40 vn", ""]
    assert sim._common_words(tmp_path, full) == words and not list(tmp_path.glob("*.tmp"))
    assert Path(sim._jieba().dt.dictionary).name.startswith(f"words-f{sim.MIN_WORD_FREQ}-")


def test_band_shape_keeps_recall_at_threshold() -> None:
    for t in (0.5, 0.7, 0.8, 0.9, 0.95):
        bands, rows = sim.band_shape(t)
        assert bands * rows == sim.NUM_HASHES
        assert 1 - (1 - t ** rows) ** bands >= 0.99


def test_shingle_hashes_are_the_same_in_every_process() -> None:
    """Fingerprints go into records.json for next year's check: no per-process hash seed may reach them."""
    import subprocess
    import sys

    words = ["全年", "开展", "普法", "宣传", "活动", "#", "场次"]
    code = ("import sys; sys.path.insert(0, %r); from forms.similarity import shingles; "
            "print(sorted(shingles(%r)))" % (str(Path(__file__).resolve().parents[1]), words))
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert runs == {str(sorted(sim.shingles(words))) + "\n"} and len(sim.shingles(words)) == 5


def test_common_words_pattern_is_the_frequency_threshold() -> None:
    """The one-pass pattern keeps exactly jieba's lines of frequency >= MIN_WORD_FREQ."""
    full = sim._full_dictionary()
    by_split = [line for line in full.read_text(encoding="utf-8").splitlines()
                if len(parts := line.split()) >= 2 and parts[1].isdigit() and int(parts[1]) >= sim.MIN_WORD_FREQ]
    assert [m.group(0) for m in sim._common_lines(full)] == by_split
