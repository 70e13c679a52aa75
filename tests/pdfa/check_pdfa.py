#!/usr/bin/python3
"""A PDF/A-2b checker for the test suite, independent of mailroom's code.

    check_pdfa.py [--part 2] [--conformance B] FILE.pdf ...

Prints `FILE: ok`, or one line `FILE: FAIL <clause> <what>` for each rule a file breaks, and exits
1 when any file fails (2 when a tool it needs is missing). The clauses are ISO 19005-2's (the ones
veraPDF, the reference validator, reports); veraPDF itself is Java and reachable from neither
Debian nor npm here, so this implements the rules that a document like mailroom's can break.

Three readers look at each file, none of them mailroom's:
- the bytes themselves (header, binary comment, %%EOF, stream keywords and lengths);
- qpdf's command-line check and pikepdf (Debian's python3-pikepdf) for the objects: trailer,
  encryption, filters, limits, metadata, output intent, colour, fonts, annotations, actions;
- poppler's pdfinfo and pdffonts, a second parser: any syntax error, any font not embedded.

Not checked: font programs against their widths and glyph coverage
(6.2.11.5-8), hex-string syntax inside compressed object streams (6.1.6), XMP value types
against the schemas (6.6.2.3.1 t02), embedded files' own conformance (any embedded file fails).
"""
import argparse
import datetime
import decimal
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

try:
    import pikepdf
except ImportError:
    print("check_pdfa: pikepdf is missing (Debian's python3-pikepdf; deploy/install-deps.sh installs it)",
          file=sys.stderr)
    sys.exit(2)

NS_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NS_PDFAID = "http://www.aiim.org/pdfa/ns/id/"
NS_DC = "http://purl.org/dc/elements/1.1/"
NS_XMP = "http://ns.adobe.com/xap/1.0/"
NS_PDF = "http://ns.adobe.com/pdf/1.3/"
NS_X = "adobe:ns:meta/"
NS_XML = "http://www.w3.org/XML/1998/namespace"
# The schemas predefined by XMP 2004, ISO 19005-1 and -2: properties of any other namespace need
# a PDF/A extension schema (6.6.2.3.1).
PREDEFINED_NAMESPACES = {
    NS_DC, NS_XMP, NS_PDF, NS_PDFAID,
    "http://ns.adobe.com/xap/1.0/rights/", "http://ns.adobe.com/xap/1.0/mm/",
    "http://ns.adobe.com/xap/1.0/bj/", "http://ns.adobe.com/xap/1.0/t/pg/",
    "http://ns.adobe.com/xmp/1.0/DynamicMedia/", "http://ns.adobe.com/photoshop/1.0/",
    "http://ns.adobe.com/camera-raw-settings/1.0/", "http://ns.adobe.com/exif/1.0/",
    "http://ns.adobe.com/exif/1.0/aux/", "http://ns.adobe.com/tiff/1.0/",
    "http://www.aiim.org/pdfa/ns/extension/", "http://www.aiim.org/pdfa/ns/schema#",
    "http://www.aiim.org/pdfa/ns/property#", "http://www.aiim.org/pdfa/ns/type#",
    "http://www.aiim.org/pdfa/ns/field#", "http://ns.adobe.com/xap/1.0/sType/ResourceRef#",
    "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#", "http://ns.adobe.com/xap/1.0/sType/Version#",
}
FORBIDDEN_ACTIONS = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/Hide", "/SetOCGState",
                     "/Rendition", "/Trans", "/GoTo3DView", "/JavaScript"}
ALLOWED_NAMED_ACTIONS = {"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"}
FORBIDDEN_ANNOTATIONS = {"/3D", "/Sound", "/Screen", "/Movie"}
KNOWN_ANNOTATIONS = {"/Text", "/Link", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon", "/PolyLine",
                     "/Highlight", "/Underline", "/Squiggly", "/StrikeOut", "/Stamp", "/Caret", "/Ink", "/Popup",
                     "/FileAttachment", "/Widget", "/PrinterMark", "/TrapNet", "/Watermark", "/Redact"}
BLEND_MODES = {"/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten",
               "/ColorDodge", "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion", "/Hue",
               "/Saturation", "/Color", "/Luminosity"}
RENDERING_INTENTS = {"/RelativeColorimetric", "/AbsoluteColorimetric", "/Perceptual", "/Saturation"}
# ISO 32000-1 Annex A: every operator a content stream may use (6.2.2: no others).
OPERATORS = set("""b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J
    K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf TJ Tj TL Tm Tr Ts Tw Tz v w W W* y ' \"""".split())
