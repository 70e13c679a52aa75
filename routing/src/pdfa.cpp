#include "pdfa.h"

#include <qpdf/QPDFObjectHandle.hh>

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>

namespace mailroom::routing {
namespace {

constexpr const char* kSrgbProfilePath = "/usr/share/color/icc/sRGB.icc";
constexpr const char* kProducer = "mailroom";

struct Timestamps {
  std::string pdf;  // D:20261125154000Z
  std::string xmp;  // 2026-11-25T15:40:00Z
};

Timestamps Now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char pdf[32], xmp[32];
  std::strftime(pdf, sizeof pdf, "D:%Y%m%d%H%M%SZ", &utc);
  std::strftime(xmp, sizeof xmp, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return {pdf, xmp};
}

std::string EscapeXml(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string XmpPacket(const std::string& title, const Timestamps& time) {
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
      << "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" << EscapeXml(title)
      << "</rdf:li></rdf:Alt></dc:title>\n"
      << "   <xmp:CreateDate>" << time.xmp << "</xmp:CreateDate>\n"
      << "   <xmp:ModifyDate>" << time.xmp << "</xmp:ModifyDate>\n"
      << "   <pdf:Producer>" << kProducer << "</pdf:Producer>\n"
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

void MarkAsPdfA2b(QPDF& pdf, const std::string& title, const std::string& icc_profile) {
  const Timestamps time = Now();

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
  info.replaceKey("/CreationDate", QPDFObjectHandle::newString(time.pdf));
  info.replaceKey("/ModDate", QPDFObjectHandle::newString(time.pdf));
  pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(info));
}

}  // namespace mailroom::routing
