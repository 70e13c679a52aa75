#!/usr/bin/env python3
"""Scores a `mailroom process` output folder against the sample generator's truth.json.

Usage: evaluate.py TRUTH_JSON OUT_DIR [--elapsed SECONDS]
Prints pages in, routed right, misrouted, review, blank/separator recognition, and exits 1 if
any page was misrouted or lost (the two things that must never happen).
"""
import json
import pathlib
import sys


def documents(folder):
    for path in sorted(folder.rglob("*.json")) if folder.exists() else []:
        yield path, json.loads(path.read_text())


def main():
    truth_path, out_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    elapsed = float(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--elapsed" else None
    truth = json.loads(truth_path.read_text())
    pages = {p["file"]: p for p in truth["pages"]}
    report = json.loads((out_dir / "report.json").read_text())

    seen = {}
    routed_right = misrouted = review_pages = 0
    for path, doc in documents(out_dir / "postkorb"):
        for name in doc["pages"]:
            seen[name] = seen.get(name, 0) + 1
            expected = pages[name]
            if expected["bg_number"] == doc["bg_number"] and expected["jobcenter_id"] == doc["jobcenter_id"]:
                routed_right += 1
            else:
                misrouted += 1
                print(f"MISROUTED {name}: to {doc['bg_number']} ({path.name}), truth {expected['bg_number']}")
    type_right = type_total = 0
    for path, doc in list(documents(out_dir / "postkorb")) + list(documents(out_dir / "review")):
        expected_types = {pages[n]["doc_type"] for n in doc["pages"] if n in pages and pages[n]["doc_type"]}
        if len(expected_types) == 1:
            type_total += 1
            type_right += doc["doc_type"] in expected_types
    review_reasons = {}
    for path, doc in documents(out_dir / "review"):
        for name in doc["pages"]:
            seen[name] = seen.get(name, 0) + 1
            review_pages += 1
        reason = doc.get("reason", "").split(":")[0]
        review_reasons[reason] = review_reasons.get(reason, 0) + 1
    for name in report["blank_pages"] + report["separator_pages"]:
        seen[name] = seen.get(name, 0) + 1

    lost = [n for n in pages if seen.get(n, 0) == 0]
    doubled = [n for n, c in seen.items() if c > 1]
    routable = sum(len(e["pages"]) for e in truth["envelopes"] if e["expect"] == "route")
    content = sum(1 for p in pages.values() if p["kind"] == "content")
    true_blanks = {n for n, p in pages.items() if p["kind"] == "blank"}
    true_seps = {n for n, p in pages.items() if p["kind"] == "separator"}

    print(f"pages in:            {len(pages)} ({content} content, {len(true_blanks)} blank, {len(true_seps)} separators)")
    print(f"routed right:        {routed_right} of {routable} routable pages ({100.0 * routed_right / max(1, routable):.1f} %)")
    print(f"misrouted pages:     {misrouted}")
    print(f"review pages:        {review_pages}  reasons: {review_reasons}")
    print(f"doc type right:      {type_right} of {type_total} documents")
    print(f"blank recognised:    {len(true_blanks & set(report['blank_pages']))}/{len(true_blanks)}, "
          f"false blanks {len(set(report['blank_pages']) - true_blanks)}")
    print(f"separators found:    {len(true_seps & set(report['separator_pages']))}/{len(true_seps)}, "
          f"false separators {len(set(report['separator_pages']) - true_seps)}")
    print(f"lost pages:          {len(lost)}  counted twice: {len(doubled)}")
    if elapsed:
        print(f"elapsed:             {elapsed:.1f} s, {len(pages) / elapsed * 60:.1f} pages/min")
    return 1 if misrouted or lost or doubled else 0


if __name__ == "__main__":
    sys.exit(main())
