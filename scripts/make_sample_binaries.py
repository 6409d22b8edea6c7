#!/usr/bin/env python3
"""Generate JobFit's binary and derived sample files from committed sources.

Standard library only (zipfile, zlib, csv, json, random). Run from anywhere:

    python3 scripts/make_sample_binaries.py

Outputs (all under data/samples/, all deterministic: same script, same bytes):

  resumes/daniel-whitfield-accountant.docx   from sources/daniel-whitfield-accountant.txt
  resumes/hannah-lee-teacher-to-ux.pdf       from sources/hannah-lee-teacher-to-ux.txt
  collections/postings.jsonl                 six of the .txt postings as {id, title, text}
  collections/candidates.csv                 six short résumés, RFC 4180 (CRLF, quoted fields)
  bad/*                                      deliberately broken inputs for end-to-end tests

Source format (sources/*.txt, UTF-8): "# " title line (the person's name), "## " section
heading, "### " sub-heading (a job), "- " bullet, anything else a plain paragraph line.
"Label: rest" bullets in a Skills section get a bold label in the .docx.
"""

from __future__ import annotations

import csv
import io
import json
import random
import textwrap
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SOURCES = SAMPLES / "sources"
RESUMES = SAMPLES / "resumes"
POSTINGS = SAMPLES / "postings"
COLLECTIONS = SAMPLES / "collections"
BAD = SAMPLES / "bad"

# A fixed timestamp keeps the zip packages byte-identical between runs.
ZIP_DATE = (2025, 1, 1, 0, 0, 0)
SEED = 20251123


# --------------------------------------------------------------------------------------
# Source parsing
# --------------------------------------------------------------------------------------

def parse_source(path: Path) -> list[tuple[str, str]]:
    """Return blocks as (kind, text) with kind in title/h2/h3/bullet/para."""
    blocks: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith("### "):
            blocks.append(("h3", line[4:]))
        elif line.startswith("## "):
            blocks.append(("h2", line[3:]))
        elif line.startswith("# "):
            blocks.append(("title", line[2:]))
        elif line.startswith("- "):
            blocks.append(("bullet", line[2:]))
        else:
            blocks.append(("para", line))
    return blocks


