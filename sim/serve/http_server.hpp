// The HTTP side of `laborsim serve`: Boost.Beast on Boost.Asio. One thread accepts; each
// connection is served by its own thread with blocking reads (a planner's browser opens a
// handful), capped at serve_options::max_connections, bodies capped at max_body_bytes,
// idle connections closed after a timeout. Requests go to a router.
#pragma once
#include <atomic>
#include <memory>

#include "serve/router.hpp"
#include "serve/serve_options.hpp"

namespace laborsim {

class http_server {
public:
    // Binds and listens (environment_error if the address or port is refused).
    http_server(const serve_options& opts, const router& routes);
    ~http_server();
    http_server(const http_server&) = delete;
    http_server& operator=(const http_server&) = delete;

    [[nodiscard]] unsigned short port() const;  // the bound port (opts.port 0: the one chosen)
    // Serves until SIGINT/SIGTERM or stop(); returns when no connection is being served.
    void run();
    void stop();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace laborsim
