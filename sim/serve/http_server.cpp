#include "serve/http_server.hpp"

#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "laborsim/errors.hpp"

namespace laborsim {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr int idle_timeout_s = 60;
constexpr std::size_t header_limit_bytes = 16 * 1024;

using beast_response = http::response<http::string_body>;

beast_response to_beast(const api_response& r, unsigned version, bool keep_alive) {
    beast_response res{static_cast<http::status>(r.status), version};
    res.set(http::field::server, "laborsim");
    res.set(http::field::content_type, r.content_type);
    res.set(http::field::cache_control, "no-store");
    res.set("X-Content-Type-Options", "nosniff");
    if (!r.download_name.empty())
        res.set(http::field::content_disposition, "attachment; filename=\"" + r.download_name + "\"");
    res.keep_alive(keep_alive);
    res.body() = r.body;
    res.prepare_payload();
    return res;
}

api_request to_api(const http::request<http::string_body>& req) {
    api_request r;
    r.method = std::string(req.method_string());
    const std::string target(req.target());
    const auto q = target.find('?');
    r.path = percent_decode(target.substr(0, q), false);
    if (q != std::string::npos) {
        const std::string query = target.substr(q + 1);
        std::size_t start = 0;
        while (start < query.size()) {
            const auto amp = query.find('&', start);
            const std::string pair = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
            const auto eq = pair.find('=');
            if (!pair.empty())
                r.query[percent_decode(pair.substr(0, eq), true)] =
                    eq == std::string::npos ? "" : percent_decode(pair.substr(eq + 1), true);
            if (amp == std::string::npos) break;
            start = amp + 1;
        }
    }
    r.body = req.body();
    return r;
}

void write_refusal(tcp::socket& s, unsigned status, const std::string& reason) {
    api_response r;
    r.status = status;
    r.body = error_json(reason);
    beast::error_code ec;
    auto res = to_beast(r, 11, false);
    http::write(s, res, ec);
}

void set_timeouts(tcp::socket& s) {
    timeval tv{idle_timeout_s, 0};
    ::setsockopt(s.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(s.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

}  // namespace

struct http_server::impl {
    const serve_options& opts;
    const router& routes;
    asio::io_context ioc;
    tcp::acceptor acceptor{ioc};
    asio::signal_set signals{ioc, SIGINT, SIGTERM};
    std::mutex mutex;
    std::condition_variable idle;
    int open_connections = 0;
    std::set<int> open_sockets;  // shut down on stop, so that blocked reads return

    impl(const serve_options& o, const router& r) : opts(o), routes(r) {}

    void serve_connection(tcp::socket socket) {
        set_timeouts(socket);
        {
            std::lock_guard lock(mutex);
            open_sockets.insert(socket.native_handle());
        }
        beast::flat_buffer buffer;
        for (;;) {
            http::request_parser<http::string_body> parser;
            parser.body_limit(opts.max_body_bytes);
            parser.header_limit(header_limit_bytes);
            beast::error_code ec;
            http::read(socket, buffer, parser, ec);
            if (ec == http::error::end_of_stream || ec == asio::error::connection_reset) break;
            if (ec == http::error::body_limit) {
                write_refusal(socket, 413,
                              "request body too large: the limit is " + std::to_string(opts.max_body_bytes) + " bytes");
                break;
            }
            if (ec == http::error::header_limit) {
                write_refusal(socket, 431, "request headers too large");
                break;
            }
            if (ec) {
                if (ec.category() == http::make_error_code(http::error::bad_target).category())
                    write_refusal(socket, 400, "malformed HTTP request: " + ec.message());
                break;
            }
            const auto& req = parser.get();
            api_response answer;
            try {
                answer = routes.handle(to_api(req));
            } catch (const http_error& e) {
                answer.status = e.status();
                answer.body = error_json(e.what());
            }
            auto res = to_beast(answer, req.version(), req.keep_alive());
            http::write(socket, res, ec);
            if (ec || !res.keep_alive()) break;
        }
        std::lock_guard lock(mutex);
        open_sockets.erase(socket.native_handle());
        beast::error_code ignored;
        socket.shutdown(tcp::socket::shutdown_both, ignored);
    }

    void accept_next() {
        acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
            if (ec) {
                if (acceptor.is_open()) accept_next();
                return;
            }
            {
                std::lock_guard lock(mutex);
                if (open_connections >= opts.max_connections) {
                    write_refusal(socket, 503,
                                  "too many open connections (the limit is " + std::to_string(opts.max_connections) +
                                      "); try again");
                    accept_next();
                    return;
                }
                ++open_connections;
            }
            std::thread([this, s = std::move(socket)]() mutable {
                serve_connection(std::move(s));
                std::lock_guard lock(mutex);
                --open_connections;
                idle.notify_all();
            }).detach();
            accept_next();
        });
    }
};

http_server::http_server(const serve_options& opts, const router& routes)
    : impl_(std::make_unique<impl>(opts, routes)) {
    beast::error_code ec;
    const auto address = asio::ip::make_address(opts.bind, ec);
    if (ec) throw input_error("--bind: expected an IP address, got \"" + opts.bind + "\"");
    const tcp::endpoint endpoint{address, opts.port};
    const std::string where = opts.bind + ":" + std::to_string(opts.port);
    impl_->acceptor.open(endpoint.protocol(), ec);
    if (!ec) impl_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) impl_->acceptor.bind(endpoint, ec);
    if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) throw environment_error(where, "cannot listen", ec.message());
}

http_server::~http_server() = default;

unsigned short http_server::port() const { return impl_->acceptor.local_endpoint().port(); }

void http_server::run() {
    impl_->signals.async_wait([this](beast::error_code, int) { stop(); });
    impl_->accept_next();
    impl_->ioc.run();
    // Idle keep-alive connections are woken by a shutdown; one in a handler finishes its answer.
    std::unique_lock lock(impl_->mutex);
    for (const int fd : impl_->open_sockets) ::shutdown(fd, SHUT_RDWR);
    impl_->idle.wait(lock, [this] { return impl_->open_connections == 0; });
}

void http_server::stop() {
    asio::post(impl_->ioc, [this] {
        beast::error_code ec;
        impl_->acceptor.close(ec);
        impl_->signals.cancel(ec);
        impl_->ioc.stop();
    });
}

}  // namespace laborsim
