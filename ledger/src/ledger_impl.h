// What a Ledger holds, shared by the files that implement its members.
#pragma once

#include "db.h"
#include "mailroom/ledger/ledger.h"

namespace mailroom::ledger {

struct Ledger::Impl {
  std::unique_ptr<Db> db;
};

}  // namespace mailroom::ledger
