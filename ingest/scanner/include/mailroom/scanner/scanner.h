// Capturing pages from a scanner through SANE: list devices, scan one ADF batch into a box folder
// as numbered TIFF pages (0001.tif, 0002.tif, ...), stop cleanly on "feeder empty" or on a fault
// (paper jam, cover open, ...) with an operator message, and resume a box without overwriting.
//
// Threading: SANE is process-global. Open at most one SaneSession at a time in a process, and use
// it (and every call below) from one thread only.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mailroom/common/result.h"

namespace mailroom::scanner {

/// One SANE initialisation (sane_init ... sane_exit). Move-only; the destructor calls sane_exit.
/// SANE_CONFIG_DIR is read at the first Open() of the process only (libsane caches its search
/// path until the process ends), so set the environment before the first session.
/// Note: backends may keep option values between batches of the same session (the `test` backend
/// does); CaptureBatch sets every option it depends on, but a backend option set through
/// ScanSettings::options stays set until the session ends.
class SaneSession {
 public:
  /// Initialises SANE. Fails if another SaneSession is open in this process.
  [[nodiscard]] static Result<SaneSession> Open();

  SaneSession(SaneSession&& other) noexcept;
  SaneSession& operator=(SaneSession&& other) noexcept;
  SaneSession(const SaneSession&) = delete;
  SaneSession& operator=(const SaneSession&) = delete;
  ~SaneSession();

 private:
  SaneSession() = default;
  bool owns_ = false;
};

/// A scanner as SANE names it, for `mailroom scan --list`.
struct DeviceInfo {
  std::string name;    ///< what ScanSettings::device takes, e.g. "test:0"
  std::string vendor;  ///< e.g. "Noname"
  std::string model;   ///< e.g. "frontend-tester"
  std::string type;    ///< e.g. "virtual device", "sheetfed scanner"
};

/// All devices SANE finds (local and network). An empty list is not an error. `session` only
/// proves that SANE is initialised.
[[nodiscard]] Result<std::vector<DeviceInfo>> ListDevices(SaneSession& session);

enum class ColorMode {
  kLineart,  ///< 1 bit black/white (a "Lineart" mode, or Gray with depth 1); written as CCITT G4 TIFF
  kGray,     ///< 8 bit gray; written as LZW TIFF
  kColor,    ///< 24 bit RGB; written as LZW TIFF
};

/// What to scan and how. A default-constructed object needs only `device`.
struct ScanSettings {
  /// SANE device name, e.g. "test:0" or "fujitsu:fi-7160:12345". Required.
  std::string device;
  /// "ADF", "Flatbed" or one of the device's own source names (case-insensitive).
  /// Empty (default): the device's ADF source if it has one, else the device's current source.
  /// A flatbed source scans exactly one sheet per batch.
  std::string source;
  /// Scan both sides: a source containing "Duplex", or a bool option "duplex". Default false.
  /// A device that can do neither gives an error naming the device.
  bool duplex = false;
  /// Requested resolution in dpi (default 300). The device may round it; the TIFFs carry the value
  /// the device really used (BatchResult::resolution_dpi).
  int resolution_dpi = 300;
  /// Default kGray.
  ColorMode mode = ColorMode::kGray;
  /// Backend options as "NAME=VALUE", set after the settings above, in order, like scanimage's
  /// device-specific options: "test-picture=Solid white", "br-x=210", "swdeskew=yes".
  /// Bools take yes/no/true/false/1/0/on/off. An error names the option and the reason.
  std::vector<std::string> options;
};

/// Why the device stopped a batch early. kOther covers every other SANE status.
enum class FaultKind { kJammed, kCoverOpen, kDeviceBusy, kIoError, kNoMemory, kAccessDenied, kCancelled, kOther };

/// A device fault that ended the batch. Pages written before it stay in the box.
struct ScanFault {
  FaultKind kind = FaultKind::kOther;
  std::string sane_status;  ///< e.g. "SANE_STATUS_JAMMED"
  std::string where;        ///< "sane_start" or "sane_read" (rarely "sane_get_parameters")
  int sheet = 0;            ///< 1-based sheet number within the box that must be fed again
  int pages_in_box = 0;     ///< pages kept in the box (the last one is pages_in_box as NNNN.tif)
  std::string message;      ///< plain-English advice for the operator
};

/// How a batch ended. A fault is a result, not an error: the pages before it are kept.
struct BatchResult {
  int sheets_captured = 0;  ///< whole sheets written by this batch
  int pages_captured = 0;   ///< pages written by this batch
  int pages_in_box = 0;     ///< highest page number in the box afterwards
  int resolution_dpi = 0;   ///< resolution the device really used
  /// True when the device reported "no documents" (the normal end of an ADF batch). With
  /// sheets_captured == 0 it means the feeder was empty from the start.
  bool feeder_empty = false;
  std::optional<ScanFault> fault;  ///< set when the device stopped with a fault
  std::string message;             ///< one line for the operator, for every outcome
};

/// Reported after each sheet is written.
struct ScanProgress {
  int sheets_captured = 0;  ///< whole sheets written by this batch so far
  int pages_in_box = 0;     ///< pages in the box so far, including earlier batches
};
using ProgressCallback = std::function<void(const ScanProgress&)>;

/// Scans one batch into `box_dir` (created with mode 0700 if missing): opens the device, applies
/// `settings`, then reads sheets until the feeder is empty (one sheet for a flatbed source).
/// A sheet is one page (simplex) or two pages, front then back (duplex). Its pages are written
/// only once the whole sheet was read, so a fault in the middle of a sheet drops that sheet.
/// Pages continue after the highest NNNN.tif already in `box_dir`, written atomically with mode
/// 0600: 1-bit as CCITT G4, gray and color as LZW, with the resolution stored.
/// `first_sheet` is the sheet number of the batch's first sheet within the box (1-based); if not
/// given it is derived from the pages already in the box (one or two per sheet).
/// Errors (not faults): unknown or busy device, unknown option or bad value, duplex not possible,
/// unsupported frame format (3-pass), a page that cannot be written; on a settings error the box
/// folder is not touched. The device is always cancelled and closed before returning.
/// Faults the device reports while scanning come back in BatchResult::fault, not as errors.
[[nodiscard]] Result<BatchResult> CaptureBatch(SaneSession& session, const ScanSettings& settings,
                                               const std::filesystem::path& box_dir,
                                               std::optional<int> first_sheet = std::nullopt,
                                               const ProgressCallback& progress = {});

}  // namespace mailroom::scanner
