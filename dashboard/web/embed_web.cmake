# Writes a C++ source holding the dashboard's web files as strings (see src/web_assets.h).
# Run by the build whenever one of them changes:
#   cmake -DWEB=dashboard/web -DOUT=web_assets.cpp -P embed_web.cmake
# Raw string literals carry the files unchanged; the delimiter cannot occur in them (checked).
set(delimiter "mailroom_web")
set(body "// Generated from ${WEB} by embed_web.cmake. Do not edit.\n#include \"web_assets.h\"\n\nnamespace mailroom::dashboard {\n")
foreach(pair "kIndexHtml=index.html" "kDashboardJs=dashboard.js" "kDashboardCss=dashboard.css")
  string(REPLACE "=" ";" parts "${pair}")
  list(GET parts 0 symbol)
  list(GET parts 1 file)
  file(READ "${WEB}/${file}" content)
  string(FIND "${content}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${WEB}/${file} contains the string delimiter )${delimiter}\"")
  endif()
  string(APPEND body "const char ${symbol}[] = R\"${delimiter}(${content})${delimiter}\";\n")
endforeach()
string(APPEND body "}  // namespace mailroom::dashboard\n")
file(WRITE "${OUT}.tmp" "${body}")
file(RENAME "${OUT}.tmp" "${OUT}")
