// A request and response as the API handlers see them, free of Beast's types, and the one
// exception a handler throws to answer with a 4xx/5xx and a reason.
#pragma once
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace laborsim {

struct api_request {
    std::string method;                        // "GET", "POST", ...
    std::string path;                          // percent-decoded, without the query
    std::map<std::string, std::string> query;  // decoded
    std::vector<std::string> params;           // the route's '*' segments, in order
    std::string body;
};

struct api_response {
    unsigned status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::string download_name;  // non-empty: sent as an attachment with this name
};

// A 200 answer with a JSON body.
inline api_response json_response(std::string body) {
    api_response r;
    r.body = std::move(body);
    return r;
}

// An answer other than 200: status and a one-line reason (sent as {"error": reason}).
class http_error : public std::runtime_error {
public:
    http_error(unsigned status, const std::string& reason) : std::runtime_error(reason), status_(status) {}
    [[nodiscard]] unsigned status() const { return status_; }

private:
    unsigned status_;
};

// {"error": reason} with an optional located-diagnostics array, for every refusal.
std::string error_json(const std::string& reason);

}  // namespace laborsim
