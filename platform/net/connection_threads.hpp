// cpp-httplib's TaskQueue for the peer server: one thread per accepted connection instead of
// httplib's fixed pool of 8, whose queue let a few slow connections hold back every claim. The number
// of connections is capped by PeerConnections; past `hardLimit` threads (a flood of connects faster
// than refusals end) a task runs on the accept thread with `refuseNow()` true, so it only closes its
// socket. shutdown() joins every thread.
#pragma once
#include <httplib.h>

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

namespace mh {

class ConnectionThreads final : public httplib::TaskQueue {
public:
    explicit ConnectionThreads(std::size_t hardLimit) : m_hardLimit(hardLimit) {}
    ~ConnectionThreads() override { shutdown(); }

    // True while a task runs on the accept thread because the limit was reached: refuse at once.
    static bool refuseNow() { return t_refuse; }

    void enqueue(std::function<void()> fn) override {
        std::lock_guard lock(m_mutex);
        reap();
        if (m_workers.size() < m_hardLimit) {
            auto done = std::make_shared<std::atomic<bool>>(false);
            try {
                m_workers.push_back(Worker{std::thread([fn = std::move(fn), done]() mutable {
                                               fn();
                                               done->store(true);
                                           }),
                                           done});
                return;
            } catch (const std::system_error&) {
                // No thread to be had: refuse below, on this thread.
            }
        }
        t_refuse = true;
        fn();
        t_refuse = false;
    }

    void shutdown() override {
        std::list<Worker> all;
        {
            std::lock_guard lock(m_mutex);
            all.swap(m_workers);
        }
        for (auto& w : all)
            if (w.thread.joinable()) w.thread.join();
    }

private:
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    void reap() {  // under m_mutex
        for (auto it = m_workers.begin(); it != m_workers.end();) {
            if (it->done->load()) {
                it->thread.join();
                it = m_workers.erase(it);
            } else {
                ++it;
            }
        }
    }
    static inline thread_local bool t_refuse = false;
    std::size_t m_hardLimit;
    std::mutex m_mutex;
    std::list<Worker> m_workers;
};

}  // namespace mh
