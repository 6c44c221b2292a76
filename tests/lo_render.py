"""Render a .docx to PDF (and PNG pages) with LibreOffice, for the render check and for looking.

Each call gets its own LibreOffice profile, a temp output dir and a timeout (PITFALLS:
concurrent conversions collide).  The 公文 font names (仿宋_GB2312, 黑体, 楷体_GB2312,
方正小标宋简体, 宋体) are usually absent on Linux, so a fontconfig file maps them to the
free CJK fonts present, keeping 黑体/楷体/宋 visibly different on the page.

    python tests/lo_render.py FILE.docx OUTDIR      # writes OUTDIR/FILE.pdf and FILE-N.png
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# No free 仿宋 is packaged: it falls back to a 宋 (serif) face; 楷体 to AR PL UKai when present.
ALIASES = {
    "仿宋_GB2312": ["Noto Serif CJK SC"],
    "仿宋": ["Noto Serif CJK SC"],
    "楷体_GB2312": ["AR PL UKai CN", "Noto Serif CJK SC"],
    "宋体": ["Noto Serif CJK SC"],
    "黑体": ["Noto Sans CJK SC"],
    "方正小标宋简体": ["Noto Serif CJK SC"],
}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _fontconfig(dirpath: Path) -> Path:
    aliases = "".join(
        f"<alias binding=\"strong\"><family>{name}</family><prefer>"
        + "".join(f"<family>{f}</family>" for f in fams) + "</prefer></alias>"
        for name, fams in ALIASES.items())
    conf = dirpath / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    "<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>"
                    f"{aliases}</fontconfig>", encoding="utf-8")
    return conf


def to_pdf(docx: Path, outdir: Path, timeout: float = 180) -> Path:
    exe = soffice()
    if exe is None:
        raise FileNotFoundError("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pufa-lo-") as tmp:
        tmpdir = Path(tmp)
        env = dict(os.environ, FONTCONFIG_FILE=str(_fontconfig(tmpdir)), HOME=str(tmpdir))
        subprocess.run([exe, f"-env:UserInstallation=file://{tmpdir}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", str(tmpdir / "out"), str(docx)],
                       check=True, timeout=timeout, env=env, capture_output=True)
        produced = tmpdir / "out" / (docx.stem + ".pdf")
        target = outdir / produced.name
        shutil.move(str(produced), target)
    return target


def to_png(pdf: Path, dpi: int = 60) -> list[Path]:
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(pdf.with_suffix(""))],
                   check=True, timeout=120)
    return sorted(pdf.parent.glob(pdf.stem + "-*.png"))


if __name__ == "__main__":
    pdf = to_pdf(Path(sys.argv[1]), Path(sys.argv[2]))
    for png in to_png(pdf, int(sys.argv[3]) if len(sys.argv) > 3 else 60):
        print(png)
