// libcurl, opened the first time a request is sent rather than when the kiosk starts.
//
// Why: libcurl brings about thirty libraries (TLS, Kerberos, LDAP, SSH, HTTP/2...) that the
// dynamic loader maps and relocates before main(); a cold `kiosk scan` on a terminal without peers
// never sends a request, and paid a third of its start-up for them (issue 22). Only the entry
// points the HTTP client calls are looked up, once, and kept for the life of the process.
#pragma once
#include <curl/curl.h>

#include <string>

namespace mh {

struct CurlLibrary {
    CURLcode (*global_init)(long flags) = nullptr;
    CURL* (*easy_init)() = nullptr;
    void (*easy_cleanup)(CURL*) = nullptr;
    void (*easy_reset)(CURL*) = nullptr;
    CURLcode (*easy_setopt)(CURL*, CURLoption, ...) = nullptr;
    CURLcode (*easy_perform)(CURL*) = nullptr;
    CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...) = nullptr;
    const char* (*easy_strerror)(CURLcode) = nullptr;
    curl_slist* (*slist_append)(curl_slist*, const char*) = nullptr;
    void (*slist_free_all)(curl_slist*) = nullptr;
    std::string problem;  // empty when every entry point was found

    [[nodiscard]] bool ok() const { return problem.empty(); }
};

// The process's libcurl (opened and initialised on the first call, thread-safe); `ok()` false,
// with the reason, where libcurl is not installed or lacks an entry point.
const CurlLibrary& curlLibrary();

}  // namespace mh
