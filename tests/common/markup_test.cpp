// A value put into HTML or XML never becomes markup.
#include "mailroom/common/markup.h"

#include <catch2/catch.hpp>

TEST_CASE("markup's five characters are escaped, everything else stays", "[common]") {
  CHECK(mailroom::EscapeMarkup(R"(<a href="x" title='y'>&</a>)") ==
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  CHECK(mailroom::EscapeMarkup("Köhler BOX-1-001") == "Köhler BOX-1-001");
}
