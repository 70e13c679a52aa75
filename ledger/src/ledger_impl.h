// What a Ledger holds, shared by the files that implement its members.
#pragma once

#include "mailroom/ledger/ledger.h"
#include "sqlite_db.h"

namespace mailroom::ledger {

struct Ledger::Impl {
  DbPtr db;
};

}  // namespace mailroom::ledger
