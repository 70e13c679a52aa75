#!/usr/bin/python3
"""The capacity plan of a scan center, computed from bench/scale-out's measurements.

Usage: capacity_plan.py [RESULTS.json ...] [--out deploy/capacity-plan.md] [--sheets 1800000]
                        [--images-per-sheet 2] [--peak 3] [--shift-hours 8] [--node-cores 16]
                        [--headroom 0.3] [--image-bytes N] [--turnaround-hours 48]
                        [--pipeline-hours 12] [--scanner-sheets-per-min 120]
                        [--scanner-utilisation 0.5] [--message-bytes 1024] [--retention-weeks 8]
RESULTS.json: what bench/scale-out wrote (default build/bench/scale-out/results.json); with
several, every measured cost is the mean over all distributed runs in them (the ledger's figures
over the center runs, c2).

The workers are sized from the daily volume and the turnaround, not from the peak: mail is
promised in the jobcenter's e-file within about two days, so the scan shift's peak waits in the
queues (RabbitMQ keeps quorum queue messages on disk) and the workers run around the clock; the
plan says how deep the queues get, how long the last page of a shift waits, and how long a
lost node or a day's outage takes to catch up. The peak-rate sizing is shown beside it. Prints the
figures and, with --out, writes them as Markdown (deploy/capacity-plan.md).
"""
import argparse
import json
import math
import pathlib
import statistics
import sys

QUORUM_RULE_OF_THUMB = (10_000, 30_000)  # msgs/s per quorum queue, small messages: published rule of thumb
DAY_S = 24 * 3600


def mean(values):
    values = [v for v in values if v is not None]
    return statistics.mean(values) if values else None


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("results", nargs="*", type=pathlib.Path)
    p.add_argument("--out", type=pathlib.Path)
    p.add_argument("--sheets", type=float, default=1_800_000, help="sheets a day")
    p.add_argument("--images-per-sheet", type=float, default=2.0, help="duplex: front and back")
    p.add_argument("--peak", type=float, default=3.0, help="peak rate / mean rate in the shift")
    p.add_argument("--shift-hours", type=float, default=8.0, help="the scan shift: when the day's paper is scanned")
    p.add_argument("--node-cores", type=int, default=16)
    p.add_argument("--headroom", type=float, default=0.3, help="share of each node's cores kept free")
    p.add_argument("--image-bytes", type=float, help="mean page image size (default: the box's)")
    p.add_argument("--turnaround-hours", type=float, default=48, help="promised: scanned to the e-file")
    p.add_argument("--pipeline-hours", type=float, default=12,
                   help="of the turnaround, how long the last page of a shift may wait for the workers after "
                        "the shift (the rest is for the review desk's working day and the jobcenter's import)")
    p.add_argument("--scanner-sheets-per-min", type=float, default=120, help="rated duplex speed of a station")
    p.add_argument("--scanner-utilisation", type=float, default=0.5,
                   help="share of the shift a scanner feeds paper (opening boxes, preparing, jams)")
    p.add_argument("--message-bytes", type=float, default=1024, help="a queued message on the broker's disk")
    p.add_argument("--retention-weeks", type=float, default=8, help="the ledger keeps rows forever; the plan "
                   "shows a year, and the content store's images for this long")
    return p.parse_args()


