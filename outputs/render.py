"""Filling a .docx template safely: sandboxed, autoescaped docxtpl, plain data, atomic save.

Anything taken from a submission (unit names, quotes, file names) may hold ``& < >``,
``{{ … }}`` or ``{% … %}``: with autoescaping it stays text, and with the sandbox and a
context of plain ``dict``/``list``/``str``/``int`` a template can reach no Python object.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from forms.config import ConfigError
from outputs.atomic import save_atomic
from outputs.gongwen import DEFAULT_LAYOUT, Layout, apply_layout, finish

log = logging.getLogger(__name__)

# Characters XML 1.0 cannot carry; \t and \n stay (docxtpl turns them into tab/line break).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
# docxtpl turns "{_{" back into "{{" after rendering; as character references they stay.
_DOCXTPL_MARKERS = ("{_{", "}_}", "{_%", "%_}")
_CHAR_REFS = {ord("{"): "&#123;", ord("}"): "&#125;", ord("%"): "&#37;"}


def sandbox() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


class _CompilingOnce(SandboxedEnvironment):
    """The sandbox, compiling each distinct template source once per process.

    docxtpl hands every part of the template to ``from_string`` on every render;
    filling one template for hundreds of units need not compile it hundreds of times.
    """

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self.compiled: dict[str, Any] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        if source not in self.compiled:
            if len(self.compiled) > 64:
                self.compiled.clear()
            self.compiled[source] = super().from_string(source)
        return self.compiled[source]


class _Template(DocxTemplate):
    """docxtpl's clean-up of a part's XML (a dozen regex passes) done once per distinct part."""

    patched: dict[str, str] = {}

    def patch_xml(self, src_xml: str) -> str:
        if src_xml not in self.patched:
            if len(self.patched) > 64:
                self.patched.clear()
            self.patched[src_xml] = super().patch_xml(src_xml)
        return self.patched[src_xml]


_ENV: list[_CompilingOnce] = []


def _shared_sandbox() -> _CompilingOnce:
    if not _ENV:
        _ENV.append(_CompilingOnce())
    return _ENV[0]


def plain(value: Any, where: str = "context") -> Any:
    """A deep copy of ``value`` holding only dict/list/str/int/float/bool/None, text cleaned."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        text = _XML_ILLEGAL.sub("", value)
        if any(marker in text for marker in _DOCXTPL_MARKERS):
            return Markup(str(escape(text)).translate(_CHAR_REFS))  # already escaped
        return text
    if isinstance(value, dict):
        return {str(k): plain(v, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v, f"{where}[{i}]") for i, v in enumerate(value)]
    raise TypeError(f"{where}: only plain data may reach a template, not {type(value).__name__}")


def undeclared(template: Path, context: dict[str, Any]) -> set[str]:
    """Names the template uses that ``context`` does not give (the template contract)."""
    return DocxTemplate(str(template)).get_undeclared_template_variables(
        jinja_env=sandbox(), context=context)


def render_docx(template: Path, context: dict[str, Any], out: Path,
                layout: Layout | None = None) -> Path:
    """Fill ``template`` with ``context`` and write ``out`` atomically.

    ``layout`` (a region's profile) is re-applied to the result when given; otherwise the
    template's own styles stand, so a clerk's edits to the template are kept.
    """
    tpl = _Template(str(template))
    try:
        tpl.render(plain(context), jinja_env=_shared_sandbox())
    except TemplateError as e:  # a clerk's edited template: name it, say what is wrong
        raise ConfigError(str(template), "", f"模板中的标记有误或无法填写（{e}），"
                          "请检查 {{ }} 和 {% %} 标记是否完整") from e
    doc = tpl.docx
    if layout is not None:
        apply_layout(doc, layout)
    finish(doc, layout or DEFAULT_LAYOUT)
    return save_atomic(doc, out)


