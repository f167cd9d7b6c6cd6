// url_resolve.cpp — see url_resolve.h. RFC 3986 section 5.2.2 (transform references) and 5.2.4 (remove dot
// segments), written from the RFC's pseudo-code.
#include "url_resolve.h"

#include <vector>

namespace galley::importing::html {
namespace {

struct Parts {
    std::string scheme, authority, path, query, fragment;
    bool hasScheme = false, hasAuthority = false, hasQuery = false, hasFragment = false;
};

Parts split(std::string_view s) {
    Parts p;
    std::string scheme = urlScheme(s);
    if (!scheme.empty()) {
        p.scheme = scheme;
        p.hasScheme = true;
        s.remove_prefix(scheme.size() + 1);
    }
    if (s.substr(0, 2) == "//") {
        s.remove_prefix(2);
        size_t stop = s.find_first_of("/?#");
        p.authority = std::string(s.substr(0, stop));
        p.hasAuthority = true;
        s.remove_prefix(stop == std::string_view::npos ? s.size() : stop);
    }
    size_t hash = s.find('#');
    if (hash != std::string_view::npos) {
        p.fragment = std::string(s.substr(hash + 1));
        p.hasFragment = true;
        s = s.substr(0, hash);
    }
    size_t question = s.find('?');
    if (question != std::string_view::npos) {
        p.query = std::string(s.substr(question + 1));
        p.hasQuery = true;
        s = s.substr(0, question);
    }
    p.path = std::string(s);
    return p;
}

std::string removeDotSegments(std::string in) {
    std::string out;
    while (!in.empty()) {
        if (in.compare(0, 3, "../") == 0) {
            in.erase(0, 3);
        } else if (in.compare(0, 2, "./") == 0) {
            in.erase(0, 2);
        } else if (in.compare(0, 3, "/./") == 0) {
            in.erase(0, 2);
        } else if (in == "/.") {
            in = "/";
        } else if (in.compare(0, 4, "/../") == 0 || in == "/..") {
            in = in.size() == 3 ? "/" : in.substr(3);
            size_t last = out.rfind('/');
            out.erase(last == std::string::npos ? 0 : last);
        } else if (in == "." || in == "..") {
            in.clear();
        } else {
            size_t next = in.find('/', 1);
            out += in.substr(0, next);
            in.erase(0, next == std::string::npos ? in.size() : next);
        }
    }
    return out;
}

std::string join(const Parts& p) {
    std::string s;
    if (p.hasScheme) s += p.scheme + ":";
    if (p.hasAuthority) s += "//" + p.authority;
    s += p.path;
    if (p.hasQuery) s += "?" + p.query;
    if (p.hasFragment) s += "#" + p.fragment;
    return s;
}

std::string cleaned(std::string_view s) {
    size_t b = s.find_first_not_of(" \t\n\r\f");
    size_t e = s.find_last_not_of(" \t\n\r\f");
    std::string out;
    if (b == std::string_view::npos) return out;
    for (char c : s.substr(b, e - b + 1))
        if (c != '\t' && c != '\n' && c != '\r') out.push_back(c);
    return out;
}

}  // namespace

std::string urlScheme(std::string_view url) {
    size_t colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0) return {};
    std::string scheme;
    for (size_t i = 0; i < colon; ++i) {
        char c = url[i];
        bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) return {};
        scheme.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return scheme;
}

std::string urlOrigin(std::string_view url) {
    Parts p = split(cleaned(url));
    if (!p.hasScheme || !p.hasAuthority || p.authority.empty()) return {};
    return p.scheme + "://" + p.authority + "/";
}

std::string resolveUrl(std::string_view base, std::string_view reference) {
    const std::string ref = cleaned(reference);
    const std::string b = cleaned(base);
    Parts r = split(ref);
    if (r.hasScheme) {
        r.path = removeDotSegments(r.path);
        return join(r);
    }
    Parts bp = split(b);
    if (!bp.hasScheme) return ref;
    Parts t;
    t.scheme = bp.scheme;
    t.hasScheme = true;
    t.fragment = r.fragment;
    t.hasFragment = r.hasFragment;
    if (r.hasAuthority) {
        t.authority = r.authority;
        t.hasAuthority = true;
        t.path = removeDotSegments(r.path);
        t.query = r.query;
        t.hasQuery = r.hasQuery;
        return join(t);
    }
    t.authority = bp.authority;
    t.hasAuthority = bp.hasAuthority;
    if (r.path.empty()) {
        t.path = bp.path;
        t.query = r.hasQuery ? r.query : bp.query;
        t.hasQuery = r.hasQuery || bp.hasQuery;
    } else {
        if (r.path[0] == '/') {
            t.path = removeDotSegments(r.path);
        } else {
            std::string merged;
            if (bp.hasAuthority && bp.path.empty()) {
                merged = "/" + r.path;
            } else {
                size_t slash = bp.path.rfind('/');
                merged = (slash == std::string::npos ? std::string() : bp.path.substr(0, slash + 1)) + r.path;
            }
            t.path = removeDotSegments(merged);
        }
        t.query = r.query;
        t.hasQuery = r.hasQuery;
    }
    if (t.hasAuthority && t.path.empty()) t.path = "/";
    return join(t);
}

}  // namespace galley::importing::html
