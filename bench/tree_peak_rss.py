#!/usr/bin/python3
"""Samples the summed resident memory of a process and all its descendants until it exits.

Usage: tree_peak_rss.py PID OUT_FILE [INTERVAL_SECONDS=0.2]
Writes the highest sum seen, in kB, to OUT_FILE. GNU time reports the peak of the single
largest process only; this gives the peak of everything running at once (a sampled value: a
spike shorter than the interval can be missed).
"""
import os
import sys
import time


def parent_map():
    """Returns {pid: parent pid} for every process visible in /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # the command name may contain spaces and parentheses: fields start after the last ')'
        fields = stat[stat.rfind(b")") + 2:].split()
        parents[int(entry)] = int(fields[1])
    return parents


def descendants(root, parents):
    """Returns root and every process below it."""
    children = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def rss_kb(pid):
    """Resident set size of one process in kB, 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def alive(pid):
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
    except OSError:
        return False
    return stat[stat.rfind(b")") + 2:].split()[0] != b"Z"


def main():
    """Samples until the root process is gone, then writes the peak."""
    root, out_file = int(sys.argv[1]), sys.argv[2]
    interval = float(sys.argv[3]) if len(sys.argv) > 3 else 0.2
    peak = 0
    while alive(root):
        total = sum(rss_kb(pid) for pid in descendants(root, parent_map()))
        peak = max(peak, total)
        time.sleep(interval)
    with open(out_file, "w") as f:
        f.write(f"{peak}\n")


if __name__ == "__main__":
    main()
