# Writes a C++ source holding web files as strings, so that a deployed mailroom needs no files
# beside it. Run by the build whenever one of them changes:
#   cmake -DDIR=web/assets -DOUT=assets.cpp -DNAMESPACE=mailroom::web -DHEADER=assets.h
#         -DFILES=kLoginHtml=login.html,kLoginCss=login.css -P embed_assets.cmake
# Raw string literals carry the files unchanged; the delimiter cannot occur in them (checked).
set(delimiter "mailroom_web")
set(body "// Generated from ${DIR} by embed_assets.cmake. Do not edit.\n#include \"${HEADER}\"\n\nnamespace ${NAMESPACE} {\n")
# FILES: SYMBOL=FILE pairs separated by commas (a ; would not survive the command line).
string(REPLACE "," ";" pairs "${FILES}")
foreach(pair IN LISTS pairs)
  string(REPLACE "=" ";" parts "${pair}")
  list(GET parts 0 symbol)
  list(GET parts 1 file)
  file(READ "${DIR}/${file}" content)
  string(FIND "${content}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${DIR}/${file} contains the string delimiter )${delimiter}\"")
  endif()
  string(APPEND body "const char ${symbol}[] = R\"${delimiter}(${content})${delimiter}\";\n")
endforeach()
string(APPEND body "}  // namespace ${NAMESPACE}\n")
file(WRITE "${OUT}.tmp" "${body}")
file(RENAME "${OUT}.tmp" "${OUT}")
