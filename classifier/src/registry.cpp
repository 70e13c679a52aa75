// LoadRegistry: reads jobcenters.csv and cases.csv and checks that every case can be routed
// unambiguously. Errors quote identifiers (numbers, ids) but never names or birth dates.
#include <map>
#include <utility>

#include "csv.h"
#include "mailroom/classifier/registry.h"
#include "number_format.h"

namespace mailroom::classifier {
namespace {

// Field accessor for one record by column name; the columns were checked by ParseCsv.
class Row {
 public:
  Row(const CsvTable& table, const CsvRecord& record) : table_(table), record_(record) {}
  [[nodiscard]] const std::string& operator[](const std::string& column) const {
    return record_.fields[table_.columns.at(column)];
  }

 private:
  const CsvTable& table_;
  const CsvRecord& record_;
};

Result<std::map<std::string, Jobcenter>> LoadJobcenters(const std::filesystem::path& path) {
  auto table = ReadCsvFile(path, {"jobcenter_id", "name", "dienststelle"});
  if (!table) return tl::unexpected(table.error());
  std::map<std::string, Jobcenter> jobcenters;
  std::map<std::string, int> first_line;
  for (const auto& record : table->records) {
    const Row row(*table, record);
    Jobcenter jc{row["jobcenter_id"], row["name"], row["dienststelle"]};
    if (jc.id.empty()) return tl::unexpected(table->ErrorAt(record.line, "empty jobcenter_id"));
    if (!IsDienststelle(jc.dienststelle)) {
      return tl::unexpected(table->ErrorAt(record.line, "dienststelle '" + jc.dienststelle + "' is not 5 digits"));
    }
    if (auto [it, added] = first_line.emplace(jc.id, record.line); !added) {
      return tl::unexpected(table->ErrorAt(
          record.line, "duplicate jobcenter_id '" + jc.id + "' (first at line " + std::to_string(it->second) + ")"));
    }
    jobcenters.emplace(jc.id, std::move(jc));
  }
  return jobcenters;
}

// Checks one cases.csv row on its own and against the jobcenters; returns the reason or "".
std::string CheckPerson(const Person& p, const std::map<std::string, Jobcenter>& jobcenters) {
  if (!IsBgNumber(p.bg_number)) {
    return "malformed BG number '" + p.bg_number + "' (expected 5 digits + BG + 7 digits)";
  }
  if (!IsCustomerNumber(p.customer_number)) {
    return "malformed customer number '" + p.customer_number + "' (expected 3 digits + letter + 6 digits)";
  }
  const auto jc = jobcenters.find(p.jobcenter_id);
  if (jc == jobcenters.end()) return "unknown jobcenter_id '" + p.jobcenter_id + "'";
  if (p.bg_number.compare(0, 5, jc->second.dienststelle) != 0) {
    return "BG number " + p.bg_number + " does not start with dienststelle " + jc->second.dienststelle +
           " of jobcenter '" + p.jobcenter_id + "'";
  }
  if (!IsIsoDate(p.birth_date)) return "birth_date is not a valid date in the form YYYY-MM-DD";
  return {};
}

Person PersonOf(const Row& row) {
  return Person{row["bg_number"],  row["customer_number"], row["jobcenter_id"], row["surname"], row["given_name"],
                row["birth_date"], row["street"],          row["postcode"],     row["city"]};
}

Result<Registry> LoadCases(const std::filesystem::path& path, std::map<std::string, Jobcenter> jobcenters) {
  auto table = ReadCsvFile(path, {"bg_number", "customer_number", "jobcenter_id", "surname", "given_name", "birth_date",
                                  "street", "postcode", "city"});
  if (!table) return tl::unexpected(table.error());
  Registry registry;
  registry.jobcenters = std::move(jobcenters);
  std::map<std::string, int> customer_line;                    // customer number -> first line
  std::map<std::string, std::pair<std::string, int>> bg_home;  // BG -> (jobcenter, first line)
  for (const auto& record : table->records) {
    Person person = PersonOf(Row(*table, record));
    if (auto reason = CheckPerson(person, registry.jobcenters); !reason.empty()) {
      return tl::unexpected(table->ErrorAt(record.line, reason));
    }
    const auto [home, new_bg] = bg_home.emplace(person.bg_number, std::make_pair(person.jobcenter_id, record.line));
    if (!new_bg && home->second.first != person.jobcenter_id) {
      return tl::unexpected(table->ErrorAt(record.line, "BG number " + person.bg_number +
                                                            " is registered for jobcenter '" + home->second.first +
                                                            "' at line " + std::to_string(home->second.second)));
    }
    const auto [known, added] = registry.bg_by_customer_number.emplace(person.customer_number, person.bg_number);
    if (!added && known->second != person.bg_number) {
      return tl::unexpected(table->ErrorAt(record.line, "customer number " + person.customer_number +
                                                            " is already registered for BG number " + known->second +
                                                            " at line " + std::to_string(customer_line[known->first])));
    }
    customer_line.emplace(person.customer_number, record.line);
    registry.cases[person.bg_number].push_back(std::move(person));
  }
  return registry;
}

}  // namespace

const Jobcenter* Registry::JobcenterOf(const std::string& bg_number) const {
  const auto it = cases.find(bg_number);
  if (it == cases.end() || it->second.empty()) return nullptr;
  const auto jc = jobcenters.find(it->second.front().jobcenter_id);
  return jc == jobcenters.end() ? nullptr : &jc->second;
}

Result<Registry> LoadRegistry(const std::filesystem::path& registry_dir) {
  auto jobcenters = LoadJobcenters(registry_dir / "jobcenters.csv");
  if (!jobcenters) return tl::unexpected(jobcenters.error());
  return LoadCases(registry_dir / "cases.csv", std::move(*jobcenters));
}

}  // namespace mailroom::classifier
