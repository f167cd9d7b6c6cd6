#!/usr/bin/env python3
"""Serve a static Galley site (build/wasm/dist) with the MIME types browsers insist on.

Usage: serve.py DIR [--port 8080] [--host 127.0.0.1] [--embed-ancestors '*']
.wasm must be application/wasm for streaming compilation; sw.js and HTML are never cached. Files with a
pre-compressed copy (FILE.br, FILE.gz: scripts/precompress.py writes them at build time) are sent as that copy with
Content-Encoding when the request accepts it. Every response allows
cross-origin reads (Access-Control-Allow-Origin: *): embed.js is a module script that other origins' pages load,
which browsers fetch with CORS, and embedded viewers read bundles from their host pages' servers.
An HTML page is sent with its own Content-Security-Policy (its <meta http-equiv>) as a header too, plus what only a
header can say: frame-ancestors, 'self' for every page but embed.html, which any origin may frame unless
--embed-ancestors names who may (as a deployment should: docs/embedding.md).
"""
import argparse
import functools
import http.server
import html
import os
import re
import sys

TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".ttf": "font/ttf",
    ".dic": "text/plain; charset=utf-8",
    ".css": "text/css",
    ".html": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


CSP_META = re.compile(r'<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"', re.I)
EMBED_PAGE = "embed.html"


def page_policy(path):
    """The Content-Security-Policy an HTML file declares in its <meta http-equiv>, or None."""
    try:
        with open(path, encoding="utf-8") as f:
            match = CSP_META.search(f.read())
    except (OSError, UnicodeDecodeError):
        return None
    return html.unescape(match.group(1)) if match else None


# Preferred first: brotli is smaller than gzip for everything the site serves.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header):
    """Content codings an Accept-Encoding header allows (q=0 refuses one)."""
    accepted = set()
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip()
        if q.startswith("q="):
            try:
                if float(q[2:]) == 0:
                    continue
            except ValueError:
                continue
        accepted.add(name.strip().lower())
    return accepted


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    # Keep-alive: a page load is about twenty requests over the browser's six connections; without it each one
    # waits for a new connection.
    protocol_version = "HTTP/1.1"

    embed_ancestors = "*"

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        self.policy = None
        if path.endswith(".html") and os.path.isfile(path):
            policy = page_policy(path)
            if policy:
                ancestors = self.embed_ancestors if os.path.basename(path) == EMBED_PAGE else "'self'"
                self.policy = f"{policy}; frame-ancestors {ancestors}"
        if os.path.isfile(path) and self.command in ("GET", "HEAD"):
            accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
            for coding, suffix in ENCODINGS:
                if coding in accepted and os.path.isfile(path + suffix):
                    return self.send_encoded(path, path + suffix, coding)
        return super().send_head()

    def send_encoded(self, path, encoded_path, coding):
        f = open(encoded_path, "rb")
        try:
            size = os.fstat(f.fileno()).st_size
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))  # the original's type, not .br's
            self.send_header("Content-Encoding", coding)
            self.send_header("Content-Length", str(size))
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(path))))
            self.end_headers()
            return f
        except Exception:
            f.close()
            raise

    def end_headers(self):
        path = self.path.split("?", 1)[0]
        if path.endswith((".html", "/", "sw.js")):
            self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        if getattr(self, "policy", None):
            self.send_header("Content-Security-Policy", self.policy)
        # Public static files, no cookies: any origin may read them (see the docstring).
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, fmt, *args):
        if "--quiet" not in sys.argv:
            super().log_message(fmt, *args)


class Server(http.server.ThreadingHTTPServer):
    # A browser that closes a connection mid-response (a page closed while loading, a cancelled preload) is not the
    # server's error: no traceback for it.
    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--embed-ancestors", default="*",
                        help="frame-ancestors of embed.html: who may frame the viewer (default: any origin)")
    args = parser.parse_args()
    if not re.fullmatch(r"[\w\s'*:/.\-]+", args.embed_ancestors):
        parser.error(f"--embed-ancestors: not a CSP source list: {args.embed_ancestors!r}")
    Handler.embed_ancestors = args.embed_ancestors
    handler = functools.partial(Handler, directory=args.dir)
    server = Server((args.host, args.port), handler)
    print(f"Galley: serving {args.dir} at http://{'localhost' if args.host == '127.0.0.1' else args.host}:{server.server_port}/",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
