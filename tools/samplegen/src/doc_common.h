// Building blocks shared by the document templates: dates, amounts, IBANs, phone numbers, the
// printed forms of a case number, sender and recipient blocks, word wrapping.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "documents.h"

namespace mailroom::samplegen::doc {

struct Date {
  int day = 1;
  int month = 1;
  int year = 2025;
  [[nodiscard]] std::string Text() const;  ///< "14.03.2025"
};

/// A date in 2025 between January and November (mail dates).
Date RandomDate(Rng& rng);
/// `date` moved back by `days` (days <= 300).
Date DaysBefore(Date date, int days);
/// "2025-03-14" -> "14.03.2025"
std::string GermanDate(const std::string& iso_date);
/// "Februar"
std::string_view MonthName(int month);

/// 123456 cents -> "1.234,56"; negative values get a leading '-'.
std::string Amount(long cents);
/// A German IBAN with valid check digits, printed in groups of four.
std::string Iban(Rng& rng, std::string_view bank_code);
/// "0431 123456-0", "0431 / 2345678" or "0151 23456789".
std::string Phone(Rng& rng, std::string_view area_code);
/// An 11-digit Steuer-ID-like number.
std::string TaxId(Rng& rng);
/// `count` random digits.
std::string Digits(Rng& rng, int count);

/// "35301 BG 0012345" / "35301-BG-0012345"
std::string SpacedBg(const std::string& bg);
std::string DashedBg(const std::string& bg);

/// The printed reference line for `style` ("BG-Nummer: ...", "Kundennummer: ..."); empty for kNone.
/// kInSubject gives the same as kBgPlain (callers that have a Betreff use SubjectSuffix instead).
std::string NumberLine(const DocumentRequest& request, Rng& rng);
/// ", BG-Nr. 35301BG0012345" for kInSubject, else empty.
std::string SubjectSuffix(const DocumentRequest& request);

const Person& Writer(const DocumentRequest& request);
std::string FullName(const Person& person);  ///< "Anna Müller"

/// Greedy word wrap at `max_chars` characters (UTF-8 aware enough for German text).
std::vector<std::string> Wrap(std::string_view text, std::size_t max_chars);
/// Characters per line for the text column at `size_pt`.
std::size_t WrapWidth(double size_pt);

/// Row constructors.
TextRow Plain(std::string text, double space_before_mm = 0, double size_pt = 11);
TextRow Bold(std::string text, double space_before_mm = 0, double size_pt = 11);
TextRow RightAligned(std::string text, double space_before_mm = 0, double size_pt = 11);
TextRow Columns(std::string left, std::string right, double space_before_mm = 0, double size_pt = 11);

/// Appends the paragraph, wrapped, with `space_before_mm` above its first line.
void AddParagraph(PageLayout& page, std::string_view text, double space_before_mm = 3, double size_pt = 11);
/// Name, street, postcode + city (and sometimes a phone number): the letter head of a customer.
void AddSenderBlock(PageLayout& page, const DocumentRequest& request, Rng& rng);
/// "Jobcenter Kiel", office street, postcode + city.
void AddRecipientBlock(PageLayout& page, const Jobcenter& jobcenter, double space_before_mm);
/// "Seite 2 von 3" (right) and, if request.repeat_number, the number line: the head of a follow-on page.
void AddFollowOnHeader(PageLayout& page, const DocumentRequest& request, int page_no, Rng& rng);
/// A new page in the request's font.
PageLayout NewPage(const DocumentRequest& request);

}  // namespace mailroom::samplegen::doc

namespace mailroom::samplegen::doc {

/// Forms: puts the case barcode in the top right corner (payload the BG number, sometimes "BG:" +
/// it; Code 128, DataMatrix or QR) and moves the text start below it. No-op unless request.barcode.
void AddCaseBarcode(PageLayout& page, const DocumentRequest& request, Rng& rng);
/// "Ort, Datum: Kiel, 14.03.2025" and a signature line.
void AddSignatureBlock(PageLayout& page, const DocumentRequest& request, Rng& rng);
/// Name, birth date, address of the writer as form fields.
void AddPersonFields(PageLayout& page, const DocumentRequest& request, Rng& rng);

}  // namespace mailroom::samplegen::doc
