#include "management_api.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <mutex>
#include <nlohmann/json.hpp>

#include "url_parts.h"

namespace mailroom::distributed {
namespace {

struct CurlFree {
  void operator()(CURL* curl) const noexcept { curl_easy_cleanup(curl); }
};
using CurlPtr = std::unique_ptr<CURL, CurlFree>;

struct SlistFree {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};
using SlistPtr = std::unique_ptr<curl_slist, SlistFree>;

// curl_global_init is not thread-safe in every libcurl build; once per process is what it asks for.
// No curl_global_cleanup: other code in the process may still use libcurl at exit.
void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t AppendBody(char* data, size_t size, size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

// The API answers errors as {"error": "...", "reason": "..."}; the reason is what an operator needs.
std::string ErrorReason(const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (json.is_object() && json.contains("reason") && json["reason"].is_string())
    return json["reason"].get<std::string>();
  return body.substr(0, 200);
}

}  // namespace

struct ManagementApi::State {
  CurlPtr curl;
  SlistPtr headers;
  std::string base;      // "http://host:port/prefix/", with a trailing '/'
  std::string endpoint;  // the same, with the user and without the password
  std::string user;
  std::string password;
  std::chrono::milliseconds timeout{0};
};

Result<ManagementApi> ManagementApi::Open(const std::string& url, const std::string& user, const std::string& password,
                                          std::chrono::milliseconds timeout) {
  auto parts = ParseUrl(url);
  if (!parts) return tl::unexpected(parts.error().Prefixed("management API"));
  if (parts->scheme != "http" && parts->scheme != "https") {
    return Fail("management API: expected an http:// or https:// URL, not " + parts->scheme + "://");
  }
  InitCurlOnce();
  auto state = std::make_unique<State>();
  state->curl.reset(curl_easy_init());
  if (!state->curl) return Fail("management API: cannot allocate a libcurl handle");
  const std::string prefix = parts->path.empty() || parts->path.back() == '/' ? parts->path : parts->path + "/";
  state->base = parts->scheme + "://" + parts->authority + "/" + prefix;
  state->user = parts->user.empty() ? user : parts->user;
  state->password = parts->user.empty() ? password : parts->password;
  const std::string shown_user = state->user.empty() ? "" : PercentEncode(state->user) + "@";
  state->endpoint = parts->scheme + "://" + shown_user + parts->authority + "/" + prefix;
  state->timeout = timeout;
  state->headers.reset(curl_slist_append(nullptr, "Content-Type: application/json"));
  if (!state->headers) return Fail("management API: cannot allocate a header list");
  return ManagementApi(std::move(state));
}

ManagementApi::ManagementApi(std::unique_ptr<State> state) : state_(std::move(state)) {}
ManagementApi::ManagementApi(ManagementApi&&) noexcept = default;
ManagementApi& ManagementApi::operator=(ManagementApi&&) noexcept = default;
ManagementApi::~ManagementApi() = default;

const std::string& ManagementApi::Endpoint() const {
  return state_->endpoint;
}

Result<void> ManagementApi::PutUser(const std::string& name, const std::string& password, const std::string& tags) {
  const nlohmann::json body = {{"password", password}, {"tags", tags}};
  return Put("api/users/" + PercentEncode(name), body.dump());
}

Result<void> ManagementApi::PutPermissions(const std::string& vhost, const std::string& user,
                                           const Permissions& permissions) {
  const nlohmann::json body = {
      {"configure", permissions.configure}, {"write", permissions.write}, {"read", permissions.read}};
  // The default vhost "/" is "%2F" in the path, like every other name.
  return Put("api/permissions/" + PercentEncode(vhost) + "/" + PercentEncode(user), body.dump());
}

Result<void> ManagementApi::Put(const std::string& path, const std::string& json_body) {
  CURL* curl = state_->curl.get();
  // The handle keeps its options between calls; reset what a call sets so nothing leaks across.
  curl_easy_reset(curl);
  const std::string url = state_->base + path;
  const std::string where = state_->endpoint + path;  // for messages: never the password
  std::string response;
  char error_buffer[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  // Only http(s): a management URL from a config file must not make us open file:// or others.
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, json_body.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(json_body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, state_->headers.get());
  curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
  curl_easy_setopt(curl, CURLOPT_USERNAME, state_->user.c_str());
  curl_easy_setopt(curl, CURLOPT_PASSWORD, state_->password.c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(state_->timeout.count()));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(state_->timeout.count()));
  // Timeouts through signals would hit the other threads of a worker process.
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);

  if (const CURLcode rc = curl_easy_perform(curl); rc != CURLE_OK) {
    return Fail(fmt::format("management API PUT {}: {}", where, *error_buffer ? error_buffer : curl_easy_strerror(rc)));
  }
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  // 201 created, 204 updated; a 3xx is not followed (it could send our credentials elsewhere).
  if (status < 200 || status >= 300) {
    std::string reason = ErrorReason(response);
    if (status == 401) reason += " (check the management user and password)";
    return Fail(fmt::format("management API PUT {}: HTTP {}: {}", where, status, reason));
  }
  return {};
}

}  // namespace mailroom::distributed
