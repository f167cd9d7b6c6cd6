#!/usr/bin/env python3
"""Copy one of web/'s JavaScript modules into dist without its whole-line comments.

Usage: strip-comments.py SOURCE DEST

The repository's modules document themselves in comments (a third of viewer.js); the page need not download them: 8
of the sample's first-view kilobytes (brotli). Only lines that are nothing but a `//` comment go, and only where
they are code: a line inside a template literal (`...` over several lines) or a /* */ comment is kept as it is.
Comments after code on the same line stay (telling `//` in a string or a regular expression from a comment takes a
parser; these are few). Nothing else changes, so line numbers in errors shift but names and code do not.
"""
import sys


def strip(text):
    out = []
    in_template = 0   # depth of template literals open at the line's start (a ${ } inside one may open another)
    in_block = False  # inside a /* */ comment
    for line in text.split("\n"):
        if not in_template and not in_block and line.lstrip().startswith("//"):
            continue
        out.append(line)
        # Scan the line for what stays open past its end: a template literal or a block comment. Quotes close on
        # their line (else they were part of a regular expression, which cannot span lines either).
        quote = None
        i = 0
        while i < len(line):
            c = line[i]
            if in_block:
                if line.startswith("*/", i):
                    in_block = False
                    i += 1
            elif quote:
                if c == "\\":
                    i += 1
                elif c == quote:
                    quote = None
            elif in_template:
                if c == "\\":
                    i += 1
                elif c == "`":
                    in_template -= 1
            elif line.startswith("//", i):
                break
            elif line.startswith("/*", i):
                in_block = True
                i += 1
            elif c in "'\"":
                quote = c
            elif c == "`":
                in_template += 1
            i += 1
    if in_template or in_block:
        sys.exit("strip-comments: a template literal or comment is still open at the end (the scan is confused)")
    return "\n".join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: strip-comments.py SOURCE DEST")
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(strip(text))


if __name__ == "__main__":
    main()