ICC_SPACES = {b"RGB ": 3, b"GRAY": 1, b"CMYK": 4}


class Report:
    def __init__(self):
        self.failures = []
        self._seen = set()

    def fail(self, clause, what):
        if (clause, what) not in self._seen:
            self._seen.add((clause, what))
            self.failures.append(f"{clause} {what}")


# --- the bytes --------------------------------------------------------------------------------

def check_bytes(data, report):
    header = re.match(rb"%PDF-1\.([0-9])(\r\n|\r|\n)", data)
    if not header:
        report.fail("6.1.2", "the file does not start with a %PDF-1.n header line")
    else:
        if int(header.group(1)) > 7:
            report.fail("6.1.2", f"header version 1.{header.group(1).decode()} is above PDF 1.7")
        comment = re.match(rb"%([^\r\n]*)(\r\n|\r|\n)", data[header.end():])
        if not comment or sum(1 for b in comment.group(1)[:4] if b > 127) < 4:
            report.fail("6.1.2", "no comment of four bytes above 127 follows the header (binary marker)")
    eof = data.rfind(b"%%EOF")
    if eof < 0:
        report.fail("6.1.3", "no %%EOF marker: the file is cut off")
    elif data[eof + 5:] not in (b"", b"\n", b"\r\n", b"\r"):
        report.fail("6.1.3", f"{len(data) - eof - 5} bytes follow the last %%EOF")
    startxref = data.rfind(b"startxref")
    match = re.match(rb"startxref\s+(\d+)", data[startxref:]) if startxref >= 0 else None
    if not match:
        report.fail("6.1.3", "no startxref: the file is cut off")
    else:
        offset = int(match.group(1))
        if not re.match(rb"xref|\d+\s+\d+\s+obj", data[offset:offset + 32]):
            report.fail("6.1.4", f"startxref {offset} points to no cross-reference section")


def stream_offsets(path):
    """Object number -> byte offset of every uncompressed object, from qpdf's xref listing."""
    listing = subprocess.run(["qpdf", "--show-xref", path], capture_output=True, text=True)
    offsets = {}
    for line in listing.stdout.splitlines():
        match = re.match(r"(\d+)/(\d+): uncompressed; offset = (\d+)", line)
        if match:
            offsets[int(match.group(1))] = int(match.group(3))
    return offsets


def check_stream_syntax(data, pdf, path, report):
    """6.1.7.1: `stream` then CRLF or LF, exactly Length bytes, an EOL, then `endstream`."""
    offsets = stream_offsets(path)
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream) or obj.objgen[0] not in offsets:
            continue
        start = offsets[obj.objgen[0]]
        keyword = data.find(b"stream", start)
        end_of_object = data.find(b"endobj", start)
        if keyword < 0 or (0 <= end_of_object < keyword):
            report.fail("6.1.7.1", f"object {obj.objgen[0]}: no stream keyword where the xref points")
            continue
        after = keyword + len(b"stream")
        if data[after:after + 2] == b"\r\n":
            body = after + 2
        elif data[after:after + 1] == b"\n":
            body = after + 1
        else:
            report.fail("6.1.7.1", f"object {obj.objgen[0]}: the stream keyword is not followed by CRLF or LF")
            continue
        length = obj.get("/Length")
        length = int(length) if isinstance(length, int) else -1
        tail = data[body + length:body + length + 12] if length >= 0 else b""
        if not re.match(rb"(\r\n|\r|\n)endstream", tail):
            report.fail("6.1.7.1", f"object {obj.objgen[0]}: /Length {length} does not end at EOL endstream")


# --- qpdf's and poppler's own checks ------------------------------------------------------------

def check_with_tools(path, report):
    qpdf = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    if qpdf.returncode != 0 or "No syntax or stream encoding errors" not in qpdf.stdout:
        what = (qpdf.stderr.strip() or qpdf.stdout.strip()).splitlines()
        report.fail("qpdf --check", what[0] if what else f"exit {qpdf.returncode}")
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    errors = [line for line in info.stderr.splitlines() if "Error" in line or "Warning" in line]
    if info.returncode != 0 or errors:
        report.fail("pdfinfo", errors[0] if errors else f"exit {info.returncode}")
    fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True)
    if fonts.returncode == 0:
        for line in fonts.stdout.splitlines()[2:]:
            # name, type (one or two words), encoding, emb, sub, uni, object, generation
            columns = line.split()
            if len(columns) >= 7 and columns[-5] != "yes" and "Type 3" not in line:
                report.fail("6.2.11.4.1", f"pdffonts: font {columns[0]} is not embedded")


