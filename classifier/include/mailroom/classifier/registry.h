// The case registry: which BG numbers and customer numbers exist, and which jobcenter owns them.
// Loaded from REG_DIR/jobcenters.csv and REG_DIR/cases.csv (see CONTRACT.md).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "mailroom/common/result.h"

namespace mailroom::classifier {

struct Jobcenter {
  std::string id;
  std::string name;
  std::string dienststelle;  ///< 5-digit prefix of its BG numbers
};

/// One person of a Bedarfsgemeinschaft (one row of cases.csv).
struct Person {
  std::string bg_number;        ///< e.g. "35301BG0012345"
  std::string customer_number;  ///< e.g. "123D456789"
  std::string jobcenter_id;
  std::string surname, given_name;
  std::string birth_date;  ///< YYYY-MM-DD
  std::string street, postcode, city;
};

/// The loaded registry. Immutable after loading; safe to read from many threads.
struct Registry {
  std::map<std::string, Jobcenter> jobcenters;               ///< by id
  std::map<std::string, std::vector<Person>> cases;          ///< by BG number: the persons of the BG
  std::map<std::string, std::string> bg_by_customer_number;  ///< customer number -> BG number

  /// The jobcenter that owns a BG number, or nullptr if the BG number is not registered.
  [[nodiscard]] const Jobcenter* JobcenterOf(const std::string& bg_number) const;
};

/// Loads and validates REG_DIR. Both files need a header row naming their columns (any order).
/// Fails on: a missing file, a missing column, a line with the wrong number of fields, a malformed
/// BG or customer number, a dienststelle that is not 5 digits, a birth date that is not YYYY-MM-DD,
/// a case whose jobcenter is unknown or whose BG prefix differs from that jobcenter's dienststelle,
/// or a customer number registered for two BGs. The error names file, line and reason.
[[nodiscard]] Result<Registry> LoadRegistry(const std::filesystem::path& registry_dir);

}  // namespace mailroom::classifier
