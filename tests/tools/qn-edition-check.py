#!/usr/bin/env python3
"""Check a new edition of the bundled questionnaire against the one before it.

The editorial rules of questionnaires/GLOSSARY.md that the loader does not
enforce: every id of the previous edition is still asked, carried by a `was`,
or retired on purpose; ids are unique; every editorial level says why in both
languages; every hint opens with the agreed prefix in both languages; every
section has a baseline question or a section `level_note` saying why not.
Prints the counts by level and basis, and with --fates the fate of every
previous id. Python 3, standard library only.

usage: qn-edition-check.py NEW.cfg OLD.cfg [--fates]
Exit status 0 when every rule holds, 1 otherwise.
"""
import re
import sys
from collections import Counter, OrderedDict

HINT_JA = "証跡の例："
HINT_EN = "Examples of evidence: "


class Parser:
    """Just enough of libconfig 1.5: groups, lists, arrays, strings
    (adjacent literals concatenate), integers, booleans, comments."""

    TOKEN = re.compile(r'''
        (?P<ws>\s+|\#[^\n]*|//[^\n]*|/\*.*?\*/)
      | (?P<str>"(?:\\.|[^"\\])*")
      | (?P<num>[-+]?(?:0[xX][0-9a-fA-F]+|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)L?)
      | (?P<name>[A-Za-z*][-A-Za-z0-9_*]*)
      | (?P<punct>[{}()\[\];,=:])
    ''', re.S | re.X)

    def __init__(self, text):
        self.toks = []
        pos = 0
        while pos < len(text):
            m = self.TOKEN.match(text, pos)
            if not m:
                line = text.count("\n", 0, pos) + 1
                raise SyntaxError("line %d: unexpected %r" % (line, text[pos:pos + 20]))
            pos = m.end()
            if m.lastgroup != "ws":
                self.toks.append((m.lastgroup, m.group(m.lastgroup)))
        self.i = 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self, want=None):
        t = self.peek()
        if want is not None and t[1] != want:
            raise SyntaxError("expected %r, got %r (token %d)" % (want, t[1], self.i))
        self.i += 1
        return t

    def settings(self, end):
        d = OrderedDict()
        while self.peek()[1] != end and self.peek()[0] is not None:
            kind, name = self.take()
            if kind != "name":
                raise SyntaxError("expected a name, got %r" % name)
            self.take("=" if self.peek()[1] == "=" else ":")
            d[name] = self.value()
            if self.peek()[1] in (";", ","):
                self.take()
        return d

    def value(self):
        kind, v = self.peek()
        if v == "{":
            self.take()
            d = self.settings("}")
            self.take("}")
            return d
        if v in ("(", "["):
            close = ")" if v == "(" else "]"
            self.take()
            items = []
            while self.peek()[1] != close:
                items.append(self.value())
                if self.peek()[1] == ",":
                    self.take()
            self.take(close)
            return items
        if kind == "str":
            s = ""
            while self.peek()[0] == "str":
                s += bytes(self.take()[1][1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
            return s
        if kind == "num":
            self.take()
            v = v.rstrip("L")
            return int(v, 0) if re.fullmatch(r"[-+]?(0[xX][0-9a-fA-F]+|\d+)", v) else float(v)
        if kind == "name" and v.lower() in ("true", "false"):
            self.take()
            return v.lower() == "true"
        raise SyntaxError("unexpected %r" % v)


def load(path):
    with open(path, encoding="utf-8") as f:
        return Parser(f.read()).settings(None)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    new, old = load(argv[1]), load(argv[2])
    errors = []
    err = errors.append

    qs = new["questions"]
    ids = [q["id"] for q in qs]
    for i, n in Counter(ids).items():
        if n > 1:
            err("id %s used %d times" % (i, n))
    current = set(ids)
    carried = {}
    for q in qs:
        for w in q.get("was", []):
            carried.setdefault(w, []).append(q["id"])
    retired = {r["id"]: r for r in new.get("retired", [])}
    for r in retired.values():
        if r["id"] in current:
            err("%s is both asked and retired" % r["id"])
        if r["id"] in carried:
            err("%s is both retired and in a was" % r["id"])
        for l in ("ja", "en"):
            if not r.get("note", {}).get(l):
                err("retired %s has no %s note" % (r["id"], l))
    fates = []
    for q in old["questions"]:
        i = q["id"]
        if i in current:
            newq = qs[ids.index(i)]
            fates.append((i, "revised" if newq.get("revision", 1) > q.get("revision", 1) else "kept"))
        elif i in carried:
            fates.append((i, "was-carried to " + ", ".join(carried[i])))
        elif i in retired:
            fates.append((i, "retired"))
        else:
            err("edition-%s id %s is neither asked, carried nor retired" % (old.get("edition", 1), i))
            fates.append((i, "LOST"))
    for w in carried:
        if w not in {q["id"] for q in old["questions"]}:
            err("was names %s, which the previous edition does not have" % w)

    sections = {s["id"]: s for s in new["sections"]}
    for q in qs:
        if q["section"] not in sections:
            err("%s: unknown section %s" % (q["id"], q["section"]))
        if q.get("level_basis") == "editorial":
            ln = q.get("level_note", {})
            for l in ("ja", "en"):
                if not ln.get(l):
                    err("%s: editorial level without a %s level_note" % (q["id"], l))
        h = q.get("hint", {})
        if not h.get("ja", "").startswith(HINT_JA):
            err("%s: ja hint does not start with %s" % (q["id"], HINT_JA))
        if not h.get("en", "").startswith(HINT_EN):
            err("%s: en hint does not start with %r" % (q["id"], HINT_EN))
        for l in ("ja", "en"):
            if not q.get("text", {}).get(l):
                err("%s: no %s text" % (q["id"], l))
    for sid, s in sections.items():
        mine = [q for q in qs if q["section"] == sid]
        if not mine:
            err("section %s has no question" % sid)
        if not any(q["level"] == "baseline" for q in mine):
            ln = s.get("level_note", {})
            if not (ln.get("ja") and ln.get("en")):
                err("section %s has no baseline question and no level_note" % sid)

    by = Counter((q["level"], q["level_basis"]) for q in qs)
    levels = Counter(q["level"] for q in qs)
    total = len(qs)
    print("edition %s: %d questions (previous edition %s: %d)"
          % (new.get("edition", 1), total, old.get("edition", 1), len(old["questions"])))
    print("%-12s %8s %8s %8s %8s" % ("level", "source", "survey", "editorial", "total"))
    for lv in ("baseline", "recommended"):
        print("%-12s %8d %8d %8d %8d  (%.0f%%)" % (lv, by[(lv, "source")], by[(lv, "survey")],
                                                    by[(lv, "editorial")], levels[lv],
                                                    100.0 * levels[lv] / total))
    print("%-12s %8d %8d %8d %8d" % ("total", sum(v for (l, b), v in by.items() if b == "source"),
                                       sum(v for (l, b), v in by.items() if b == "survey"),
                                       sum(v for (l, b), v in by.items() if b == "editorial"), total))
    if "--fates" in argv:
        for i, f in fates:
            print("%-12s %s" % (i, f))
    for e in errors:
        print("ERROR: " + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
