#include "german_data.h"

#include <array>

namespace mailroom::samplegen {
namespace {

constexpr std::array kTowns = {
    TownInfo{"jobcenter-kiel", "Jobcenter Kiel", "Kiel", "35301", "0431", 24103, 24159, "Adolf-Westphal-Straße 2",
             "24143", "Förde Sparkasse", "21050170"},
    TownInfo{"jobcenter-luebeck", "Jobcenter Lübeck", "Lübeck", "35102", "0451", 23552, 23570, "Hans-Böckler-Straße 1",
             "23560", "Sparkasse zu Lübeck", "23050101"},
    TownInfo{"jobcenter-flensburg", "Jobcenter Flensburg", "Flensburg", "21501", "0461", 24937, 24944, "Waldstraße 2",
             "24939", "Nord-Ostsee Sparkasse", "21750000"},
    TownInfo{"jobcenter-neumuenster", "Jobcenter Neumünster", "Neumünster", "21701", "04321", 24534, 24539,
             "Brachenfelder Straße 45", "24534", "Sparkasse Südholstein", "23051030"},
    TownInfo{"jobcenter-rostock", "Jobcenter Rostock", "Rostock", "13201", "0381", 18055, 18147, "Kopernikusstraße 1a",
             "18057", "Ostseesparkasse Rostock", "13050000"},
    TownInfo{"jobcenter-schwerin", "Jobcenter Schwerin", "Schwerin", "13601", "0385", 19053, 19063, "Margaretenhof 14",
             "19057", "Sparkasse Mecklenburg-Schwerin", "14052000"},
    TownInfo{"jobcenter-bremen", "Jobcenter Bremen", "Bremen", "42101", "0421", 28195, 28779, "Doventorsteinweg 48",
             "28195", "Sparkasse Bremen", "29050101"},
    TownInfo{"jobcenter-hannover", "Jobcenter Region Hannover", "Hannover", "24101", "0511", 30159, 30669,
             "Vahrenwalder Straße 245", "30179", "Sparkasse Hannover", "25050180"},
};

constexpr std::string_view kSurnames[] = {
    "Müller",   "Schmidt",    "Schneider", "Fischer", "Weber",    "Meyer",      "Wagner",     "Becker",    "Schulz",
    "Hoffmann", "Schäfer",    "Koch",      "Bauer",   "Richter",  "Klein",      "Wolf",       "Schröder",  "Neumann",
    "Schwarz",  "Zimmermann", "Braun",     "Krüger",  "Hartmann", "Lange",      "Werner",     "Krause",    "Lehmann",
    "Schulze",  "Köhler",     "Herrmann",  "König",   "Walter",   "Kaiser",     "Fuchs",      "Peters",    "Scholz",
    "Möller",   "Weiß",       "Jung",      "Hahn",    "Schubert", "Vogel",      "Friedrich",  "Keller",    "Günther",
    "Frank",    "Berger",     "Winkler",   "Roth",    "Lorenz",   "Baumann",    "Franke",     "Albrecht",  "Schuster",
    "Simon",    "Ludwig",     "Böhm",      "Winter",  "Kraus",    "Schumacher", "Krämer",     "Vogt",      "Jäger",
    "Otto",     "Sommer",     "Groß",      "Seidel",  "Heinrich", "Brandt",     "Haas",       "Schreiber", "Graf",
    "Dietrich", "Ziegler",    "Kuhn",      "Pohl",    "Engel",    "Horn",       "Busch",      "Bergmann",  "Voigt",
    "Sauer",    "Arnold",     "Pfeiffer",  "Yilmaz",  "Kaya",     "Demir",      "Nowak",      "Kowalski",  "Popescu",
    "Ahmadi",   "Hussein",    "Petersen",  "Jensen",  "Hansen",   "Thomsen",    "Carstensen", "Rahimi",    "Ivanova",
};

constexpr std::string_view kFemale[] = {
    "Anna",    "Julia",   "Sabine", "Petra", "Monika", "Katharina", "Nicole",    "Stefanie", "Sandra", "Andrea",
    "Claudia", "Melanie", "Jana",   "Sarah", "Laura",  "Lena",      "Christina", "Tanja",    "Birgit", "Heike",
    "Svenja",  "Kerstin", "Ayse",   "Fatma", "Olena",  "Marta",     "Agnieszka", "Yasmin",   "Derya",  "Ines",
};

constexpr std::string_view kMale[] = {
    "Thomas", "Michael", "Andreas",   "Stefan", "Christian", "Markus",    "Frank",    "Jens",   "Sven",   "Jörg",
    "Daniel", "Tobias",  "Alexander", "Dennis", "Kevin",     "Sebastian", "Uwe",      "Ralf",   "Mehmet", "Ahmad",
    "Piotr",  "Bogdan",  "Dmytro",    "Karim",  "Lukas",     "Florian",   "Matthias", "Oliver", "Dirk",   "Holger",
};

constexpr std::string_view kChildren[] = {
    "Mia",  "Emma", "Hannah", "Sofia", "Emilia", "Lina",  "Ella",  "Leni", "Clara", "Mila", "Ben", "Paul",
    "Leon", "Finn", "Noah",   "Elias", "Luis",   "Felix", "Jonas", "Emil", "Yusuf", "Amir", "Zoe", "Maja",
};

constexpr std::string_view kStreets[] = {
    "Hauptstraße",   "Bahnhofstraße",  "Gartenstraße",         "Schulstraße", "Dorfstraße",
    "Bergstraße",    "Birkenweg",      "Lindenstraße",         "Kirchstraße", "Waldstraße",
    "Ringstraße",    "Schillerstraße", "Goethestraße",         "Am Markt",    "Mühlenweg",
    "Rosenweg",      "Holstenstraße",  "Hafenstraße",          "Wiesenweg",   "Amselweg",
    "Feldstraße",    "Parkstraße",     "Lessingstraße",        "Finkenweg",   "Eichendorffstraße",
    "Brunnenstraße", "Am Lindenhof",   "Theodor-Storm-Straße", "Fährstraße",  "Königsweg",
};

constexpr std::string_view kEmployers[] = {
    "Nordlicht Logistik GmbH",
    "Bäckerei Hansen KG",
    "Küstenpflege ambulanter Dienst GmbH",
    "Hafenservice Ostsee GmbH",
    "Reinigungsdienst Blitzblank GmbH",
    "Supermarkt Frischeck OHG",
    "Maler Petersen GmbH & Co. KG",
    "Call-Center Nord GmbH",
    "Gastro Team Möwe GmbH",
    "Sicherheitsdienst Wacht GmbH",
};

constexpr std::string_view kJobTitles[] = {
    "Lagerhelfer/in",     "Verkäufer/in",   "Reinigungskraft",     "Bürokauffrau/-mann",   "Kassierer/in",
    "Fahrer/in Klasse B", "Küchenhilfe",    "Pflegehelfer/in",     "Produktionshelfer/in", "Kommissionierer/in",
    "Servicekraft",       "Hausmeister/in", "Callcenter-Agent/in", "Paketzusteller/in",    "Maler/in und Lackierer/in",
};

constexpr std::string_view kLandlords[] = {
    "Wohnungsbaugenossenschaft Nord eG", "Hausverwaltung Krüger & Partner", "Städtische Wohnungsgesellschaft mbH",
    "Immobilien Petersen GmbH",          "Vonovia SE Kundenservice",        "Privatvermieter Hans-Jürgen Thomsen",
};

constexpr std::string_view kInsurers[] = {
    "AOK NordWest", "Techniker Krankenkasse", "BARMER", "DAK-Gesundheit", "IKK classic", "Knappschaft",
};

constexpr std::string_view kPayees[] = {
    "Stadtwerke Energie",
    "Telekom Deutschland GmbH",
    "REWE Markt",
    "ALDI Nord",
    "Deutsche Bahn",
    "Apotheke am Markt",
    "Vodafone GmbH",
    "Rundfunkbeitrag",
    "Lidl sagt Danke",
    "dm-drogerie markt",
    "Haftpflicht Versicherung",
    "Kita Sonnenschein",
    "Bargeldauszahlung Geldautomat",
};

}  // namespace

std::span<const TownInfo> Towns() {
  return kTowns;
}
std::span<const std::string_view> Surnames() {
  return kSurnames;
}
std::span<const std::string_view> FemaleGivenNames() {
  return kFemale;
}
std::span<const std::string_view> MaleGivenNames() {
  return kMale;
}
std::span<const std::string_view> ChildGivenNames() {
  return kChildren;
}
std::span<const std::string_view> Streets() {
  return kStreets;
}
std::span<const std::string_view> Employers() {
  return kEmployers;
}
std::span<const std::string_view> JobTitles() {
  return kJobTitles;
}
std::span<const std::string_view> Landlords() {
  return kLandlords;
}
std::span<const std::string_view> HealthInsurers() {
  return kInsurers;
}
std::span<const std::string_view> Payees() {
  return kPayees;
}

}  // namespace mailroom::samplegen
