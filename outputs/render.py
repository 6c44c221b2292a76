"""Filling a .docx template safely: sandboxed, autoescaped docxtpl, plain data, atomic save.

Anything taken from a submission (unit names, quotes, file names) may hold ``& < >``,
``{{ … }}`` or ``{% … %}``: with autoescaping it stays text, and with the sandbox and a
context of plain ``dict``/``list``/``str``/``int`` a template can reach no Python object.
"""
from __future__ import annotations

import copy
import hashlib
import io
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from forms.config import ConfigError
from outputs.atomic import atomic_path, save_atomic
from outputs.gongwen import DEFAULT_LAYOUT, Layout, apply_layout
from outputs.gongwen_finish import finish, paragraph_style_of

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
                layout: Layout | None = None, reuse: bool = True) -> Path:
    """Fill ``template`` with ``context`` and write ``out`` atomically.

    ``layout`` (a region's profile) is re-applied to the result when given; otherwise the
    template's own styles stand, so a clerk's edits to the template are kept.  Without a
    layout the template is opened once per process (``_Prepared``); with one, or with
    ``reuse=False``, docxtpl and python-docx do the whole job each time.  Both write the
    same parts.
    """
    template, data, env = Path(template), plain(context), _shared_sandbox()
    try:
        prepared = _prepared(template) if reuse and layout is None else None
        if prepared is not None:
            return prepared.write(prepared.fill(data, env), Path(out))
        tpl = _Template(str(template))
        tpl.render(data, jinja_env=env)
    except TemplateError as e:  # a clerk's edited template: name it, say what is wrong
        raise ConfigError(str(template), "", f"模板中的标记有误或无法填写（{e}），"
                          "请检查 {{ }} 和 {% %} 标记是否完整") from e
    doc = tpl.docx
    if layout is not None:
        apply_layout(doc, layout)
    finish(doc, layout or DEFAULT_LAYOUT)
    return save_atomic(doc, out)


# --- one template, opened once per process ---------------------------------------------

_PREPARED: dict[tuple[str, bytes], _Prepared | None] = {}
_JINJA_MARKS = ("{{", "{%", "{#")
_STORIES = (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI)  # docxtpl's order


def _prepared(template: Path) -> _Prepared | None:
    """The template as last opened, unless its bytes changed (a clerk edited it).

    Keyed by content rather than size and mtime: reading and hashing the file costs
    ~0.06 ms, and an edit saved within the same clock tick at the same size is caught too.
    """
    try:
        data = template.read_bytes()
    except OSError:
        return None  # docxtpl's own path says what is wrong
    key = (str(template.resolve()), hashlib.blake2b(data, digest_size=16).digest())
    if key not in _PREPARED:
        if len(_PREPARED) >= 8:
            _PREPARED.clear()
        _PREPARED[key] = _Prepared.of(template)
    return _PREPARED[key]


def _templated(source: str) -> bool:
    return any(mark in source for mark in _JINJA_MARKS)


@dataclass
class _Story:
    """A header or footer docxtpl fills: its zip member, part and cleaned-up XML."""

    member: str
    part: Any
    source: str
    encoding: str


