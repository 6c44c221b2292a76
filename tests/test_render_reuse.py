"""A template opened once per process writes the same parts as docxtpl and python-docx do
end to end (``render_docx(…, reuse=False)``), for every template and awkward contexts."""
from __future__ import annotations

import copy
import os
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from forms.config import ConfigError
from outputs import render
from outputs.drafts import (circular_context, load_draft_config, plan_context,
                            self_inspection_context)
from outputs.notices import notice_context, units_with_findings
from outputs.render import render_docx
from templates import TEMPLATE_FILES, template_path
from tests.docx_helper import all_text, open_doc
from tests.records_helper import HOSTILE, HOSTILE_UNIT, make_records, without_missing

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NASTY = HOSTILE + "\t制表\n换行\x07\x0c{#注释#} {%tr endfor %} ]]> &amp; &#49;"


def _hostile(value: Any) -> Any:
    """``value`` with every string made hostile (dict keys kept: they are template names)."""
    if isinstance(value, str):
        return f"{value}{NASTY}"
    if isinstance(value, dict):
        return {k: _hostile(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_hostile(v) for v in value]
    return value


def _notice_contexts() -> list[dict[str, Any]]:
    records = make_records()
    cfg = load_draft_config(SAMPLES / "通知.yaml", "notice")
    contexts = [notice_context(records, unit, findings, cfg)
                for unit, findings in units_with_findings(records)]
    empty = dict(contexts[0], problems=[], sends=[], attachments=[], contact="", masthead="")
    many = dict(contexts[0], problems=[{"message": f"问题{i}{HOSTILE}", "evidence": [NASTY] * 3}
                                       for i in range(150)],
                sends=[{"title": f"材料{i}", "text": NASTY} for i in range(40)])
    imprint = dict(contexts[1], cc=f"区司法局，{NASTY}", issuer=NASTY)  # 版记 with 抄送
    return [*contexts, _hostile(contexts[2]), empty, many, imprint]


def _circular_contexts() -> list[dict[str, Any]]:
    records = make_records()
    cfg = load_draft_config(SAMPLES / "通报.yaml", "circular")
    hostile = copy.deepcopy(records)
    hostile["units"][0]["unit"] = HOSTILE
    complete = without_missing(records)
    return [circular_context(records, cfg),
            circular_context(hostile, {**cfg, "highlights": [{"title": NASTY, "text": NASTY}],
                                       "cc": [NASTY, HOSTILE_UNIT], "issuer": NASTY}),
            circular_context(dict(complete, units=[], roster=[]), load_draft_config(None, "circular")),
            circular_context(dict(records, missing_units=[f"区第{i}局" for i in range(300)]), cfg)]


def _plan_contexts() -> list[dict[str, Any]]:
    sample = plan_context(load_draft_config(SAMPLES / "方案.yaml", "plan"))
    bare = plan_context({"year": 2023})
    many = copy.deepcopy(bare)
    many["schedule_table"]["rows"] = [{"no": i, "name": NASTY, "time": "2023年", "text": NASTY}
                                      for i in range(1, 120)]
    empty = copy.deepcopy(bare)
    empty["schedule_table"]["rows"] = []
    return [sample, bare, many, empty, _hostile(sample)]


def _self_inspection_contexts() -> list[dict[str, Any]]:
    records = make_records()
    cfg = load_draft_config(SAMPLES / "自查.yaml", "self_inspection")
    return [self_inspection_context(records, cfg),  # no 抄送
            self_inspection_context(records, {**cfg, "cc": ["区委办公室", HOSTILE]}),
            self_inspection_context(dict(records, units=[], missing_units=[], roster=[]), {}),
            _hostile(self_inspection_context(records, cfg))]


CONTEXTS = {"notice": _notice_contexts, "circular": _circular_contexts, "plan": _plan_contexts,
            "self_inspection": _self_inspection_contexts}


def assert_same_parts(fast: Path, plain: Path) -> None:
    with zipfile.ZipFile(fast) as a, zipfile.ZipFile(plain) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        assert a.namelist()[0] == "[Content_Types].xml"
        for name in b.namelist():
            assert a.read(name) == b.read(name), name


@pytest.mark.parametrize("kind", sorted(TEMPLATE_FILES))
def test_reused_template_writes_the_parts_docxtpl_writes(tmp_path, kind):
    template = template_path(kind)
    assert render._prepared(template) is not None  # the shipped templates take the reuse path
    for i, context in enumerate(CONTEXTS[kind]()):
        fast = render_docx(template, context, tmp_path / f"{i}-fast.docx")
        plain = render_docx(template, context, tmp_path / f"{i}-plain.docx", reuse=False)
        assert_same_parts(fast, plain)


def _templated_footer_and_title(path: Path) -> Path:
    doc = docx.Document(str(template_path("notice")))
    doc.core_properties.title = "{{ title }}"
    doc.core_properties.subject = "{{ office }}的通知"
    doc.sections[0].footer.add_paragraph("{{ office }}（{{ date_cn }}）")
    doc.save(str(path))
    return path


def test_templated_footer_and_properties_rendered_alike(tmp_path):
    template = _templated_footer_and_title(tmp_path / "own.docx")
    context = dict(_notice_contexts()[0], office="鹤溪区<普法办>&{{ 7*7 }}")
    fast = render_docx(template, context, tmp_path / "fast.docx")
    assert_same_parts(fast, render_docx(template, context, tmp_path / "plain.docx", reuse=False))
    done = open_doc(fast)
    assert done.core_properties.title == context["title"]
    assert done.sections[0].footer.paragraphs[-1].text == f"{context['office']}（{context['date_cn']}）"


def test_a_clerks_edit_of_the_template_is_picked_up(tmp_path):
    template = tmp_path / "notice.docx"
    template.write_bytes(template_path("notice").read_bytes())
    context = _notice_contexts()[0]
    assert "请于收到后回电" not in all_text(open_doc(render_docx(template, context, tmp_path / "a.docx")))
    before = template.stat()
    edited = docx.Document(str(template))
    edited.add_paragraph("请于收到后回电。{{ office }}")
    edited.save(str(template))
    os.utime(template, ns=(before.st_atime_ns, before.st_mtime_ns))  # even with the old time
    text = all_text(open_doc(render_docx(template, context, tmp_path / "b.docx")))
    assert f"请于收到后回电。{context['office']}" in text
    with zipfile.ZipFile(template_path("notice")) as src, zipfile.ZipFile(template, "w") as dst:
        for name in src.namelist():  # a broken tag: the clerk is told which file
            blob = src.read(name)
            dst.writestr(name, blob.replace(b"{{ title }}", b"{{ title ) }}") if name == "word/document.xml"
                         else blob)
    with pytest.raises(ConfigError, match=r"notice\.docx.*模板中的标记"):
        render_docx(template, context, tmp_path / "c.docx")
    assert not (tmp_path / "c.docx").exists()


def test_reuse_is_per_process_and_bounded(tmp_path):
    render._PREPARED.clear()
    for i in range(12):
        own = tmp_path / f"t{i}.docx"
        own.write_bytes(template_path("notice").read_bytes())
        render_docx(own, _notice_contexts()[0], tmp_path / f"o{i}.docx")
    assert 0 < len(render._PREPARED) <= 8
