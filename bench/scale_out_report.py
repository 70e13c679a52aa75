#!/usr/bin/python3
"""Prints the table of bench/scale-out and writes its measurements to WORK_DIR/results.json.

Usage: scale_out_report.py WORK_DIR [--seed N] [--envelopes K]
WORK_DIR is what bench/scale-out left in build/bench/scale-out: sample/ (box, registry),
runs.tsv (run, key, value per line), e1/ and e2/ (embedded, --jobs 1 and 2: out/ with
report.json, postkorb/, review/), d1/ and d2/ (distributed with 1 and 2 OCR workers: out/ with
what the Postkorb consumers wrote, the worker logs), c2/ (two of every worker on a PostgreSQL
ledger: also the server's CPU, commits and growth per page). Prints pages/min per run, the ratios, the
cost per broker message, the broker's CPU per message, whether the distributed Postkorb JSON
files equal the embedded ones byte for byte, and anything odd. Exits 1 if a run failed or a
distributed run's documents differ, else 0.
"""
import argparse
import collections
import json
import pathlib
import sys

IMAGE_SUFFIXES = {".tif", ".tiff", ".png", ".jpg", ".jpeg"}


def read_runs(path):
    runs = collections.defaultdict(dict)
    odd = collections.defaultdict(list)
    for line in path.read_text().splitlines():
        run, key, value = line.split("\t", 2)
        if key == "odd":
            odd[run].append(value)
            continue
        try:
            runs[run][key] = float(value)
        except ValueError:
            runs[run][key] = value
    return runs, odd


def json_files(out, sub):
    """Relative path -> bytes of every .json under OUT/SUB."""
    root = out / sub
    if not root.exists():
        return {}
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(root.rglob("*.json"))}


def last_line(path):
    try:
        lines = [l for l in path.read_text(errors="replace").splitlines() if l.strip()]
    except OSError:
        return "(no log)"
    return lines[-1] if lines else "(empty log)"


def compare(expected, actual):
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    differ = sorted(k for k in set(expected) & set(actual) if expected[k] != actual[k])
    return {"equal": not (missing or extra or differ), "missing": missing, "extra": extra, "differ": differ}


RUNS = ("e1", "e2", "d1", "d2", "c2")
NAMES = {"e1": "embedded process --jobs 1", "e2": "embedded process --jobs 2",
         "d1": "distributed, 1 OCR worker", "d2": "distributed, 2 OCR workers",
         "c2": "center: 2 of each, PostgreSQL"}


