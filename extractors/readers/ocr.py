"""OCR on the CPU for scans: image-only PDF pages and photos/scans sent as images.

rapidocr-onnxruntime ships its PP-OCR models in the wheel (offline); the
engine loads once per process, on first use (~1 s). Pages are rendered at
~150 dpi with the pixel count capped, so memory stays bounded whatever the
page size. Recognised boxes are put back into lines, and lines into
paragraphs by the rules used for a PDF's character boxes (``pdf_layout``:
an indented line starts a paragraph, a short line ends one), and the half-width punctuation OCR mixes into Chinese text is made
full-width. Time is bounded twice: at most ``PUFA_OCR_MAX_PAGES`` pages and
``limits.ocr_budget()`` seconds per file, the rest of the pages skipped and
counted in ``meta["ocr_skipped_pages"]``.
"""
from __future__ import annotations

import importlib.util
import logging
import os
import re
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import limits
from model import Block, UnreadableFile

if TYPE_CHECKING:
    from PIL.Image import Image

log = logging.getLogger(__name__)

DPI = 150
MAX_PIXELS = 1800 * 2600  # about A4 at 150 dpi with some room; larger pages are scaled down
MAX_IMAGE_PIXELS = 120_000_000  # refused before decoding (decompression bombs)

_CJK = "\u3400-\u9fff"
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_PUNCT_AFTER_CJK = re.compile(rf"(?<=[{_CJK}])\s*([,:;?!])")
_PUNCT_BEFORE_CJK = re.compile(rf"([,:;?!])\s*(?=[{_CJK}])")
_OPEN_PAREN = re.compile(rf"\((?=[{_CJK}\d])|(?<=[{_CJK}])\(")
_CLOSE_PAREN = re.compile(rf"(?<=[{_CJK}\d])\)|\)(?=[{_CJK}])")
_FULL_STOP = re.compile(rf"(?<=[{_CJK}])\.(?=[{_CJK}“”]|$)")


def available() -> bool:
    """OCR is on (``PUFA_OCR`` not 0) and rapidocr is installed."""
    return limits.ocr_enabled() and installed()


def installed() -> bool:
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def missing_variant() -> str | None:
    """Message variant for a scan left unread: ``no_ocr`` when OCR is not installed."""
    return None if installed() else "no_ocr"


# One engine per process, keyed by pid: an engine inherited through fork has no
# threads behind it and is kept (never used, never destroyed) rather than reused.
_ENGINES: dict[int, Any] = {}


def _engine() -> Any:
    engine = _ENGINES.get(os.getpid())
    if engine is None:
        # onnxruntime otherwise writes a telemetry device id under ~/.cache/Microsoft
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        from rapidocr_onnxruntime import RapidOCR

        started = time.monotonic()
        engine = _ENGINES[os.getpid()] = RapidOCR()
        log.info("OCR engine loaded in %.1fs", time.monotonic() - started)
    return engine


