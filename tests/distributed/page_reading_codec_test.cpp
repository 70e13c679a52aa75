// The page reading on the wire: every field survives the trip, the PDF travels as a store ref.
#include <catch2/catch.hpp>

#include "mailroom/proto/message_names.h"
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
  r.ink_mm2 = 1234.5F;
  r.unread_ink_share = 0.375F;
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
  CHECK(r.ink_mm2 == in.ink_mm2);
  CHECK(r.unread_ink_share == in.unread_ink_share);
  CHECK(message.ink_mm2() == in.ink_mm2);  // fields 14 and 15 of v1::PageReading
  CHECK(message.unread_ink_share() == in.unread_ink_share);
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

TEST_CASE("a message whose names would climb out of a folder is refused, naming the field", "[proto]") {
  using mailroom::proto::CheckNames;
  auto hostile_reading = ToProto(FullReading(PageKind::kContent), "../../BOX", "");
  auto parsed = ParsePageReading(hostile_reading.SerializeAsString());
  REQUIRE_FALSE(parsed);
  CHECK_THAT(parsed.error().message, Catch::Contains("box_id '../../BOX'"));
  auto hostile_page_name = ToProto(FullReading(PageKind::kContent), "BOX-1", "");
  hostile_page_name.set_name("../0001.tif");
  CHECK_FALSE(ParsePageReading(hostile_page_name.SerializeAsString()));

  mailroom::v1::Page page;
  page.set_box_id("BOX-1");
  page.set_name("0007.tif#2");
  CHECK(CheckNames(page));
  page.set_name("/etc/passwd");
  CHECK_FALSE(CheckNames(page));

  mailroom::v1::BoxManifest manifest;
  manifest.mutable_box()->set_box_id("BOX-1");
  manifest.add_pages("0001.tif");
  CHECK(CheckNames(manifest));
  manifest.mutable_box()->set_box_id(std::string("BOX\0-1", 6));
  CHECK_FALSE(CheckNames(manifest));

  mailroom::v1::RoutedDocument routed;
  auto* doc = routed.mutable_document();
  doc->set_document_id("BOX-1-001");
  doc->set_box_id("BOX-1");
  doc->set_team("leistung");
  doc->mutable_jobcenter_id()->set_string_value("jobcenter-kiel");
  doc->add_pages("0001.tif");
  routed.set_destination("postkorb/jobcenter-kiel");
  CHECK(CheckNames(routed));
  routed.set_destination("postkorb/../../etc");
  CHECK_THAT(CheckNames(routed).error().message, Catch::Contains("destination's jobcenter_id"));
  routed.set_destination("review");
  routed.add_originals()->set_file_name("../x.orig.tif");
  CHECK_THAT(CheckNames(routed).error().message, Catch::Contains("original's file_name"));
  routed.clear_originals();
  doc->mutable_jobcenter_id()->set_string_value("a/b");
  CHECK_THAT(CheckNames(routed).error().message, Catch::Contains("jobcenter_id 'a/b'"));
  doc->mutable_jobcenter_id()->set_null_value({});
  mailroom::v1::DocumentPlan plan;
  *plan.mutable_document() = *doc;
  CHECK(CheckNames(plan));
  plan.mutable_document()->set_document_id(std::string(129, 'd'));
  CHECK_THAT(CheckNames(plan).error().message, Catch::Contains("more than 128"));
}