def role_cpu(run, role):
    """CPU seconds of every worker of `role` in the run (keys cpu_<role>, cpu_<role>1, ...)."""
    return sum(v or 0.0 for k, v in run.items()
               if k.startswith("cpu_" + role) and k[len("cpu_" + role):].isdigit() or k == "cpu_" + role)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("work", type=pathlib.Path)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--envelopes", type=int)
    args = parser.parse_args()
    work = args.work
    runs, odd = read_runs(work / "runs.tsv")

    report = json.loads((work / "e1/out/report.json").read_text())
    pages = report["pages_in"]
    blank = len(report.get("blank_pages", []))
    separators = len(report.get("separator_pages", []))
    ocr_pages = pages - blank - separators  # blank pages and separator sheets are never OCR'd
    expected = json_files(work / "e1/out", "postkorb")
    review = json_files(work / "e1/out", "review")
    documents = len(expected) + len(review)
    messages = pages * 2 + documents * 2 + 1
    images = [p for p in (work / "sample/box").iterdir() if p.suffix.lower() in IMAGE_SUFFIXES]
    image_bytes = sum(p.stat().st_size for p in images)

    results = {
        "seed": args.seed, "envelopes": args.envelopes, "pages": pages, "blank_pages": blank,
        "separator_pages": separators, "ocr_pages": ocr_pages, "documents": documents,
        "documents_postkorb": len(expected), "documents_review": len(review), "messages": messages,
        "image_files": len(images), "image_bytes_mean": image_bytes / len(images),
        "bench_wall_s": runs["all"].get("bench_wall"), "runs": {}, "odd": {},
    }
    failed = False

    # e2 must give what e1 gives (the same binary, two threads): a sanity check of the reference.
    e2_vs_e1 = compare(expected, json_files(work / "e2/out", "postkorb"))
    for run in RUNS:
        if run not in runs:
            continue  # c2: not in results of an older bench
        r = runs.get(run, {})
        wall = r.get("wall")
        entry = {"wall_s": wall, "status": r.get("status"),
                 "pages_per_min": pages / wall * 60 if wall else None}
        if run.startswith("e"):
            entry["cpu_s"] = r.get("cpu")
            entry["workers"] = int(run[1])
        else:
            workers = int(run[1])
            entry["workers"] = workers
            ocr_cpu = role_cpu(r, "ocr")
            entry["ocr_cpu_s"] = ocr_cpu
            entry["classify_cpu_s"] = role_cpu(r, "classify")
            entry["route_cpu_s"] = role_cpu(r, "route")
            entry["ingest_cpu_per_page_s"] = (r.get("ingest_cpu") or 0.0) / pages if "ingest_cpu" in r else None
            if "postgres_cpu" in r:
                entry["postgres_cpu_s"] = r["postgres_cpu"]
                entry["postgres_cpu_per_page_ms"] = r["postgres_cpu"] / pages * 1000
                entry["postgres_commits_per_page"] = r["postgres_commits"] / pages
                entry["postgres_bytes_per_page"] = r["postgres_bytes"] / pages
                entry["ledger_state"] = r.get("ledger_state")
            entry["ingest_wall_s"] = r.get("ingest_wall")
            entry["broker_cpu_s"] = r.get("broker_cpu")
            idle = r.get("broker_idle_cpu_per_s") or 0.0
            entry["broker_idle_cpu_per_s"] = idle
            entry["broker_cpu_net_s"] = max(0.0, (r.get("broker_cpu") or 0.0) - idle * (wall or 0.0))
            entry["broker_cpu_per_message_ms"] = entry["broker_cpu_net_s"] / messages * 1000
            entry["ocr_cpu_per_ocr_page_s"] = ocr_cpu / ocr_pages if ocr_pages else None
            entry["stage_cpu_per_page_s"] = (entry["classify_cpu_s"] + entry["route_cpu_s"]) / pages
            embedded_wall = runs.get(f"e{workers}", {}).get("wall")
            if wall and embedded_wall:
                entry["cost_per_message_ms"] = (wall - embedded_wall) / messages * 1000
            entry["documents_written"] = r.get("written")
            entry["consumer_status"] = r.get("consumer_status")
            entry["postkorb_vs_embedded"] = compare(expected, json_files(work / f"{run}/out", "postkorb"))
            entry["worker_summaries"] = {
                log.stem: last_line(log) for log in sorted((work / run).glob("*.log"))
                if log.stem.startswith(("ocr", "classify", "route", "postkorb"))}
            if not entry["postkorb_vs_embedded"]["equal"]:
                failed = True
        if entry["status"] not in (0, 0.0):
            failed = True
        results["runs"][run] = entry
        if odd.get(run):
            results["odd"][run] = odd[run]
    results["e2_vs_e1"] = e2_vs_e1
    R = results["runs"]

    def ratio(a, b):
        pa, pb = R[a]["pages_per_min"], R[b]["pages_per_min"]
        return pa / pb if pa and pb else None

    results["ratios"] = {"d2/d1": ratio("d2", "d1"), "e2/e1": ratio("e2", "e1"),
                         "d1/e1": ratio("d1", "e1"), "d2/e2": ratio("d2", "e2"),
                         "c2/d2": ratio("c2", "d2") if "c2" in R else None}

    print(f"  box: {pages} pages ({blank} blank, {separators} separator sheets, {ocr_pages} OCR'd), "
          f"{documents} documents ({len(expected)} Postkorb, {len(review)} review), "
          f"{messages} broker messages (pages x 2 + documents x 2 + 1), "
          f"mean image file {results['image_bytes_mean'] / 1024:.0f} KiB")
    print()
    print(f"  {'run':<34} {'wall s':>8} {'pages/min':>10} {'CPU s':>8} {'broker CPU s':>13}")
    for run in [r for r in RUNS if r in R]:
        e = R[run]
        if e["wall_s"] is None:
            print(f"  {NAMES[run]:<34} {'failed':>8}")
            continue
        cpu = e.get("cpu_s") if run.startswith("e") else (
            e["ocr_cpu_s"] + (e["classify_cpu_s"] or 0) + (e["route_cpu_s"] or 0))
        broker = f"{e['broker_cpu_s']:.2f}" if not run.startswith("e") else "-"
        print(f"  {NAMES[run]:<34} {e['wall_s']:>8.1f} {e['pages_per_min']:>10.1f} "
              f"{cpu if cpu is not None else float('nan'):>8.1f} {broker:>13}")
    print("  (CPU s: the whole process for embedded runs; OCR + classify + route workers for distributed)")
    print()
    rt = results["ratios"]

    def fmt(x, spec=".2f"):
        return "n/a" if x is None else format(x, spec)

    print(f"  scaling 2 vs 1 OCR workers:       {fmt(rt['d2/d1'])}x   (embedded 2 vs 1 threads: {fmt(rt['e2/e1'])}x)")
    print(f"  distributed vs embedded, 1 worker: {fmt(rt['d1/e1'])}x   2 workers: {fmt(rt['d2/e2'])}x")
    print(f"  center (two of each, PostgreSQL ledger) vs d2: {fmt(rt['c2/d2'])}x")
    for run in [r for r in ("d1", "d2", "c2") if r in R]:
        e = R[run]
        print(f"  {run}: cost per broker message {fmt(e.get('cost_per_message_ms'), '.1f')} ms wall; "
              f"broker CPU {e['broker_cpu_per_message_ms']:.2f} ms/message "
              f"(idle {e['broker_idle_cpu_per_s'] * 1000:.0f} ms/s subtracted); "
              f"OCR CPU {fmt(e['ocr_cpu_per_ocr_page_s'])} s per OCR'd page; "
              f"classify + route {e['stage_cpu_per_page_s'] * 1000:.0f} ms per page; "
              f"ingest {fmt(e['ingest_wall_s'], '.1f')} s")
        if "postgres_cpu_s" in e:
            print(f"  {run}: PostgreSQL ledger {e['postgres_cpu_per_page_ms']:.1f} ms CPU, "
                  f"{e['postgres_commits_per_page']:.1f} commits, {e['postgres_bytes_per_page'] / 1024:.1f} KiB "
                  f"of database per page; box {e['ledger_state']} in the ledger; ingest "
                  f"{fmt((e['ingest_cpu_per_page_s'] or 0) * 1000, '.1f')} ms CPU per page")
    print()
    print(f"  embedded --jobs 2 Postkorb JSON vs --jobs 1: "
          f"{'equal' if e2_vs_e1['equal'] else 'DIFFERENT'}")
    for run in [r for r in ("d1", "d2", "c2") if r in R]:
        c = R[run]["postkorb_vs_embedded"]
        if c["equal"]:
            print(f"  {run} Postkorb JSON files: all {len(expected)} equal the embedded ones byte for byte")
        else:
            print(f"  {run} Postkorb JSON files DIFFER from the embedded ones: {len(c['missing'])} missing, "
                  f"{len(c['extra'])} extra, {len(c['differ'])} different "
                  f"(first: {(c['missing'] + c['extra'] + c['differ'])[:3]})")
        for name, line in R[run]["worker_summaries"].items():
            print(f"    {name}: {line}")
    for run, lines in results["odd"].items():
        for line in lines:
            print(f"  odd ({run}): {line}")
    if results["bench_wall_s"]:
        print(f"  the benchmark took {results['bench_wall_s']:.0f} s")
    (work / "results.json").write_text(json.dumps(results, indent=1) + "\n")
    print(f"  measurements: {work / 'results.json'} (bench/capacity_plan.py {work / 'results.json'})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