class _Prepared:
    """A template parsed once; each ``fill`` does what ``DocxTemplate.render``, ``finish``
    and ``Document.save`` do, with docxtpl's own steps, to the parts a render changes.

    ``base`` is the zip python-docx writes for the template less those parts: styles,
    theme, settings, numbering, a footer without tags… are compressed once, and a
    render appends the document (and any templated footer or property) to a copy.
    One render at a time per process: docxtpl keeps a render's state on ``tpl``.
    """

    def __init__(self, tpl: _Template, stories: list[_Story], core: Any) -> None:
        self.tpl, self.core = tpl, core
        doc = tpl.docx
        self.body_source = tpl.patch_xml(tpl.get_xml())
        self.shell = copy.deepcopy(doc.element)  # the document less its body's content
        for child in list(self.shell.body):
            self.shell.body.remove(child)
        self.style_of = paragraph_style_of(doc)
        self.document_member = doc.part.partname.membername
        self.stories = [s for s in stories if _templated(s.source)]
        self.core_templated = any(_templated(v) for v in self._core_values(core))
        constant = {s.member: self._story_xml(s, {}, _shared_sandbox()) for s in stories
                    if not _templated(s.source)}
        if not self.core_templated:
            constant[core.partname.membername] = self._core_xml({}, _shared_sandbox())
        changing = {self.document_member, *(s.member for s in self.stories)}
        if self.core_templated:
            changing.add(core.partname.membername)
        self.base = _base_zip(doc, changing, constant)

    @classmethod
    def of(cls, template: Path) -> _Prepared | None:
        """None for a template this path does not cover (footnotes, no core properties)."""
        tpl = _Template(str(template))
        tpl.init_docx()
        parts = list(tpl.docx.part.package.iter_parts())
        cores = [p for p in parts if p.content_type == CT.OPC_CORE_PROPERTIES]
        stories = [_Story(part.partname.membername, part, tpl.patch_xml(xml),
                          tpl.get_headers_footers_encoding(xml))
                   for uri in _STORIES for _, part in tpl.get_headers_footers(uri)
                   for xml in [tpl.get_part_xml(part)]]
        if (len(cores) != 1 or any(p.content_type == CT.WML_FOOTNOTES for p in parts)
                or len({s.member for s in stories}) < len(stories)):
            return None
        return cls(tpl, stories, cores[0])

    def fill(self, context: dict[str, Any], env: SandboxedEnvironment) -> dict[str, bytes]:
        """The members a render writes: the document, templated footers and properties."""
        tpl = self.tpl
        body = tpl.render_xml_part(self.body_source, tpl.docx.part, context, env)
        others = {s.member: self._story_xml(s, context, env) for s in self.stories}
        if self.core_templated:
            others[self.core.partname.membername] = self._core_xml(context, env)
        root = copy.deepcopy(self.shell)
        # no name may hold the parsed body: once its plain lxml proxy is gone, python-docx's
        # element classes (CT_Body, CT_P…) take over, as in docxtpl's own render
        root.replace(root.body, self._body_tree(body))
        finish(DocxDocument(root, tpl.docx.part), DEFAULT_LAYOUT, self.style_of)
        return {self.document_member: serialize_part_xml(root), **others}

    def _body_tree(self, body: str) -> Any:
        tree = self.tpl.fix_tables(body)
        self.tpl.docx_ids_index = 1000
        self.tpl.fix_docpr_ids(tree)
        return tree

    def write(self, members: dict[str, bytes], out: Path) -> Path:
        with atomic_path(out) as tmp:
            tmp.write_bytes(self.base)
            with zipfile.ZipFile(tmp, "a", zipfile.ZIP_DEFLATED) as z:
                for name, blob in members.items():
                    z.writestr(name, blob)
        return out

    def _story_xml(self, story: _Story, context: dict[str, Any], env: Any) -> bytes:
        """docxtpl's render of a footer, as python-docx writes the part it makes of it."""
        xml = self.tpl.render_xml_part(story.source, story.part, context, env)
        return serialize_part_xml(parse_xml(xml.encode(story.encoding)))

    @staticmethod
    def _core_values(core: Any) -> list[str]:
        props = core.core_properties
        return [props.author, props.comments, props.identifier, props.language, props.subject,
                props.title]

    def _core_xml(self, context: dict[str, Any], env: Any) -> bytes:
        """docxtpl's ``render_properties`` on a copy of the template's core properties."""
        props = CoreProperties(copy.deepcopy(self.core.element))
        DocxTemplate.render_properties(SimpleNamespace(docx=SimpleNamespace(core_properties=props)),
                                       context, env)
        return serialize_part_xml(props._element)


def _base_zip(doc: Any, leave_out: set[str], replace: dict[str, bytes]) -> bytes:
    """The zip python-docx writes for ``doc``, less ``leave_out``, with ``replace`` swapped in."""
    saved, base = io.BytesIO(), io.BytesIO()
    doc.save(saved)
    with zipfile.ZipFile(saved) as src, zipfile.ZipFile(base, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            if name not in leave_out:
                dst.writestr(name, replace.get(name) or src.read(name))
    return base.getvalue()
