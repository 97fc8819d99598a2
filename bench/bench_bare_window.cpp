// The memory baseline for the kiosk under a display: a bare SDL window with the kiosk's hints and
// software renderer, nothing drawn but a clear, run for a few seconds. Prints peak and current RSS.
#include <SDL.h>

#include <cstdio>
#include <cstdlib>

#include "bench/bench_memory.hpp"

int main(int argc, char** argv) {
    int seconds = argc > 1 ? std::atoi(argv[1]) : 3;
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");  // as platform/sdl_ui/sdl_window.cpp
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "SDL: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window* w = SDL_CreateWindow("bare", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800, 0);
    SDL_Renderer* r = w ? SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE) : nullptr;
    if (!r) {
        std::fprintf(stderr, "SDL window: %s\n", SDL_GetError());
        return 1;
    }
    Uint32 end = SDL_GetTicks() + Uint32(seconds) * 1000;
    while (SDL_GetTicks() < end) {
        SDL_Event e;
        while (SDL_PollEvent(&e)) {}
        SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
        SDL_RenderClear(r);
        SDL_RenderPresent(r);
        SDL_Delay(100);
    }
    std::printf("%ld %ld\n", mh::bench::peakKb(), mh::bench::rssKb());
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(w);
    SDL_Quit();
    return 0;
}
