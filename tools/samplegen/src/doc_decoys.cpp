#include "doc_decoys.h"

#include <algorithm>
#include <array>
#include <regex>

#include "reference_placement.h"

namespace mailroom::samplegen {
namespace {

using doc::Plain;

// A jobcenter's switchboard: "0431 709-0"; its fax and a clerk's extension hang off the same stem.
std::string Stem(const DocumentRequest& request) {
  const TownInfo& town = *request.jobcenter->town;
  return std::string(town.area_code) + " " + std::to_string(700 + std::stoi(std::string(town.dienststelle)) % 97);
}

// One fax number per jobcenter, as on its letterhead.
std::string Fax(const DocumentRequest& request) {
  return Stem(request) + "-" + std::to_string(1900 + std::stoi(request.jobcenter->dienststelle) % 100);
}

// Sozialgericht file references ("S 12 AS 345/25") and Rentenversicherungsnummern
// ("65 170839 J 003": area, birth date, initial of the birth name, serial).
std::string FileReference(const DocumentRequest& request, Rng& rng) {
  if (rng.Chance(0.5)) {
    return "Das Verfahren beim Sozialgericht " + request.household->address.city + " läuft unter dem Aktenzeichen S " +
           std::to_string(rng.Between(1, 40)) + " AS " + std::to_string(rng.Between(10, 2999)) + "/" +
           std::to_string(rng.Between(22, 25)) + ".";
  }
  const Person& writer = doc::Writer(request);
  std::string birth = doc::GermanDate(writer.birth_date);
  return "Meine Rentenversicherungsnummer lautet " + doc::Digits(rng, 2) + " " + birth.substr(0, 2) +
         birth.substr(3, 2) + birth.substr(8, 2) + " " + std::string(1, writer.surname.front()) + " " +
         doc::Digits(rng, 3) + ".";
}

std::string Sentence(Decoy decoy, const DocumentRequest& request, Rng& rng) {
  const TownInfo& town = *request.jobcenter->town;
  switch (decoy) {
    case Decoy::kIban:
      return "Bitte überweisen Sie die Leistungen auf mein Konto bei der " + std::string(town.bank_name) + ", IBAN " +
             doc::Iban(rng, town.bank_code) + ".";
    case Decoy::kPhone:
      return "Sie erreichen mich unter der Telefonnummer " + doc::Phone(rng, town.area_code) + ".";
    case Decoy::kFax:
      return "Eine Kopie habe ich vorab per Fax an " + Fax(request) + " geschickt.";
    case Decoy::kDate:
      return "Ich war bereits am " + doc::DaysBefore(doc::RandomDate(rng), rng.Between(3, 60)).Text() +
             " persönlich bei Ihnen, konnte aber niemanden sprechen.";
    case Decoy::kAmount:
      return "Die Nachzahlung aus der Nebenkostenabrechnung beträgt " +
             doc::Amount(rng.Between(40, 900) * 100L + rng.Between(0, 99)) + " EUR.";
    case Decoy::kAktenzeichen:
      return FileReference(request, rng);
    case Decoy::kJobcenterAddress:
    case Decoy::kJobcenterLetter:
      break;
  }
  return "";
}

// Under the recipient block: what the customer copied from the jobcenter's letterhead.
void ExtendRecipientBlock(PageLayout& page, const DocumentRequest& request) {
  std::vector<TextRow> extra = {Plain("Telefon: " + Stem(request) + "-0   Telefax: " + Fax(request)),
                                Plain("Dienststellen-Nr. " + request.jobcenter->dienststelle)};
  for (std::size_t i = 0; i < page.rows.size(); ++i) {
    if (page.rows[i].text != request.jobcenter->name) continue;
    std::size_t after = std::min(i + 3, page.rows.size());
    page.rows.insert(page.rows.begin() + static_cast<std::ptrdiff_t>(after), extra.begin(), extra.end());
    return;
  }
  page.footer.insert(page.footer.begin(), extra.begin(), extra.end());
}

struct CopyText {
  std::string subject;
  std::string body;
};

CopyText CopyBody(const doc::Date& date, Rng& rng) {
  doc::Date deadline = date;
  deadline.day = std::min(28, date.day + 14);  // two weeks, within the month
  switch (rng.Between(0, 3)) {
    case 0:
      return {"Aufforderung zur Mitwirkung",
              "zur Prüfung Ihres Anspruchs benötige ich noch Kontoauszüge der letzten drei Monate. Bitte reichen Sie "
              "die Unterlagen bis zum " +
                  deadline.Text() +
                  " ein. Kommen Sie Ihrer Mitwirkungspflicht nicht nach, können die Leistungen nach "
                  "§ 66 SGB I ganz oder teilweise versagt werden."};
    case 1:
      return {"Einladung zu einem persönlichen Gespräch",
              "bitte kommen Sie am " + deadline.Text() +
                  " um 10:15 Uhr in das Jobcenter, Zimmer 2.14. Bringen Sie bitte Ihren Personalausweis mit."};
    case 2:
      return {"Änderungsbescheid",
              "aufgrund der geänderten Verhältnisse werden Ihnen für die Zeit ab 01." + date.Text().substr(3) +
                  " monatlich " + doc::Amount(rng.Between(400, 1500) * 100L) +
                  " EUR bewilligt. Gegen diesen Bescheid kann innerhalb eines Monats Widerspruch erhoben werden."};
    default:
      return {"Anhörung nach § 24 SGB X",
              "nach meinen Unterlagen haben Sie in der Zeit vom 01.01.2025 bis 31.03.2025 Leistungen in Höhe von " +
                  doc::Amount(rng.Between(100, 1800) * 100L) +
                  " EUR zu Unrecht erhalten. Sie haben Gelegenheit, sich bis zum " + deadline.Text() + " zu äußern."};
  }
}

}  // namespace

std::string_view DecoyName(Decoy decoy) {
  static constexpr std::array<std::string_view, 8> kNames = {
      "iban", "phone", "fax", "date", "amount", "aktenzeichen", "jobcenter_address", "jobcenter_letter"};
  return kNames[static_cast<std::size_t>(decoy)];
}

std::vector<Decoy> AllDecoys() {
  return {Decoy::kIban,
          Decoy::kPhone,
          Decoy::kFax,
          Decoy::kDate,
          Decoy::kAmount,
          Decoy::kAktenzeichen,
          Decoy::kJobcenterAddress,
          Decoy::kJobcenterLetter};
}

void AddDecoy(PageLayout& page, Decoy decoy, const DocumentRequest& request, Rng& rng) {
  if (decoy == Decoy::kJobcenterLetter) return;
  if (decoy == Decoy::kJobcenterAddress) return ExtendRecipientBlock(page, request);
  AddBodySentence(page, Sentence(decoy, request, rng));
}

PageLayout JobcenterLetterCopy(const DocumentRequest& request, const std::optional<std::string>& quoted_bg,
                               const std::optional<doc::Date>& date, Rng& rng) {
  const Jobcenter& jc = *request.jobcenter;
  const TownInfo& town = *jc.town;
  const Person& writer = doc::Writer(request);
  const Address& address = request.household->address;
  std::string office =
      std::string(town.office_street) + ", " + std::string(town.office_postcode) + " " + std::string(town.city);
  std::string clerk(rng.Pick(Surnames()));
  bool clerk_female = rng.Chance(0.6);
  doc::Date sent = date ? *date : doc::RandomDate(rng);

  PageLayout page = doc::NewPage(request);
  page.font_family = "Liberation Sans";
  page.rows.push_back(doc::RightAligned("KOPIE", 0, 14));
  page.rows.push_back(doc::Bold(jc.name, 2, 14));
  page.rows.push_back(Plain(office, 0, 9));
  page.rows.push_back(Plain(jc.name + ", " + office, 10, 7));
  page.rows.push_back(Plain(std::string(writer.female ? "Frau " : "Herrn ") + doc::FullName(writer), 2));
  page.rows.push_back(Plain(address.street));
  page.rows.push_back(Plain(address.postcode + " " + address.city));
  page.rows.push_back(doc::RightAligned("Geschäftszeichen: " + std::to_string(rng.Between(600, 699)) + "." +
                                            std::to_string(rng.Between(10, 39)) + " - II " +
                                            std::to_string(rng.Between(1, 6)),
                                        8, 10));
  page.rows.push_back(doc::RightAligned(
      "Unser Zeichen: " + jc.dienststelle + "-D" + doc::Digits(rng, 2) + "-" + std::string(1, clerk.front()), 0, 10));
  page.rows.push_back(
      doc::RightAligned(std::string("Bearbeitet von: ") + (clerk_female ? "Frau " : "Herr ") + clerk, 0, 10));
  page.rows.push_back(doc::RightAligned("Telefon: " + Stem(request) + "-" + doc::Digits(rng, 4), 0, 10));
  page.rows.push_back(doc::RightAligned("Telefax: " + Fax(request), 0, 10));
  page.rows.push_back(doc::RightAligned("Datum: " + sent.Text(), 0, 10));
  if (quoted_bg) page.rows.push_back(Plain("BG-Nummer: " + *quoted_bg, 4, 10));
  CopyText text = CopyBody(sent, rng);
  page.rows.push_back(doc::Bold(text.subject, 6, 12));
  page.rows.push_back(
      Plain(std::string(writer.female ? "Sehr geehrte Frau " : "Sehr geehrter Herr ") + writer.surname + ",", 6));
  doc::AddParagraph(page, text.body, 3);
  page.rows.push_back(Plain("Mit freundlichen Grüßen", 6));
  page.rows.push_back(Plain("Im Auftrag", 2));
  page.rows.push_back(Plain(clerk, 4));
  page.footer.push_back(Plain(jc.name + " · " + office + " · Telefon " + Stem(request) + "-0", 0, 8));
  page.footer.push_back(Plain("Bankverbindung: Bundesbank, IBAN " + doc::Iban(rng, "76000000") +
                                  ", BIC MARKDEF1760 · Dienststellen-Nr. " + jc.dienststelle,
                              0, 8));
  return page;
}

std::vector<std::string> FindDecoys(const std::vector<std::string>& lines) {
  static const std::array<std::regex, 8> kPatterns = {
      std::regex(R"(\bDE\d{2}( ?\d{4}){4} ?\d{2}\b)"),
      std::regex(R"((Tel\.|Telefon|unter der Nummer)[^0-9]{0,12}0\d{2,4}[ /])"),
      std::regex(R"((Fax|Telefax)[^0-9]{0,12}0\d{2,4} )"),
      std::regex(
          R"(\b\d{1,2}\.\d{1,2}\.\d{4}\b|\b\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4})"),
      std::regex(R"(\d,\d{2} ?(EUR|€))"),
      std::regex(R"(\b[A-Z]{1,2} \d{1,3} [A-Z]{2} \d{1,5}/\d{2}\b|\b\d{2} \d{6} [A-Z] \d{3}\b)"),
      std::regex(R"(Dienststellen-Nr)"),
      std::regex(R"(Geschäftszeichen|Unser Zeichen)"),
  };
  // One text, so that a number wrapped onto the next line still counts.
  std::string text;
  for (const std::string& line : lines) text += line + " ";
  std::vector<std::string> found;
  for (std::size_t k = 0; k < kPatterns.size(); ++k) {
    if (std::regex_search(text, kPatterns[k])) found.emplace_back(DecoyName(static_cast<Decoy>(k)));
  }
  return found;
}

}  // namespace mailroom::samplegen
