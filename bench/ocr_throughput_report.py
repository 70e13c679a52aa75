#!/usr/bin/python3
"""Prints the table of bench/ocr-throughput: mailroom against the tesseract CLI and OCRmyPDF.

Usage: ocr_throughput_report.py WORK_DIR JOBS
WORK_DIR is what bench/ocr-throughput left in build/bench/ocr-throughput: sample/ (box and
truth.json), and mailroom/, tesseract/, ocrmypdf/ with each tool's output, its GNU time -v
report (time.txt), the sampled peak memory of its process tree (tree_peak_kb) and its exit
status (status). Prints pages, wall time, pages/min, peak memory and CER per tool, the ratios,
and one verdict line per target. Exits 1 if a tool did not run at all, else 0.
"""
import json
import pathlib
import re
import sys

import cer

TARGET_VS_TESSERACT = 1.3   # mailroom pages/min >= 1.3 x tesseract CLI
TARGET_VS_OCRMYPDF = 1.5    # mailroom pages/min >= 1.5 x OCRmyPDF
TARGET_MB_PER_WORKER = 400  # mailroom peak memory / jobs < 400 MB


def gnu_time(path):
    """Parses a `/usr/bin/time -v` report: wall s, max RSS kB, CPU s, exit status (None if absent)."""
    if not path.exists():
        return None
    text = path.read_text(errors="replace")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    user = re.search(r"User time \(seconds\): ([\d.]+)", text)
    system = re.search(r"System time \(seconds\): ([\d.]+)", text)
    status = re.search(r"Exit status: (\d+)", text)
    if not wall or not rss:
        return None
    seconds = 0.0
    for part in wall.group(1).split(":"):
        seconds = seconds * 60 + float(part)
    return {"wall": seconds, "rss_kb": int(rss.group(1)),
            "cpu": float(user.group(1)) + float(system.group(1)) if user and system else None,
            "status": int(status.group(1)) if status else None}


def read_int(path):
    """An integer from a one-line file, None if the file is missing or empty."""
    try:
        return int(path.read_text().split()[0])
    except (OSError, IndexError, ValueError):
        return None


def mb(kb):
    """kB (as GNU time and /proc report them) to MB (1 MB = 1024 kB)."""
    return kb / 1024.0


def box_pages(truth):
    """Input file names of the box in scan order, from truth.json."""
    return [p["file"] for p in truth["pages"]]


def measure_mailroom(work, truth, jobs, problems):
    """Figures for mailroom: one process, JOBS worker threads; text from its document PDFs."""
    tool = work / "mailroom"
    timing = gnu_time(tool / "time.txt")
    report_path = tool / "out" / "report.json"
    if timing is None or timing["status"] != 0 or not report_path.exists():
        problems.append(f"mailroom did not run through (exit status {timing and timing['status']}); "
                        f"see {tool / 'stderr.txt'}")
        return {"name": "mailroom", "ran": False}
    report = json.loads(report_path.read_text())
    texts = cer.mailroom_texts(tool / "out", problems)
    distance, chars, without = cer.cer(truth, texts)
    layout_distance, layout_chars, _ = cer.cer(truth, cer.mailroom_texts(tool / "out", [], "layout"))
    return {"name": "mailroom", "ran": True, "pages": report["pages_in"], "time": timing,
            "cer_layout": layout_distance / max(1, layout_chars),
            "peak_kb": timing["rss_kb"], "tree_kb": read_int(tool / "tree_peak_kb"),
            "per_worker_kb": timing["rss_kb"] / jobs, "cer": distance / max(1, chars),
            "without_text": without,
            "skipped": len(report["blank_pages"]) + len(report["separator_pages"])}


