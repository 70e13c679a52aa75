// Word lists for synthetic German mail: names, streets, jobcenter towns, employers, banks, ...
// All invented or generic; any similarity to real persons is coincidental.
#pragma once

#include <span>
#include <string_view>

namespace mailroom::samplegen {

struct TownInfo {
  std::string_view jobcenter_id;    ///< ASCII id, e.g. "jobcenter-luebeck"
  std::string_view jobcenter_name;  ///< e.g. "Jobcenter Lübeck"
  std::string_view city;
  std::string_view dienststelle;  ///< 5 digits, distinct per town
  std::string_view area_code;     ///< telephone prefix, e.g. "0451"
  int postcode_low;               ///< residential postcodes of the town
  int postcode_high;
  std::string_view office_street;  ///< the jobcenter's own address
  std::string_view office_postcode;
  std::string_view bank_name;  ///< the local savings bank
  std::string_view bank_code;  ///< 8-digit BLZ for IBANs
};

std::span<const TownInfo> Towns();
std::span<const std::string_view> Surnames();
std::span<const std::string_view> FemaleGivenNames();
std::span<const std::string_view> MaleGivenNames();
std::span<const std::string_view> ChildGivenNames();
std::span<const std::string_view> Streets();
std::span<const std::string_view> Employers();  ///< company names
std::span<const std::string_view> JobTitles();  ///< job titles for applications
std::span<const std::string_view> Landlords();
std::span<const std::string_view> HealthInsurers();
std::span<const std::string_view> Payees();  ///< bank statement counterparties

}  // namespace mailroom::samplegen
