#include <string>

#include "mailroom/common/atomic_file.h"
#include "registry.h"

namespace mailroom::samplegen {
namespace {

// RFC 4180: quote only fields that need it (our values avoid commas, but a name never breaks a line).
std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char ch : value) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  return quoted + "\"";
}

std::string CsvLine(std::initializer_list<std::string> fields) {
  std::string line;
  for (const std::string& f : fields) line += (line.empty() ? "" : ",") + CsvField(f);
  return line + "\n";
}

}  // namespace

Result<void> WriteRegistry(const Registry& registry, const std::filesystem::path& registry_dir) {
  std::string jobcenters = "jobcenter_id,name,dienststelle\n";
  for (const Jobcenter& jc : registry.jobcenters) jobcenters += CsvLine({jc.id, jc.name, jc.dienststelle});

  std::string cases = "bg_number,customer_number,jobcenter_id,surname,given_name,birth_date,street,postcode,city\n";
  for (const Case& c : registry.cases) {
    const std::string& jobcenter_id = registry.jobcenters[c.jobcenter].id;
    for (const Person& p : c.persons) {
      cases += CsvLine({c.bg_number, p.customer_number, jobcenter_id, p.surname, p.given_name, p.birth_date,
                        c.address.street, c.address.postcode, c.address.city});
    }
  }
  if (auto ok = WriteFileAtomically(registry_dir / "jobcenters.csv", jobcenters); !ok) return ok;
  return WriteFileAtomically(registry_dir / "cases.csv", cases);
}

}  // namespace mailroom::samplegen
