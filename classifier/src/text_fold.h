// Folding German OCR text for keyword and name matching: both the text and the keywords are folded
// the same way, so "Veränderungsmitteilung", "VERAENDERUNGSMITTEILUNG" and "Veranderungs-\nmitteilung"
// all read "veranderungsmitteilung".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/classifier/classifier.h"

namespace mailroom::classifier {

/// Lowercases (ASCII and German umlauts), maps ä/ö/ü -> a/o/u and ß -> ss, reads "ae"/"oe"/"ue" as
/// a/o/u and "rn" as "m" (OCR confuses them), joins words hyphenated across a line break and
/// collapses every run of whitespace to one space.
[[nodiscard]] std::string Fold(std::string_view text);

/// The folded text of all pages of an envelope, one space between pages.
[[nodiscard]] std::string FoldedEnvelopeText(const Envelope& envelope);

/// True if the folded `word` (may contain spaces) occurs in folded `text` as a whole word:
/// no letter or digit right before or after it.
[[nodiscard]] bool ContainsWord(std::string_view folded_text, std::string_view folded_word);

/// Occurrences of the folded `needle` anywhere in folded `text` (inside compounds too), at most `cap`.
[[nodiscard]] int CountOccurrences(std::string_view folded_text, std::string_view folded_needle, int cap);

/// Merges letters OCR confuses in names, on folded text: "1", "i", "|", "!" -> "l"; "c" -> "e";
/// "0" -> "o"; "5" -> "s"; "8" -> "b"; "vv" -> "w"; "ii" -> "u". Two names with the same key may be the same
/// name misread ("Mü1ler", "MULLER", "Mueller" all read "muller").
[[nodiscard]] std::string NameKey(std::string_view folded);

/// True if name key `read` is `key` with one "m" read as "in" or "ni" (keyed "ln", "nl"), as faint
/// and dot-matrix print lose the middle of an m ("Dinytro" for Dmytro). "rn" is folded to "m" already.
[[nodiscard]] bool MReadAsTwoLetters(std::string_view read, std::string_view key);
/// The keys that name key `read` may be with one such pair put back as "m", one per pair.
[[nodiscard]] std::vector<std::string> KeysWithMPutBack(std::string_view read);

/// True if `a` and `b` differ by at most one edit: one letter replaced, inserted or deleted, or two
/// neighbours swapped (optimal string alignment distance <= 1).
[[nodiscard]] bool WithinOneEdit(std::string_view a, std::string_view b);

}  // namespace mailroom::classifier
