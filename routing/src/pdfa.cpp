#include "pdfa.h"

#include <qpdf/QPDFObjectHandle.hh>

#include <fstream>
#include <sstream>

#include "mailroom/common/markup.h"
#include "mailroom/common/utc_time.h"

namespace mailroom::routing {
namespace {

constexpr const char* kSrgbProfilePath = "/usr/share/color/icc/sRGB.icc";
constexpr const char* kProducer = "mailroom";

struct Timestamps {
  std::string pdf;  // D:20261125154000Z
  std::string xmp;  // 2026-11-25T15:40:00Z
};

// The same instant in the Info dictionary's form and the XMP's (PDF/A wants them equal); none
// for a time that is not mailroom's ISO 8601 UTC text. Never the clock: a document assembled
// again must come out byte for byte the same.
std::optional<Timestamps> TimestampsOf(const std::string& created_at) {
  if (!ParseUtcTime(created_at)) return std::nullopt;
  std::string pdf = "D:";  // "2026-11-25T15:40:00Z" -> "D:20261125154000Z"
  for (char c : created_at) {
    if (c != '-' && c != ':' && c != 'T') pdf += c;
  }
  return Timestamps{pdf, created_at};
}

std::string XmpPacket(const std::string& title, const std::optional<Timestamps>& time) {
  std::ostringstream xmp;
  xmp << "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      << "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      << " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      << "  <rdf:Description rdf:about=\"\"\n"
      << "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
      << "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      << "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      << "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
      << "   <pdfaid:part>2</pdfaid:part>\n"
      << "   <pdfaid:conformance>B</pdfaid:conformance>\n"
      << "   <dc:format>application/pdf</dc:format>\n"
      << "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" << EscapeMarkup(title)
      << "</rdf:li></rdf:Alt></dc:title>\n";
  if (time) {
    xmp << "   <xmp:CreateDate>" << time->xmp << "</xmp:CreateDate>\n"
        << "   <xmp:ModifyDate>" << time->xmp << "</xmp:ModifyDate>\n";
  }
  xmp << "   <pdf:Producer>" << kProducer << "</pdf:Producer>\n"
      << "  </rdf:Description>\n"
      << " </rdf:RDF>\n"
      << "</x:xmpmeta>\n"
      << "<?xpacket end=\"w\"?>";
  return xmp.str();
}

}  // namespace

const std::optional<std::string>& SrgbProfile() {
  static const std::optional<std::string> profile = []() -> std::optional<std::string> {
    std::ifstream in(kSrgbProfilePath, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }();
  return profile;
}

void MarkAsPdfA2b(QPDF& pdf, const std::string& title, const std::string& icc_profile, const std::string& created_at) {
  const auto time = TimestampsOf(created_at);

  auto metadata = QPDFObjectHandle::newStream(&pdf, XmpPacket(title, time));
  metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
  metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
  pdf.getRoot().replaceKey("/Metadata", metadata);

  auto profile = QPDFObjectHandle::newStream(&pdf, icc_profile);
  profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
  auto intent = QPDFObjectHandle::parse(
      "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
      "/Info (sRGB IEC61966-2.1) >>");
  intent.replaceKey("/DestOutputProfile", profile);
  auto intents = QPDFObjectHandle::newArray();
  intents.appendItem(pdf.makeIndirectObject(intent));
  pdf.getRoot().replaceKey("/OutputIntents", intents);

  // The Info dictionary must say what the XMP says.
  auto info = QPDFObjectHandle::newDictionary();
  info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(title));
  info.replaceKey("/Producer", QPDFObjectHandle::newString(kProducer));
  if (time) {
    info.replaceKey("/CreationDate", QPDFObjectHandle::newString(time->pdf));
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(time->pdf));
  }
  pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(info));
}

}  // namespace mailroom::routing