@contextmanager
def _one_at_a_time() -> Iterator[None]:
    """One page in OCR at a time across the run's workers: a page's inference takes ~0.6 GB at its
    peak, two at once would pass the run's memory budget. The lock is a file in the run's scratch
    (``PUFA_SCRATCH``); a page waits at most for one other page."""
    scratch = os.environ.get("PUFA_SCRATCH")
    if not scratch:
        yield
        return
    with open(Path(scratch) / "ocr.lock", "a+b") as f:
        if os.name == "nt":
            import msvcrt

            while True:
                try:
                    msvcrt.locking(f.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    continue
        else:
            import fcntl

            fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        yield  # closing the file releases the lock


def _give_back_memory() -> None:
    """Return the freed inference buffers to the system (glibc keeps them otherwise: 0.47 GB → 0.13 GB)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def recognise(image: "Image") -> list[Box]:
    """Text boxes found in ``image`` (any mode; scaled down to ``MAX_PIXELS``)."""
    import numpy as np

    image = fit(image).convert("RGB")
    engine = _engine()
    with _one_at_a_time():
        result, _ = engine(np.asarray(image))
        _give_back_memory()
    boxes = []
    for points, text, _score in result or []:
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        if text.strip():
            boxes.append(Box(min(xs), min(ys), max(xs), max(ys), text.strip()))
    return boxes


def fit(image: "Image") -> "Image":
    w, h = image.size
    if w * h <= MAX_PIXELS:
        return image
    scale = (MAX_PIXELS / (w * h)) ** 0.5
    return image.resize((max(1, int(w * scale)), max(1, int(h * scale))))


def paragraphs(boxes: list[Box]) -> list[str]:
    """Rebuild the paragraphs of one page from its text boxes (same rules as a PDF's character boxes)."""
    from .pdf_layout import Line, paragraphs as layout_paragraphs

    lines = [Line(b.text, b.x0, b.x1, (b.y0 + b.y1) / 2, b.height) for b in _lines(boxes)]
    return [normalize_punct(p.text) for p in layout_paragraphs(lines)]


def _lines(boxes: list[Box]) -> list[Box]:
    """Boxes grouped into lines (by vertical centre), each line's boxes left to right."""
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: (b.y0 + b.y1) / 2):
        centre = (box.y0 + box.y1) / 2
        if rows:
            last = rows[-1]
            last_centre = sum((b.y0 + b.y1) / 2 for b in last) / len(last)
            if abs(centre - last_centre) < 0.5 * min(box.height, last[0].height):
                last.append(box)
                continue
        rows.append([box])
    return [_join_row(sorted(row, key=lambda b: b.x0)) for row in rows]


def _join_row(row: list[Box]) -> Box:
    ch = statistics.median(b.height for b in row)
    text = row[0].text
    for a, b in zip(row, row[1:]):
        text += (" " if b.x0 - a.x1 > 1.5 * ch else "") + b.text  # a wide gap: table columns
    return Box(row[0].x0, min(b.y0 for b in row), max(b.x1 for b in row), max(b.y1 for b in row), text)


def normalize_punct(text: str) -> str:
    """Half-width punctuation next to Chinese made full-width (``1,200`` and ``1.2万`` kept)."""
    text = _PUNCT_AFTER_CJK.sub(lambda m: _HALF_TO_FULL[m.group(1)], text)
    text = _PUNCT_BEFORE_CJK.sub(lambda m: _HALF_TO_FULL[m.group(1)], text)
    text = _OPEN_PAREN.sub("（", text)
    text = _CLOSE_PAREN.sub("）", text)
    return _FULL_STOP.sub("。", text)


class PageBudget:
    """Pages and seconds of OCR one file may still use."""

    def __init__(self) -> None:
        self.pages_left = limits.ocr_max_pages()
        self.deadline = time.monotonic() + limits.ocr_budget()
        self.skipped = 0

    def take(self) -> bool:
        if self.pages_left <= 0 or time.monotonic() > self.deadline:
            self.skipped += 1
            return False
        self.pages_left -= 1
        return True


def read_image(path: Path) -> tuple[list[Block], dict]:
    """A photo or scan sent as an image (JPEG, PNG, TIFF with several pages ...)."""
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    if not available():
        raise UnreadableFile("scanned_no_text", "OCR off or not installed", missing_variant())
    budget = PageBudget()
    blocks: list[Block] = []
    try:
        with Image.open(path) as img:
            if img.width * img.height > MAX_IMAGE_PIXELS:
                raise UnreadableFile("too_large", f"{img.width}x{img.height} pixels")
            for i, frame in enumerate(ImageSequence.Iterator(img), 1):
                if not budget.take():
                    continue
                frame.draft("RGB", (3000, 3000))
                page = ImageOps.exif_transpose(frame.copy())
                for para in paragraphs(recognise(page)):
                    blocks.append(Block(para, f"第{i}页", kind="para", page=i))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        raise UnreadableFile("corrupt", f"image: {e}") from None
    except Image.DecompressionBombError as e:
        raise UnreadableFile("too_large", str(e)) from None
    return blocks, {"ocr": True, "ocr_skipped_pages": budget.skipped}


def ocr_pdf_pages(path: Path, pages: list[int]) -> tuple[dict[int, list[str]], int]:
    """OCR the given 0-based pages of a PDF; return paragraphs per page and pages skipped."""
    import pypdfium2 as pdfium

    budget = PageBudget()
    out: dict[int, list[str]] = {}
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in pages:
            if not budget.take():
                continue
            page = pdf[i]
            try:
                w, h = page.get_size()
                scale = min(DPI / 72, (MAX_PIXELS / max(w * h, 1.0)) ** 0.5)
                image = page.render(scale=scale, grayscale=True).to_pil()
            finally:
                page.close()
            out[i] = paragraphs(recognise(image))
    finally:
        pdf.close()
    return out, budget.skipped
