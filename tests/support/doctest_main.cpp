// The one main of every doctest executable. Its only job beyond doctest's: notice when CTest runs a
// single case, so that support/skip.hpp can report a case that cannot run here as skipped.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "support/skip.hpp"

namespace mh::test {

bool& skipEndsProcess() {
    static bool ends = std::getenv("MEALHALL_CTEST_SKIP") != nullptr;
    return ends;
}

void skipTest(const std::string& reason) {
    if (skipEndsProcess()) {
        std::printf("SKIPPED: %s\n", reason.c_str());
        std::fflush(nullptr);
        std::_Exit(kSkipExitCode);
    }
    WARN_MESSAGE(false, ("SKIPPED: " + reason).c_str());
}

}  // namespace mh::test

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::string_view(argv[i]).starts_with("--test-case=")) mh::test::skipEndsProcess() = true;
    doctest::Context context(argc, argv);
    return context.run();
}
