// Proofs written by third parties that customers forward: sick notes from doctors, rent
// certificates from landlords, and the customer's own list of job applications. Customers
// usually write their number on top ("Kundennummer: ..."), which we print as a first row.
#include <algorithm>
#include <array>
#include <string>

#include "doc_common.h"
#include "doc_templates.h"

namespace mailroom::samplegen::doc {
namespace {

// The customer's note at the top of a third-party form (empty for kNone).
void AddCustomerNote(PageLayout& page, const DocumentRequest& request, Rng& rng) {
  std::string number = NumberLine(request, rng);
  if (!number.empty()) page.rows.push_back(Plain(number, 0, 12));
}

}  // namespace

std::vector<PageLayout> ComposeSickNote(const DocumentRequest& request, Rng& rng) {
  const Person& patient = Writer(request);
  PageLayout page = NewPage(request);
  AddCustomerNote(page, request, rng);
  page.rows.push_back(Bold("Arbeitsunfähigkeitsbescheinigung", 6, 15));
  page.rows.push_back(Plain("Ausfertigung zur Vorlage beim Arbeitgeber oder Jobcenter", 1, 10));
  page.rows.push_back(Plain("Krankenkasse bzw. Kostenträger: " + std::string(rng.Pick(HealthInsurers())), 6));
  page.rows.push_back(Plain("Name, Vorname des Versicherten: " + patient.surname + ", " + patient.given_name));
  page.rows.push_back(Plain("geb. am " + GermanDate(patient.birth_date)));
  page.rows.push_back(Plain(request.household->address.street + ", " + request.household->address.postcode + " " +
                            request.household->address.city));
  page.rows.push_back(Plain("Kostenträgerkennung: 10" + Digits(rng, 7), 4));
  page.rows.push_back(
      Plain("Versicherten-Nr.: " + std::string(1, static_cast<char>('A' + rng.Between(0, 25))) + Digits(rng, 9)));
  page.rows.push_back(Plain("Betriebsstätten-Nr.: " + Digits(rng, 9) + "   Arzt-Nr.: " + Digits(rng, 9)));
  Date since = RandomDate(rng);
  Date until = since;
  until.day = std::min(28, since.day + rng.Between(2, 12));
  page.rows.push_back(Plain(rng.Chance(0.7) ? "[X] Erstbescheinigung   [ ] Folgebescheinigung"
                                            : "[ ] Erstbescheinigung   [X] Folgebescheinigung",
                            6));
  page.rows.push_back(Plain("arbeitsunfähig seit: " + since.Text(), 4));
  page.rows.push_back(Plain("voraussichtlich arbeitsunfähig bis einschließlich: " + until.Text()));
  page.rows.push_back(Plain("festgestellt am: " + since.Text()));
  page.rows.push_back(Plain("[ ] Arbeitsunfall   [ ] dem Durchgangsarzt zugewiesen", 4));
  page.rows.push_back(Plain("Praxis Dr. med. " + std::string(rng.Pick(Surnames())), 14));
  page.rows.push_back(Plain("Fachärztin/Facharzt für Allgemeinmedizin"));
  page.rows.push_back(Plain(std::string(rng.Pick(Streets())) + " " + std::to_string(rng.Between(1, 60)) + ", " +
                            request.household->address.postcode + " " + request.household->address.city));
  page.rows.push_back(Plain("Tel. " + Phone(rng, request.jobcenter->town->area_code)));
  std::vector<PageLayout> pages{std::move(page)};
  for (int page_no = 2; page_no <= request.pages; ++page_no) {
    PageLayout next = NewPage(request);
    AddFollowOnHeader(next, request, page_no, rng);
    AddParagraph(next, "Hinweis für Versicherte: Bitte legen Sie diese Bescheinigung unverzüglich vor.", 8);
    pages.push_back(std::move(next));
  }
  return pages;
}

std::vector<PageLayout> ComposeRentCertificate(const DocumentRequest& request, Rng& rng) {
  const Address& flat = request.household->address;
  std::string landlord(rng.Pick(Landlords()));
  PageLayout page = NewPage(request);
  AddCustomerNote(page, request, rng);
  page.rows.push_back(Bold(landlord, 6, 12));
  page.rows.push_back(Plain(
      std::string(rng.Pick(Streets())) + " " + std::to_string(rng.Between(1, 80)) + ", " +
          std::to_string(rng.Between(request.jobcenter->town->postcode_low, request.jobcenter->town->postcode_high)) +
          " " + std::string(request.jobcenter->town->city),
      0, 10));
  page.rows.push_back(Plain("Telefon " + Phone(rng, request.jobcenter->town->area_code), 0, 10));
  page.rows.push_back(Bold("Mietbescheinigung", 10, 16));
  page.rows.push_back(Plain("zur Vorlage beim " + request.jobcenter->name, 1, 10));
  page.rows.push_back(Plain("Mieter/in: " + FullName(Writer(request)), 8));
  page.rows.push_back(Plain("Anschrift der Wohnung: " + flat.street + ", " + flat.postcode + " " + flat.city));
  page.rows.push_back(Plain("Lage der Wohnung: " + std::to_string(rng.Between(0, 4)) + ". OG " +
                            (rng.Chance(0.5) ? "links" : "rechts")));
  page.rows.push_back(Plain("Wohnfläche: " + std::to_string(rng.Between(28, 95)) + "," +
                            std::to_string(rng.Between(0, 9)) + " m²   Zimmer: " + std::to_string(rng.Between(1, 4))));
  page.rows.push_back(Plain("Mietbeginn: 01." + std::string(rng.Chance(0.5) ? "04" : "10") + "." +
                            std::to_string(rng.Between(2008, 2024))));
  long cold = rng.Between(300, 760) * 100L;
  long extra = rng.Between(70, 200) * 100L;
  long heat = rng.Between(45, 150) * 100L;
  page.rows.push_back(Bold("Monatliche Kosten", 6));
  page.rows.push_back(Columns("Kaltmiete (Grundmiete)", Amount(cold) + " EUR", 2));
  page.rows.push_back(Columns("Nebenkosten (Vorauszahlung)", Amount(extra) + " EUR"));
  page.rows.push_back(Columns("Heizkosten (Vorauszahlung)", Amount(heat) + " EUR"));
  page.rows.push_back(Columns("Gesamtmiete", Amount(cold + extra + heat) + " EUR", 1));
  page.rows.push_back(Plain("Zahlung auf das Konto IBAN " + Iban(rng, request.jobcenter->town->bank_code), 6));
  if (request.pages == 1) page.rows.push_back(Plain("Ort, Datum, Unterschrift des Vermieters", 14, 10));
  std::vector<PageLayout> pages{std::move(page)};
  for (int page_no = 2; page_no <= request.pages; ++page_no) {
    PageLayout next = NewPage(request);
    AddFollowOnHeader(next, request, page_no, rng);
    next.rows.push_back(Bold("Angaben zu Heizung und Warmwasser", 8, 12));
    next.rows.push_back(Plain(
        rng.Chance(0.5) ? "[X] Zentralheizung   [ ] Etagenheizung" : "[ ] Zentralheizung   [X] Etagenheizung", 4));
    next.rows.push_back(Plain("Energieträger: " + std::string(rng.Chance(0.6) ? "Erdgas" : "Fernwärme")));
    next.rows.push_back(
        Plain("Warmwasser wird " + std::string(rng.Chance(0.5) ? "zentral" : "dezentral") + " erzeugt."));
    AddParagraph(next, "Die Angaben entsprechen dem gültigen Mietvertrag. Eine Kopie des Mietvertrages liegt bei.", 6);
    next.rows.push_back(Plain("Ort, Datum, Unterschrift des Vermieters", 14, 10));
    pages.push_back(std::move(next));
  }
  return pages;
}

std::vector<PageLayout> ComposeJobSearch(const DocumentRequest& request, Rng& rng) {
  Date month = RandomDate(rng);
  PageLayout page = NewPage(request);
  page.rows.push_back(Bold("Nachweis der Eigenbemühungen", 0, 15));
  page.rows.push_back(Plain("für den Monat " + std::string(MonthName(month.month)) + " 2025", 1));
  page.rows.push_back(Plain("Name: " + FullName(Writer(request)), 6));
  std::string number = NumberLine(request, rng);
  if (!number.empty()) page.rows.push_back(Plain(number));
  AddParagraph(page, "Entsprechend meinem Kooperationsplan weise ich folgende Bewerbungen nach:", 6);
  std::vector<PageLayout> pages;
  auto add_applications = [&](PageLayout& target, int count) {
    for (int i = 0; i < count; ++i) {
      Date sent{rng.Between(1, 28), month.month, 2025};
      std::string how = std::array{"schriftlich", "per E-Mail", "online", "persönlich"}[rng.Between(0, 3)];
      std::string result = std::array{"offen", "Absage", "Vorstellungsgespräch", "keine Antwort"}[rng.Between(0, 3)];
      target.rows.push_back(Columns(sent.Text() + "  " + std::string(rng.Pick(JobTitles())), how + ", " + result, 3));
      target.rows.push_back(Plain(std::string(rng.Pick(Employers())), 0, 10));
      target.rows.back().indent_mm = 8;
    }
  };
  add_applications(page, request.pages == 1 ? rng.Between(4, 6) : 6);
  pages.push_back(std::move(page));
  for (int page_no = 2; page_no <= request.pages; ++page_no) {
    PageLayout next = NewPage(request);
    AddFollowOnHeader(next, request, page_no, rng);
    add_applications(next, rng.Between(3, 6));
    pages.push_back(std::move(next));
  }
  AddSignatureBlock(pages.back(), request, rng);
  return pages;
}

}  // namespace mailroom::samplegen::doc
