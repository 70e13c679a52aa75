// NameIndex: from a word of the letter to the registered persons of that surname, in time that
// does not grow with the registry. One-edit matches use the symmetric-delete scheme: every key and
// each of its one-letter deletions are hashed into one sorted table, so a query looks up itself and
// its own deletions (length + 1 binary searches) and verifies each hit. Hash collisions cost only
// a verification.
#include <algorithm>

#include "sender_match.h"
#include "text_fold.h"

namespace mailroom::classifier::sender {
namespace {

// Below these lengths one edit turns a name into another real name ("Mayr"/"Mayer", "Maier"/"Meier").
constexpr std::size_t kFuzzyMinKeyLength = 6;
constexpr std::size_t kFuzzyMinTokenLength = 5;
constexpr double kOneEditQuality = 0.90;

std::uint64_t Hash(std::string_view s) {  // FNV-1a
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

// Calls f with `key` and each of its one-letter deletions.
template <typename F>
void ForEachDeletion(std::string_view key, F&& f) {
  f(key);
  std::string variant;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (i > 0 && key[i] == key[i - 1]) continue;  // "ll": deleting either gives the same variant
    variant.assign(key.substr(0, i));
    variant.append(key.substr(i + 1));
    f(variant);
  }
}

}  // namespace

NameIndex::NameIndex(const std::vector<const Person*>& persons, Field field) {
  std::vector<std::vector<std::uint32_t>> postings;
  for (std::uint32_t p = 0; p < persons.size(); ++p) {
    std::vector<std::string> keys;
    if (field == Field::kSurname) {
      keys = SurnameKeys(persons[p]->surname);
    } else {
      for (const std::string& word : NameWords(persons[p]->given_name)) keys.push_back(NameKey(word));
    }
    for (std::string& key : keys) {
      const auto [it, added] = ids_.emplace(key, static_cast<std::uint32_t>(keys_.size()));
      if (added) {
        keys_.push_back(std::move(key));
        postings.emplace_back();
      }
      postings[it->second].push_back(p);
    }
  }
  offsets_.reserve(postings.size() + 1);
  offsets_.push_back(0);
  for (auto& list : postings) {
    postings_.insert(postings_.end(), list.begin(), list.end());
    offsets_.push_back(static_cast<std::uint32_t>(postings_.size()));
    std::vector<std::uint32_t>().swap(list);
  }
  for (std::uint32_t k = 0; k < keys_.size(); ++k) {
    if (keys_[k].size() < kFuzzyMinKeyLength) continue;
    ForEachDeletion(keys_[k], [&](std::string_view v) { deletions_.emplace_back(Hash(v), k); });
  }
  std::sort(deletions_.begin(), deletions_.end());
  deletions_.erase(std::unique(deletions_.begin(), deletions_.end()), deletions_.end());
  deletions_.shrink_to_fit();
}

void NameIndex::Lookup(std::string_view token_key, std::vector<Hit>& out) const {
  const std::size_t first = out.size();
  if (const auto it = ids_.find(std::string(token_key)); it != ids_.end()) out.push_back({it->second, 1.0});
  if (token_key.size() < kFuzzyMinTokenLength) return;
  // An m read as "in" or "ni" ("Lehinann"): the key with each such pair put back as "m".
  if (token_key.size() >= kFuzzyMinKeyLength) {
    for (const std::string& key : KeysWithMPutBack(token_key)) {
      if (const auto it = ids_.find(key); it != ids_.end()) out.push_back({it->second, kOneEditQuality});
    }
  }

  ForEachDeletion(token_key, [&](std::string_view v) {
    const std::uint64_t h = Hash(v);
    auto it = std::lower_bound(deletions_.begin(), deletions_.end(), std::make_pair(h, std::uint32_t{0}));
    for (; it != deletions_.end() && it->first == h; ++it) {
      const std::uint32_t k = it->second;
      const bool seen = std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                                    [k](const Hit& hit) { return hit.key == k; });
      if (!seen && WithinOneEdit(token_key, keys_[k])) out.push_back({k, kOneEditQuality});
    }
  });
}

}  // namespace mailroom::classifier::sender
