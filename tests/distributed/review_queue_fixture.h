// Review documents as the route worker publishes them to the review queue, made with routing's own
// step (AssembleDocument, as the route worker does), together with the files `mailroom process`
// would write for the same document, for the review queue's tests.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "mailroom.pb.h"
#include "mailroom/common/atomic_file.h"
#include "mailroom/routing/document_message.h"
#include "mailroom/routing/output.h"
#include "mailroom/transport/message.h"

namespace mailroom::testing {

/// One review document: the routed message and the embedded output's bytes of the same document.
struct QueuedReviewDocument {
  v1::RoutedDocument routed;
  routing::AssembledDocument embedded;  ///< what OutputFolder::Put writes into review/
};

/// Box BOX-7, one document `id` of one unreadable page (its notice page is the PDF): a review
/// document, as the classifier and the route worker make it. With `original`, the page's input
/// file, its original goes with the document (embedded beside the PDF, in the message's originals).
inline QueuedReviewDocument ReviewDocumentFor(const std::string& id, const std::filesystem::path& scratch,
                                              const std::string& reason = "no case number found",
                                              const std::filesystem::path& original = {}) {
  routing::DocumentInput input;
  input.box_id = "BOX-7";
  input.document_id = id;
  input.box_arrived_at = "2026-12-01T08:00:00Z";
  input.classification.doc_type = "letter";
  input.classification.team = "leistung";
  input.classification.reason = reason;
  input.classification.candidates = {"35301BG0012345"};
  input.page_names = {id + "-0001.tif"};
  input.page_pdfs = {""};
  if (!original.empty()) input.unreadable_files = {original};
  auto assembled = routing::AssembleDocument(input, scratch);
  REQUIRE(assembled);
  QueuedReviewDocument document;
  document.routed.set_schema_version(1);
  *document.routed.mutable_document() = routing::MakeDocument(input, assembled->pdf_name());
  document.routed.set_destination("review");
  document.routed.set_pdf(assembled->pdf);
  for (const auto& file : assembled->originals) {
    auto* added = document.routed.add_originals();
    added->set_file_name(file.file_name);
    added->set_content(file.bytes);
  }
  document.embedded = std::move(*assembled);
  return document;
}

/// The message the route worker publishes for `routed` (publish_routed.cpp).
inline transport::Message AsReviewMessage(const v1::RoutedDocument& routed) {
  transport::Message message;
  routed.SerializeToString(&message.body);
  message.message_id = routed.document().document_id();
  message.headers = {{"box_id", routed.document().box_id()}};
  return message;
}

/// Every regular file under `dir`, by path relative to it, with its bytes.
inline std::map<std::string, std::string> FilesUnder(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  if (!std::filesystem::exists(dir)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    auto bytes = ReadWholeFile(entry.path());
    REQUIRE(bytes);
    files[std::filesystem::relative(entry.path(), dir).string()] = *bytes;
  }
  return files;
}

}  // namespace mailroom::testing
