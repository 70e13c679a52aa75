#!/usr/bin/env python3
"""Scores the classifier on a `mailroom process` output folder against the generator's truth.json.

Usage: classify_report.py TRUTH_JSON BOX_JSON OUT_DIR [--elapsed SECONDS] [--profile NAME] [--summary FILE]

Prints, per kind of evidence (the envelope's "evidence" in truth.json, plus "decoys present" and
"other jobcenter" rows): content pages, auto-routed %, correct %, misroutes, needless reviews.
Then the reasons of the needless reviews, document types per page, document splitting, review
reasons, a calibration table (confidence of the routed pages against how often they were right)
and the same box scored for a peer: a paperless-ngx style matching rule (a regular expression for
the BG number and the customer number over the PDF's text layer, the first match wins, no
registry check).
Envelopes that hold two households ("cases" in truth.json) are checked for both cases offered to
the clerk; old numbers of no registered office for the number kept as ignored_number.
--summary appends one JSON line of the key figures (for bench/classify-accuracy --profile all).
Exits 1 if a page was misrouted or lost.
"""
import argparse
import collections
import json
import pathlib
import re
import subprocess
import sys

THRESHOLDS = (0.70, 0.75, 0.80, 0.85, 0.90, 0.95)


def documents(folder):
    for path in sorted(folder.rglob("*.json")) if folder.exists() else []:
        yield path, json.loads(path.read_text())


def reason_kind(reason):
    """A review reason with its numbers and page names masked, so that reasons of a kind count together."""
    return re.sub(r"[0-9]{5}BG[0-9]{7}|[0-9]{3}[A-Z?][0-9]{6}|[0-9]+\.(?:tif|tiff|png|jpe?g|pdf)(?:#[0-9]+)?|[0-9.]+",
                  "#", reason or "")


def pct(part, whole):
    return f"{100.0 * part / whole:5.1f}" if whole else "    -"


class Tally:
    def __init__(self):
        self.pages = self.routed = self.correct = self.misrouted = self.needless = 0

    def row(self, label):
        return (f"| {label:<22} | {self.pages:5} | {pct(self.routed, self.pages)} | {pct(self.correct, self.pages)} "
                f"| {self.misrouted:9} | {self.needless:15} |")


def page_outcomes(out_dir):
    """page file -> (routed?, bg_number, jobcenter_id, doc_type, document_id, confidence)"""
    outcome = {}
    for folder, routed in (("postkorb", True), ("review", False)):
        for path, doc in documents(out_dir / folder):
            for name in doc["pages"]:
                outcome.setdefault(name, []).append((routed, doc, path))
    return outcome


def regex_peer(out_dir, truth, registry_bgs, customer_to_bg):
    """Routes every document by the first BG or customer number its PDF text layer holds."""
    bg_re = re.compile(r"\b(\d{5})\s*[-./]?\s*BG\s*[-./]?\s*(\d{7})\b")
    cust_re = re.compile(r"\b(\d{3})\s*([A-Z])\s*(\d{6})\b")
    pages = {p["file"]: p for p in truth["pages"]}
    right = wrong = 0
    for folder in ("postkorb", "review"):
        for path, doc in documents(out_dir / folder):
            pdf = path.with_name(doc["pdf"])
            try:
                text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                      check=True).stdout
            except (OSError, subprocess.CalledProcessError):
                continue
            bg = None
            m = bg_re.search(text)
            if m and m.group(1) + "BG" + m.group(2) in registry_bgs:
                bg = m.group(1) + "BG" + m.group(2)
            if bg is None:
                m = cust_re.search(text)
                if m:
                    bg = customer_to_bg.get("".join(m.groups()))
            if bg is None:
                continue
            for name in doc["pages"]:
                if name in pages and pages[name]["kind"] == "content":
                    if pages[name]["bg_number"] == bg:
                        right += 1
                    else:
                        wrong += 1
    return right, wrong


def load_registry(registry_dir):
    bgs, customers = set(), {}
    lines = (registry_dir / "cases.csv").read_text().splitlines()
    header = lines[0].split(",")
    for line in lines[1:]:
        row = dict(zip(header, line.split(",")))
        bgs.add(row["bg_number"])
        customers[row["customer_number"]] = row["bg_number"]
    return bgs, customers


