// An HttpClient (shared/ports/http_client.hpp) that sends nothing: it counts the requests and answers
// each with a fixed status, for tests that must know whether anything would have gone out.
#pragma once
#include <vector>

#include "shared/ports/http_client.hpp"

namespace mh::test {

class FakeHttpClient final : public HttpClient {
public:
    explicit FakeHttpClient(int status = 201) : m_status(status) {}
    HttpResponse send(const HttpRequest& request) override {
        sent.push_back(request);
        HttpResponse r;
        r.status = m_status;
        return r;
    }
    [[nodiscard]] int sends() const { return int(sent.size()); }

    std::vector<HttpRequest> sent;

private:
    int m_status;
};

}  // namespace mh::test
