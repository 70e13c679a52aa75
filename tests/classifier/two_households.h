// Two households' mail for the classifier tests (SmallRegistry's cases A and B): a letter of A with
// its number and sender, and an application of B that names its person by name and address only.
#pragma once

#include <string>

namespace mailroom::classifier::test {

inline const std::string kCaseA = "35301BG0012345";  // Mustermann, Dresden
inline const std::string kCaseB = "12345BG0000001";  // Schäfer, Leipzig

// Household A's letter, naming its BG number and its sender.
inline const std::string kLetterA =
    "Erika Mustermann\nHauptstr. 1\n01067 Dresden\n\nJobcenter Dresden\n\nDresden, 02.04.2025\n"
    "BG-Nummer: 35301BG0012345\nBetreff: Nachreichung von Unterlagen\n\nSehr geehrte Damen und Herren,\n"
    "anbei übersende ich Ihnen die angeforderten Unterlagen.\n\nMit freundlichen Grüßen\nErika Mustermann";
// Household B's application: its person by name and address only.
inline const std::string kApplicationB =
    "Antrag auf Weiterbewilligung von Leistungen\nSeite 1 von 1\nAngaben zur antragstellenden Person\n"
    "Name, Vorname: Schäfer, Jürgen\nAnschrift: Weg 3, 04109 Leipzig\n"
    "Ich beantrage die Weiterbewilligung der Leistungen zur Sicherung des Lebensunterhalts.";

}  // namespace mailroom::classifier::test
