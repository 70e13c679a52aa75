// The one file that calls libsodium: the password KDF (argon2id), random tokens and the hash
// under which a session token is stored. Kept in one place so that the KDF and its cost are
// chosen once.
#pragma once

#include <string>
#include <string_view>

#include "mailroom/common/result.h"

namespace mailroom::ledger {

/// "$argon2id$v=19$m=65536,t=2,p=1$...": crypto_pwhash_str with argon2id13 and the interactive
/// limits. Fails only when libsodium cannot start or the memory cannot be had.
[[nodiscard]] Result<std::string> HashPassword(std::string_view password);

/// Whether `password` is the one `hash` was made from; false for a hash that is not argon2id.
[[nodiscard]] bool VerifyPassword(const std::string& hash, std::string_view password);

/// Costs what VerifyPassword costs, for a login that does not exist: its refusal must not come
/// back faster than a wrong password's.
void VerifyAgainstNothing(std::string_view password);

/// Whether `hash` was made with other limits than today's (it is then remade at the next login).
[[nodiscard]] bool NeedsRehash(const std::string& hash);

/// 32 random bytes as 64 lower-case hex digits.
[[nodiscard]] std::string RandomToken();

/// BLAKE2b-256 of `text`, 64 hex digits: how a session token or a failed login is stored.
[[nodiscard]] std::string HashForLookup(std::string_view text);

}  // namespace mailroom::ledger
