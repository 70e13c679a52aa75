// A `mailroom` child process running in the background (a worker, the dashboard), its stdout and
// stderr in a log file; SIGTERMed and reaped when it goes out of scope. Needs MAILROOM_EXE.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace mailroom::testing {

class MailroomChild {
 public:
  MailroomChild(std::vector<std::string> args, const std::filesystem::path& log) {
    args.insert(args.begin(), MAILROOM_EXE);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    REQUIRE(posix_spawn(&pid_, MAILROOM_EXE, &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
  }
  ~MailroomChild() { End(SIGTERM); }
  MailroomChild(const MailroomChild&) = delete;
  MailroomChild& operator=(const MailroomChild&) = delete;

  void Kill() { End(SIGKILL); }

  /// True while the process runs; once it has exited, its exit status is in exit_code().
  bool Running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) != pid_) return true;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    pid_ = -1;
    return false;
  }
  /// The exit status of a process that ended by itself (-1 while it runs or when it was ended here).
  int exit_code() const { return exit_code_; }

 private:
  void End(int signal) {
    if (pid_ <= 0) return;
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  pid_t pid_ = -1;
  int exit_code_ = -1;
};

}  // namespace mailroom::testing
