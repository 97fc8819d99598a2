// A USB wedge scanner as the kiosk's SDL loop sees it: the payload typed as text events, then Enter,
// each key a real SDL event with one timestamp (a scanner types a whole card within a few ms).
#pragma once
#include <SDL.h>
#include <doctest/doctest.h>

#include <string>

namespace mh::test {

inline void pushWedgeScan(const std::string& payload) {
    Uint32 now = SDL_GetTicks();
    for (char c : payload) {
        SDL_Event e{};
        e.type = SDL_TEXTINPUT;
        e.text.timestamp = now;
        e.text.text[0] = c;
        REQUIRE(SDL_PushEvent(&e) == 1);
    }
    SDL_Event enter{};
    enter.type = SDL_KEYDOWN;
    enter.key.timestamp = now;
    enter.key.keysym.sym = SDLK_RETURN;
    REQUIRE(SDL_PushEvent(&enter) == 1);
}

}  // namespace mh::test