def two_case_checks(truth, outcome):
    """(envelopes with two households, of them with every document in review offering both cases)"""
    envelopes = offered = 0
    for env in truth["envelopes"]:
        if not env.get("cases"):
            continue
        envelopes += 1
        docs = [doc for name in env["pages"] for routed, doc, _ in outcome.get(name, [])]
        if docs and all(doc["jobcenter_id"] is None and set(env["cases"]) <= set(doc.get("candidates", []))
                        for doc in docs):
            offered += 1
        else:
            print(f"TWO CASES NOT BOTH OFFERED: envelope {env['index']} ({env['evidence']}), truth {env['cases']}")
    return envelopes, offered


def ignored_number_checks(truth, outcome):
    """(routed pages of old-number envelopes, of them whose document keeps the number and the person match)"""
    pages = kept = 0
    for env in truth["envelopes"]:
        if env.get("evidence") != "unknown_office_number":
            continue
        for name in env["pages"]:
            for routed, doc, _ in outcome.get(name, []):
                if routed:
                    pages += 1
                    kept += bool(doc.get("ignored_number")) and "birth_date" in doc.get("person_match", [])
    return pages, kept


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("truth", type=pathlib.Path)
    parser.add_argument("box_json", type=pathlib.Path)
    parser.add_argument("out_dir", type=pathlib.Path)
    parser.add_argument("--elapsed", type=float)
    parser.add_argument("--profile", default="")
    parser.add_argument("--summary", type=pathlib.Path)
    parser.add_argument("--threshold", type=float, default=0.80, help="the route threshold the run used")
    args = parser.parse_args()
    truth_path, box_json, out_dir, elapsed = args.truth, args.box_json, args.out_dir, args.elapsed
    truth = json.loads(truth_path.read_text())
    origin = json.loads(box_json.read_text()).get("origin")
    pages = {p["file"]: p for p in truth["pages"]}
    outcome = page_outcomes(out_dir)
    report = json.loads((out_dir / "report.json").read_text())
    accounted = collections.Counter(report["blank_pages"] + report["separator_pages"])
    for name, docs in outcome.items():
        accounted[name] += len(docs)

    order = ["barcode", "printed_bg", "customer_number", "name_address", "typo", "decoys", "unknown_office_number",
             "decoys present", "other jobcenter", "no_case_number", "unknown_bg_number", "conflicting_cases",
             "typo_conflict", "ambiguous_sender", "two_cases_barcode", "two_cases_print", "two_cases_name",
             "expected review"]
    tallies = collections.OrderedDict((label, Tally()) for label in order)
    totals = Tally()
    routable_pages = routable_right = 0
    by_defect = collections.defaultdict(lambda: [0, 0, 0])  # routable pages, routed right, misrouted
    conf_bins = collections.defaultdict(lambda: [0, 0])
    needless_reasons = collections.Counter()  # routable pages in review, by reason kind
    for env in truth["envelopes"]:
        kind = env.get("evidence") or ("review" if env["expect"] == "review" else "route")
        rows = [kind]
        # Every letter has dates: "decoys present" counts the envelopes with a decoy that looks like
        # an identifier (IBAN, phone, fax, file reference, the jobcenter's address or letter).
        if set(env.get("decoys", [])) - {"date", "amount"}:
            rows.append("decoys present")
        if env["expect"] == "route" and env.get("jobcenter_id") and env["jobcenter_id"] != origin:
            rows.append("other jobcenter")
        if env["expect"] == "review":
            rows.append("expected review")
        for name in env["pages"]:
            for routed, doc, _ in outcome.get(name, []):
                right_case = routed and doc["bg_number"] == env.get("bg_number") and \
                    doc["jobcenter_id"] == env.get("jobcenter_id")
                expected_route = env["expect"] == "route"
                correct = right_case if expected_route else not routed
                misrouted = routed and not right_case
                needless = expected_route and not routed
                for label in rows + ["all"]:
                    t = tallies.setdefault(label, Tally()) if label != "all" else totals
                    t.pages += 1
                    t.routed += routed
                    t.correct += correct
                    t.misrouted += misrouted
                    t.needless += needless
                if expected_route:
                    routable_pages += 1
                    routable_right += right_case
                if needless:
                    needless_reasons[reason_kind(doc.get("reason"))] += 1
                for defect in pages.get(name, {}).get("defects", []) + ["(any page)"]:
                    if expected_route or misrouted:
                        by_defect[defect][0] += expected_route
                        by_defect[defect][1] += expected_route and right_case
                        by_defect[defect][2] += misrouted
                if routed:
                    b = min(int(doc["confidence"] * 20), 19) / 20
                    conf_bins[b][0] += 1
                    conf_bins[b][1] += right_case
                if misrouted:
                    print(f"MISROUTED {name} ({kind}): to {doc['bg_number']}, truth {env.get('bg_number')}")

    profile = f" (profile {args.profile})" if args.profile else ""
    print(f"box {truth['box_id']}{profile}: {len(pages)} pages, {sum(1 for p in pages.values() if p['kind'] == 'content')} "
          f"content pages in {len(truth['envelopes'])} envelopes, origin {origin}")
    print()
    print("| evidence               | pages | auto-routed % | correct % | misroutes | needless reviews |")
    print("|------------------------|-------|---------------|-----------|-----------|------------------|")
    for label, t in tallies.items():
        if t.pages:
            print(t.row(label))
    print(totals.row("all"))
    print()
    print(f"routable pages routed correctly: {routable_right} of {routable_pages} ({pct(routable_right, routable_pages)} %)"
          f"   target >= 97 %")
    if len(by_defect) > 1:
        print("routable pages by scan defect (a page may have several):")
        print("| defect               | pages | routed right % | misroutes |")
        print("|----------------------|-------|----------------|-----------|")
        for defect, (n, right, wrong) in sorted(by_defect.items(), key=lambda item: -item[1][0]):
            print(f"| {defect:<20} | {n:5} | {pct(right, n):>14} | {wrong:9} |")
    if needless_reasons:
        print("needless reviews by reason (routable pages): " +
              "; ".join(f"{r} x{n}" for r, n in needless_reasons.most_common()))
    print(f"misrouted pages: {totals.misrouted} of {totals.pages} ({pct(totals.misrouted, totals.pages)} %)"
          f"   target 0")
    two_case_envelopes, both_offered = two_case_checks(truth, outcome)
    print(f"envelopes holding two households: {two_case_envelopes}, in review with both cases offered: "
          f"{both_offered}   target all")
    old_pages, old_kept = ignored_number_checks(truth, outcome)
    print(f"old numbers of no registered office: {old_pages} pages routed by the person, {old_kept} of them with "
          f"ignored_number and the birth date match recorded")

    # Document type per content page: the type of the document the page ended up in.
    type_right = type_total = 0
    confusion = collections.Counter()
    for name, page in pages.items():
        if page["kind"] != "content" or not page.get("doc_type"):
            continue
        for routed, doc, _ in outcome.get(name, []):
            type_total += 1
            type_right += doc["doc_type"] == page["doc_type"]
            if doc["doc_type"] != page["doc_type"]:
                confusion[(page["doc_type"], doc["doc_type"])] += 1
    print(f"document type right: {type_right} of {type_total} pages ({pct(type_right, type_total)} %)   target >= 95 %")
    if confusion:
        print("  wrong types (truth -> given): " + ", ".join(f"{a}->{b} {n}" for (a, b), n in confusion.most_common()))

    # Splitting: a truth document boundary is a page that starts a document; compare with the output.
    truth_starts = set()
    for env in truth["envelopes"]:
        for d in env.get("documents", [])[1:]:
            truth_starts.add(d["pages"][0])
    out_starts = set()
    for folder in ("postkorb", "review"):
        for path, doc in documents(out_dir / folder):
            env_pages = next((e["pages"] for e in truth["envelopes"] if doc["pages"][0] in e["pages"]), None)
            if env_pages and doc["pages"][0] != env_pages[0]:
                out_starts.add(doc["pages"][0])
    multi = sum(1 for e in truth["envelopes"] if len(e.get("documents", [])) > 1)
    print(f"document splits: {len(truth_starts & out_starts)} of {len(truth_starts)} found, "
          f"{len(out_starts - truth_starts)} false splits ({multi} envelopes with several documents)")

    reasons = collections.Counter()
    for path, doc in documents(out_dir / "review"):
        reasons[reason_kind(doc.get("reason"))] += 1
    print("review reasons (documents): " + "; ".join(f"{r} x{n}" for r, n in reasons.most_common()))

    print()
    print("calibration of routed pages (confidence bin: pages, right %):")
    for b in sorted(conf_bins):
        n, ok = conf_bins[b]
        print(f"  [{b:.2f}, {b + 0.05:.2f}): {n:5} pages, {pct(ok, n)} % right")

    # The other side of calibration: documents held back by the threshold, and how often the case
    # they were held back with was the right one (all of them: the threshold costs reviews).
    held = held_right = 0
    for path, doc in documents(out_dir / "review"):
        if not doc.get("reason", "").startswith("confidence"):
            continue
        for name in doc["pages"]:
            held += 1
            held_right += doc["bg_number"] == pages.get(name, {}).get("bg_number")
    print(f"  held back below the threshold: {held} pages, {pct(held_right, held)} % of them with the right case")
    # What another threshold would have done: every document that was routed or held back only by
    # the threshold has a case and a confidence; other reviews (conflicts, unknown numbers) stay.
    decided = []
    for folder in ("postkorb", "review"):
        for path, doc in documents(out_dir / folder):
            if folder == "postkorb" or doc.get("reason", "").startswith("confidence"):
                # Content pages only, as the misroute count above: a blank page that stays in its
                # document (a back side with a stain) belongs to no case in the truth.
                content = [n for n in doc["pages"] if pages.get(n, {}).get("kind") == "content"]
                right = sum(doc["bg_number"] == pages[n].get("bg_number") for n in content)
                decided.append((doc["confidence"], len(content), right))
    print("  threshold sweep (pages routed, misrouted, review share of content pages):")
    content_pages = sum(1 for p in pages.values() if p["kind"] == "content")
    threshold = args.threshold
    sweep = {}
    for t in THRESHOLDS:
        routed_n = sum(n for c, n, _ in decided if c >= t)
        wrong_n = sum(n - r for c, n, r in decided if c >= t)
        sweep[f"{t:.2f}"] = {"misrouted": wrong_n, "review_share": 1 - routed_n / max(1, content_pages)}
        mark = "  <- this run" if abs(t - threshold) < 1e-9 else ""
        print(f"    {t:.2f}: {routed_n:5} routed, {wrong_n:3} misrouted, "
              f"{pct(content_pages - routed_n, content_pages)} % to review{mark}")

    bgs, customers = load_registry(truth_path.parent / "registry")
    right, wrong = regex_peer(out_dir, truth, bgs, customers)
    print()
    print(f"peer (paperless-ngx style regex rule on the same PDFs): {right} of {routable_pages} routable pages right "
          f"({pct(right, routable_pages)} %), {wrong} misrouted")
    print(f"mailroom / peer, pages routed right: {routable_right / max(1, right):.2f}x; "
          f"misroutes {totals.misrouted} vs {wrong}")
    lost = [n for n in pages if accounted[n] == 0]
    doubled = [n for n, c in accounted.items() if c > 1]
    print(f"lost pages: {len(lost)}, counted twice: {len(doubled)}")
    if elapsed:
        print(f"elapsed: {elapsed:.1f} s, {len(pages) / elapsed * 60:.1f} pages/min")
    review_pages = totals.pages - totals.routed
    if args.summary:
        with args.summary.open("a") as summary:
            summary.write(json.dumps({
                "profile": args.profile, "content_pages": totals.pages, "misrouted": totals.misrouted,
                "needless_reviews": totals.needless, "routable_pages": routable_pages,
                "routable_right": routable_right, "review_share": review_pages / max(1, totals.pages),
                "two_case_envelopes": two_case_envelopes, "both_offered": both_offered, "lost": len(lost),
                "sweep": sweep}) + "\n")
    failed = totals.misrouted or lost or doubled or both_offered < two_case_envelopes
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
