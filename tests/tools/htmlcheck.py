#!/usr/bin/env python3
"""htmlcheck: a strict checker of the HTML pages kijun writes.

Stricter than HTML5 itself, on purpose: kijun writes every end tag, so an
implied end tag here is a bug.  It fails (exit 1, one line per problem,
naming the line) on: bytes that are not UTF-8, control characters, a
missing doctype, lang, charset or title; an end tag that does not close
the innermost open element; an element left open; an end tag for a void
element, or a self-closing tag outside SVG; bad nesting (blocks inside a
paragraph, table parts outside their parents, and the like); an unknown
character reference; duplicate attributes or ids; and any reference to
something outside the file (src, href and the like not starting with '#',
url() not starting with '#', http:, https: or //-URLs in attributes or
in the stylesheet).

Usage: htmlcheck.py FILE..."""

import html.entities
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
BLOCK = {"address", "article", "aside", "blockquote", "details", "div", "dl",
         "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
         "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p",
         "pre", "section", "table", "ul"}
# Elements that may only appear directly inside one of these parents.
PARENTS = {
    "head": {"html"}, "body": {"html"}, "title": {"head"}, "meta": {"head"},
    "style": {"head"}, "thead": {"table"}, "tbody": {"table"},
    "tfoot": {"table"}, "caption": {"table"}, "tr": {"thead", "tbody", "tfoot"},
    "td": {"tr"}, "th": {"tr"}, "li": {"ul", "ol"}, "dt": {"dl", "div"},
    "dd": {"dl", "div"}, "figcaption": {"figure"}, "defs": {"svg"},
    "pattern": {"defs"},
}
# Elements whose children are restricted to this set.
CHILDREN = {
    "html": {"head", "body"}, "table": {"caption", "thead", "tbody", "tfoot"},
    "thead": {"tr"}, "tbody": {"tr"}, "tr": {"td", "th"}, "ul": {"li"},
    "ol": {"li"}, "dl": {"dt", "dd", "div"},
}
SVG = {"svg", "defs", "pattern", "rect", "line", "text", "tspan", "g",
       "title", "desc", "path", "circle"}
PHRASING_ONLY = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "strong",
                 "em", "b", "i", "small", "th", "figcaption", "dt", "title"}
URL_ATTRS = {"src", "href", "xlink:href", "action", "formaction", "poster",
             "data", "srcset", "background", "cite", "longdesc", "manifest",
             "ping", "icon"}
OUTSIDE = re.compile(r"https?:|(?<![:\w])//\w|url\(\s*['\"]?(?!#)", re.I)