def measure_tesseract(work, truth, jobs, problems):
    """Figures for the tesseract CLI: one process per page, JOBS at once; text from NAME.txt."""
    tool = work / "tesseract"
    timing = gnu_time(tool / "time.txt")
    names = box_pages(truth)
    per_page = [gnu_time(tool / "times" / f"{n}.time") for n in names]
    failed = [n for n, t in zip(names, per_page) if t is None or t["status"] != 0]
    done = len(names) - len(failed)
    if timing is None or done == 0:
        problems.append(f"tesseract CLI did not run; see {tool / 'out'}/*.log")
        return {"name": "tesseract CLI", "ran": False}
    if failed:
        problems.append(f"tesseract CLI failed on {len(failed)} page(s): {', '.join(failed[:10])}")
    rss = sorted((t["rss_kb"] for t in per_page if t), reverse=True)
    texts = cer.tesseract_texts(tool / "out", names)
    distance, chars, without = cer.cer(truth, texts)
    raw_distance, raw_chars, _ = cer.cer(truth, cer.tesseract_texts(tool / "out", names, "raw"))
    layout_distance, layout_chars, _ = cer.cer(truth, cer.tesseract_texts(tool / "out", names, "layout"))
    return {"name": "tesseract CLI", "ran": True, "pages": done, "time": timing,
            "peak_kb": rss[0], "sum_top_kb": sum(rss[:jobs]), "tree_kb": read_int(tool / "tree_peak_kb"),
            "cer": distance / max(1, chars), "cer_raw": raw_distance / max(1, raw_chars),
            "cer_layout": layout_distance / max(1, layout_chars),
            "without_text": without}


def measure_ocrmypdf(work, truth, jobs, problems):
    """Figures for OCRmyPDF on the joined box PDF; text from the sidecar, one chunk per page."""
    tool = work / "ocrmypdf"
    timing = gnu_time(tool / "time.txt")
    if timing is None or timing["status"] != 0 or not (tool / "out.pdf").exists():
        status = timing and timing["status"]
        problems.append(f"OCRmyPDF failed (exit status {status}); its log: {tool / 'log.txt'}")
        return {"name": "OCRmyPDF", "ran": False}
    names = box_pages(truth)
    pages = cer.pdf_page_count(tool / "out.pdf")
    if pages != len(names):
        problems.append(f"OCRmyPDF: out.pdf has {pages} pages, the box {len(names)}")
    texts = cer.ocrmypdf_texts(tool / "sidecar.txt", names, problems)
    distance, chars, without = cer.cer(truth, texts)
    layout_texts = cer.pdf_texts(tool / "out.pdf", names, "layout", problems, "OCRmyPDF")
    layout_distance, layout_chars, _ = cer.cer(truth, layout_texts)
    return {"name": "OCRmyPDF", "ran": True, "pages": pages or 0, "time": timing,
            "cer_layout": layout_distance / max(1, layout_chars) if layout_texts else None,
            "peak_kb": timing["rss_kb"], "tree_kb": read_int(tool / "tree_peak_kb"),
            "cer": distance / max(1, chars), "without_text": without,
            "img2pdf": gnu_time(tool / "img2pdf.time")}


def pages_per_min(row):
    """Pages per minute of wall time, None if the tool did not run."""
    return row["pages"] / row["time"]["wall"] * 60 if row.get("ran") and row["time"]["wall"] > 0 else None


def fmt(value, spec, missing="n/a"):
    """Formats a number, or 'n/a' when there is none."""
    return missing if value is None else format(value, spec)


def print_table(rows, jobs):
    """The main table, one line per tool."""
    print(f"{'':15} {'pages':>5} {'wall s':>8} {'pages/min':>9} {'CPU s':>8} "
          f"{'peak MB':>8} {'tree MB':>8} {'CER %':>7} {'layout CER %':>12}")
    for row in rows:
        if not row.get("ran"):
            print(f"{row['name']:15} {'did not run':>5}")
            continue
        t = row["time"]
        print(f"{row['name']:15} {row['pages']:5d} {t['wall']:8.1f} {pages_per_min(row):9.1f} "
              f"{fmt(t['cpu'], '8.1f')} {mb(row['peak_kb']):8.0f} "
              f"{fmt(row['tree_kb'] and mb(row['tree_kb']), '8.0f')} {100 * row['cer']:7.2f} {fmt(row['cer_layout'] and 100 * row['cer_layout'], '12.2f')}")
    print()
    print("  peak MB: GNU time's maximum resident set size of the largest single process")
    print("  tree MB: summed memory of all processes of the run at once (sampled every 0.2 s)")
    print("  CER %: text in Tesseract's reading order: mailroom's PDFs via pdftotext -raw, the CLI's")
    print("    .txt, OCRmyPDF's sidecar. Edit distance counts a table read column by column as errors.")
    print("  layout CER %: every tool's PDF via pdftotext -layout (words in page order), a cross-check")
    m, t, o = rows
    if m.get("ran"):
        print(f"  mailroom: one process with {jobs} workers, {mb(m['per_worker_kb']):.0f} MB per worker; "
              f"{m['skipped']} blank/separator page(s)\n    recognised before OCR and not OCR'd")
    if t.get("ran"):
        same = "the same as its .txt" if abs(t["cer_raw"] - t["cer"]) < 5e-5 else "NOT the same as its .txt"
        print(f"  tesseract CLI: one process per page, {jobs} at once; the {jobs} largest together "
              f"{mb(t['sum_top_kb']):.0f} MB\n    (upper bound); its PDFs via pdftotext -raw: CER "
              f"{100 * t['cer_raw']:.2f} %, {same} (checks mailroom's extraction)")
    if o.get("ran") and o.get("img2pdf"):
        print(f"  OCRmyPDF: joining the images with img2pdf took {o['img2pdf']['wall']:.1f} s more "
              f"(not in its wall time)")
    print("  All three get every page of the box: mailroom skips OCR on separator sheets and blank")
    print("  pages by design, the peers OCR everything. That is the point of the comparison.")


