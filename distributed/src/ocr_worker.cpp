// The worker threads of RunOcrWorker: one connection and one PageReader each, for their whole life
// (loading Tesseract's models per page would cost more than reading the page).
#include "mailroom/distributed/ocr_worker.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

#include "dead_letter.h"
#include "mailroom/common/event_log.h"
#include "mailroom/metrics/registry.h"
#include "mailroom/transport/reconnecting_connection.h"
#include "ocr_worker_page.h"

namespace mailroom::distributed {
namespace {

using namespace std::chrono_literals;

// How long one Receive waits: bounds how late a thread notices the stop flag.
constexpr auto kPoll = 250ms;
// The pause after a failed publish or receive, so a broker in trouble is not hammered.
constexpr auto kPause = 500ms;

transport::Message ReadingMessage(const v1::PageReading& reading, const transport::Message& page) {
  transport::Message out;
  reading.SerializeToString(&out.body);
  // The page's id: a page read twice (a redelivery) gives a reading the classifier recognises.
  out.message_id = page.message_id;
  out.content_type = "application/x-protobuf; proto=" + reading.GetTypeName();
  out.headers = {{"box_id", reading.box_id()}};
  return out;
}

// The ids of a page message ("<box_id>/<page name>", with the box in a header) as log fields.
eventlog::Fields PageFields(const transport::Message& message) {
  eventlog::Fields fields;
  if (auto box = message.headers.find("box_id"); box != message.headers.end()) fields.box_id = box->second;
  fields.page = message.message_id;
  if (!fields.box_id.empty() && fields.page.rfind(fields.box_id + "/", 0) == 0) {
    fields.page.erase(0, fields.box_id.size() + 1);
  }
  return fields;
}

// What the threads share: the summary, the first fatal error, and the log.
class Shared {
 public:
  Shared(const OcrWorkerOptions& options, transport::StopFlag& stop) : options_(options), stop_(stop) {}

  const OcrWorkerOptions& options() const { return options_; }
  transport::StopFlag& stop() { return stop_; }

  // An event of the event log, or a line for options.log where a caller gave one.
  void Log(eventlog::Level level, std::string_view event, const eventlog::Fields& fields, const std::string& message) {
    if (!options_.log) return eventlog::Log(level, event, fields, message);
    std::lock_guard lock(mutex_);
    options_.log(eventlog::Describe(event, fields, message));
  }
  // The first fatal error wins; every thread is told to end.
  void Fatal(const Error& error) {
    {
      std::lock_guard lock(mutex_);
      if (!error_) error_ = error;
    }
    stop_ = true;
  }
  void Count(bool dead) {
    std::lock_guard lock(mutex_);
    ++(dead ? summary_.dead_lettered : summary_.readings);
  }
  Result<OcrWorkerSummary> Outcome() const {
    if (error_) return tl::unexpected(*error_);
    return summary_;
  }

