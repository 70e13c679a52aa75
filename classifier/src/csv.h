// A small RFC 4180 CSV reader for the registry files: header row, columns looked up by name.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mailroom/common/result.h"

namespace mailroom::classifier {

/// One data record and the (1-based) line it starts on.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

/// A parsed file: column name -> index from the header row, then the data records.
struct CsvTable {
  std::string source;  ///< the file path, for error messages
  std::map<std::string, std::size_t> columns;
  std::size_t column_count = 0;
  std::vector<CsvRecord> records;

  /// "<source>:<line>: <reason>", the form of every registry error.
  [[nodiscard]] Error ErrorAt(int line, const std::string& reason) const;
};

/// Parses CSV text. Fields may be quoted ("a ""b"", c"), quoted fields may span lines, '\r' before
/// '\n' is dropped, unquoted fields are trimmed, blank lines are skipped, a UTF-8 BOM is ignored.
/// Header names are trimmed and lowercased. Fails, naming `source` and the line, on: no header row,
/// an unterminated quote, text after a closing quote, a duplicate column name, a record whose field
/// count differs from the header's, or a column of `required_columns` missing from the header.
[[nodiscard]] Result<CsvTable> ParseCsv(std::string_view text, const std::string& source,
                                        const std::vector<std::string>& required_columns);

/// Reads and parses a file with ParseCsv; a file that cannot be read fails with "<path>: <reason>".
[[nodiscard]] Result<CsvTable> ReadCsvFile(const std::filesystem::path& path,
                                           const std::vector<std::string>& required_columns);

}  // namespace mailroom::classifier
