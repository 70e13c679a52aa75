#!/usr/bin/python3
"""check_pdfa.py rejects broken documents, each for the rule it breaks.

    broken_documents_test.py OUT_DIR WORK_DIR

Takes a document mailroom wrote (OUT_DIR from pdfa_written_documents: the review document with the
notice page, so a TrueType font and the OCR text font are both in it), makes broken copies of it in
WORK_DIR, one fault each, and runs the checker on each: it must fail, naming the clause. An
untouched copy written by the same pikepdf save must pass, so the fault and not the save is what
fails. Ends with the line 'N passed, N failed'.
"""
import pathlib
import re
import subprocess
import sys

import pikepdf

HERE = pathlib.Path(__file__).resolve().parent
CHECKER = HERE / "check_pdfa.py"


def edited(source, target, change):
    with pikepdf.open(source) as pdf:
        change(pdf)
        # preserve_pdfa (the default) keeps the save itself PDF/A; the streams and the XMP are
        # written as they are (pikepdf would recompress an LZW stream and rewrite the XMP).
        pdf.save(target, fix_metadata_version=False, compress_streams=False,
                 stream_decode_level=pikepdf.StreamDecodeLevel.none)


def rewritten(source, target, change):
    target.write_bytes(change(source.read_bytes()))


def same_length(old, new):
    """A byte edit that keeps every offset (the xref stays right)."""
    assert len(old) == len(new)

    def change(data):
        assert old in data, old
        return data.replace(old, new, 1)
    return change


def set_xmp(pattern, replacement):
    def change(pdf):
        xmp = pdf.Root.Metadata.read_bytes()
        assert re.search(pattern, xmp), pattern
        pdf.Root.Metadata.write(re.sub(pattern, replacement, xmp, count=1))
    return change


def remove_key(key):
    def change(pdf):
        del pdf.Root[key]
    return change


def unembed_fonts(pdf):
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                if key in obj:
                    del obj[key]


def set_info(key, value):
    def change(pdf):
        pdf.trailer.Info[key] = pikepdf.String(value)
    return change


def wrong_profile_n(pdf):
    pdf.Root.OutputIntents[0].DestOutputProfile.N = 1


def javascript(pdf):
    pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)"))


def lzw_stream(pdf):
    stream = pikepdf.Stream(pdf, b"")
    stream.write(b"\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01", filter=pikepdf.Name.LZWDecode)  # "-----A---B"
    pdf.Root.PieceInfo = pikepdf.Dictionary(Junk=pdf.make_indirect(stream))


def external_stream(pdf):
    stream = pikepdf.Stream(pdf, b"")
    stream.F = pikepdf.String("elsewhere.dat")
    pdf.Root.PieceInfo = pikepdf.Dictionary(Outside=pdf.make_indirect(stream))


def cmyk_content(pdf):
    pdf.pages[0].contents_add(pikepdf.Stream(pdf, b"0 0 0 1 k 0 0 10 10 re f"), prepend=False)


def interpolated_image(pdf):
    images = [image for page in pdf.pages for image in page.images.values()]
    assert images, "a scanned document has images"
    for image in images:
        image.Interpolate = True


def launch_link(pdf):
    action = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe"))
    link = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10], F=4,
                              A=action)
    pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))


def encrypted(source, target):
    with pikepdf.open(source) as pdf:
        pdf.save(target, encryption=pikepdf.Encryption(owner="secret", user="", R=6))


def no_newline_before_endstream(source, target):
    with pikepdf.open(source) as pdf:
        pdf.save(target, preserve_pdfa=False, object_stream_mode=pikepdf.ObjectStreamMode.generate)


