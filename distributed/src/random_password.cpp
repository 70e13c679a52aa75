#include "random_password.h"

#include <fstream>

namespace mailroom::distributed {

Result<std::string> RandomPassword(std::size_t length) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static constexpr unsigned kSize = sizeof kAlphabet - 1;  // 62
  std::ifstream random("/dev/urandom", std::ios::binary);
  if (!random) return Fail("cannot open /dev/urandom");
  std::string password;
  while (password.size() < length) {
    const int byte = random.get();
    if (!random) return Fail("cannot read /dev/urandom");
    // Rejection keeps every character equally likely: 248 is the largest multiple of 62 below 256.
    if (static_cast<unsigned>(byte) < 256 - 256 % kSize) password += kAlphabet[static_cast<unsigned>(byte) % kSize];
  }
  return password;
}

}  // namespace mailroom::distributed