# --------------------------------------------------------------------------------------
# DOCX (WordprocessingML)
# --------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>
"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>
"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="21"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="40"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="23"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="360" w:hanging="216"/></w:pPr></w:style>
</w:styles>
"""


def docx_run(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>'


def docx_paragraph(runs: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{runs}</w:p>"


def docx_body(blocks: list[tuple[str, str]]) -> str:
    parts: list[str] = []
    section = ""
    for kind, text in blocks:
        if kind == "title":
            parts.append(docx_paragraph(docx_run(text), "Title"))
        elif kind == "h2":
            section = text
            parts.append(docx_paragraph(docx_run(text), "Heading1"))
        elif kind == "h3":
            parts.append(docx_paragraph(docx_run(text), "Heading2"))
        elif kind == "bullet":
            label, sep, rest = text.partition(": ")
            if section == "Skills" and sep:
                runs = docx_run("\u2022 ") + docx_run(label + ":", bold=True) + docx_run(" " + rest)
            else:
                runs = docx_run("\u2022 " + text)
            parts.append(docx_paragraph(runs, "ListParagraph"))
        else:
            # A line of "A · B · C" contact details uses tabs between items, as people do.
            items = text.split(" · ")
            if len(items) > 2 and "@" in text:
                runs = "<w:r><w:tab/></w:r>".join(docx_run(item) for item in items)
                parts.append(docx_paragraph(runs))
            else:
                parts.append(docx_paragraph(docx_run(text)))
    return "\n".join(parts)


def write_docx(blocks: list[tuple[str, str]], title: str, out: Path) -> None:
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>\n'
        + docx_body(blocks)
        + '\n<w:sectPr><w:pgSz w:w="12240" w:h="15840"/>'
        '<w:pgMar w:top="1080" w:right="1080" w:bottom="1080" w:left="1080" w:header="720" w:footer="720" w:gutter="0"/>'
        "</w:sectPr></w:body></w:document>\n"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>JobFit sample generator</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:created>'
        "</cp:coreProperties>\n"
    )
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", core),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
        ("word/document.xml", document),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    out.write_bytes(buffer.getvalue())


# --------------------------------------------------------------------------------------
# PDF 1.4 with a Helvetica (WinAnsiEncoding) text layer
# --------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 612, 792          # US Letter, points
MARGIN_X, TOP_Y, BOTTOM_Y = 56, 740, 60
LEADING = 13.5                     # TL: baseline-to-baseline distance for body text


def pdf_string(text: str) -> str:
    """A PDF literal string in WinAnsi (cp1252): escape \\ ( ), non-ASCII as octal."""
    out = []
    for byte in text.encode("cp1252"):
        ch = chr(byte)
        if ch in "\\()":
            out.append("\\" + ch)
        elif 32 <= byte < 127:
            out.append(ch)
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"


def pdf_lines(blocks: list[tuple[str, str]]) -> list[tuple[str, float, float, float, str]]:
    """Lay blocks out as (font, size, x indent, space before, text) lines."""
    lines: list[tuple[str, float, float, float, str]] = []
    for kind, text in blocks:
        if kind == "title":
            lines.append(("F2", 18, 0, 0, text))
        elif kind == "h2":
            lines.append(("F2", 12, 0, 10, text.upper()))
        elif kind == "h3":
            for i, part in enumerate(textwrap.wrap(text, 80)):
                lines.append(("F2", 10, 0, 4 if i == 0 else 0, part))
        elif kind == "bullet":
            for i, part in enumerate(textwrap.wrap(text, 92)):
                lines.append(("F1", 10, 10, 0, ("\u2022 " if i == 0 else "   ") + part))
        else:
            for part in textwrap.wrap(text, 98):
                lines.append(("F1", 10, 0, 0, part))
    return lines


def paginate(lines):
    pages, current, y = [], [], TOP_Y
    for line in lines:
        step = line[3] + (LEADING if current else 0) + (8 if line[1] > 12 else 0)
        if current and y - step < BOTTOM_Y:
            pages.append(current)
            current, y = [], TOP_Y
            line = (line[0], line[1], line[2], 0, line[4])
            step = 0
        y -= step
        current.append(line)
    if current:
        pages.append(current)
    return pages


def page_content(lines, page_number: int, page_count: int, footer: str) -> bytes:
    """Content stream: one BT block; Td moves relative to the previous line start, T* uses TL."""
    ops = ["BT", f"{LEADING} TL", f"{MARGIN_X} {TOP_Y} Td"]
    font = None
    x = 0.0
    first = True
    for name, size, indent, before, text in lines:
        if (name, size) != font:
            ops.append(f"/{name} {size:g} Tf")
            font = (name, size)
        if not first:
            dy = LEADING + before + (8 if size > 12 else 0)
            dx = indent - x
            if dx == 0 and dy == LEADING:
                ops.append("T*")
            else:
                ops.append(f"{dx:g} {-dy:g} Td")
        elif indent:
            ops.append(f"{indent:g} 0 Td")
        x = indent
        first = False
        ops.append(f"{pdf_string(text)} Tj")
    ops.append("ET")
    # Footer with its own absolute position.
    footer_text = f"{footer} \u2013 page {page_number} of {page_count}"
    ops += ["BT", "/F1 8 Tf", f"{MARGIN_X} 36 Td", f"{pdf_string(footer_text)} Tj", "ET"]
    # A thin rule under the header area, as résumé templates often draw.
    ops += ["0.6 w 0.5 G", f"{MARGIN_X} 712 m {PAGE_W - MARGIN_X} 712 l S"] if page_number == 1 else []
    return ("\n".join(ops) + "\n").encode("ascii")


def assemble_pdf(objects: list[bytes], info_id: int | None = None) -> bytes:
    """objects[i] is the body of object i+1; object 1 must be the Catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode("ascii") + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode("ascii")
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode("ascii")
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R"
    if info_id:
        trailer += f" /Info {info_id} 0 R"
    out += (trailer + " >>\n").encode("ascii")
    out += f"startxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)


