#include <catch2/catch.hpp>

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "mailroom/classifier/registry.h"

using namespace mailroom;
using namespace mailroom::classifier;
namespace fs = std::filesystem;

namespace {

const std::string kJobcenters =
    "jobcenter_id,name,dienststelle\n"
    "jc-dresden,Jobcenter Dresden,35301\n"
    "jc-leipzig,\"Jobcenter Leipzig, Stadt\",12345\n";

const std::string kCasesHeader =
    "bg_number,customer_number,jobcenter_id,surname,given_name,birth_date,street,postcode,city\n";

const std::string kCases =
    kCasesHeader +
    "35301BG0012345,123D456789,jc-dresden,Mustermann,Erika,1980-02-29,Hauptstr. 1,01067,Dresden\n"
    "35301BG0012345,123D456790,jc-dresden,Mustermann,Max,2010-05-01,Hauptstr. 1,01067,Dresden\n"
    "12345BG0000001,789K123123,jc-leipzig,Schäfer,Jürgen,1966-01-01,\"Weg 3, Hinterhaus\",04109,Leipzig\n";

// A registry folder in the temp directory, removed again at the end of the test.
class TempRegistry {
 public:
  TempRegistry() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("mailroom-registry-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  ~TempRegistry() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  TempRegistry(const TempRegistry&) = delete;
  TempRegistry& operator=(const TempRegistry&) = delete;

  TempRegistry& Write(const std::string& file, const std::string& content) {
    std::ofstream(dir_ / file, std::ios::binary) << content;
    return *this;
  }
  [[nodiscard]] const fs::path& dir() const { return dir_; }
  [[nodiscard]] std::string PathOf(const std::string& file) const { return (dir_ / file).string(); }

 private:
  fs::path dir_;
};

// Loads a registry whose cases.csv has the standard header and `rows`; returns the error message.
std::string CasesError(const std::string& rows) {
  TempRegistry reg;
  reg.Write("jobcenters.csv", kJobcenters).Write("cases.csv", kCasesHeader + rows);
  const auto loaded = LoadRegistry(reg.dir());
  REQUIRE_FALSE(loaded.has_value());
  const std::string prefix = reg.PathOf("cases.csv") + ":";
  CHECK(loaded.error().message.rfind(prefix, 0) == 0);
  return loaded.error().message.substr(prefix.size());
}

std::string JobcentersError(const std::string& content) {
  TempRegistry reg;
  reg.Write("jobcenters.csv", content).Write("cases.csv", kCasesHeader);
  const auto loaded = LoadRegistry(reg.dir());
  REQUIRE_FALSE(loaded.has_value());
  const std::string prefix = reg.PathOf("jobcenters.csv") + ":";
  CHECK(loaded.error().message.rfind(prefix, 0) == 0);
  return loaded.error().message.substr(prefix.size());
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("a valid registry loads", "[classifier][registry]") {
  TempRegistry reg;
  reg.Write("jobcenters.csv", kJobcenters).Write("cases.csv", kCases);
  const auto loaded = LoadRegistry(reg.dir());
  REQUIRE(loaded.has_value());
  const Registry& r = *loaded;
  CHECK(r.jobcenters.size() == 2);
  CHECK(r.jobcenters.at("jc-leipzig").name == "Jobcenter Leipzig, Stadt");
  CHECK(r.cases.size() == 2);
  CHECK(r.cases.at("35301BG0012345").size() == 2);
  CHECK(r.cases.at("12345BG0000001").front().street == "Weg 3, Hinterhaus");
  CHECK(r.cases.at("12345BG0000001").front().surname == "Schäfer");
  CHECK(r.bg_by_customer_number.at("123D456790") == "35301BG0012345");
  REQUIRE(r.JobcenterOf("35301BG0012345") != nullptr);
  CHECK(r.JobcenterOf("35301BG0012345")->id == "jc-dresden");
  CHECK(r.JobcenterOf("12345BG0000001")->dienststelle == "12345");
  CHECK(r.JobcenterOf("35301BG7777777") == nullptr);
}

TEST_CASE("the CSV may reorder columns, add columns, use CRLF, quotes and a BOM", "[classifier][registry]") {
  TempRegistry reg;
  reg.Write("jobcenters.csv",
            "\xEF\xBB\xBF"
            "dienststelle,jobcenter_id,name,comment\r\n"
            "35301,jc-dresden,\"Jobcenter \"\"Dresden\"\"\",\"multi\r\nline\"\r\n\r\n");
  reg.Write("cases.csv",
            "city,postcode,street,birth_date,given_name,surname,jobcenter_id,customer_number,bg_number\r\n"
            "Dresden,01067,Hauptstr. 1,1980-01-31,Erika,Mustermann,jc-dresden,123D456789,35301BG0012345\r\n");
  const auto loaded = LoadRegistry(reg.dir());
  REQUIRE(loaded.has_value());
  CHECK(loaded->jobcenters.at("jc-dresden").name == "Jobcenter \"Dresden\"");
  CHECK(loaded->cases.at("35301BG0012345").front().city == "Dresden");
  CHECK(loaded->cases.at("35301BG0012345").front().bg_number == "35301BG0012345");
}

TEST_CASE("a missing registry file is an error naming the file", "[classifier][registry]") {
  TempRegistry reg;
  reg.Write("jobcenters.csv", kJobcenters);
  const auto loaded = LoadRegistry(reg.dir());
  REQUIRE_FALSE(loaded.has_value());
  CHECK(StartsWith(loaded.error().message, reg.PathOf("cases.csv") + ": cannot read file"));

  TempRegistry empty;
  const auto none = LoadRegistry(empty.dir());
  REQUIRE_FALSE(none.has_value());
  CHECK(StartsWith(none.error().message, empty.PathOf("jobcenters.csv") + ": "));
}

TEST_CASE("registry errors name the file and the line", "[classifier][registry]") {
  SECTION("missing column") {
    CHECK(JobcentersError("jobcenter_id,name\njc-dresden,Dresden\n") == "1: missing column 'dienststelle'");
  }
  SECTION("empty file") {
    CHECK(JobcentersError("") == "1: empty file, expected a header row");
  }
  SECTION("wrong field count") {
    CHECK(JobcentersError("jobcenter_id,name,dienststelle\njc-a,A,35301\njc-b,B,12345,extra\n") ==
          "3: expected 3 fields, found 4");
    CHECK(CasesError("35301BG0012345,123D456789,jc-dresden,Mustermann\n") == "2: expected 9 fields, found 4");
  }
  SECTION("unterminated quote") {
    CHECK(JobcentersError("jobcenter_id,name,dienststelle\njc-a,\"A,35301\n") == "2: unterminated quoted field");
  }
  SECTION("bad dienststelle") {
    CHECK(JobcentersError("jobcenter_id,name,dienststelle\njc-a,A,3530\n") == "2: dienststelle '3530' is not 5 digits");
  }
  SECTION("duplicate jobcenter") {
    CHECK(JobcentersError("jobcenter_id,name,dienststelle\njc-a,A,35301\njc-a,B,12345\n") ==
          "3: duplicate jobcenter_id 'jc-a' (first at line 2)");
  }
  SECTION("malformed BG number") {
    CHECK(StartsWith(CasesError("35301BG001234,123D456789,jc-dresden,M,E,1980-01-01,S,01067,D\n"),
                     "2: malformed BG number '35301BG001234'"));
  }
  SECTION("malformed customer number") {
    CHECK(StartsWith(CasesError("35301BG0012345,123456789,jc-dresden,M,E,1980-01-01,S,01067,D\n"),
                     "2: malformed customer number '123456789'"));
  }
  SECTION("unknown jobcenter") {
    CHECK(CasesError("35301BG0012345,123D456789,jc-berlin,M,E,1980-01-01,S,01067,D\n") ==
          "2: unknown jobcenter_id 'jc-berlin'");
  }
  SECTION("BG prefix differs from the jobcenter's dienststelle") {
    CHECK(CasesError("12345BG0012345,123D456789,jc-dresden,M,E,1980-01-01,S,01067,D\n") ==
          "2: BG number 12345BG0012345 does not start with dienststelle 35301 of jobcenter 'jc-dresden'");
  }
  SECTION("bad birth date, without quoting it") {
    for (const char* date : {"01.02.1980", "1980-02-30", "1981-02-29", "1980-13-01", ""}) {
      CAPTURE(date);
      const auto error = CasesError(std::string("35301BG0012345,123D456789,jc-dresden,M,E,") + date + ",S,01067,D\n");
      CHECK(StartsWith(error, "2: birth_date is not a valid date"));
      if (*date != '\0') CHECK(error.find(date) == std::string::npos);
    }
  }
  SECTION("customer number in two BGs") {
    CHECK(CasesError("35301BG0012345,123D456789,jc-dresden,M,E,1980-01-01,S,01067,D\n"
                     "\n"
                     "35301BG0099999,123D456789,jc-dresden,M,E,1980-01-01,S,01067,D\n") ==
          "4: customer number 123D456789 is already registered for BG number 35301BG0012345 at line 2");
  }
  SECTION("one BG at two jobcenters") {
    TempRegistry reg;
    reg.Write("jobcenters.csv", kJobcenters + "jc-dresden-2,Dresden Nord,35301\n");
    reg.Write("cases.csv", kCasesHeader +
                               "35301BG0012345,123D456789,jc-dresden,M,E,1980-01-01,S,01067,D\n"
                               "35301BG0012345,123D456790,jc-dresden-2,M,E,1980-01-01,S,01067,D\n");
    const auto loaded = LoadRegistry(reg.dir());
    REQUIRE_FALSE(loaded.has_value());
    CHECK(loaded.error().message ==
          reg.PathOf("cases.csv") + ":3: BG number 35301BG0012345 is registered for jobcenter 'jc-dresden' at line 2");
  }
}
