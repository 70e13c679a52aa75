// ClassifierOptions checked in one place, whichever command (process, scan, worker classify) set them.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "mailroom/classifier/classifier.h"
#include "mailroom/classifier/doc_type_model.h"

namespace mailroom::classifier {
namespace {

bool KnownDocType(const std::string& type) {
  const auto& types = DocTypeVocabulary();
  return std::find(types.begin(), types.end(), type) != types.end();
}

// A team is a folder of the Postkorb: no '/', no "..", nothing a shell or a file system trips on.
bool SafeTeamName(const std::string& team) {
  return !team.empty() && std::all_of(team.begin(), team.end(),
                                      [](unsigned char c) { return std::isalnum(c) != 0 || c == '-' || c == '_'; });
}

Result<void> CheckTeam(const std::string& type, const std::string& team) {
  if (!KnownDocType(type)) return Fail("unknown document type '" + type + "'");
  if (!SafeTeamName(team)) return Fail("team '" + team + "': a team name is letters, digits, '-' and '_'");
  return {};
}

}  // namespace

Result<void> ClassifierOptions::Validate() const {
  if (!(route_threshold >= 0.0 && route_threshold <= 1.0)) {
    char value[32];
    std::snprintf(value, sizeof value, "%g", route_threshold);
    return Fail(std::string("threshold ") + value + " is outside 0..1");
  }
  for (const auto& [type, team] : teams) {
    if (auto checked = CheckTeam(type, team); !checked) return checked;
  }
  return {};
}

Result<void> AddTeamSetting(ClassifierOptions& options, const std::string& setting) {
  const auto eq = setting.find('=');
  if (eq == std::string::npos) return Fail("expected TYPE=TEAM, e.g. objection=widerspruch");
  const std::string type = setting.substr(0, eq), team = setting.substr(eq + 1);
  if (auto checked = CheckTeam(type, team); !checked) return checked;
  options.teams[type] = team;
  return {};
}

std::string TeamFor(const std::string& doc_type, const ClassifierOptions& options) {
  const auto it = options.teams.find(doc_type);
  return it != options.teams.end() ? it->second : DefaultTeam(doc_type);
}

}  // namespace mailroom::classifier