def stream(data: bytes, compress: bool) -> bytes:
    if compress:
        packed = zlib.compress(data, 9)
        return f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode("ascii") + packed + b"\nendstream"
    return f"<< /Length {len(data)} >>\nstream\n".encode("ascii") + data + b"\nendstream"


def write_text_pdf(blocks: list[tuple[str, str]], title: str, out: Path) -> int:
    pages = paginate(pdf_lines(blocks))
    count = len(pages)
    # Objects: 1 Catalog, 2 Pages, 3 F1, 4 F2, 5 Info, then (page, content) pairs.
    first_page = 6
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode("ascii"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        (f"<< /Title {pdf_string(title)} /Producer (JobFit sample generator) "
         f"/CreationDate (D:20250101000000Z) >>").encode("ascii"),
    ]
    for index, lines in enumerate(pages):
        content_id = first_page + 2 * index + 1
        objects.append(
            (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
             f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {content_id} 0 R >>").encode("ascii"))
        objects.append(stream(page_content(lines, index + 1, count, title), compress=True))
    out.write_bytes(assemble_pdf(objects, info_id=5))
    return count


def write_notext_pdf(out: Path) -> None:
    """A valid one-page PDF whose page is only vector graphics: no fonts, no text layer
    (what a scanned or flattened résumé looks like to a text extractor)."""
    drawing = "\n".join([
        "0.2 0.3 0.5 rg", "56 700 500 40 re f",            # a filled header band
        "0 G 1 w", "56 680 m 556 680 l S",                  # a rule
        "0.85 g", "56 420 240 230 re f", "316 420 240 230 re f",  # two grey "photo" blocks
        "0.5 G 0.5 w", *[f"56 {y} m 556 {y} l S" for y in range(380, 100, -18)],  # ruled lines
    ]).encode("ascii") + b"\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] /Resources << >> /Contents 4 0 R >>".encode("ascii"),
        stream(drawing, compress=False),
    ]
    out.write_bytes(assemble_pdf(objects))


# --------------------------------------------------------------------------------------
# Collections
# --------------------------------------------------------------------------------------

JSONL_POSTINGS = [
    "backend-engineer-go",
    "chef-de-cuisine",
    "hr-business-partner",
    "maths-teacher",
    "registered-nurse-icu",
    "trust-safety-analyst",
]

# Short résumés for candidates.csv. Commas, "quotes" and newlines are deliberate.
CANDIDATES = [
    ("c01", "Aisha Bello",
     "Go backend engineer, 4 years.\nBuilt REST and gRPC services on Kubernetes with PostgreSQL, Kafka and Redis; "
     "on-call for a payments platform.\nSkills: Go, SQL, Docker, Helm, Terraform, Prometheus."),
    ("c02", "Liam O'Connor",
     "ICU staff nurse, 5 years, \"calm in a code\" according to my charge nurse.\n"
     "Ventilated patients, CRRT, vasoactive drips; BLS, ACLS and CCRN certified.\nBSN, RN licence (compact)."),
    ("c03", "Mei Tanaka",
     "HR business partner, CIPD Level 7, 7 years in manufacturing and logistics.\nEmployee relations, "
     "absence and grievance cases, TUPE, union consultation, engagement surveys, \"people plans\" for site leaders."),
    ("c04", "Rosa Delgado",
     "Sous chef, 8 years in seasonal restaurants, fish and shellfish, menu costing at 29% food cost.\n"
     "Level 3 Food Safety, HACCP, allergens; \"a kitchen that runs on respect\"."),
    ("c05", "Owen Pryce",
     "Maths teacher (QTS, PGCE), 6 years teaching GCSE and A-level Mathematics, including Further Maths.\n"
     "Form tutor, exam marker, runs the UKMT challenge club."),
    ("c06", "Fatima Haddad",
     "Trust & safety analyst, 3 years: content moderation policy, harassment and spam investigations, SQL, "
     "DSA compliance.\nLanguages: English, French, Arabic."),
]


def write_collections() -> None:
    COLLECTIONS.mkdir(parents=True, exist_ok=True)
    with (COLLECTIONS / "postings.jsonl").open("w", encoding="utf-8", newline="\n") as handle:
        for stem in JSONL_POSTINGS:
            text = (POSTINGS / f"{stem}.txt").read_text(encoding="utf-8").strip()
            title = text.splitlines()[0].strip()
            handle.write(json.dumps({"id": stem, "title": title, "text": text}, ensure_ascii=False) + "\n")
    with (COLLECTIONS / "candidates.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["id", "name", "text"])
        writer.writerows(CANDIDATES)


# --------------------------------------------------------------------------------------
# Deliberately bad inputs
# --------------------------------------------------------------------------------------

def write_bad() -> None:
    BAD.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    (BAD / "empty.txt").write_bytes(b"")

    noise = bytearray(rng.randbytes(2048))
    for position in range(0, len(noise), 97):   # make sure NUL bytes are present
        noise[position] = 0
    (BAD / "binary.txt").write_bytes(bytes(noise))

    # Starts like a zip (local file header magic) so format sniffing says "docx", then garbage.
    (BAD / "corrupt.docx").write_bytes(b"PK\x03\x04" + rng.randbytes(1020))

    (BAD / "broken.json").write_text(
        '{\n  "basics": {\n    "name": "Casey Truncate",\n    "label": "Welder",\n'
        '    "summary": "Ten years of MIG and TIG welding on offshore platfo', encoding="utf-8")

    latin1 = ("Zo\u00eb M\u00fcller\n"
              "Caf\u00e9 manager, Brasserie D\u00e9lice, Lyon, 2019 - present\n"
              "Cr\u00e8me br\u00fbl\u00e9e and p\u00e2tisserie, staff rotas, suppliers, caisse and stock\n")
    (BAD / "latin1.txt").write_bytes(latin1.encode("iso-8859-1"))

    good = [
        {"id": "ok-1", "title": "Warehouse Operative", "text": "Picking, packing and forklift driving. Night shifts."},
        {"id": "ok-2", "title": "Dental Nurse", "text": "Chairside support, sterilisation, patient records."},
        {"id": "ok-4", "title": "Barista", "text": "Espresso, latte art, cash handling, opening shifts."},
    ]
    lines = [json.dumps(good[0]), json.dumps(good[1]),
             '{"id": "bad-3", "title": "Broken line", "text": "unterminated string',
             json.dumps(good[2])]
    (BAD / "bad_lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    write_notext_pdf(BAD / "notext.pdf")


# --------------------------------------------------------------------------------------

def main() -> None:
    RESUMES.mkdir(parents=True, exist_ok=True)
    docx_source = SOURCES / "daniel-whitfield-accountant.txt"
    write_docx(parse_source(docx_source), "Daniel Whitfield, CPA - Résumé",
               RESUMES / "daniel-whitfield-accountant.docx")
    pdf_source = SOURCES / "hannah-lee-teacher-to-ux.txt"
    pages = write_text_pdf(parse_source(pdf_source), "Hannah Lee - Résumé",
                           RESUMES / "hannah-lee-teacher-to-ux.pdf")
    write_collections()
    write_bad()
    print(f"wrote docx, pdf ({pages} pages), collections and bad inputs under {SAMPLES.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
