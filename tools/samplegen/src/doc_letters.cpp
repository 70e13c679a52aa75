// Free-form letters from customers: a sender block, the jobcenter's address, date, Betreff,
// salutation, body, greeting. Follow-on pages continue the body and carry no case number.
#include <array>
#include <cstdio>
#include <optional>
#include <string>

#include "doc_common.h"
#include "doc_templates.h"

namespace mailroom::samplegen::doc {
namespace {

struct LetterText {
  std::string subject;
  std::vector<std::string> opening;  ///< paragraphs on page 1
  std::vector<std::string> more;     ///< paragraphs for follow-on pages
  std::optional<Date> decision;      ///< objections: the contested decision's date
};

std::vector<std::string> Filler(Rng& rng, int count) {
  static constexpr std::array<std::string_view, 8> kSentences = {
      "Ich bitte um eine schriftliche Bestätigung, dass dieses Schreiben bei Ihnen eingegangen ist.",
      "Für Rückfragen stehe ich Ihnen gerne zur Verfügung. Sie erreichen mich am besten vormittags.",
      "Die erforderlichen Nachweise füge ich diesem Schreiben in Kopie bei. Die Originale kann ich bei Bedarf "
      "gerne persönlich vorlegen.",
      "Sollten weitere Unterlagen benötigt werden, teilen Sie mir dies bitte schriftlich mit, damit ich sie "
      "rechtzeitig besorgen kann.",
      "Ich versichere, dass meine Angaben vollständig und richtig sind.",
      "Bitte berücksichtigen Sie, dass ich derzeit nur eingeschränkt telefonisch erreichbar bin.",
      "Meine Kontoverbindung hat sich nicht geändert. Bitte überweisen Sie die Leistungen weiterhin auf mein "
      "bekanntes Konto.",
      "Ich bitte Sie, die Angelegenheit zeitnah zu bearbeiten, da ich auf die Leistungen dringend angewiesen bin.",
  };
  std::vector<std::string> out;
  int start = rng.Between(0, static_cast<int>(kSentences.size()) - 1);
  for (int i = 0; i < count; ++i) out.emplace_back(kSentences[static_cast<std::size_t>(start + i) % kSentences.size()]);
  return out;
}

LetterText GeneralLetter(const DocumentRequest& request, Rng& rng) {
  Date date = DaysBefore(RandomDate(rng), rng.Between(5, 40));
  switch (rng.Between(0, 3)) {
    case 0:
      return {"Nachreichung von Unterlagen",
              {"anbei übersende ich Ihnen die von Ihnen angeforderten Unterlagen. Bitte nehmen Sie diese zu meiner "
               "Akte.",
               "Es handelt sich um Kopien meines Personalausweises und meiner Meldebescheinigung."},
              {"Die Unterlagen zu meinem Einkommen reiche ich nach, sobald ich sie von meinem Arbeitgeber erhalten "
               "habe."}};
    case 1:
      return {"Bitte um Verlegung meines Termins am " + date.Text(),
              {"leider kann ich den Termin am " + date.Text() +
                   " um 9:30 Uhr nicht wahrnehmen, da ich an diesem Tag "
                   "einen Arzttermin habe.",
               "Ich bitte Sie, mir einen neuen Termin zu geben."},
              {"Einen Nachweis über den Arzttermin füge ich bei."}};
    case 2:
      return {"Anfrage zum Stand meines Antrags",
              {"am " + date.Text() +
                   " habe ich bei Ihnen einen Antrag gestellt. Bis heute habe ich keinen Bescheid "
                   "erhalten.",
               "Bitte teilen Sie mir mit, wann ich mit einer Entscheidung rechnen kann."},
              {"Ohne die Leistungen kann ich meine Miete für den kommenden Monat nicht bezahlen."}};
    default:
      return {
          "Bitte um Rückruf",
          {"ich habe eine Frage zu Ihrem Schreiben vom " + date.Text() + ". Bitte rufen Sie mich unter der Nummer " +
               Phone(rng, request.jobcenter->town->area_code) + " zurück.",
           "Ich bin werktags von 8 bis 12 Uhr erreichbar."},
          {}};
  }
}

// "14. März 2025": how people write a date in running text.
std::string LongDate(const Date& date) {
  return std::to_string(date.day) + ". " + std::string(MonthName(date.month)) + " " + std::to_string(date.year);
}

// The mix's ways of naming the contested decision: subject and first sentence. Drawn after all the
// default draws, so boxes without the mix keep their text.
void VaryObjection(LetterText& text, const Date& decision, Rng& rng) {
  std::string day = decision.Text();
  std::string words = LongDate(decision);
  switch (rng.Between(0, 4)) {
    case 0:
      return;  // "Widerspruch gegen den Bescheid vom 14.03.2025"
    case 1:
      text.subject = "Widerspruch gegen Ihren Bescheid vom " + words;
      text.opening[0] = "hiermit lege ich gegen Ihren Bescheid vom " + words + " Widerspruch ein.";
      return;
    case 2:
      text.subject = "Widerspruch gegen den Änderungsbescheid vom " + day;
      text.opening[0] = "gegen Ihren Änderungsbescheid vom " + day + " lege ich hiermit fristgerecht Widerspruch ein.";
      return;
    case 3:
      text.subject = "Widerspruch";
      text.opening[0] = "hiermit widerspreche ich Ihrem Bescheid vom " + words +
                        " über die Bewilligung von Bürgergeld und bitte um erneute Prüfung.";
      return;
    default:
      text.subject = "Widerspruch gegen Ihren Bewilligungsbescheid vom " + day;
      text.opening[0] = "gegen den oben genannten Bescheid vom " + day +
                        ", der mir einige Tage später zugegangen ist, erhebe ich Widerspruch.";
      return;
  }
}

LetterText Objection(Rng& rng) {
  Date decision = DaysBefore(RandomDate(rng), rng.Between(10, 28));
  std::string amount = Amount(rng.Between(300, 900) * 100 + rng.Between(0, 99));
  std::vector<std::string> reasons = {
      "Die Kosten der Unterkunft wurden nicht in tatsächlicher Höhe berücksichtigt. Meine Miete beträgt insgesamt " +
          amount + " EUR monatlich.",
      "Das Einkommen aus meinem Minijob wurde falsch angerechnet. Ich verdiene monatlich nur " +
          Amount(rng.Between(200, 538) * 100) + " EUR.",
      "Der Mehrbedarf für Alleinerziehende wurde nicht berücksichtigt, obwohl mein Kind bei mir lebt.",
      "Die Nachzahlung der Heizkosten aus der Jahresabrechnung wurde nicht übernommen.",
      "Die Rückforderung in Höhe von " + Amount(rng.Between(50, 1500) * 100) +
          " EUR ist nicht nachvollziehbar, da ich alle Änderungen rechtzeitig mitgeteilt habe.",
  };
  rng.Shuffle(reasons);
  return {"Widerspruch gegen den Bescheid vom " + decision.Text(),
          {"hiermit lege ich gegen Ihren Bescheid vom " + decision.Text() + " fristgerecht Widerspruch ein.",
           "Begründung: " + reasons[0]},
          {reasons[1], reasons[2], "Ich bitte um Überprüfung des Bescheides und um Erteilung eines Abhilfebescheides.",
           "Ich beantrage außerdem Akteneinsicht gemäß § 25 SGB X."},
          decision};
}

std::string IsoDate(const Date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

LetterText ChangeNotice(const DocumentRequest& request, Rng& rng) {
  Date when = RandomDate(rng);
  const TownInfo& town = *request.jobcenter->town;
  switch (rng.Between(0, 2)) {
    case 0:
      return {"Veränderungsmitteilung: Aufnahme einer Beschäftigung",
              {"hiermit teile ich Ihnen mit, dass ich ab dem " + when.Text() + " eine Beschäftigung als " +
                   std::string(rng.Pick(JobTitles())) + " bei der Firma " + std::string(rng.Pick(Employers())) +
                   " aufnehme.",
               "Der Bruttolohn beträgt voraussichtlich " + Amount(rng.Between(600, 2400) * 100) +
                   " EUR im Monat. Den Arbeitsvertrag füge ich in Kopie bei."},
              {"Den ersten Gehaltsnachweis reiche ich nach, sobald ich ihn erhalten habe."}};
    case 1:
      return {
          "Veränderungsmitteilung: Umzug",
          {"hiermit teile ich Ihnen mit, dass ich zum " + when.Text() + " umziehe. Meine neue Anschrift lautet: " +
               std::string(rng.Pick(Streets())) + " " + std::to_string(rng.Between(1, 90)) + ", " +
               std::to_string(rng.Between(town.postcode_low, town.postcode_high)) + " " + std::string(town.city) + ".",
           "Die Zustimmung zum Umzug wurde mir mit Schreiben vom " + DaysBefore(when, 30).Text() + " erteilt."},
          {"Den neuen Mietvertrag reiche ich gesondert ein."}};
    default:
      return {"Veränderungsmitteilung: Geburt unseres Kindes",
              {"hiermit teile ich Ihnen mit, dass unser Kind am " + when.Text() + " geboren wurde.",
               "Eine Kopie der Geburtsurkunde liegt bei. Kindergeld wurde bei der Familienkasse beantragt."},
              {"Bitte berücksichtigen Sie unser Kind ab dem Monat der Geburt in der Bedarfsgemeinschaft."}};
  }
}

void AddLetterHead(PageLayout& page, const DocumentRequest& request, const std::string& subject, Rng& rng) {
  AddSenderBlock(page, request, rng);
  AddRecipientBlock(page, *request.jobcenter, 14);
  page.rows.push_back(RightAligned(request.household->address.city + ", " + RandomDate(rng).Text(), 8));
  std::string number = request.style == NumberStyle::kInSubject ? "" : NumberLine(request, rng);
  if (!number.empty()) page.rows.push_back(Plain(number, 6));
  std::string prefix = rng.Chance(0.8) ? "Betreff: " : "";
  page.rows.push_back(Bold(prefix + subject + SubjectSuffix(request), number.empty() ? 8 : 4));
  page.rows.push_back(Plain("Sehr geehrte Damen und Herren,", 8));
}

void AddClosing(PageLayout& page, const DocumentRequest& request, Rng& rng) {
  page.rows.push_back(Plain("Mit freundlichen Grüßen", 6));
  page.rows.push_back(Plain(FullName(Writer(request)), 14));
  if (rng.Chance(0.4)) {
    page.rows.push_back(Plain("Anlagen:", 8));
    page.rows.push_back(Plain("- Kopie des Schreibens"));
    page.rows.push_back(Plain("- Nachweise"));
  }
}

}  // namespace

ComposedDocument ComposeLetter(const DocumentRequest& request, Rng& rng) {
  LetterText text = request.type == DocType::kObjection      ? Objection(rng)
                    : request.type == DocType::kChangeNotice ? ChangeNotice(request, rng)
                                                             : GeneralLetter(request, rng);
  if (text.decision && request.varied_wording) VaryObjection(text, *text.decision, rng);
  std::vector<PageLayout> pages;
  PageLayout first = NewPage(request);
  AddLetterHead(first, request, text.subject, rng);
  for (const std::string& paragraph : text.opening) AddParagraph(first, paragraph);
  pages.push_back(std::move(first));

  std::vector<std::string> rest = text.more;
  for (std::string& sentence : Filler(rng, 2 + 3 * (request.pages - 1))) rest.push_back(std::move(sentence));
  std::size_t next = 0;
  for (int page_no = 2; page_no <= request.pages; ++page_no) {
    PageLayout page = NewPage(request);
    AddFollowOnHeader(page, request, page_no, rng);
    for (int i = 0; i < 4 && next < rest.size(); ++i) AddParagraph(page, rest[next++], i == 0 ? 8 : 3);
    pages.push_back(std::move(page));
  }
  PageLayout& last = pages.back();
  if (request.pages == 1 && next < rest.size()) AddParagraph(last, rest[next++]);
  AddClosing(last, request, rng);
  ComposedDocument composed{std::move(pages), std::nullopt};
  if (text.decision) composed.contested_decision_date = IsoDate(*text.decision);
  return composed;
}

}  // namespace mailroom::samplegen::doc
