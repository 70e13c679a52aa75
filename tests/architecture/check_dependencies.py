#!/usr/bin/env python3
"""Checks that every library uses only the libraries ARCHITECTURE.md allows it.

Usage: check_dependencies.py SOURCE_DIR        exit 0: all allowed; 1: violations (listed)
       check_dependencies.py --self-test       the checker finds a violation planted in a scratch tree

Reads the `allowed-dependencies` block of SOURCE_DIR/ARCHITECTURE.md and, for each library,
looks at every `#include "mailroom/<lib>/..."` (and "mailroom.pb.h", which is proto's) in its
sources and every `mailroom::<lib>` in its CMakeLists.txt. Two more rules of the table:
- a C library with a wrapper of its own (Leptonica: image, Cairo: drawing, poppler: pdf) is used directly only by the wrapper and
  by libraries allowed to use the wrapper, so the classifier or routing cannot pull it in by a side door
  (poppler only by its wrapper: SOLE_WRAPPER);
- the public headers of the stages speak the flow's types: no protobuf, except in a header that is
  the stage's wire adapter (named *_message.h).
"""
import pathlib
import re
import sys
import tempfile

FOLDERS = {"scanner": "ingest/scanner", "classifier-training": "classifier/training", "samplegen": "tools/samplegen", "train-doctype": "tools/train-doctype", "review-server": "review/server"}
INCLUDE = re.compile(r'#include\s+"mailroom/(\w+)/')
PROTOBUF = re.compile(r'#include\s+"mailroom\.pb\.h"')
LINKED = re.compile(r"mailroom::(\w+)")
# C library -> (the wrapper library, what marks a direct use in a source or a CMakeLists.txt).
WRAPPED = {
    "Leptonica": ("image", re.compile(r"#include\s+<leptonica/|PkgConfig::LEPT\b")),
    "Cairo": ("drawing", re.compile(r"#include\s+<cairo|PkgConfig::CAIRO\b")),
    "poppler": ("pdf", re.compile(r"#include\s+<poppler/|PkgConfig::POPPLER_CPP\b")),
}
# Wrapped libraries that no library but the wrapper uses directly, not even the wrapper's users:
# poppler's C++ API is the review desk's whole PDF reading, kept behind mailroom::pdf alone.
SOLE_WRAPPER = {"poppler"}
STAGES = ("ingest", "scanner", "ocr", "classifier", "routing", "review")


def allowed_dependencies(root):
    text = (root / "ARCHITECTURE.md").read_text()
    block = re.search(r"<!-- allowed-dependencies\n(.*?)-->", text, re.S)
    if not block:
        raise SystemExit("ARCHITECTURE.md: no allowed-dependencies block")
    allowed = {}
    for line in block.group(1).splitlines():
        if line.strip():
            name, _, uses = line.partition(":")
            allowed[name.strip()] = set(uses.split())
    return allowed


def library_name(name):
    return name.replace("_", "-")


def violations(root):
    allowed = allowed_dependencies(root)
    folders = {lib: root / FOLDERS.get(lib, lib) for lib in allowed}
    found = []
    for lib, uses in allowed.items():
        folder = folders[lib]
        # A library folder inside another one (ingest/scanner) is checked as its own library.
        nested = [f for other, f in folders.items() if other != lib and folder in f.parents]
        if not folder.is_dir():
            found.append(f"{lib}: folder {folder.relative_to(root)} is missing")
            continue
        permitted = uses | {lib}
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".h", ".cpp", ".txt") or "build" in path.parts:
                continue
            if any(inner in path.parents for inner in nested):
                continue
            text = path.read_text(errors="replace")
            used = set()
            if path.suffix == ".txt":
                used = {library_name(m) for m in LINKED.findall(text)}
            else:
                used = {library_name(m) for m in INCLUDE.findall(text)}
                if PROTOBUF.search(text):
                    used.add("proto")
            for other in sorted(used - permitted):
                if other in allowed:
                    found.append(f"{path.relative_to(root)}: {lib} may not use {other}")
            for c_library, (wrapper, direct_use) in WRAPPED.items():
                outside = lib != wrapper if c_library in SOLE_WRAPPER else wrapper not in permitted
                if wrapper in allowed and outside and direct_use.search(text):
                    found.append(f"{path.relative_to(root)}: {lib} may not use {c_library} (only through {wrapper})")
            public = "include" in path.relative_to(folder).parts
            if lib in STAGES and public and PROTOBUF.search(text) and not path.name.endswith("_message.h"):
                found.append(f"{path.relative_to(root)}: a public header of {lib} exposes protobuf types")
    return found


def self_test():
    with tempfile.TemporaryDirectory() as scratch:
        root = pathlib.Path(scratch)
        (root / "ARCHITECTURE.md").write_text(
            "<!-- allowed-dependencies\ncommon:\nimage: common\npdf: common\nocr: common image pdf\nclassifier: common\n-->\n")
        for lib in ("common", "image", "pdf", "ocr", "classifier"):
            (root / lib / "src").mkdir(parents=True)
        (root / "ocr" / "src" / "reader.cpp").write_text('#include "mailroom/common/result.h"\n')
        (root / "classifier" / "src" / "plan.cpp").write_text('#include "mailroom/ocr/ocr.h"\n')
        (root / "classifier" / "CMakeLists.txt").write_text("target_link_libraries(x PRIVATE mailroom::ocr)\n")
        (root / "ocr" / "src" / "pixels.cpp").write_text("#include <leptonica/allheaders.h>\n")  # allowed
        (root / "classifier" / "src" / "deskew.cpp").write_text("#include <leptonica/allheaders.h>\n")
        (root / "pdf" / "src" / "page.cpp").write_text("#include <poppler/cpp/poppler-page.h>\n")  # allowed
        (root / "ocr" / "src" / "render.cpp").write_text("#include <poppler/cpp/poppler-page.h>\n")
        (root / "classifier" / "include").mkdir()
        (root / "classifier" / "include" / "plan.h").write_text('#include "mailroom.pb.h"\n')
        (root / "classifier" / "include" / "plan_message.h").write_text('#include "mailroom.pb.h"\n')  # allowed
        found = violations(root)
        expected = ["ocr/src/render.cpp: ocr may not use poppler (only through pdf)",
                    "classifier/CMakeLists.txt: classifier may not use ocr",
                    "classifier/include/plan.h: a public header of classifier exposes protobuf types",
                    "classifier/src/deskew.cpp: classifier may not use Leptonica (only through image)",
                    "classifier/src/plan.cpp: classifier may not use ocr"]
        if found != expected:
            print(f"self-test: expected {expected}, found {found}")
            return 1
    print("self-test: planted violations found")
    return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    root = pathlib.Path(sys.argv[1])
    found = violations(root)
    for line in found:
        print(line)
    print(f"{len(found)} dependencies that ARCHITECTURE.md does not allow")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
