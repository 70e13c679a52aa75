// `mailroom review serve`: the review desk's web page (review/server), a subcommand of `review`.
#pragma once

#include <memory>

#include <CLI/CLI.hpp>

namespace mailroom::app {

class ReviewServeCommand {
 public:
  /// Adds `serve` to `review` (which must outlive this).
  explicit ReviewServeCommand(CLI::App& review);
  ~ReviewServeCommand();

  [[nodiscard]] bool chosen() const;
  /// Serves until SIGTERM or SIGINT; prints "review desk: http://HOST:PORT/" first. Returns the exit code.
  [[nodiscard]] int Run();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace mailroom::app