class Checker(HTMLParser):
    def __init__(self, name):
        super().__init__(convert_charrefs=False)
        self.name, self.errors, self.stack, self.ids = name, [], [], set()
        self.doctype = self.lang = self.charset = False
        self.title, self.in_title, self.in_style, self.ended = "", False, False, False

    def err(self, msg):
        self.errors.append("%s:%d: %s" % (self.name, self.getpos()[0], msg))

    def in_svg(self):
        return "svg" in self.stack

    def check_attrs(self, tag, attrs):
        names = [a for a, _ in attrs]
        for a in set(names):
            if names.count(a) > 1:
                self.err("<%s> repeats the attribute %s" % (tag, a))
        for a, v in attrs:
            v = v or ""
            if a == "id":
                if v in self.ids:
                    self.err("duplicate id %r" % v)
                self.ids.add(v)
            if a in URL_ATTRS and not v.startswith("#"):
                self.err("<%s %s=%r> points outside the file" % (tag, a, v))
            if OUTSIDE.search(v):
                self.err("<%s %s=%r> points outside the file" % (tag, a, v))
            if a.startswith("on"):
                self.err("<%s> has an event handler %s" % (tag, a))

    def start(self, tag, attrs, selfclosing):
        if self.ended:
            self.err("<%s> after </html>" % tag)
        if not self.doctype:
            self.err("<%s> before the doctype" % tag)
        if tag == "script":
            self.err("<script> in the page")
        self.check_attrs(tag, attrs)
        parent = self.stack[-1] if self.stack else None
        svg = self.in_svg() or tag == "svg"
        if svg and tag not in SVG:
            self.err("<%s> is not an SVG element kijun uses" % tag)
        if tag in PARENTS and not (svg and tag == "title") and parent not in PARENTS[tag]:
            self.err("<%s> inside <%s>" % (tag, parent))
        elif parent in CHILDREN and tag not in CHILDREN[parent]:
            self.err("<%s> inside <%s>" % (tag, parent))
        if tag in BLOCK:
            for open_tag in self.stack:
                if open_tag in PHRASING_ONLY and not self.in_svg():
                    self.err("<%s> inside <%s>" % (tag, open_tag))
                    break
        if tag == "html":
            self.lang = any(a == "lang" and v for a, v in attrs)
        if tag == "meta" and any(a == "charset" and (v or "").lower() == "utf-8" for a, v in attrs):
            self.charset = True
        if selfclosing and tag not in VOID and not svg:
            self.err("<%s/> self-closing outside SVG" % tag)
        if tag in VOID or selfclosing:
            return
        self.stack.append(tag)
        self.in_title = tag == "title" and not svg
        self.in_style = tag == "style"

    def handle_starttag(self, tag, attrs):
        self.start(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self.start(tag, attrs, True)

    def handle_endtag(self, tag):
        if tag in VOID:
            self.err("end tag </%s> of a void element" % tag)
            return
        if not self.stack:
            self.err("</%s> closes nothing" % tag)
            return
        if self.stack[-1] != tag:
            self.err("</%s> where </%s> was expected" % (tag, self.stack[-1]))
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        self.in_title = self.in_style = False
        if tag == "html":
            self.ended = True

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.in_style and OUTSIDE.search(data):
            self.err("the stylesheet points outside the file: %r" % OUTSIDE.search(data).group(0))
        if self.ended and data.strip():
            self.err("text after </html>")
        if not self.stack and data.strip():
            self.err("text outside <html>")

    def handle_entityref(self, name):
        if name + ";" not in html.entities.html5:
            self.err("unknown character reference &%s" % name)
        if self.in_title:
            self.title += "&"

    def handle_charref(self, name):
        try:
            n = int(name[1:], 16) if name[:1] in "xX" else int(name)
        except ValueError:
            n = -1
        if n <= 0 or n > 0x10FFFF or 0xD800 <= n <= 0xDFFF:
            self.err("bad character reference &#%s;" % name)

    def handle_decl(self, decl):
        if decl.lower() != "doctype html":
            self.err("doctype is <!%s>, expected <!DOCTYPE html>" % decl)
        self.doctype = True

    def unknown_decl(self, data):
        self.err("unexpected declaration <![%s" % data)

    def handle_pi(self, data):
        self.err("processing instruction <?%s" % data)


def check(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8", "strict")
    except UnicodeDecodeError as e:
        return ["%s: not UTF-8 at byte %d" % (path, e.start)]
    errors = []
    for n, line in enumerate(text.split("\n"), 1):
        bad = [c for c in line if (ord(c) < 0x20 and c not in "\t\r") or 0x7F <= ord(c) < 0xA0]
        if bad:
            errors.append("%s:%d: control character U+%04X" % (path, n, ord(bad[0])))
    c = Checker(path)
    c.feed(text)
    c.close()
    errors += c.errors
    if c.stack:
        errors.append("%s: left open at the end: %s" % (path, " ".join("<%s>" % t for t in c.stack)))
    if not c.doctype:
        errors.append("%s: no <!DOCTYPE html>" % path)
    if not c.lang:
        errors.append("%s: <html> has no lang attribute" % path)
    if not c.charset:
        errors.append("%s: no <meta charset=\"utf-8\">" % path)
    if not c.title.strip():
        errors.append("%s: no title" % path)
    return errors


def main():
    errors = []
    for p in sys.argv[1:]:
        errors += check(p)
    for e in errors:
        print(e)
    return 1 if errors or len(sys.argv) < 2 else 0


if __name__ == "__main__":
    sys.exit(main())
