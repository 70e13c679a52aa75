// A letter page for the clean-up tests: enough lines for ascenders and descenders to tell up from
// down, at any resolution and skew.
#pragma once

#include <catch2/catch.hpp>

#include "mailroom/image/pix.h"
#include "mailroom/samplegen/samplegen.h"

namespace mailroom::testing {

inline PixPtr LetterPage(int dpi = 300, double skew_degrees = 0) {
  mailroom::samplegen::PageSpec spec;
  spec.lines = {"Erika Mustermann",
                "Hauptstraße 12",
                "24103 Kiel",
                "",
                "Jobcenter Kiel",
                "Betreff: Weiterbewilligung",
                "Sehr geehrte Damen und Herren,",
                "hiermit beantrage ich die Weiterbewilligung der Leistungen.",
                "Die Kontoauszüge der letzten drei Monate liegen bei.",
                "Bitte teilen Sie mir mit, ob etwas fehlt.",
                "Mit freundlichen Grüßen",
                "Erika Mustermann"};
  spec.dpi = dpi;
  spec.skew_degrees = skew_degrees;
  auto page = mailroom::samplegen::RenderPage(spec);
  REQUIRE(page);
  return std::move(*page);
}

}  // namespace mailroom::testing
