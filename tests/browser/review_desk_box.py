#!/usr/bin/env python3
"""Makes a small box whose every document goes to review, from a generated classify-mix sample.

Usage: review_desk_box.py SAMPLE_DIR BOX_OUT_DIR

SAMPLE_DIR is what `mailroom-samplegen --classify-mix` wrote (box/, registry/, truth.json). The new box
(BOX_OUT_DIR/box, with the same box.json, and BOX_OUT_DIR/registry) holds, in this order, one separator
sheet and the pages of an envelope for each of the review reasons below, then an empty page file (an
unreadable page, which goes to review as a document of its own). Pages are renamed 0001, 0002, ...
in scan order. The whole box takes seconds to process: only what the review desk test needs.
"""
import json
import pathlib
import shutil
import sys

# An objection with a number in no registry (one page, a candidate), a three-page letter without any
# number (for the split), a sender who fits several cases (candidates to pick from).
REASONS = ("unknown_bg_number", "no_case_number", "ambiguous_sender")


def main():
    sample, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    truth = json.loads((sample / "truth.json").read_text())
    separator = next(p for p in truth["pages"] if p["kind"] == "separator")
    pages = []
    for reason in REASONS:
        envelope = next((e for e in truth["envelopes"] if e["reason"] == reason), None)
        if envelope is None:
            raise SystemExit(f"{sample}/truth.json: no envelope with review reason {reason} (try more envelopes)")
        pages += [separator] + [p for p in truth["pages"] if p["envelope"] == envelope["index"]]
    box = target / "box"
    box.mkdir(parents=True)
    shutil.copy(sample / "box" / "box.json", box)
    shutil.copytree(sample / "registry", target / "registry")
    for number, page in enumerate(pages, 1):
        shutil.copy(sample / "box" / page["file"], box / f"{number:04d}{pathlib.Path(page['file']).suffix}")
    (box / f"{len(pages) + 1:04d}.tif").write_bytes(b"")


if __name__ == "__main__":
    main()
