#include "csv.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace mailroom::classifier {
namespace {

std::string Trim(std::string_view s) {
  std::size_t begin = 0;
  std::size_t end = s.size();
  while (begin < end && (s[begin] == ' ' || s[begin] == '\t')) ++begin;
  while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\t')) --end;
  return std::string(s.substr(begin, end - begin));
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A record as it comes out of the tokenizer, before the header is applied.
struct RawRecord {
  int line = 0;
  std::vector<std::string> fields;
  bool blank = true;  // one empty unquoted field: an empty line
};

// Splits text into records. Kept as one state machine so that quoted line breaks and line
// numbers stay consistent.
Result<std::vector<RawRecord>> Tokenize(std::string_view text, const std::string& source) {
  std::vector<RawRecord> records;
  RawRecord record;
  std::string field;
  bool field_quoted = false;  // this field started with a quote
  bool in_quotes = false;     // inside an open quote
  bool after_quote = false;   // a quoted field was closed; only ',' or end of line may follow
  int line = 1;
  record.line = 1;

  auto end_field = [&] {
    record.fields.push_back(field_quoted ? field : Trim(field));
    if (field_quoted || !Trim(field).empty()) record.blank = false;
    field.clear();
    field_quoted = in_quotes = after_quote = false;
  };
  auto end_record = [&] {
    end_field();
    if (!(record.blank && record.fields.size() == 1)) records.push_back(std::move(record));
    record = RawRecord{};
    record.line = line;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        in_quotes = false;
        after_quote = true;
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == ',') {
      end_field();
    } else if (c == '\n') {
      ++line;
      end_record();
    } else if (after_quote) {
      if (c != ' ' && c != '\t' && c != '\r') {
        return Fail(source + ":" + std::to_string(line) + ": unexpected text after a closing quote");
      }
    } else if (c == '"' && Trim(field).empty() && !field_quoted) {
      field.clear();
      field_quoted = in_quotes = true;
    } else if (c != '\r') {
      field.push_back(c);
    }
  }
  if (in_quotes) {
    return Fail(source + ":" + std::to_string(record.line) + ": unterminated quoted field");
  }
  end_record();
  return records;
}

}  // namespace

Error CsvTable::ErrorAt(int line, const std::string& reason) const {
  return Error{source + ":" + std::to_string(line) + ": " + reason};
}

Result<CsvTable> ParseCsv(std::string_view text, const std::string& source,
                          const std::vector<std::string>& required_columns) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  auto raw = Tokenize(text, source);
  if (!raw) return tl::unexpected(raw.error());

  CsvTable table;
  table.source = source;
  if (raw->empty()) return tl::unexpected(table.ErrorAt(1, "empty file, expected a header row"));

  const RawRecord& header = raw->front();
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = Lower(Trim(header.fields[i]));
    if (!table.columns.emplace(name, i).second) {
      return tl::unexpected(table.ErrorAt(header.line, "duplicate column '" + name + "'"));
    }
  }
  table.column_count = header.fields.size();
  for (const auto& name : required_columns) {
    if (!table.columns.contains(name)) {
      return tl::unexpected(table.ErrorAt(header.line, "missing column '" + name + "'"));
    }
  }
  for (std::size_t r = 1; r < raw->size(); ++r) {
    RawRecord& rec = (*raw)[r];
    if (rec.fields.size() != table.column_count) {
      return tl::unexpected(table.ErrorAt(rec.line, "expected " + std::to_string(table.column_count) +
                                                        " fields, found " + std::to_string(rec.fields.size())));
    }
    table.records.push_back(CsvRecord{rec.line, std::move(rec.fields)});
  }
  return table;
}

Result<CsvTable> ReadCsvFile(const std::filesystem::path& path, const std::vector<std::string>& required_columns) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(path.string() + ": cannot read file (" + std::strerror(errno) + ")");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return Fail(path.string() + ": read error");
  return ParseCsv(content.str(), path.string(), required_columns);
}

}  // namespace mailroom::classifier