# --- the objects ----------------------------------------------------------------------------------

def walk(value, visit, seen):
    """Every direct and indirect object reachable from `value`, each indirect one once."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)) and item.is_indirect:
            if item.objgen in seen:
                continue
            seen.add(item.objgen)
        visit(item)
        if isinstance(item, pikepdf.Array):
            stack.extend(item)
        elif isinstance(item, (pikepdf.Dictionary, pikepdf.Stream)):
            stack.extend(item[key] for key in item.keys())


def check_limits_and_streams(pdf, report):
    """6.1.7 stream keys and filters, 6.1.8 names, 6.1.13 implementation limits."""
    count = 0

    def visit(item):
        nonlocal count
        if isinstance(item, bool):
            return
        if isinstance(item, int) and not -2**31 <= item <= 2**31 - 1:
            report.fail("6.1.13", f"integer {item} is out of range")
        elif isinstance(item, decimal.Decimal) and abs(item) > decimal.Decimal("3.403e38"):
            report.fail("6.1.13", f"real {item} is out of range")
        elif isinstance(item, pikepdf.String) and len(bytes(item)) > 32767:
            report.fail("6.1.13", f"a string of {len(bytes(item))} bytes")
        elif isinstance(item, pikepdf.Name):
            raw = str(item)[1:].encode("utf-8", "surrogateescape")
            if len(raw) > 127:
                report.fail("6.1.13", f"a name of {len(raw)} bytes")
        elif isinstance(item, pikepdf.Dictionary):
            for key in item.keys():
                try:
                    key.encode("utf-8")
                except UnicodeEncodeError:
                    report.fail("6.1.8", f"name {key!r} is not UTF-8")
        if isinstance(item, pikepdf.Stream):
            count += 1
            for key in ("/F", "/FFilter", "/FDecodeParms"):
                if key in item:
                    report.fail("6.1.7.1", f"stream {item.objgen[0]} has {key} (content in an external file)")
            filters = item.get("/Filter")
            filters = list(filters) if isinstance(filters, pikepdf.Array) else [filters] if filters is not None else []
            for name in filters:
                if name == "/LZWDecode":
                    report.fail("6.1.7.2", f"stream {item.objgen[0]} uses the LZWDecode filter")
                elif name == "/Crypt":
                    report.fail("6.1.7.2", f"stream {item.objgen[0]} uses the Crypt filter")

    seen = set()
    for obj in pdf.objects:
        walk(obj, visit, seen)
    walk(pdf.trailer, visit, seen)
    if len(pdf.objects) > 8388607:
        report.fail("6.1.13", f"{len(pdf.objects)} indirect objects")


def check_trailer(pdf, report):
    if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
        report.fail("6.1.3", "the file is encrypted (trailer /Encrypt)")
    ids = pdf.trailer.get("/ID")
    if not isinstance(ids, pikepdf.Array) or len(ids) != 2:
        report.fail("6.1.3", "the trailer has no /ID of two strings")
    perms = pdf.Root.get("/Perms")
    if isinstance(perms, pikepdf.Dictionary):
        for key in perms.keys():
            if key not in ("/DocMDP", "/UR3"):
                report.fail("6.1.12", f"the permissions dictionary has {key}")


def text_of(value):
    return str(value) if value is not None else None


def parse_pdf_date(text):
    match = re.fullmatch(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?(?:00'00)?",
                         text or "")
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) if g else d for g, d in zip(match.groups()[:6],
                                                                                (0, 1, 1, 0, 0, 0)))
    offset = datetime.timedelta(0)
    if match.group(8):
        sign = 1 if match.group(8) == "+" else -1
        offset = sign * datetime.timedelta(hours=int(match.group(9)), minutes=int(match.group(10) or 0))
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=datetime.timezone(offset))


def parse_xmp_date(text):
    try:
        return datetime.datetime.fromisoformat((text or "").replace("Z", "+00:00"))
    except ValueError:
        return None


def xmp_properties(root):
    """{(namespace, name): element} of every property of every rdf:Description."""
    properties = {}
    for description in root.iter(f"{{{NS_RDF}}}Description"):
        for name, value in description.attrib.items():
            if name.startswith("{") and not name.startswith(f"{{{NS_RDF}}}"):
                element = ET.Element(name)
                element.text = value
                properties[tuple(name[1:].split("}"))] = element
        for child in description:
            properties[tuple(child.tag[1:].split("}"))] = child
    return properties


def simple_value(element):
    if element is None:
        return None
    for alternative in element.iter(f"{{{NS_RDF}}}li"):
        if alternative.get(f"{{{NS_XML}}}lang", "x-default") == "x-default":
            return (alternative.text or "").strip()
    return (element.text or "").strip()


def check_metadata(pdf, part, conformance, report):
    metadata = pdf.Root.get("/Metadata")
    if not isinstance(metadata, pikepdf.Stream):
        report.fail("6.6.2.1", "the catalog has no /Metadata stream (XMP)")
        return
    if metadata.get("/Type") != "/Metadata" or metadata.get("/Subtype") != "/XML":
        report.fail("6.6.2.1", "the metadata stream is not /Type /Metadata /Subtype /XML")
    packet = metadata.read_bytes()
    begin = re.search(rb"<\?xpacket\s([^?]*)\?>", packet)
    if not begin or b"begin=" not in begin.group(1):
        report.fail("6.6.2.1", "the XMP has no xpacket header")
    elif re.search(rb"\b(bytes|encoding)\s*=", begin.group(1)):
        report.fail("6.6.2.1", "the xpacket header has a bytes or encoding attribute")
    try:
        root = ET.fromstring(packet)
    except ET.ParseError as e:
        report.fail("6.6.2.1", f"the XMP is not well-formed XML: {e}")
        return
    properties = xmp_properties(root)
    extension_namespaces = {(uri.text or "").strip()
                            for uri in root.iter("{http://www.aiim.org/pdfa/ns/schema#}namespaceURI")}
    for namespace, name in properties:
        if namespace not in PREDEFINED_NAMESPACES and namespace not in extension_namespaces:
            report.fail("6.6.2.3.1", f"XMP property {name} of {namespace} has no extension schema")
    found_part = simple_value(properties.get((NS_PDFAID, "part")))
    found_conformance = simple_value(properties.get((NS_PDFAID, "conformance")))
    if found_part is None:
        report.fail("6.6.4", "the XMP has no pdfaid:part (no PDF/A identification)")
    elif found_part != str(part):
        report.fail("6.6.4", f"pdfaid:part is {found_part}, not {part}")
    if found_conformance is None:
        report.fail("6.6.4", "the XMP has no pdfaid:conformance")
    elif found_conformance != conformance:
        report.fail("6.6.4", f"pdfaid:conformance is {found_conformance}, not {conformance}")

    # The Info dictionary says what the XMP says: ISO 19005-1 6.7.3 demands it, ISO 19005-2 leaves
    # the Info dictionary to ISO 32000 (14.3.3: the XMP takes precedence); mailroom promises it
    # (routing/src/pdfa.cpp), and a reader that shows the Info title must show the XMP's.
    info = pdf.trailer.get("/Info")
    if not isinstance(info, pikepdf.Dictionary):
        return
    pairs = {"/Title": (NS_DC, "title"), "/Author": (NS_DC, "creator"), "/Subject": (NS_DC, "description"),
             "/Keywords": (NS_PDF, "Keywords"), "/Creator": (NS_XMP, "CreatorTool"),
             "/Producer": (NS_PDF, "Producer")}
    for key, prop in pairs.items():
        if key not in info:
            continue
        xmp_value = simple_value(properties.get(prop))
        if xmp_value is None:
            report.fail("Info/XMP", f"Info {key} is not in the XMP ({prop[1]})")
        elif xmp_value != str(info[key]):
            report.fail("Info/XMP", f"Info {key} {str(info[key])!r} differs from the XMP's {xmp_value!r}")
    for key, prop in (("/CreationDate", (NS_XMP, "CreateDate")), ("/ModDate", (NS_XMP, "ModifyDate"))):
        if key not in info:
            continue
        info_date = parse_pdf_date(text_of(info[key]))
        xmp_text = simple_value(properties.get(prop))
        if info_date is None:
            report.fail("Info/XMP", f"Info {key} {text_of(info[key])!r} is not a PDF date")
        elif xmp_text is None:
            report.fail("Info/XMP", f"Info {key} is not in the XMP ({prop[1]})")
        elif parse_xmp_date(xmp_text) != info_date:
            report.fail("Info/XMP", f"Info {key} {text_of(info[key])} differs from the XMP's {xmp_text}")


def check_output_intent(pdf, report):
    """6.2.3: the PDF/A output intent and its ICC profile; returns its number of colours (or None)."""
    intents = pdf.Root.get("/OutputIntents")
    profiles = []
    components = None
    for intent in intents if isinstance(intents, pikepdf.Array) else []:
        profile = intent.get("/DestOutputProfile")
        if intent.get("/S") != "/GTS_PDFA1":
            continue
        if not isinstance(profile, pikepdf.Stream):
            report.fail("6.2.3", "the GTS_PDFA1 output intent has no embedded ICC profile (DestOutputProfile)")
            continue
        icc = profile.read_bytes()
        profiles.append(icc)
        if len(icc) < 128 or icc[36:40] != b"acsp" or int.from_bytes(icc[0:4], "big") != len(icc):
            report.fail("6.2.3", "the output intent's profile is not an ICC profile (header, size, acsp)")
            continue
        if icc[12:16] not in (b"mntr", b"prtr"):
            report.fail("6.2.3", f"the output profile's device class is {icc[12:16]!r}, not mntr or prtr")
        if icc[8] > 4:
            report.fail("6.2.3", f"the output profile is ICC version {icc[8]}, above 4")
        n = ICC_SPACES.get(icc[16:20])
        if n is None:
            report.fail("6.2.3", f"the output profile's colour space {icc[16:20]!r} is not RGB, GRAY or CMYK")
        elif "/N" in profile and int(profile.N) != n:
            report.fail("6.2.3", f"the output profile stream says /N {int(profile.N)}, its ICC header {n}")
        components = n
    if len({bytes(p) for p in profiles}) > 1:
        report.fail("6.2.3", "the output intents carry different profiles")
    return components


def resources_of(holder):
    resources = holder.get("/Resources")
    return resources if isinstance(resources, pikepdf.Dictionary) else pikepdf.Dictionary()


def check_colour(space, components, resources, where, report):
    """6.2.4.3: a device colour space needs a matching output intent (or a Default colour space)."""
    if isinstance(space, pikepdf.Array) and len(space) > 0:
        family = space[0]
        if family in ("/Indexed", "/I") and len(space) > 1:
            check_colour(space[1], components, resources, where, report)
        elif family in ("/Separation", "/DeviceN") and len(space) > 2:
            check_colour(space[2], components, resources, where, report)
        elif family == "/ICCBased" and isinstance(space[1], pikepdf.Stream):
            icc = space[1].read_bytes()
            n = ICC_SPACES.get(icc[16:20]) if len(icc) >= 128 and icc[36:40] == b"acsp" else None
            if n is None or ("/N" in space[1] and int(space[1].N) != n):
                report.fail("6.2.4.2", f"{where}: an ICCBased colour space whose profile is not valid")
        return
    defaults = resources.get("/ColorSpace", pikepdf.Dictionary())
    if space in ("/DeviceRGB", "/RGB") and components != 3 and "/DefaultRGB" not in defaults:
        report.fail("6.2.4.3", f"{where}: DeviceRGB without an RGB output intent")
    elif space in ("/DeviceCMYK", "/CMYK") and components != 4 and "/DefaultCMYK" not in defaults:
        report.fail("6.2.4.3", f"{where}: DeviceCMYK without a CMYK output intent")
    elif space in ("/DeviceGray", "/G") and components is None and "/DefaultGray" not in defaults:
        report.fail("6.2.4.3", f"{where}: DeviceGray without an output intent")


def check_image(image, components, resources, where, report):
    for key, clause in (("/Alternates", "6.2.8"), ("/OPI", "6.2.8")):
        if key in image:
            report.fail(clause, f"{where}: an image with {key}")
    if image.get("/Interpolate") is True or image.get("/I") is True:
        report.fail("6.2.8", f"{where}: an image with /Interpolate true")
    bits = image.get("/BitsPerComponent", image.get("/BPC"))
    if bits is not None and int(bits) not in (1, 2, 4, 8, 16):
        report.fail("6.2.8", f"{where}: an image of {int(bits)} bits per component")
    if "/Intent" in image and image.Intent not in RENDERING_INTENTS:
        report.fail("6.2.6", f"{where}: rendering intent {image.Intent}")
    filters = image.get("/Filter", image.get("/F"))
    if filters in ("/LZWDecode", "/LZW") or (isinstance(filters, pikepdf.Array) and
                                              any(f in ("/LZWDecode", "/LZW") for f in filters)):
        report.fail("6.1.10", f"{where}: an inline image with the LZW filter")
    space = image.get("/ColorSpace", image.get("/CS"))
    if isinstance(space, pikepdf.Name) and "/ColorSpace" in resources and space in resources.ColorSpace:
        space = resources.ColorSpace[space]
    if space is not None and not image.get("/ImageMask", image.get("/IM")):
        check_colour(space, components, resources, where, report)
    return "/SMask" in image or ("/SMaskInData" in image and int(image.SMaskInData) != 0)


def check_ext_gstate(state, where, report):
    """6.2.5 and 6.2.10: no transfer functions or halftone overrides; standard blend modes."""
    transparent = False
    if "/TR" in state:
        report.fail("6.2.5", f"{where}: an ExtGState with a transfer function (TR)")
    if "/TR2" in state and state.TR2 != "/Default":
        report.fail("6.2.5", f"{where}: an ExtGState with TR2 other than /Default")
    if "/HTP" in state:
        report.fail("6.2.5", f"{where}: an ExtGState with HTP")
    halftone = state.get("/HT")
    if isinstance(halftone, (pikepdf.Dictionary, pikepdf.Stream)):
        if halftone.get("/HalftoneType") not in (1, 5, None):
            report.fail("6.2.5", f"{where}: halftone type {halftone.get('/HalftoneType')}")
        if "/HalftoneName" in halftone:
            report.fail("6.2.5", f"{where}: a halftone with HalftoneName")
    if "/RI" in state and state.RI not in RENDERING_INTENTS:
        report.fail("6.2.6", f"{where}: rendering intent {state.RI}")
    modes = state.get("/BM")
    for mode in modes if isinstance(modes, pikepdf.Array) else [modes] if modes is not None else []:
        if mode not in BLEND_MODES:
            report.fail("6.2.10", f"{where}: blend mode {mode}")
        elif mode not in ("/Normal", "/Compatible"):
            transparent = True
    if state.get("/SMask", "/None") != "/None":
        transparent = True
    for key in ("/CA", "/ca"):
        if key in state and float(state[key]) < 1.0:
            transparent = True
    return transparent


def check_content(holder, components, where, report, seen_forms, depth=0):
    """A page or form XObject: its operators, colours, images, forms, graphics states.
    Returns whether it uses transparency."""
    resources = resources_of(holder)
    transparent = False
    group = holder.get("/Group")
    if isinstance(group, pikepdf.Dictionary) and group.get("/S") == "/Transparency":
        transparent = True
        if "/CS" in group:
            check_colour(group.CS, components, resources, where + " group", report)
    for name, state in resources.get("/ExtGState", pikepdf.Dictionary()).items():
        transparent |= check_ext_gstate(state, f"{where} {name}", report)
    for name, space in resources.get("/ColorSpace", pikepdf.Dictionary()).items():
        if name not in ("/DefaultRGB", "/DefaultCMYK", "/DefaultGray"):
            check_colour(space, components, resources, f"{where} colour space {name}", report)
    for name, xobject in resources.get("/XObject", pikepdf.Dictionary()).items():
        label = f"{where} {name}"
        subtype = xobject.get("/Subtype")
        if subtype == "/PS":
            report.fail("6.2.9", f"{label}: a PostScript XObject")
        elif subtype == "/Image":
            transparent |= check_image(xobject, components, resources, label, report)
        elif subtype == "/Form":
            if "/OPI" in xobject or "/PS" in xobject or xobject.get("/Subtype2") == "/PS":
                report.fail("6.2.9", f"{label}: a form XObject with OPI or PostScript")
            if "/Ref" in xobject:
                report.fail("6.2.9.2", f"{label}: a reference XObject (content from another file)")
            if xobject.objgen not in seen_forms and depth < 28:
                seen_forms.add(xobject.objgen)
                transparent |= check_content(xobject, components, label, report, seen_forms, depth + 1)
    for name, font in resources.get("/Font", pikepdf.Dictionary()).items():
        if font.get("/Subtype") == "/Type3" and font.objgen not in seen_forms:
            seen_forms.add(font.objgen)
            for glyph in font.get("/CharProcs", pikepdf.Dictionary()).values():
                transparent |= check_content(glyph, components, f"{where} {name} glyph", report, seen_forms,
                                             depth + 1)
    try:
        instructions = pikepdf.parse_content_stream(holder)
    except pikepdf.PdfError as e:
        report.fail("6.2.2", f"{where}: the content stream does not parse: {e}")
        return transparent
    compatibility = 0
    nesting = 0
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            transparent |= check_image(instruction.iimage.obj, components, resources, f"{where} inline image",
                                       report)
            continue
        operands, operator = instruction
        op = str(operator)
        if op == "BX":
            compatibility += 1
        elif op == "EX":
            compatibility = max(0, compatibility - 1)
        elif op not in OPERATORS and compatibility == 0:
            report.fail("6.2.2", f"{where}: operator {op} is not in ISO 32000")
        if op in ("rg", "RG"):
            check_colour(pikepdf.Name("/DeviceRGB"), components, resources, f"{where} {op}", report)
        elif op in ("k", "K"):
            check_colour(pikepdf.Name("/DeviceCMYK"), components, resources, f"{where} {op}", report)
        elif op in ("g", "G"):
            check_colour(pikepdf.Name("/DeviceGray"), components, resources, f"{where} {op}", report)
        elif op in ("cs", "CS") and operands:
            space = operands[0]
            if space in resources.get("/ColorSpace", pikepdf.Dictionary()):
                space = resources.ColorSpace[space]
            check_colour(space, components, resources, f"{where} {op}", report)
        elif op == "ri" and operands and operands[0] not in RENDERING_INTENTS:
            report.fail("6.2.6", f"{where}: rendering intent {operands[0]}")
        elif op == "q":
            nesting += 1
            if nesting > 28:
                report.fail("6.1.13", f"{where}: q nested deeper than 28")
        elif op == "Q":
            nesting = max(0, nesting - 1)
    return transparent


def check_fonts(pdf, report):
    """6.2.11: every font (but Type 3) embedded, with the keys a reader needs."""
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font":
            continue
        subtype = obj.get("/Subtype")
        name = str(obj.get("/BaseFont", f"object {obj.objgen[0]}"))
        if subtype == "/Type3":
            continue
        if subtype == "/Type0":
            descendants = obj.get("/DescendantFonts")
            if not isinstance(descendants, pikepdf.Array) or len(descendants) != 1:
                report.fail("6.2.11.3.1", f"font {name}: a Type0 font without one descendant CIDFont")
            continue
        if subtype in ("/Type1", "/TrueType", "/MMType1") and not all(k in obj for k in
                                                                     ("/FirstChar", "/LastChar", "/Widths")):
            report.fail("6.2.11.2", f"font {name}: no FirstChar, LastChar and Widths")
        if subtype == "/CIDFontType2":
            mapping = obj.get("/CIDToGIDMap")
            if not (mapping == "/Identity" or isinstance(mapping, pikepdf.Stream)):
                report.fail("6.2.11.3.2", f"font {name}: a CIDFontType2 without CIDToGIDMap")
        descriptor = obj.get("/FontDescriptor")
        if not isinstance(descriptor, pikepdf.Dictionary):
            report.fail("6.2.11.4.1", f"font {name}: no font descriptor, so not embedded")
            continue
        programs = [descriptor.get(k) for k in ("/FontFile", "/FontFile2", "/FontFile3")]
        programs = [p for p in programs if p is not None]
        if not programs:
            report.fail("6.2.11.4.1", f"font {name} is not embedded")
        elif not isinstance(programs[0], pikepdf.Stream) or len(programs[0].read_bytes()) == 0:
            report.fail("6.2.11.4.1", f"font {name}: the embedded font program is empty")
        file3 = descriptor.get("/FontFile3")
        if isinstance(file3, pikepdf.Stream) and file3.get("/Subtype") not in ("/Type1C", "/CIDFontType0C",
                                                                                "/OpenType"):
            report.fail("6.2.11.4.1", f"font {name}: FontFile3 of subtype {file3.get('/Subtype')}")


def check_action(action, where, report):
    kind = action.get("/S") if isinstance(action, pikepdf.Dictionary) else None
    if kind in FORBIDDEN_ACTIONS:
        report.fail("6.5.1", f"{where}: a {str(kind)[1:]} action")
    elif kind == "/Named" and action.get("/N") not in ALLOWED_NAMED_ACTIONS:
        report.fail("6.5.1", f"{where}: named action {action.get('/N')}")


def check_interactive(pdf, report):
    """6.3 annotations, 6.4 forms, 6.5 actions, 6.8 embedded files, 6.9 optional content."""
    root = pdf.Root
    if "/AA" in root:
        report.fail("6.5.2", "the catalog has additional actions (AA)")
    if "/OpenAction" in root and isinstance(root.OpenAction, pikepdf.Dictionary):
        check_action(root.OpenAction, "OpenAction", report)
    names = root.get("/Names", pikepdf.Dictionary())
    if "/JavaScript" in names:
        report.fail("6.5.1", "the catalog's name tree has JavaScript")
    if "/EmbeddedFiles" in names:
        report.fail("6.8", "the document embeds files (their own PDF/A conformance is not checked)")
    form = root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary):
        if form.get("/NeedAppearances") is True:
            report.fail("6.4.1", "the form has NeedAppearances true")
        if "/XFA" in form:
            report.fail("6.4.2", "the form has XFA")
    properties = root.get("/OCProperties")
    if isinstance(properties, pikepdf.Dictionary):
        configs = [properties.get("/D")] + list(properties.get("/Configs", []))
        for config in configs:
            if isinstance(config, pikepdf.Dictionary):
                if "/Name" not in config:
                    report.fail("6.9", "an optional content configuration has no Name")
                if "/AS" in config:
                    report.fail("6.9", "an optional content configuration has AS")
    for number, page in enumerate(pdf.pages, start=1):
        if "/AA" in page.obj:
            report.fail("6.5.2", f"page {number} has additional actions (AA)")
        if "/PresSteps" in page.obj:
            report.fail("6.10", f"page {number} has PresSteps")
        for annotation in page.obj.get("/Annots", []):
            subtype = annotation.get("/Subtype")
            where = f"page {number} annotation {subtype}"
            if subtype in FORBIDDEN_ANNOTATIONS or subtype not in KNOWN_ANNOTATIONS:
                report.fail("6.3.1", f"{where}: an annotation type PDF/A does not allow")
            flags = int(annotation.get("/F", 0))
            if subtype != "/Popup" and (not flags & 4 or flags & (1 | 2 | 32 | 256)):
                report.fail("6.3.2", f"{where}: flags {flags} (Print set, Hidden, Invisible, NoView clear)")
            if subtype not in ("/Popup", "/Link") and "/AP" not in annotation:
                report.fail("6.3.3", f"{where}: no appearance stream (AP)")
            if "/A" in annotation:
                check_action(annotation.A, where, report)
            if subtype == "/Widget" and ("/A" in annotation or "/AA" in annotation):
                report.fail("6.4.1", f"{where}: a widget with an action")
            if "/AA" in annotation and subtype != "/Widget":
                report.fail("6.5.2", f"{where}: additional actions (AA)")
            if "/FS" in annotation or "/EF" in annotation:
                report.fail("6.8", f"{where}: an embedded file")


def check_pages(pdf, components, report):
    seen_forms = set()
    for number, page in enumerate(pdf.pages, start=1):
        transparent = check_content(page.obj, components, f"page {number}", report, seen_forms)
        group = page.obj.get("/Group")
        has_blending_space = isinstance(group, pikepdf.Dictionary) and "/CS" in group
        if transparent and components is None and not has_blending_space:
            report.fail("6.2.10", f"page {number} uses transparency with neither an output intent nor a group CS")


def check_file(path, part, conformance):
    report = Report()
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        report.fail("read", str(e))
        return report
    check_bytes(data, report)
    check_with_tools(path, report)
    try:
        pdf = pikepdf.open(path, attempt_recovery=False)
    except pikepdf.PasswordError:
        report.fail("6.1.3", "the file is encrypted with a password")
        return report
    except pikepdf.PdfError as e:
        report.fail("6.1", f"pikepdf cannot read the file: {e}")
        return report
    with pdf:
        check_trailer(pdf, report)
        check_stream_syntax(data, pdf, path, report)
        check_limits_and_streams(pdf, report)
        check_metadata(pdf, part, conformance, report)
        components = check_output_intent(pdf, report)
        check_pages(pdf, components, report)
        check_fonts(pdf, report)
        check_interactive(pdf, report)
    return report


def main():
    parser = argparse.ArgumentParser(description="check PDF/A-2 files (the rules of ISO 19005-2 a test can check)")
    parser.add_argument("--part", type=int, default=2)
    parser.add_argument("--conformance", default="B")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    for tool in ("qpdf", "pdfinfo", "pdffonts"):
        if not shutil.which(tool):
            print(f"check_pdfa: {tool} is missing (deploy/install-deps.sh installs it)", file=sys.stderr)
            return 2
    failed = 0
    for path in args.files:
        report = check_file(path, args.part, args.conformance)
        if report.failures:
            failed += 1
            for failure in report.failures:
                print(f"{path}: FAIL {failure}")
        else:
            print(f"{path}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