class Measured:
    """The per-page costs, from the runs."""

    def __init__(self, files):
        self.runs = [json.loads(f.read_text()) for f in files]
        dist = [r["runs"][k] for r in self.runs for k in ("d1", "d2", "c2") if k in r["runs"]]
        center = [r["runs"]["c2"] for r in self.runs if "c2" in r["runs"]]
        self.box = self.runs[0]
        self.ocr_cpu = mean([d.get("ocr_cpu_per_ocr_page_s") for d in dist])
        self.stage_cpu = mean([d.get("stage_cpu_per_page_s") for d in dist])
        self.center_stage_cpu = mean([d.get("stage_cpu_per_page_s") for d in center])
        self.broker_cpu_ms = mean([d.get("broker_cpu_per_message_ms") for d in dist])
        self.walls = [d["cost_per_message_ms"] for d in dist if d.get("cost_per_message_ms") is not None]
        self.embedded_cpu = mean([r["runs"][k]["cpu_s"] / r["pages"] for r in self.runs for k in ("e1", "e2")
                                  if r["runs"].get(k, {}).get("cpu_s")])
        self.pg_cpu_ms = mean([d.get("postgres_cpu_per_page_ms") for d in center])
        self.pg_commits = mean([d.get("postgres_commits_per_page") for d in center])
        self.pg_bytes = mean([d.get("postgres_bytes_per_page") for d in center])
        self.ingest_cpu = mean([d.get("ingest_cpu_per_page_s") for d in dist])
        self.center_ratio = mean([r.get("ratios", {}).get("c2/d2") for r in self.runs])
        self.center_equal = all(d["postkorb_vs_embedded"]["equal"] for d in center)
        box = self.box
        self.skip_share = (box["blank_pages"] + box["separator_pages"]) / box["pages"]
        self.msgs_per_page = 2 + 2 * box["documents"] / box["pages"] + 1 / box["pages"]
        self.image_bytes = mean([r["image_bytes_mean"] for r in self.runs])


def plan(a, m):
    """Every figure of the plan, by name."""
    f = {}
    f["images_day"] = a.sheets * a.images_per_sheet
    shift_s = a.shift_hours * 3600
    f["shift_mean_pps"] = f["images_day"] / shift_s
    f["peak_pps"] = f["shift_mean_pps"] * a.peak
    f["usable_cores"] = a.node_cores * (1 - a.headroom)
    cpu_per_page = (1 - m.skip_share) * m.ocr_cpu + (m.center_stage_cpu or m.stage_cpu)

    # Sized for the peak rate: every page processed as it is scanned.
    f["peak_cores"] = f["peak_pps"] * cpu_per_page
    f["peak_nodes"] = math.ceil(f["peak_cores"] / f["usable_cores"])

    # Sized for the turnaround: the day's pages done within the shift plus the pipeline's share of
    # the turnaround, the peak buffered in the queues. Then one node more, so that losing a node
    # still meets it.
    window_s = min(shift_s + a.pipeline_hours * 3600, DAY_S)
    f["need_pps"] = f["images_day"] / window_s
    f["need_cores"] = f["need_pps"] * cpu_per_page
    f["nodes"] = math.ceil(f["need_cores"] / f["usable_cores"]) + 1
    f["capacity_pps"] = f["nodes"] * f["usable_cores"] / cpu_per_page
    f["capacity_less_one_pps"] = (f["nodes"] - 1) * f["usable_cores"] / cpu_per_page
    cap = f["capacity_pps"]
    # The queue is deepest at the end of the shift (arrivals above the capacity, at least the peak's).
    f["backlog_pages"] = max(0.0, f["images_day"] - cap * shift_s)
    if f["backlog_pages"] == 0:  # the capacity keeps up with the shift's mean: only the peak hour queues
        f["backlog_pages"] = max(0.0, (f["peak_pps"] - cap) * 3600)
    f["last_page_wait_h"] = f["backlog_pages"] / cap / 3600
    f["done_after_shift_start_h"] = a.shift_hours + f["last_page_wait_h"]
    f["last_page_wait_less_one_h"] = max(0.0, f["images_day"] / f["capacity_less_one_pps"] - shift_s) / 3600
    f["idle_share"] = 1 - f["images_day"] / (cap * DAY_S)
    # A whole day's outage (a broker or a site down): the next days' spare capacity catches up.
    spare_per_day = cap * DAY_S - f["images_day"]
    f["catch_up_days"] = f["images_day"] / spare_per_day if spare_per_day > 0 else math.inf
    f["queued_messages"] = f["backlog_pages"]  # one message per waiting page in .pages
    f["broker_disk_gb"] = f["queued_messages"] * a.message_bytes / 1e9
    f["peak_msgs"] = f["peak_pps"] * m.msgs_per_page  # published during the peak (ingest side)
    f["processing_msgs"] = cap * m.msgs_per_page
    f["broker_cores"] = max(f["peak_msgs"], f["processing_msgs"]) * m.broker_cpu_ms / 1000

    # The ledger on PostgreSQL: written by ingest (at the scan rate) and the workers (at theirs).
    if m.pg_cpu_ms is not None:
        f["pg_cores"] = cap * m.pg_cpu_ms / 1000
        f["pg_commits_s"] = cap * m.pg_commits
        f["pg_gb_day"] = f["images_day"] * m.pg_bytes / 1e9
        f["pg_gb_year"] = f["pg_gb_day"] * 365

    # Scan stations: the shift's paper through scanners at their effective speed.
    sheets_per_station = a.scanner_sheets_per_min * 60 * a.shift_hours * a.scanner_utilisation
    f["stations"] = math.ceil(a.sheets / sheets_per_station)
    f["station_peak_pps"] = a.scanner_sheets_per_min / 60 * a.images_per_sheet
    f["station_cpu"] = f["station_peak_pps"] * (m.ingest_cpu or 0)
    f["store_mbs"] = f["peak_pps"] * m.image_bytes / 1e6
    f["store_gb_day"] = f["images_day"] * m.image_bytes / 1e9
    f["store_tb_retention"] = f["store_gb_day"] * a.retention_weeks * 7 / 1000
    f["cpu_per_page"] = cpu_per_page
    return f


