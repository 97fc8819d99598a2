// SDL software renderer on an RGBA surface, with Dear ImGui's SDL_Renderer backend.
#include "platform/sdl_ui/software_canvas.hpp"

#include <malloc.h>

#include <stdexcept>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include "platform/image/png_file.hpp"

namespace mh::platform {

SoftwareCanvas::SoftwareCanvas(int width, int height) : m_w(width), m_h(height) {
    m_surface = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
    if (!m_surface) throw std::runtime_error(std::string("SDL surface: ") + SDL_GetError());
    m_renderer = SDL_CreateSoftwareRenderer(m_surface);
    if (!m_renderer) {
        SDL_FreeSurface(m_surface);
        throw std::runtime_error(std::string("SDL software renderer: ") + SDL_GetError());
    }
    ImGui_ImplSDLRenderer_Init(m_renderer);
}

SoftwareCanvas::~SoftwareCanvas() {
    ImGui_ImplSDLRenderer_Shutdown();
    SDL_DestroyRenderer(m_renderer);
    SDL_FreeSurface(m_surface);
}

void SoftwareCanvas::uploadFonts() {
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    // The texture holds the pixels now: drop ImGui's two copies (tens of MB on a big panel) and
    // hand the freed font files back to the system.
    ImGui::GetIO().Fonts->ClearTexData();
    malloc_trim(0);
}

void SoftwareCanvas::drawImGui() {
    ImGui_ImplSDLRenderer_NewFrame();  // creates the font texture on first use
    SDL_SetRenderDrawColor(m_renderer, 255, 255, 255, 255);
    SDL_RenderClear(m_renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    SDL_RenderFlush(m_renderer);
}

std::uint32_t SoftwareCanvas::rgbAt(int x, int y) const {
    const auto* row = static_cast<const std::uint8_t*>(m_surface->pixels) + y * m_surface->pitch;
    const std::uint8_t* p = row + x * 4;
    return (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
}

bool SoftwareCanvas::savePng(const std::string& path) const {
    // RGB only: the renderer may leave alpha below 255 where it blended, and a screenshot is opaque.
    return encodePng({static_cast<const std::uint8_t*>(m_surface->pixels), m_w, m_h, m_surface->pitch, PixelLayout::Rgba8},
                     path);
}

}  // namespace mh::platform
