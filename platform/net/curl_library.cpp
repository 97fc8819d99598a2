#include "platform/net/curl_library.hpp"

#include <dlfcn.h>

namespace mh {
namespace {

// The soname Debian's libcurl4 (and libcurl3-gnutls' sibling libcurl4-openssl) installs.
constexpr const char* kSoname = "libcurl.so.4";

template <class F>
void resolve(void* handle, const char* name, F& slot, std::string& problem) {
    slot = reinterpret_cast<F>(::dlsym(handle, name));
    if (!slot && problem.empty()) problem = std::string("libcurl has no ") + name;
}

CurlLibrary open() {
    CurlLibrary lib;
    // Never closed: the entry points are used until the process ends.
    void* h = ::dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char* why = ::dlerror();
        lib.problem = std::string("libcurl could not be loaded (") + (why ? why : kSoname) + ")";
        return lib;
    }
    resolve(h, "curl_global_init", lib.global_init, lib.problem);
    resolve(h, "curl_easy_init", lib.easy_init, lib.problem);
    resolve(h, "curl_easy_cleanup", lib.easy_cleanup, lib.problem);
    resolve(h, "curl_easy_reset", lib.easy_reset, lib.problem);
    resolve(h, "curl_easy_setopt", lib.easy_setopt, lib.problem);
    resolve(h, "curl_easy_perform", lib.easy_perform, lib.problem);
    resolve(h, "curl_easy_getinfo", lib.easy_getinfo, lib.problem);
    resolve(h, "curl_easy_strerror", lib.easy_strerror, lib.problem);
    resolve(h, "curl_slist_append", lib.slist_append, lib.problem);
    resolve(h, "curl_slist_free_all", lib.slist_free_all, lib.problem);
    if (lib.ok()) lib.global_init(CURL_GLOBAL_DEFAULT);
    return lib;
}

}  // namespace

const CurlLibrary& curlLibrary() {
    static const CurlLibrary lib = open();  // C++11 statics: initialised once, thread-safe
    return lib;
}

}  // namespace mh