def markdown(a, m, f):
    lo, hi = QUORUM_RULE_OF_THUMB
    verdict = ("yes, by a wide margin" if f["peak_msgs"] < lo / 10 else
               "yes" if f["peak_msgs"] < lo else "borderline" if f["peak_msgs"] < hi else "no")
    runs_txt = "; ".join(
        f"seed {r['seed']}: " + ", ".join(
            f"{k} {r['runs'][k]['ocr_cpu_per_ocr_page_s']:.2f} s, broker {r['runs'][k]['broker_cpu_per_message_ms']:.2f} ms/msg"
            for k in ("d1", "d2", "c2") if k in r["runs"])
        for r in m.runs)
    box = m.box
    pg = m.pg_cpu_ms is not None
    lines = [
        "# Capacity plan: 1.8 million sheets a day",
        "",
        f"Generated by `bench/capacity_plan.py` from {len(m.runs)} run(s) of `bench/scale-out` "
        "(results.json of each, committed beside this file in `deploy/capacity-plan-results/`); rerun both after "
        "a new measurement. Do not edit the numbers by hand.",
        "",
        "## Measured (bench/scale-out, 2-core shared machine, broker and PostgreSQL on the same machine)",
        "",
        "| measured | value |",
        "|---|---|",
        f"| box | {box['pages']} pages, seed {box['seed']}, {box['envelopes']} envelopes; {box['blank_pages']} blank, "
        f"{box['separator_pages']} separator pages ({m.skip_share:.1%} not OCR'd); {box['documents']} documents |",
        f"| OCR worker CPU per OCR'd page | {m.ocr_cpu:.2f} s (mean of the distributed runs; {runs_txt}) |",
        f"| classify + route worker CPU per page | {m.stage_cpu * 1000:.0f} ms over all runs"
        + (f"; {m.center_stage_cpu * 1000:.0f} ms with the ledger on PostgreSQL and two of each (c2)" if pg else "")
        + " |",
        f"| embedded `process` CPU per page (all pages, for comparison) | {m.embedded_cpu:.2f} s |",
        f"| broker messages per page | {m.msgs_per_page:.2f} (pages x 2 + documents x 2 + 1 per box) |",
        f"| broker (beam.smp) CPU per message | {m.broker_cpu_ms:.2f} ms (idle rate subtracted) |",
    ]
    if pg:
        lines += [
            f"| PostgreSQL ledger per page (c2) | {m.pg_cpu_ms:.1f} ms server CPU, {m.pg_commits:.1f} commits, "
            f"{m.pg_bytes / 1024:.1f} KiB of database (fsync on) |",
            f"| center run (c2: two OCR, two classify, two route workers, PostgreSQL) | "
            f"{m.center_ratio:.2f}x the pages/min of d2 on the same two cores; Postkorb JSON "
            f"{'byte-identical to the embedded run' if m.center_equal else 'DIFFERENT from the embedded run'} |",
        ]
    lines += [
        f"| ingest (the station's hand-over) CPU per page | {(m.ingest_cpu or 0) * 1000:.1f} ms |",
        f"| wall time per message, distributed - embedded | {min(m.walls):.1f} to {max(m.walls):.1f} ms over the runs: "
        "noise on a shared 2-core machine dominates it; not used below |",
        f"| mean page image file | {m.image_bytes / 1024:.0f} KiB (synthetic 300 dpi box) |",
        "",
        "## Assumptions",
        "",
        f"- {a.sheets:,.0f} sheets a day, duplex: {a.images_per_sheet:g} page images per sheet = "
        f"{f['images_day']:,.0f} images a day, all scanned in one {a.shift_hours:g}-hour shift, with a peak of "
        f"{a.peak:g}x the shift's mean rate.",
        f"- Turnaround promised: {a.turnaround_hours:g} hours from scanning to the jobcenter's e-file. Of it, the "
        f"workers may take until {a.pipeline_hours:g} hours after the shift for the last page of the day; the rest "
        "is the review desk's next working day (about a fifth of the pages go there) and the jobcenter's import.",
        f"- Blank backs and separator sheets are not OCR'd; their share is the generated box's ({m.skip_share:.1%}). "
        "A real duplex stream has more blank backs (often close to half the images): conservative.",
        f"- Worker nodes of {a.node_cores} cores, {a.headroom:.0%} of them kept free: {f['usable_cores']:.1f} usable "
        "cores per node; one node more than the volume needs, so a lost node still meets the turnaround.",
        f"- Scan stations: {a.scanner_sheets_per_min:g} sheets/min rated duplex (a production scanner's class), "
        f"feeding {a.scanner_utilisation:.0%} of the shift (boxes opened, mail prepared, separator sheets, jams): "
        "an assumption, not measured here (SANE's test backend is no scanner).",
        f"- A queued message takes about {a.message_bytes / 1024:g} KiB of the broker's disk (RabbitMQ 3.10 quorum "
        "queues keep message bodies on disk; replicated on each of the 3 nodes). mailroom's messages are references "
        "into the content store, not images.",
        "- CPU figures were measured on a shared 2-core machine: contention inflates them somewhat; CPU time is far "
        "less noisy than wall time.",
        "",
        "## Plan",
        "",
        "| figure | value |",
        "|---|---|",
        f"| pages/s, shift mean / peak | {f['shift_mean_pps']:,.1f} / {f['peak_pps']:,.1f} |",
        f"| CPU per page (OCR'd share x OCR + classify + route) | {f['cpu_per_page']:.2f} s |",
        f"| pages/s the workers must sustain (the day within {a.shift_hours:g} + {a.pipeline_hours:g} h) | "
        f"{f['need_pps']:,.1f} ({f['need_cores']:,.0f} cores) |",
        f"| **worker nodes of {a.node_cores} cores** | **{f['nodes']}** (capacity {f['capacity_pps']:,.0f} pages/s; "
        f"{f['capacity_less_one_pps']:,.0f} with one node lost) |",
        f"| sized for the peak rate instead | {f['peak_nodes']} nodes ({f['peak_cores']:,.0f} cores), idle most of the day |",
        f"| deepest queue (end of the shift) | {f['queued_messages']:,.0f} page messages, about "
        f"{f['broker_disk_gb']:.1f} GB of broker disk per node |",
        f"| the shift's last page waits | {f['last_page_wait_h']:.1f} h after the shift (the day done "
        f"{f['done_after_shift_start_h']:.1f} h after the shift began); with a node lost: "
        f"{f['last_page_wait_less_one_h']:.1f} h |",
        f"| workers idle | {f['idle_share']:.0%} of the day (the nightly reserve) |",
        f"| a whole day's outage caught up in | {f['catch_up_days']:.1f} days of spare capacity |",
        f"| broker messages/s | {f['peak_msgs']:,.0f} published at the peak, {f['processing_msgs']:,.0f} "
        f"consumed at full capacity; {f['broker_cores']:.2f} cores |",
        f"| one 3-node RabbitMQ quorum cluster enough? | {verdict}: {f['peak_msgs']:,.0f} msgs/s against "
        f"{lo:,}-{hi:,} msgs/s per quorum queue |",
    ]
    if pg:
        lines += [
            f"| PostgreSQL (the ledger) | {f['pg_cores']:.2f} cores and {f['pg_commits_s']:,.0f} commits/s at full "
            f"capacity; {f['pg_gb_day']:.1f} GB a day, {f['pg_gb_year']:,.0f} GB a year (ledger rows are never "
            "deleted; plan a primary with a streaming replica) |",
        ]
    lines += [
        f"| scan stations | {f['stations']} (each {f['station_peak_pps']:.1f} page images/s while feeding; its "
        f"hand-over {f['station_cpu']:.2f} cores) |",
        f"| content store | {f['store_mbs']:,.1f} MB/s of page images written at the peak; {f['store_gb_day']:,.0f} GB "
        f"a day, {f['store_tb_retention']:,.1f} TB over {a.retention_weeks:g} weeks' retention (`mailroom store gc`) |",
        "",
        "The OCR workers are the cost; the broker, PostgreSQL and the classify/route stages are a small "
        "fraction of it. Because the promise is days, not minutes, the queues absorb the scan shift and the "
        f"workers run through the night: {f['nodes']} nodes instead of {f['peak_nodes']} for the peak rate. "
        "The broker cluster and PostgreSQL run on their own hosts.",
        "",
    ]
    return "\n".join(lines)


