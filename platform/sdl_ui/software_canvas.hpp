// An offscreen RGBA canvas drawn by SDL's software renderer: ImGui frames become pixels with no
// display and no GPU (screenshots, pixel tests). Needs a current ImGui context.
#pragma once
#include <cstdint>
#include <string>

struct SDL_Renderer;
struct SDL_Surface;

namespace mh::platform {

class SoftwareCanvas {
public:
    // Throws std::runtime_error when SDL cannot make the surface or renderer.
    SoftwareCanvas(int width, int height);
    ~SoftwareCanvas();
    SoftwareCanvas(const SoftwareCanvas&) = delete;
    SoftwareCanvas& operator=(const SoftwareCanvas&) = delete;

    // After the font atlas was (re)built.
    void uploadFonts();
    // Clears to white and draws ImGui's last rendered frame (call after ImGui::Render()).
    void drawImGui();
    [[nodiscard]] int width() const { return m_w; }
    [[nodiscard]] int height() const { return m_h; }
    // Pixel (x, y) as 0xRRGGBB.
    [[nodiscard]] std::uint32_t rgbAt(int x, int y) const;
    // PNG, 8-bit RGB(A). False when the file cannot be written.
    bool savePng(const std::string& path) const;

private:
    int m_w, m_h;
    SDL_Surface* m_surface = nullptr;
    SDL_Renderer* m_renderer = nullptr;
};

}  // namespace mh::platform
