// What the distributed-mode tests share: a generated box, a topology of their own on the test
// broker, and reading a file back.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "mailroom/distributed/topology.h"
#include "mailroom/samplegen/samplegen.h"
#include "test_broker.h"

namespace mailroom::testing {

inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// A generated box of `envelopes` envelopes at `dpi` (low: Tesseract is slow) under `dir`/sample.
inline samplegen::SampleSummary GeneratedBox(const std::filesystem::path& dir, int envelopes, int dpi) {
  samplegen::SampleOptions options;
  options.out_dir = dir / "sample";
  options.envelopes = envelopes;
  options.dpi = dpi;
  auto sample = samplegen::GenerateSampleBox(options);
  REQUIRE(sample);
  return *sample;
}

/// A topology under a prefix no other test uses, declared on the test broker.
inline distributed::Topology FreshTopology(transport::Connection& conn, const classifier::Registry& registry = {}) {
  const distributed::Topology topology(UniqueName("mr"));
  REQUIRE(distributed::DeclareTopology(conn, registry, {.prefix = topology.Exchange()}));
  return topology;
}

}  // namespace mailroom::testing
