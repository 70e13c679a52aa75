// Jobcenter forms the customer fills in and sends back: the Weiterbewilligungsantrag and the
// Veränderungsmitteilung. Jobcenter forms often carry the BG number as a barcode in the corner.
#include <array>
#include <string>

#include "doc_common.h"
#include "doc_templates.h"

namespace mailroom::samplegen::doc {
namespace {

PageLayout FormFirstPage(const DocumentRequest& request, const std::string& title, const std::string& subtitle,
                         Rng& rng) {
  PageLayout page = NewPage(request);
  AddCaseBarcode(page, request, rng);
  page.rows.push_back(Bold(request.jobcenter->name, 0, 12));
  page.rows.push_back(Plain(std::string(request.jobcenter->town->office_street) + ", " +
                                std::string(request.jobcenter->town->office_postcode) + " " +
                                std::string(request.jobcenter->town->city),
                            0, 10));
  page.rows.push_back(Bold(title, 8, 16));
  AddParagraph(page, subtitle, 1, 10);
  std::string number = NumberLine(request, rng);
  page.rows.push_back(Plain(number.empty() ? "Nummer der Bedarfsgemeinschaft:" : number, 6));
  return page;
}

void AddIncomeSection(PageLayout& page, const DocumentRequest& request, Rng& rng) {
  page.rows.push_back(Bold("Anlage EK: Einkommen", 8, 12));
  page.rows.push_back(Plain("Arbeitgeber: " + std::string(rng.Pick(Employers())), 4));
  page.rows.push_back(
      Plain("Bruttoeinkommen monatlich: " + Amount(rng.Between(400, 2200) * 100 + rng.Between(0, 99)) + " EUR"));
  page.rows.push_back(
      Plain("Nettoeinkommen monatlich: " + Amount(rng.Between(350, 1700) * 100 + rng.Between(0, 99)) + " EUR"));
  int children = static_cast<int>(request.household->persons.size()) - 1;
  page.rows.push_back(Plain("Kindergeld: " + Amount(children > 0 ? 25500L * children : 0) + " EUR"));
  page.rows.push_back(Plain("Unterhalt oder Unterhaltsvorschuss: " + Amount(rng.Chance(0.3) ? 23000 : 0) + " EUR"));
  page.rows.push_back(Plain("Steuerliche Identifikationsnummer: " + TaxId(rng)));
}

void AddHousingSection(PageLayout& page, Rng& rng) {
  page.rows.push_back(Bold("Anlage KdU: Kosten der Unterkunft und Heizung", 8, 12));
  int rent = rng.Between(320, 720);
  page.rows.push_back(Plain("Grundmiete: " + Amount(rent * 100L) + " EUR", 4));
  page.rows.push_back(Plain("Betriebskosten: " + Amount(rng.Between(80, 190) * 100L) + " EUR"));
  page.rows.push_back(Plain("Heizkosten: " + Amount(rng.Between(50, 140) * 100L) + " EUR"));
  page.rows.push_back(Plain("[X] Die Miete hat sich seit der letzten Antragstellung nicht geändert."));
}

void AddAssetsSection(PageLayout& page, const DocumentRequest& request, Rng& rng) {
  page.rows.push_back(Bold("Anlage VM: Konten und Vermögen", 8, 12));
  page.rows.push_back(Plain("Girokonto bei: " + std::string(request.jobcenter->town->bank_name), 4));
  page.rows.push_back(Plain("IBAN: " + Iban(rng, request.jobcenter->town->bank_code)));
  page.rows.push_back(Plain("Kontostand am Tag der Antragstellung: " + Amount(rng.Between(0, 150000)) + " EUR"));
  page.rows.push_back(Plain("[ ] Sparbuch   [ ] Bausparvertrag   [X] kein weiteres Vermögen"));
}

void AddDeclaration(PageLayout& page, const DocumentRequest& request, Rng& rng) {
  page.rows.push_back(Bold("Erklärung", 8, 12));
  AddParagraph(page,
               "Ich versichere, dass die Angaben vollständig und richtig sind. Mir ist bekannt, dass ich jede "
               "Änderung unverzüglich mitteilen muss.",
               3);
  AddSignatureBlock(page, request, rng);
}

}  // namespace

std::vector<PageLayout> ComposeApplication(const DocumentRequest& request, Rng& rng) {
  std::vector<PageLayout> pages;
  PageLayout first =
      FormFirstPage(request, "Weiterbewilligungsantrag",
                    "Antrag auf Weiterbewilligung von Bürgergeld nach dem Zweiten Buch Sozialgesetzbuch (SGB II)", rng);
  first.rows.push_back(Bold("1. Angaben zur antragstellenden Person", 6));
  AddPersonFields(first, request, rng);
  Date start = RandomDate(rng);
  first.rows.push_back(Bold("2. Weiterbewilligungszeitraum", 6));
  first.rows.push_back(Plain("Ich beantrage die Weiterbewilligung der Leistungen ab dem 01." +
                                 std::string(start.month < 10 ? "0" : "") + std::to_string(start.month) + ".2025.",
                             2));
  first.rows.push_back(Bold("3. Mitglieder der Bedarfsgemeinschaft", 6));
  for (const Person& p : request.household->persons) {
    first.rows.push_back(Plain(FullName(p) + ", geboren am " + GermanDate(p.birth_date), 1));
  }
  first.rows.push_back(Bold("4. Änderungen", 6));
  first.rows.push_back(Plain(rng.Chance(0.7) ? "[X] Es haben sich keine Änderungen ergeben."
                                             : "[X] Es haben sich Änderungen ergeben (siehe Anlagen).",
                             2));
  if (request.pages == 1) AddDeclaration(first, request, rng);
  pages.push_back(std::move(first));
  for (int page_no = 2; page_no <= request.pages; ++page_no) {
    PageLayout page = NewPage(request);
    AddFollowOnHeader(page, request, page_no, rng);
    int section = page_no == request.pages ? 3 : page_no - 2;  // the declaration always comes last
    if (section == 0) AddIncomeSection(page, request, rng);
    if (section == 1) AddHousingSection(page, rng);
    if (section == 2) AddAssetsSection(page, request, rng);
    if (section == 3) AddDeclaration(page, request, rng);
    pages.push_back(std::move(page));
  }
  return pages;
}

std::vector<PageLayout> ComposeChangeNoticeForm(const DocumentRequest& request, Rng& rng) {
  std::vector<PageLayout> pages;
  PageLayout first = FormFirstPage(request, "Veränderungsmitteilung",
                                   "zum Bürgergeld nach dem SGB II (bitte vollständig ausfüllen)", rng);
  AddPersonFields(first, request, rng);
  first.rows.push_back(Bold("Folgende Änderungen teile ich mit:", 6));
  static constexpr std::array<std::string_view, 5> kBoxes = {
      "Aufnahme einer Arbeit / Änderung des Einkommens", "Umzug / Änderung der Anschrift",
      "Änderung der Bankverbindung", "Geburt eines Kindes / Zuzug oder Auszug einer Person",
      "Krankenhausaufenthalt oder Kur"};
  int chosen = rng.Between(0, static_cast<int>(kBoxes.size()) - 1);
  Date when = RandomDate(rng);
  for (int i = 0; i < static_cast<int>(kBoxes.size()); ++i) {
    std::string text = (i == chosen ? "[X] " : "[ ] ") + std::string(kBoxes[static_cast<std::size_t>(i)]);
    if (i == chosen) text += " ab " + when.Text();
    first.rows.push_back(Plain(text, i == 0 ? 2 : 0));
  }
  std::string detail = chosen == 2
                           ? "Meine neue Bankverbindung lautet IBAN " + Iban(rng, request.jobcenter->town->bank_code) +
                                 " bei der " + std::string(request.jobcenter->town->bank_name) + "."
                           : "Die Nachweise zu der Änderung füge ich bei. Bei Fragen bin ich unter " +
                                 Phone(rng, request.jobcenter->town->area_code) + " erreichbar.";
  first.rows.push_back(Bold("Erläuterung:", 6));
  AddParagraph(first, detail, 1);
  if (request.pages == 1) AddSignatureBlock(first, request, rng);
  pages.push_back(std::move(first));
  for (int page_no = 2; page_no <= request.pages; ++page_no) {
    PageLayout page = NewPage(request);
    AddFollowOnHeader(page, request, page_no, rng);
    if (page_no < request.pages) {
      AddIncomeSection(page, request, rng);
    } else {
      AddDeclaration(page, request, rng);
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace mailroom::samplegen::doc
