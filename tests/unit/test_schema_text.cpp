// A released migration is never edited (shared/store/schema.cpp, invariant 1): a database that already
// ran step n must never meet a different step n. The SHA-256 of every released text is pinned here;
// a new migration appends its hash, and no existing line may change.
#include <doctest/doctest.h>

#include <sodium.h>

#include <cstdio>
#include <string>
#include <vector>

#include "shared/store/schema.hpp"

namespace {

std::string sha256Hex(const std::string& text) {
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    std::string hex;
    char buf[3];
    for (unsigned char b : h) {
        std::snprintf(buf, sizeof buf, "%02x", b);
        hex += buf;
    }
    return hex;
}

}  // namespace

TEST_CASE("every released schema migration keeps its text byte for byte") {
    const std::vector<std::string> released = {
        "2b60c18cd9fff8d846ab7e73d6bc7695092415e33fc7308e06822ccb4514921b",  // 1: elders, check-ins, voids, audit
        "887ab33611b833a9c5ba58383685788c3470cb54553a25a6c35cbd9276385895",  // 2: donations
        "f6a47e3764ec3bf8aea29b6b73dad3d44f3811fb35f96ccef8ed51d5c3975d14",  // 3: upload outbox
        "8f00ec7166da50c0f123772464f8d5b94b247be58f51cab5c2522d0f91d3fc39",  // 4: staff PIN
        "98b19f5440d7faa974a6536e98eef6f231aaaecb8262560bfa885a31350bb98d",  // 5: kiosk settings
        "036a7c65c4fb86a79457dd77149e0dd86ce81c82314fb41647b7d0e543b171a8",  // 6: terminal identity
        "27e2ac8aedba006f634f4088f62e1fb4985c0db8f93dc4a4876218041e8fa5b5",  // 7: custody (STRICT, triggers)
        "b1d9cfe6223958b0f911c80ea1290c1e11d57c2d54a7c8a7272834a712a11ffb",  // 8: what each rule paid
        "8664a7241b0ca4303a84212befe9f62347f179a0e720be175cd94ed7e11aaaa4",  // 9
        "59f49b9fc4796a54bdab4bc5ba4a7b005cd81d6370ca9cbafcb5137af67ba1fb",  // 10: terminals of one site
        "ede11e9befce9bce468afb892f1a7e7790b643997de626d67507d224f369f6e0",  // 11
        "2ec3c72edbcd5399951b1604b26b0a28d46f74bd0b36b4ded0226eb8ad0fe4d6",  // 12
        "a3c6aaf3a630d0e9ffb395134bd8f34b17f550dbb501e452982f39421758d692",  // 13
        "f64d00c561fa3dd02bf85b3445f24544362f7cee7a04245874dbe6d5becc05b4",  // 14
        "c172349d7afd511209cf04915dac9a4ebd404e3f903e65327a7a0035b2183173",  // 15
        "6bd51f8accdf54195441f7c000899b8fd11e2e3be938fbf12468ddf658d46a85",  // 16: elders' diet needs
        "a2f6491fae7a5961480a1a79bd476ff70c71294dfa9f5d061066c0f0c75b039b",  // 17: per-meal operating money
        "2ec046d42fe43600d5f7e3f8b82a787cc9b41b453d7d4e059cc551f26b9e2d40",  // 18: the journal, refused scans
        "d6af87aa4f946cc4ba6542a251e424e3a683cb4eaeac20b03469e53e6323c0aa",  // 19: everyone who eats
    };
    const auto& steps = mh::schemaMigrations();
    REQUIRE(steps.size() >= released.size());
    for (std::size_t i = 0; i < released.size(); ++i) {
        CAPTURE(i + 1);
        CHECK(sha256Hex(steps[i]) == released[i]);
    }
}