def verdict(label, ok, detail):
    """One verdict line."""
    print(f"  {'MET   ' if ok else 'MISSED'} {label}: {detail}")


def print_verdicts(rows, jobs):
    """Ratios and one verdict line per target; a target with a missing figure is not met."""
    m, t, o = rows
    print("Targets")
    for peer, target in ((t, TARGET_VS_TESSERACT), (o, TARGET_VS_OCRMYPDF)):
        label = f"pages/min >= {target}x {peer['name']}"
        if not (m.get("ran") and peer.get("ran")):
            verdict(label, False, "no figure (a tool did not run)")
            continue
        ratio = pages_per_min(m) / pages_per_min(peer)
        detail = f"{ratio:.2f}x ({pages_per_min(m):.1f} vs {pages_per_min(peer):.1f} pages/min)"
        if ratio < target:
            detail += f", short by {100 * (1 - ratio / target):.1f} %"
        verdict(label, ratio >= target, detail)
    label = "CER no worse than tesseract CLI"
    if m.get("ran") and t.get("ran"):
        worse = m["cer"] - t["cer"]
        detail = f"{100 * m['cer']:.2f} % vs {100 * t['cer']:.2f} %"
        if worse > 0:
            detail += f", worse by {100 * worse:.2f} points ({100 * worse / max(t['cer'], 1e-9):.1f} %)"
        verdict(label, worse <= 0, detail)
    else:
        verdict(label, False, "no figure (a tool did not run)")
    label = f"peak memory per worker < {TARGET_MB_PER_WORKER} MB"
    if m.get("ran"):
        per_worker = mb(m["per_worker_kb"])
        detail = f"{per_worker:.0f} MB ({mb(m['peak_kb']):.0f} MB / {jobs} workers)"
        if per_worker >= TARGET_MB_PER_WORKER:
            detail += f", over by {100 * (per_worker / TARGET_MB_PER_WORKER - 1):.1f} %"
        verdict(label, per_worker < TARGET_MB_PER_WORKER, detail)
    else:
        verdict(label, False, "no figure (mailroom did not run)")


def main():
    """Measures the three tools from WORK_DIR and prints table, notes and verdicts."""
    work, jobs = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    truth = json.loads((work / "sample" / "truth.json").read_text())
    kinds = [p["kind"] for p in truth["pages"]]
    problems = []
    rows = [measure_mailroom(work, truth, jobs, problems),
            measure_tesseract(work, truth, jobs, problems),
            measure_ocrmypdf(work, truth, jobs, problems)]
    print()
    print(f"Box: {len(kinds)} pages ({kinds.count('content')} content, {kinds.count('blank')} blank, "
          f"{kinds.count('separator')} separators); {jobs} jobs; CER over the content pages")
    print()
    print_table(rows, jobs)
    for row in rows:
        if row.get("ran") and row["without_text"]:
            problems.append(f"{row['name']}: {row['without_text']} content page(s) without text "
                            "(counted as 100 % error)")
    if problems:
        print()
        print("Problems")
        for problem in problems:
            print(f"  - {problem}")
    print()
    print_verdicts(rows, jobs)
    return 0 if all(row.get("ran") for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