# name, clause the checker must name, how the copy is made from the good file. The good file is the
# document with the notice page (a drawn page, with a TrueType font), or for "scan" a Postkorb one.
CASES = [
    ("no-xmp", "6.6.2.1", lambda s, t: edited(s, t, remove_key("/Metadata"))),
    ("xmp-not-xml", "6.6.2.1", lambda s, t: edited(s, t, set_xmp(rb"</x:xmpmeta>", b"</x:xmpmet>"))),
    ("xpacket-bytes", "6.6.2.1", lambda s, t: edited(s, t, set_xmp(rb"<\?xpacket begin=",
                                                                  b"<?xpacket bytes=\"4096\" begin="))),
    ("claims-part-1", "6.6.4", lambda s, t: edited(s, t, set_xmp(rb"<pdfaid:part>2<", b"<pdfaid:part>1<"))),
    ("no-conformance", "6.6.4", lambda s, t: edited(s, t, set_xmp(rb"<pdfaid:conformance>B</pdfaid:conformance>",
                                                                 b""))),
    ("unknown-xmp-schema", "6.6.2.3.1", lambda s, t: edited(s, t, set_xmp(
        rb"<dc:format>", b"<mr:box xmlns:mr=\"urn:mailroom\">BOX-1</mr:box><dc:format>"))),
    ("info-title-differs", "Info/XMP", lambda s, t: edited(s, t, set_info("/Title", "BOX-9-999"))),
    ("info-date-differs", "Info/XMP", lambda s, t: edited(s, t, set_info("/CreationDate", "D:19990101000000Z"))),
    ("no-output-intent", "6.2.4.3", lambda s, t: edited(s, t, remove_key("/OutputIntents"))),
    ("profile-n-wrong", "6.2.3", lambda s, t: edited(s, t, wrong_profile_n)),
    ("cmyk-without-intent", "6.2.4.3", lambda s, t: edited(s, t, cmyk_content)),
    ("unembedded-font", "6.2.11.4.1", lambda s, t: edited(s, t, unembed_fonts)),
    ("interpolated-image", "6.2.8", lambda s, t: edited(s, t, interpolated_image), "scan"),
    ("javascript", "6.5.1", lambda s, t: edited(s, t, javascript)),
    ("launch-action", "6.5.1", lambda s, t: edited(s, t, launch_link)),
    ("lzw-filter", "6.1.7.2", lambda s, t: edited(s, t, lzw_stream)),
    ("external-stream", "6.1.7.1", lambda s, t: edited(s, t, external_stream)),
    ("encrypted", "6.1.3", encrypted),
    ("truncated", "6.1.3", lambda s, t: t.write_bytes(s.read_bytes()[:len(s.read_bytes()) * 3 // 5])),
    ("bytes-after-eof", "6.1.3", lambda s, t: t.write_bytes(s.read_bytes() + b"%% trailing data\n")),
    ("no-trailer-id", "6.1.3", lambda s, t: rewritten(s, t, same_length(b"/ID [", b"/XX ["))),
    ("no-binary-comment", "6.1.2", lambda s, t: rewritten(s, t, lambda d: re.sub(
        rb"\A(%PDF-1\.\d\n%)[^\n]{4}", lambda m: m.group(1) + b"abcd", d))),
    ("no-eol-before-endstream", "6.1.7.1", no_newline_before_endstream),
]


def has_truetype_font(path):
    with pikepdf.open(path) as pdf:
        return any(isinstance(obj, pikepdf.Dictionary) and obj.get("/Subtype") == "/TrueType" for obj in pdf.objects)


def check(path):
    run = subprocess.run([sys.executable, str(CHECKER), str(path)], capture_output=True, text=True)
    return run.returncode, run.stdout + run.stderr


def main():
    out, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    work.mkdir(parents=True, exist_ok=True)
    # The document with the notice page: the only one with a TrueType font beside the OCR font.
    sources = sorted(out.glob("review/*.pdf"))
    with_notice = [p for p in sources if has_truetype_font(p)]
    if not with_notice:
        print("broken_documents_test: no review document with a notice page in", out)
        return 1
    good = with_notice[0]
    passed = failed = 0

    control = work / "control.pdf"
    edited(good, control, lambda pdf: None)
    code, output = check(control)
    if code == 0:
        passed += 1
        print("control (the good document saved again): accepted")
    else:
        failed += 1
        print(f"FAILED control: the good document saved again is rejected:\n{output}")

    scan = sorted(out.glob("postkorb/*/*/*.pdf"))[0]
    for name, clause, make, *source in CASES:
        broken = work / f"{name}.pdf"
        make(scan if source == ["scan"] else good, broken)
        code, output = check(broken)
        named = [line for line in output.splitlines() if f" FAIL {clause} " in line]
        if code == 1 and named:
            passed += 1
            print(f"{name}: rejected, {named[0].split(' FAIL ', 1)[1]}")
        else:
            failed += 1
            print(f"FAILED {name}: expected a failure of {clause}, the checker said (exit {code}):\n{output}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
