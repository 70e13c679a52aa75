// The page reading on the wire: every field survives the trip, the PDF travels as a store ref.
#include <catch2/catch.hpp>

#include "mailroom/proto/messages.h"
#include "mailroom/proto/page_reading_codec.h"

using mailroom::PageKind;
using mailroom::PageReading;
using mailroom::proto::FromProto;
using mailroom::proto::ParsePageReading;
using mailroom::proto::ToProto;

namespace {

PageReading FullReading(PageKind kind) {
  PageReading r;
  r.name = "0007.tif#2";
  r.index = 41;
  r.kind = kind;
  r.barcodes = {{"Code128", "BG-12345"}, {"QRCode", "x\ny"}};
  r.text = "Widerspruch\ngegen den Bescheid";
  r.words = {{"Widerspruch", 91.5F, 10, 20, 300, 40}, {"gegen", 88.25F, 12, 80, 120, 38}};
  r.mean_confidence = 89.875F;
  r.rotation_degrees = 180;
  r.error = kind == PageKind::kUnreadable ? "0007.tif#2: truncated TIFF strip" : "";
  r.pdf_path = "/scratch/41.pdf";
  return r;
}

}  // namespace

TEST_CASE("a page reading survives the round trip through the wire format", "[proto]") {
  const auto kind = GENERATE(PageKind::kContent, PageKind::kBlank, PageKind::kSeparator, PageKind::kUnreadable);
  const PageReading in = FullReading(kind);
  const std::string ref = "sha256:" + std::string(64, 'a');
  const auto message = ToProto(in, "BOX-1", ref);
  CHECK(message.schema_version() == mailroom::proto::kSchemaVersion);
  CHECK(message.pdf_ref() == ref);

  std::string bytes;
  REQUIRE(message.SerializeToString(&bytes));
  auto out = ParsePageReading(bytes);
  REQUIRE(out);
  CHECK(out->box_id == "BOX-1");
  CHECK(out->pdf_ref == ref);
  const PageReading& r = out->reading;
  CHECK(r.name == in.name);
  CHECK(r.index == in.index);
  CHECK(r.kind == in.kind);
  REQUIRE(r.barcodes.size() == in.barcodes.size());
  for (std::size_t i = 0; i < r.barcodes.size(); ++i) {
    CHECK(r.barcodes[i].format == in.barcodes[i].format);
    CHECK(r.barcodes[i].text == in.barcodes[i].text);
  }
  CHECK(r.text == in.text);
  REQUIRE(r.words.size() == in.words.size());
  for (std::size_t i = 0; i < r.words.size(); ++i) {
    CHECK(r.words[i].text == in.words[i].text);
    CHECK(r.words[i].confidence == in.words[i].confidence);
    CHECK(r.words[i].left == in.words[i].left);
    CHECK(r.words[i].top == in.words[i].top);
    CHECK(r.words[i].width == in.words[i].width);
    CHECK(r.words[i].height == in.words[i].height);
  }
  CHECK(r.mean_confidence == in.mean_confidence);
  CHECK(r.rotation_degrees == in.rotation_degrees);
  CHECK(r.error == in.error);
  // A local path means nothing on another machine: only the ref travels.
  CHECK(r.pdf_path.empty());
}

TEST_CASE("a page reading of a newer schema or an unknown kind is refused, not guessed", "[proto]") {
  auto message = ToProto(FullReading(PageKind::kContent), "BOX-1", "");
  SECTION("newer schema") {
    message.set_schema_version(mailroom::proto::kSchemaVersion + 1);
    const auto out = FromProto(message);
    REQUIRE_FALSE(out);
    CHECK(out.error().message.find("schema version") != std::string::npos);
  }
  SECTION("unknown kind") {
    message.set_kind(static_cast<mailroom::v1::PageKind>(17));
    const auto out = FromProto(message);
    REQUIRE_FALSE(out);
    CHECK(out.error().message.find("unknown page kind 17") != std::string::npos);
  }
  SECTION("not a message at all") {
    CHECK_FALSE(ParsePageReading(std::string("\xff\xff\xff", 3)));
  }
}
