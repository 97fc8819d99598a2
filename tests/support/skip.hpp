// A test that cannot run on this machine (no Xvfb, not root) must say so as a skip, never count as a
// pass. CTest runs each case as its own process (`--test-case=NAME`, doctest_discover_tests) and the
// tests have SKIP_RETURN_CODE 77 (tests/CMakeLists.txt): such a case ends the process with 77 and
// CTest prints "***Skipped", with the reason in the test's output. A test CTest runs as a whole
// binary (the soak) says so with MEALHALL_CTEST_SKIP in its environment instead. Run by hand over
// many cases, the reason is printed as a doctest warning and the other cases go on.
#pragma once

#include <string>

namespace mh::test {

inline constexpr int kSkipExitCode = 77;

// Set by support/doctest_main.cpp when the process runs one named case, as CTest does.
bool& skipEndsProcess();

// Call as `return skipTest("no Xvfb: …");` at the top of a test case.
void skipTest(const std::string& reason);

}  // namespace mh::test
