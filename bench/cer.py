#!/usr/bin/python3
"""Character error rate (CER) of OCR text against the sample generator's ground truth.

CER = edit distance / number of ground-truth characters, over the content pages of truth.json
(kind == "content"), page by page, summed. Both sides are normalised the same way: lines joined
with "\\n", every whitespace run collapsed to one space, stripped; case and umlauts are kept.
A content page for which a tool has no text (dropped as blank, missing, failed) counts with
its full length: the edit distance to an empty text.

Also here: getting the text of each input page out of each tool's output (mailroom's document
PDFs, the tesseract CLI's .txt or .pdf per page, OCRmyPDF's sidecar). Used by
bench/ocr_throughput_report.py; never prints page texts.
"""
import json
import pathlib
import re
import subprocess

import Levenshtein  # Debian: python3-levenshtein

WHITESPACE = re.compile(r"\s+")


def normalise(text):
    """Collapses every whitespace run (incl. newlines and form feeds) to one space, strips."""
    return WHITESPACE.sub(" ", text).strip()


def truth_pages(truth):
    """Returns [(file, normalised truth text)] for the content pages of a parsed truth.json."""
    return [(p["file"], normalise("\n".join(p.get("lines", []))))
            for p in truth["pages"] if p["kind"] == "content"]


def cer(truth, texts):
    """Returns (edit distance, truth characters, content pages without text) for one tool.

    texts maps an input file name to the OCR text of that page (missing = no text)."""
    distance = chars = without_text = 0
    for name, reference in truth_pages(truth):
        hypothesis = normalise(texts.get(name) or "")
        if not hypothesis:
            without_text += 1
        distance += Levenshtein.distance(reference, hypothesis)
        chars += len(reference)
    return distance, chars, without_text


def pdf_pages_text(pdf, mode="raw"):
    """Text of every page of a PDF with pdftotext in MODE ("raw" or "layout").

    -raw keeps the order of the text layer as Tesseract's PDF renderer wrote it, i.e. Tesseract's
    own reading order: on a tesseract CLI page PDF it gives exactly the CLI's .txt, so text from
    mailroom's PDFs is scored like the peers' txt and sidecar. -layout re-orders the words by
    their position on the page (table rows stay rows), a cross-check that does not depend on
    the reading order. pdftotext ends each page with a form feed: the chunks are the pages."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", f"-{mode}", str(pdf), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8", "replace")
    chunks = out.split("\f")
    return chunks[:-1] if chunks and chunks[-1].strip() == "" else chunks


def pdf_page_count(pdf):
    """Number of pages of a PDF per pdfinfo, None if it cannot be read."""
    run = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    for line in run.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def mailroom_texts(out_dir, problems, mode="raw"):
    """Maps input file name -> text for every page in mailroom's document PDFs.

    Each document JSON lists its input pages in order and names its PDF; page i of the PDF is
    pages[i]. Blank and separator pages (report.json) are in no document and get no text."""
    texts = {}
    for folder in ("postkorb", "review"):
        for meta_path in sorted((out_dir / folder).rglob("*.json")) if (out_dir / folder).exists() else []:
            meta = json.loads(meta_path.read_text())
            pdf = meta_path.parent / meta["pdf"]
            chunks = pdf_pages_text(pdf, mode)
            if len(chunks) != len(meta["pages"]) and mode == "raw":
                problems.append(f"mailroom: {meta_path.name} lists {len(meta['pages'])} pages, "
                                f"its PDF has {len(chunks)}")
            for name, text in zip(meta["pages"], chunks):
                texts[name] = text
    return texts


def tesseract_texts(out_dir, names, pdf_mode=None):
    """Maps input file name -> text from the tesseract CLI's NAME.txt per page, or with
    pdf_mode ("raw", "layout") from its NAME.pdf through pdftotext."""
    texts = {}
    for name in names:
        if pdf_mode:
            pdf = out_dir / f"{name}.pdf"
            if pdf.exists() and pdf.stat().st_size > 0:
                texts[name] = "\n".join(pdf_pages_text(pdf, pdf_mode))
        else:
            txt = out_dir / f"{name}.txt"
            if txt.exists():
                texts[name] = txt.read_text(encoding="utf-8", errors="replace")
    return texts


def ocrmypdf_texts(sidecar, names, problems):
    """Maps input file name -> text from OCRmyPDF's sidecar, one form-feed chunk per page.

    OCRmyPDF 14 writes a form feed between pages (none after the last), and a page without text
    (a blank) as an empty chunk, so the sidecar splits into exactly len(names) chunks; a
    trailing form feed as well is tolerated. Any other count means the sequence is shifted: then
    no page gets text (rather than wrong text) and the problem is reported."""
    if not sidecar.exists():
        return {}
    chunks = sidecar.read_text(encoding="utf-8", errors="replace").split("\f")
    if len(chunks) == len(names) + 1 and chunks[-1].strip() == "":
        chunks = chunks[:-1]
    if len(chunks) != len(names):
        problems.append(f"OCRmyPDF: the sidecar has {len(chunks)} page chunks for {len(names)} pages; "
                        "its text is not scored")
        return {}
    skipped = sum(1 for c in chunks if c.strip().startswith("[OCR skipped"))
    if skipped:
        problems.append(f"OCRmyPDF: {skipped} page(s) marked '[OCR skipped ...]' in the sidecar")
    return dict(zip(names, chunks))


def pdf_texts(pdf, names, mode, problems, who):
    """Maps input file name -> text of page i of one PDF holding the whole box in order."""
    chunks = pdf_pages_text(pdf, mode)
    if len(chunks) != len(names):
        problems.append(f"{who}: pdftotext -{mode} gives {len(chunks)} pages for {len(names)}; not scored")
        return {}
    return dict(zip(names, chunks))
