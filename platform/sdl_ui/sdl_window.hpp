// The kiosk's full-screen window: SDL2 with the software renderer (no GPU, low memory: the
// framebuffer-acceleration hint is off) and Dear ImGui's SDL2 platform and SDL_Renderer backends.
#pragma once
#include <string>

union SDL_Event;
struct SDL_Renderer;
struct SDL_Window;

namespace mh::platform {

class SdlWindow {
public:
    // Throws std::runtime_error with SDL's reason when no display can be opened. width/height 0:
    // full-screen on the desktop's resolution. Needs a current ImGui context.
    SdlWindow(const std::string& title, int width, int height);
    ~SdlWindow();
    SdlWindow(const SdlWindow&) = delete;
    SdlWindow& operator=(const SdlWindow&) = delete;

    // True when some video driver can show a window (false in CI with no display).
    static bool displayAvailable();

    [[nodiscard]] int width() const;
    [[nodiscard]] int height() const;
    // The display's DPI as SDL reports it (0 when unknown).
    [[nodiscard]] float dpi() const;
    // Feeds ImGui; returns false on a quit request.
    bool handle(const SDL_Event& e);
    void newFrame();
    void uploadFonts();
    void present();

private:
    SDL_Window* m_window = nullptr;
    SDL_Renderer* m_renderer = nullptr;
    // The pointer as its events said it (ImGui 1.86's SDL backend polls SDL's mouse state, which a
    // touch driver that only sends events, and a test pushing them, leave unchanged): the last
    // position and whether the left button (a finger, as SDL turns touches into mouse events) is down.
    bool m_pointerSeen = false;
    float m_pointerX = 0, m_pointerY = 0;
    bool m_held = false;
};

}  // namespace mh::platform
