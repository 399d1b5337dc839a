// Routes "METHOD /path/with/*/segments" to handlers; '*' matches one segment and "**" the
// rest of the path (kept in api_request::params). Every exception a handler throws becomes
// a JSON error response: http_error its status, input_error 422 with the located
// diagnostics, environment_error 500 with its one line, anything else 500.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "serve/http_types.hpp"

namespace laborsim {

using api_handler = std::function<api_response(const api_request&)>;

class router {
public:
    void add(const std::string& method, const std::string& pattern, api_handler handler);
    [[nodiscard]] api_response handle(api_request request) const;

private:
    struct route {
        std::string method;
        std::vector<std::string> pattern;
        api_handler handler;
    };
    std::vector<route> routes_;
};

// Splits "/a/b/c" into {"a", "b", "c"}.
std::vector<std::string> path_segments(const std::string& path);

// Decodes %XX and (in queries) '+'; throws http_error 400 on a bad escape.
std::string percent_decode(std::string_view text, bool plus_is_space);

}  // namespace laborsim