def main():
    a = parse_args()
    files = a.results or [pathlib.Path("build/bench/scale-out/results.json")]
    m = Measured(files)
    if a.image_bytes:
        m.image_bytes = a.image_bytes
    f = plan(a, m)
    text = markdown(a, m, f)
    if a.out:
        a.out.write_text(text)
    print(f"measured: OCR {m.ocr_cpu:.2f} s CPU per OCR'd page, classify+route {m.stage_cpu * 1000:.0f} ms per page, "
          f"broker {m.broker_cpu_ms:.2f} ms CPU per message, {m.msgs_per_page:.2f} messages per page"
          + (f", PostgreSQL {m.pg_cpu_ms:.1f} ms CPU and {m.pg_commits:.1f} commits per page" if m.pg_cpu_ms else ""))
    print(f"workers:   {f['need_pps']:,.1f} pages/s sustained -> {f['nodes']} nodes of {a.node_cores} cores "
          f"(peak-rate sizing: {f['peak_nodes']})")
    print(f"queues:    {f['queued_messages']:,.0f} messages at the end of the shift; last page waits "
          f"{f['last_page_wait_h']:.1f} h ({f['last_page_wait_less_one_h']:.1f} h with a node lost)")
    if "pg_cores" in f:
        print(f"ledger:    {f['pg_cores']:.2f} PostgreSQL cores, {f['pg_commits_s']:,.0f} commits/s, "
              f"{f['pg_gb_day']:.1f} GB a day")
    print(f"stations:  {f['stations']} scan stations")
    if a.out:
        print(f"written: {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
