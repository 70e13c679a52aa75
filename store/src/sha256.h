// SHA-256 behind our own type, so that OpenSSL appears in sha256.cpp only.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX

namespace mailroom::store {

/// Incremental SHA-256. Not thread-safe; one per blob being hashed.
class Sha256 {
 public:
  /// Throws std::runtime_error if OpenSSL cannot set up SHA-256 (a broken installation).
  Sha256();

  void Update(std::string_view bytes);

  /// The digest as 64 lowercase hex digits. Call once; the object is spent afterwards.
  std::string FinalHex();

 private:
  struct CtxFree {
    void operator()(evp_md_ctx_st* ctx) const noexcept;
  };
  std::unique_ptr<evp_md_ctx_st, CtxFree> ctx_;
};

/// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace mailroom::store
