// The review JSON carries the evidence per candidate case; a routed document's JSON is as before.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "mailroom/proto/messages.h"
#include "mailroom/routing/document_message.h"

using namespace mailroom;

namespace {

using Strings = std::vector<std::string>;

routing::DocumentInput ReviewInput() {
  routing::DocumentInput input;
  input.box_id = "BOX-2";
  input.document_id = "BOX-2-003";
  input.page_names = {"0005.tif"};
  auto& c = input.classification;
  c.reason = "conflicting cases in one envelope: 35301BG0012345, 12345BG0000001";
  c.review_kind = "conflicting_cases";
  c.candidates = {"35301BG0012345", "12345BG0000001"};
  c.candidate_evidence = {{"35301BG0012345", "jc-dresden", 0.97, {"barcode", "printed_bg"}, {"surname", "street"}},
                          {"12345BG0000001", std::nullopt, 0.5, {}, {"surname", "given_name", "birth_date"}}};
  return input;
}

}  // namespace

TEST_CASE("A review document's JSON lists each candidate's evidence under candidate_evidence") {
  auto json = proto::ToJson(routing::MakeDocument(ReviewInput(), "BOX-2-003.pdf"));
  REQUIRE(json);
  const auto doc = nlohmann::json::parse(*json);
  REQUIRE(doc["candidate_evidence"]["cases"].size() == 2);
  const auto& first = doc["candidate_evidence"]["cases"][0];
  CHECK(first["bg_number"] == "35301BG0012345");
  CHECK(first["jobcenter_id"] == "jc-dresden");
  CHECK(first["score"] == 0.97);
  CHECK(first["numbers"] == nlohmann::json::array({"barcode", "printed_bg"}));
  CHECK(first["person_match"] == nlohmann::json::array({"surname", "street"}));
  const auto& second = doc["candidate_evidence"]["cases"][1];
  CHECK_FALSE(second.contains("jobcenter_id"));  // no jobcenter: absent, not ""
  CHECK(second["numbers"] == nlohmann::json::array());
  CHECK(second["person_match"] == nlohmann::json::array({"surname", "given_name", "birth_date"}));

  // What the JSON (and the queue message) says comes back as it went in.
  mailroom::v1::Document parsed;
  REQUIRE(proto::FromJson(*json, parsed));
  const auto back = routing::ClassificationOf(parsed).candidate_evidence;
  const auto& sent = ReviewInput().classification.candidate_evidence;
  REQUIRE(back.size() == 2);
  for (std::size_t i = 0; i < back.size(); ++i) {
    CHECK(back[i].bg_number == sent[i].bg_number);
    CHECK(back[i].jobcenter_id == sent[i].jobcenter_id);
    CHECK(back[i].score == sent[i].score);
    CHECK(back[i].numbers == sent[i].numbers);
    CHECK(back[i].person_match == sent[i].person_match);
  }
  CHECK_FALSE(back[1].jobcenter_id.has_value());  // no jobcenter: absent, not ""
}

TEST_CASE("A routed document's JSON has no candidate_evidence, nor a review without candidates") {
  auto routed = ReviewInput();
  auto& c = routed.classification;
  c.routed = true;
  c.jobcenter_id = "jc-dresden";
  c.bg_number = "35301BG0012345";
  c.reason.clear();
  auto routed_json = proto::ToJson(routing::MakeDocument(routed, "x.pdf"));
  REQUIRE(routed_json);
  CHECK_THAT(*routed_json, !Catch::Contains("candidate_evidence"));

  auto unreadable = ReviewInput();
  unreadable.classification.candidates.clear();
  unreadable.classification.candidate_evidence.clear();
  auto review_json = proto::ToJson(routing::MakeDocument(unreadable, "x.pdf"));
  REQUIRE(review_json);
  CHECK_THAT(*review_json, !Catch::Contains("candidate_evidence"));
}