 private:
  const OcrWorkerOptions& options_;
  transport::StopFlag& stop_;
  std::mutex mutex_;
  std::optional<Error> error_;
  OcrWorkerSummary summary_;
};

// A folder only this thread writes PDFs into; removed when the thread ends.
class ScratchDir {
 public:
  ScratchDir(const std::filesystem::path& parent, int thread) {
    const auto base = parent.empty() ? std::filesystem::temp_directory_path() : parent;
    path_ = base / ("mailroom-ocr-" + std::to_string(::getpid()) + "-" + std::to_string(thread));
  }
  Result<void> Create() const {
    std::error_code ec;
    std::filesystem::create_directories(path_, ec);
    if (!ec) std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    if (ec) return Fail(path_.string() + ": cannot create the scratch folder: " + ec.message());
    return {};
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Handles one delivery. The page is acked only once its reading or dead letter is confirmed; when
// publishing fails it goes back to the queue (RabbitMQ 3.x quorum queues count that towards the
// delivery limit, so a page that can never be published ends in the dead-letter queue by itself).
void Handle(Shared& shared, transport::ReconnectingConnection& conn, const store::ContentStore& store,
            ocr::PageReader& reader, const transport::Delivery& delivery) {
  const Topology& topology = shared.options().topology;
  const auto start = std::chrono::steady_clock::now();
  metrics::CountPages("ocr", "in");
  auto reading = detail::ReadPageMessage(delivery.message, store, reader, shared.options().page_limits);
  Result<void> sent;
  if (reading) {
    sent = conn.Publish(topology.Exchange(), topology.Readings(), ReadingMessage(*reading, delivery.message));
  } else {
    shared.Log(eventlog::Level::kWarning, "ocr.dead_letter", PageFields(delivery.message), reading.error().message);
    metrics::CountError("ocr", "dead_letter");
    // Straight to the dead exchange under the pages queue's name: where a rejected page would
    // go, but with the reason attached (a reject cannot carry one).
    sent =
        conn.Publish(topology.DeadExchange(), topology.Pages(), WithReason(delivery.message, reading.error().message));
  }
  if (reading && reading->kind() == v1::PAGE_KIND_UNREADABLE) {
    // The reason names the file's trouble, never what the page says; the page name is a field.
    std::string reason = reading->error();
    if (reason.rfind(reading->name() + ": ", 0) == 0) reason.erase(0, reading->name().size() + 2);
    shared.Log(eventlog::Level::kWarning, "ocr.page_unreadable", {.box_id = reading->box_id(), .page = reading->name()},
               reason + " (the page goes to review)");
  }
  if (!sent) {
    shared.Log(eventlog::Level::kWarning, "ocr.requeued", PageFields(delivery.message),
               "the page goes back to the queue: " + sent.error().message);
    // Fails harmlessly when the connection is gone: the broker requeues the page by itself.
    (void)conn.Reject(delivery.delivery_tag, /*requeue=*/true);
    (void)transport::SleepUnlessStopped(kPause, &shared.stop());
    return;
  }
  if (auto acked = conn.Ack(delivery.delivery_tag); !acked) {
    // The result is out; the page comes again and its reading is recognised by its id.
    shared.Log(eventlog::Level::kWarning, "ocr.not_acked", PageFields(delivery.message),
               "the page was not acked (it comes again): " + acked.error().message);
    return;
  }
  shared.Count(!reading);
  if (reading) {
    metrics::CountPages("ocr", "out");
    metrics::ObserveStage("ocr", metrics::SecondsSince(start));
  }
}

void WorkerThread(Shared& shared, const store::ContentStore& store, int thread) {
  const OcrWorkerOptions& options = shared.options();
  ScratchDir scratch(options.scratch_dir, thread);
  if (auto made = scratch.Create(); !made) return shared.Fatal(made.error());
  ocr::OcrOptions ocr = options.ocr;
  ocr.pdf_dir = scratch.path();
  auto reader = ocr::PageReader::Create(ocr);
  if (!reader) return shared.Fatal(reader.error());

  transport::RetryPolicy retry = options.retry;
  if (!retry.on_retry) {
    retry.on_retry = [&shared](int attempt, const Error& error, std::chrono::milliseconds wait) {
      shared.Log(eventlog::Level::kWarning, "broker.unreachable",
                 {.more = {{"attempt", std::to_string(attempt)}, {"retry_in_ms", std::to_string(wait.count())}}},
                 error.message);
    };
  }
  const std::string pages = options.topology.Pages();
  const std::uint16_t prefetch = std::max<std::uint16_t>(1, options.prefetch);
  transport::ReconnectingConnection conn(
      options.connect, retry, [&pages, prefetch](transport::Connection& c) { return c.Consume(pages, prefetch); },
      &shared.stop());

  while (!shared.stop()) {
    // Connecting on its own first: its failure (after the retry policy) is fatal, a failed
    // receive on a live connection is not.
    if (auto connected = conn.Connect(); !connected) {
      if (!shared.stop()) shared.Fatal(connected.error());
      return;
    }
    auto got = conn.Receive(kPoll);
    if (!got) {
      shared.Log(eventlog::Level::kWarning, "ocr.receive_failed", {}, got.error().message);
      (void)transport::SleepUnlessStopped(kPause, &shared.stop());
      continue;
    }
    if (got->has_value()) Handle(shared, conn, store, **reader, **got);
  }
}

}  // namespace

Result<OcrWorkerSummary> RunOcrWorker(const OcrWorkerOptions& options, transport::StopFlag& stop) {
  auto store = store::ContentStore::Open(options.store_dir);
  if (!store) return tl::unexpected(store.error());
  const int jobs =
      options.jobs > 0 ? options.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  Shared shared(options, stop);
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(jobs));
  for (int t = 0; t < jobs; ++t) threads.emplace_back([&shared, &store, t] { WorkerThread(shared, *store, t); });
  for (auto& thread : threads) thread.join();
  return shared.Outcome();
}

}  // namespace mailroom::distributed
