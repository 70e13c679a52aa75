// Statements customers enclose as proof of income and spending: bank statements (Kontoauszug) and
// payslips (Verdienstabrechnung / Lohnabrechnung). They are full of numbers that are not case
// numbers: IBANs, amounts, dates, tax and social security numbers.
#include <array>
#include <string>

#include "doc_common.h"
#include "doc_templates.h"

namespace mailroom::samplegen::doc {
namespace {

void AddCustomerNote(PageLayout& page, const DocumentRequest& request, Rng& rng) {
  std::string number = NumberLine(request, rng);
  if (!number.empty()) page.rows.push_back(Plain(number, 0, 12));
}

// Adds `count` bookings in `month`, updating the running balance.
void AddBookings(PageLayout& page, const DocumentRequest& request, int month, int count, long& balance, Rng& rng) {
  for (int i = 0; i < count; ++i) {
    Date day{std::min(28, 1 + i * 27 / std::max(1, count - 1)), month, 2025};
    std::string text;
    long cents = 0;
    if (i == 0) {
      text = "Gutschrift " + request.jobcenter->name + " Leistungen SGB II";
      cents = rng.Between(450, 1600) * 100L + rng.Between(0, 99);
    } else if (i == 1) {
      text = "Dauerauftrag Miete " + std::string(rng.Pick(Landlords()));
      cents = -rng.Between(350, 800) * 100L;
    } else {
      text = (rng.Chance(0.5) ? "Lastschrift " : "Kartenzahlung ") + std::string(rng.Pick(Payees()));
      cents = -(rng.Between(3, 120) * 100L + rng.Between(0, 99));
    }
    balance += cents;
    page.rows.push_back(Columns(day.Text() + "  " + text, (cents > 0 ? "+" : "") + Amount(cents) + " EUR", 1, 10));
  }
}

}  // namespace

std::vector<PageLayout> ComposeBankStatement(const DocumentRequest& request, Rng& rng) {
  const TownInfo& town = *request.jobcenter->town;
  int month = rng.Between(1, 10);
  long balance = rng.Between(-20000, 60000);
  std::string number = std::to_string(month) + "/2025";
  PageLayout page = NewPage(request);
  AddCustomerNote(page, request, rng);
  page.rows.push_back(Bold(std::string(town.bank_name), 6, 14));
  page.rows.push_back(Bold("Kontoauszug Nr. " + number, 4, 13));
  page.rows.push_back(Plain("Kontoinhaber: " + FullName(Writer(request)), 4));
  page.rows.push_back(Plain(request.household->address.street + ", " + request.household->address.postcode + " " +
                            request.household->address.city));
  page.rows.push_back(Plain("IBAN: " + Iban(rng, town.bank_code) + "   BIC: " +
                            std::array{"NOLADE21KIE", "NOLADE21SPL", "NOLADE21NOS", "NOLADE21SHO"}[rng.Between(0, 3)]));
  Date last{28, month, 2025};
  page.rows.push_back(Plain("Auszugszeitraum: 01." + last.Text().substr(3) + " bis " + last.Text()));
  page.rows.push_back(Columns("Alter Kontostand", Amount(balance) + " EUR", 4));
  int per_page = 10;
  int total = per_page * request.pages - rng.Between(0, 4);
  AddBookings(page, request, month, std::min(per_page, total), balance, rng);
  std::vector<PageLayout> pages{std::move(page)};
  for (int page_no = 2; page_no <= request.pages; ++page_no) {
    PageLayout next = NewPage(request);
    AddFollowOnHeader(next, request, page_no, rng);
    next.rows.push_back(Plain("Auszug " + number + " (Fortsetzung)", 4));
    AddBookings(next, request, month, std::min(per_page, total - per_page * (page_no - 1)), balance, rng);
    pages.push_back(std::move(next));
  }
  pages.back().rows.push_back(Columns("Neuer Kontostand", Amount(balance) + " EUR", 4));
  pages.back().rows.push_back(
      Plain("Bitte prüfen Sie Ihren Kontoauszug. Einwendungen sind unverzüglich zu erheben.", 6, 9));
  return pages;
}

std::vector<PageLayout> ComposePayslip(const DocumentRequest& request, Rng& rng) {
  const Person& worker = Writer(request);
  int month = rng.Between(1, 10);
  std::string employer(rng.Pick(Employers()));
  PageLayout page = NewPage(request);
  AddCustomerNote(page, request, rng);
  page.rows.push_back(Bold(employer, 6, 12));
  std::string title =
      std::array{"Verdienstabrechnung", "Lohnabrechnung", "Entgeltabrechnung (Lohnabrechnung)"}[rng.Between(0, 2)];
  page.rows.push_back(Bold(title + " " + std::string(MonthName(month)) + " 2025", 8, 14));
  page.rows.push_back(Plain("Personalnummer: " + Digits(rng, 6), 4));
  page.rows.push_back(Plain(FullName(worker) + ", " + request.household->address.street + ", " +
                            request.household->address.postcode + " " + request.household->address.city));
  page.rows.push_back(Plain("Steuer-ID: " + TaxId(rng) + "   Steuerklasse: " + std::to_string(rng.Between(1, 5))));
  page.rows.push_back(Plain("SV-Nummer: " + Digits(rng, 2) + " " + GermanDate(worker.birth_date).substr(0, 2) +
                            GermanDate(worker.birth_date).substr(3, 2) + GermanDate(worker.birth_date).substr(8, 2) +
                            " " + worker.surname.substr(0, 1) + " " + Digits(rng, 3)));
  long gross = rng.Between(520, 2600) * 100L;
  long health = gross * 815 / 10000;
  long pension = gross * 930 / 10000;
  long unemployment = gross * 130 / 10000;
  long care = gross * 170 / 10000;
  long tax = gross > 130000 ? (gross - 130000) * 14 / 100 : 0;
  long net = gross - health - pension - unemployment - care - tax;
  page.rows.push_back(Columns("Bruttolohn", Amount(gross) + " EUR", 6));
  page.rows.push_back(Columns("Lohnsteuer", Amount(-tax) + " EUR"));
  page.rows.push_back(Columns("Krankenversicherung", Amount(-health) + " EUR"));
  page.rows.push_back(Columns("Rentenversicherung", Amount(-pension) + " EUR"));
  page.rows.push_back(Columns("Arbeitslosenversicherung", Amount(-unemployment) + " EUR"));
  page.rows.push_back(Columns("Pflegeversicherung", Amount(-care) + " EUR"));
  page.rows.push_back(Columns("Nettoverdienst", Amount(net) + " EUR", 2));
  page.rows.push_back(Bold("Auszahlungsbetrag: " + Amount(net) + " EUR", 2));
  page.rows.push_back(Plain("Überweisung auf IBAN " + Iban(rng, request.jobcenter->town->bank_code), 4));
  std::vector<PageLayout> pages{std::move(page)};
  for (int page_no = 2; page_no <= request.pages; ++page_no) {
    PageLayout next = NewPage(request);
    AddFollowOnHeader(next, request, page_no, rng);
    next.rows.push_back(Bold("Jahreswerte bis " + std::string(MonthName(month)) + " 2025", 8, 12));
    next.rows.push_back(Columns("Steuerbrutto", Amount(gross * month) + " EUR", 4));
    next.rows.push_back(Columns("Lohnsteuer", Amount(tax * month) + " EUR"));
    next.rows.push_back(Columns("SV-Brutto", Amount(gross * month) + " EUR"));
    next.rows.push_back(Plain("Urlaubsanspruch: " + std::to_string(rng.Between(20, 30)) +
                                  " Tage, davon genommen: " + std::to_string(rng.Between(0, 15)) + " Tage",
                              6));
    pages.push_back(std::move(next));
  }
  return pages;
}

}  // namespace mailroom::samplegen::doc
