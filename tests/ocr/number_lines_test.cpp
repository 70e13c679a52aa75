// The second reading of doubtful numbers (below the public API): which stretches of a page are
// read again, where, and when the second reading replaces the first.
#include <catch2/catch.hpp>

#include "number_lines.h"

using namespace mailroom;
using ocr::NumberStretch;
using ocr::RecognizedText;
using ocr::TextLine;

namespace {

Word W(std::string text, float confidence, int left, int top = 100, int height = 30) {
  const int width = static_cast<int>(20 * text.size());  // 20 pixels a letter
  return Word{std::move(text), confidence, left, top, width, height};
}

// One line per vector of words, the text as Tesseract writes it: a line a text line, a blank line
// between the first line and the rest (a paragraph).
RecognizedText Page(std::vector<std::vector<Word>> lines) {
  RecognizedText page;
  for (auto& words : lines) {
    TextLine line;
    line.first_word = page.words.size();
    line.word_count = words.size();
    std::string text;
    for (Word& word : words) {
      text += (text.empty() ? "" : " ") + word.text;
      page.words.push_back(std::move(word));
    }
    page.text += text + (page.lines.empty() ? "\n\n" : "\n");
    page.lines.push_back(line);
  }
  return page;
}

RecognizedText Reread(std::vector<Word> words) {
  return Page({std::move(words)});
}

}  // namespace

TEST_CASE("DoubtfulNumbers: a number read unsurely is read again with its label, a sure one is not") {
  const RecognizedText page = Page({
      {W("Meine", 93, 0), W("BG-Nummer", 40, 120), W("lautet", 60, 340), W("21501.26.", 28, 480), W("BG.", 85, 700),
       W("DS03005.", 31, 780)},
      {W("Telefon", 90, 0), W("0451", 95, 160), W("531693", 92, 260)},
      {W("geb.", 96, 0), W("21.06.1072", 30, 100)},
      {W("19857", 75, 0), W("Schwerin", 90, 140)},
  });
  const std::vector<NumberStretch> doubtful = ocr::DoubtfulNumbers(page);
  REQUIRE(doubtful.size() == 3);
  // The least sure first: the case number (28), the birth date (30), the postcode (75).
  CHECK(doubtful[0].first == 1);  // "BG-Nummer", two words before "21501.26."
  CHECK(doubtful[0].count == 5);  // to "DS03005.": one other word between two number words
  CHECK(doubtful[0].lowest_confidence == 28);
  CHECK(doubtful[1].first == 9);  // "geb.": its label
  CHECK(doubtful[1].count == 2);
  CHECK(doubtful[2].first == 11);  // "19857": the line starts there
  CHECK(doubtful[2].count == 1);
}

TEST_CASE("DoubtfulNumbers: at most kMaxRereads stretches a page, the least sure ones") {
  std::vector<std::vector<Word>> lines;
  for (int i = 0; i < 10; ++i) lines.push_back({W(std::to_string(10000 + i), static_cast<float>(10 + i), 0, 40 * i)});
  const RecognizedText page = Page(lines);
  const auto doubtful = ocr::DoubtfulNumbers(page);
  REQUIRE(doubtful.size() == ocr::kMaxRereads);
  for (std::size_t i = 0; i < doubtful.size(); ++i) CHECK(doubtful[i].first == i);
}

TEST_CASE("RereadBox: the median height of the stretch's words, not a frame that one word took in") {
  // "21501.26." reached up into a frame line above the text: 90 pixels high instead of 30.
  const RecognizedText page =
      Page({{W("BG-Nummer", 40, 120, 1732, 32), W("lautet", 60, 340, 1732, 32), W("21501.26.", 28, 480, 1689, 90),
             W("BG.", 85, 700, 1728, 51), W("DS03005.", 31, 780, 1689, 90)}});
  const ocr::PixelBox box = ocr::RereadBox(page, NumberStretch{0, 5, 28});
  // Median top 1728 (of 1689, 1689, 1728, 1732, 1732), median bottom 1779 (of 1764, 1764, 1779,
  // 1779, 1779); a third of their 51 pixels around it.
  CHECK(box.top == 1728 - 17);
  CHECK(box.bottom == 1779 + 17);
  CHECK(box.left == 120 - 17);
  CHECK(box.right == 780 + 160 + 17);
}

TEST_CASE("ReplaceIfSurer: a surer reading of the numbers replaces the stretch and shifts the lines after it") {
  RecognizedText page = Page({{W("Meine", 93, 0), W("BG-Nummer", 40, 120), W("lautet", 60, 340),
                               W("21501.26.", 28, 480), W("BG.", 85, 700), W("DS03005.", 31, 780)},
                              {W("Mit", 90, 0), W("Gruß", 90, 80)}});
  const NumberStretch stretch{1, 5, 28};
  REQUIRE(ocr::ReplaceIfSurer(page, stretch,
                              Reread({W("BS-Nemar", 38, 120), W("lautet", 0, 340), W("21501.86.0909005.", 60, 480)})));
  CHECK(page.text == "Meine BS-Nemar lautet 21501.86.0909005.\n\nMit Gruß\n");
  CHECK(page.words.size() == 6);
  CHECK(page.lines[0].word_count == 4);
  CHECK(page.lines[1].first_word == 4);
  CHECK(page.words[page.lines[1].first_word].text == "Mit");
  CHECK(page.mean_confidence == Approx((93 + 38 + 0 + 60 + 90 + 90) / 6.0));
  SECTION("but not where the text is not laid out as its words") {
    RecognizedText odd = Page({{W("BG-Nr.", 90, 0), W("1320186G0158907", 20, 120)}});
    odd.text = "BG-Nr. 13201 86G0158907\n";
    CHECK_FALSE(ocr::ReplaceIfSurer(odd, NumberStretch{0, 2, 20}, Reread({W("1320186G0158907", 90, 120)})));
    CHECK(odd.words[1].text == "1320186G0158907");
  }
}

TEST_CASE("ReplaceIfSurer: a reading no surer, with fewer digits or dates, or with no number, leaves the first") {
  const RecognizedText first = Page({{W("Kunden-Nr.", 80, 0), W("215D123456", 50, 200), W("PLZ", 90, 500),
                                      W("24939", 60, 600), W("21.06.1972", 90, 800)}});
  const NumberStretch stretch{0, 5, 50};
  const auto unchanged = [&](std::vector<Word> again) {
    RecognizedText page = first;
    const bool replaced = ocr::ReplaceIfSurer(page, stretch, Reread(std::move(again)));
    CHECK(page.text == first.text);
    return !replaced;
  };
  const Word date = W("21.06.1972", 90, 800);
  CHECK(unchanged({W("Kunden-Nr.", 90, 0), W("215D123456", 50, 200), W("PLZ", 90, 500), W("24939", 60, 600), date}));
  CHECK(unchanged({W("Kunden-Nr.", 90, 0), W("215D123456", 99, 200), date}));                      // the postcode lost
  CHECK(unchanged({W("Kunden-Nr.", 90, 0), W("215D12345", 99, 200), W("24939", 99, 600), date}));  // a digit lost
  // The numbers surer, the date garbled ("21.86. 1972"): a birth date is evidence too.
  CHECK(unchanged({W("Kunden-Nr.", 90, 0), W("215D123456", 99, 200), W("24939", 99, 600), W("21.86.", 94, 800),
                   W("1972", 93, 900)}));
  CHECK(unchanged({W("Kunden-Nr.", 99, 0), W("PLZ", 99, 500)}));
  CHECK(unchanged({}));
}
