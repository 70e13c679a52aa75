#include "password_input.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "mailroom/ledger/users.h"

namespace mailroom::app {
namespace {

// Echo goes off while the password is typed and back on however the read ends.
class EchoOff {
 public:
  EchoOff() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

Result<std::string> ReadLine(const char* prompt) {
  const bool terminal = isatty(STDIN_FILENO) != 0;
  std::string line;
  bool got = false;
  if (terminal) {
    std::fputs(prompt, stderr);
    std::fflush(stderr);
    EchoOff quiet;
    got = static_cast<bool>(std::getline(std::cin, line));
    std::fputs("\n", stderr);
  } else {
    got = static_cast<bool>(std::getline(std::cin, line));
  }
  if (!got) return Fail("no password given on stdin");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

Result<std::string> ReadNewPassword(const std::string& login) {
  auto password = ReadLine(("Password for " + login + ": ").c_str());
  if (!password) return password;
  if (auto problem = ledger::PasswordProblem(*password); !problem.empty()) return Fail(problem);
  if (isatty(STDIN_FILENO) != 0) {
    auto again = ReadLine("The same password again: ");
    if (!again) return again;
    if (*again != *password) return Fail("the two passwords differ; nothing was changed");
  }
  return password;
}

}  // namespace mailroom::app
