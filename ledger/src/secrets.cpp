#include "secrets.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace mailroom::ledger {
namespace {

// The interactive limits (2 passes over 64 MiB): libsodium's choice for a login that a person
// waits for. A stolen ledger file costs an attacker that much per guess and per user.
constexpr unsigned long long kOpsLimit = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
constexpr std::size_t kMemLimit = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;

// sodium_init is thread-safe and may be called again; without it randombytes may not be seeded.
void Init() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium cannot be initialised");
}

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  Init();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail("cannot hash the password (argon2id needs " + std::to_string(kMemLimit >> 20) + " MiB of memory)");
  }
  return std::string(out.data());
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  Init();
  // crypto_pwhash_str_verify takes the algorithm from the string; only argon2id is accepted, so
  // a row written by hand with a weaker scheme does not log anybody in.
  if (hash.rfind("$argon2id$", 0) != 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void VerifyAgainstNothing(std::string_view password) {
  static const std::string dummy = [] {
    auto hash = HashPassword("no user has this password");
    return hash ? *hash : std::string();
  }();
  (void)VerifyPassword(dummy, password);
}

bool NeedsRehash(const std::string& hash) {
  Init();
  return crypto_pwhash_str_needs_rehash(hash.c_str(), kOpsLimit, kMemLimit) != 0;
}

std::string RandomToken() {
  Init();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return Hex(bytes.data(), bytes.size());
}

std::string HashForLookup(std::string_view text) {
  Init();
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                     nullptr, 0);
  return Hex(digest.data(), digest.size());
}

}  // namespace mailroom::ledger
