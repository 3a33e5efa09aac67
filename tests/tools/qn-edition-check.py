#!/usr/bin/env python3
"""Check a new edition of the bundled questionnaire against the one before it.

The editorial rules of questionnaires/GLOSSARY.md that the loader does not
enforce: every id of the previous edition is still asked, carried by a `was`,
or retired on purpose; ids are unique; every editorial level says why in both
languages; every hint opens with the agreed prefix in both languages; every
section has a baseline question or a section `level_note` saying why not.
Prints the counts by level and basis, and with --fates the fate of every
previous id. Python 3, standard library only.

It also checks that NEWS says exactly what the file does: the split, merged,
revised, reworded, level-changed, added and retired ids of the new edition's
section are those the two files show, with the levels they give. From
edition 3 on it checks more of what NEWS says: the counts in its opening
line, the renamed ids (one old id carried to one new question), every
question whose hint changed, every change of phase or CSF function (of a
kept question, or of a question against the ids it replaces), and level
changes of questions that replace an old id as well as of kept ones.

A `was` may name an id of the previous edition or one that the previous
edition already named in a `was` or `retired` (an id of an even earlier
edition); every `was` and `retired` entry of the previous edition is kept.

usage: qn-edition-check.py [NEW.cfg OLD.cfg [NEWS]] [--fates]
Without file arguments: questionnaires/nisc-2023.cfg of this tree, edition 1
from the test fixture tests/data/nisc-2023.edition-1.cfg (or, without it,
as committed at OLD_COMMIT, read with git), and questionnaires/NEWS.
Exit status 0 when every rule holds, 1 otherwise, 2 on a usage error.
"""
import os
import re
import subprocess
import sys
from collections import Counter, OrderedDict

HINT_JA = "証跡の例："
HINT_EN = "Examples of evidence: "
# The last commit of edition 1 of the bundled questionnaire.
OLD_COMMIT = "55e7876241bebf9cd24aa516a4323551972a6e95"
QN = "questionnaires/nisc-2023.cfg"


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



def main_value(key, v):
    """The value compared across editions: for csf, the function of the
    main (first) reference, since a question may name several CSF 2.0
    categories ("GV.OC", "PR.DS-11") where editions 1 and 2 named one
    function ("GV")."""
    if key != "csf":
        return v
    if isinstance(v, (list, tuple)):
        v = v[0] if v else ""
    return v[:2]

def load(path):
    with open(path, encoding="utf-8") as f:
        return Parser(f.read()).settings(None)


def level_str(q):
    b = q.get("level_basis", "editorial")
    return q["level"] + ("" if b == "editorial" else " (%s)" % b)


def lead_ids(part):
    """The ids a NEWS list names: those before the first ': ' of each
    '- ' line ("- 4.2-e, 4.2-f: ..."), continuation lines ignored."""
    ids = set()
    for line in re.findall(r"^- (.+)$", part, re.M):
        ids.update(re.findall(r"\b[0-9][0-9.]*-[a-z]+\b", line.split(": ", 1)[0]))
    return ids


LEVEL = r"(?:baseline|recommended)(?: \((?:source|survey)\))?"


# Words a level note or hint must use as the rest of kijun does (GLOSSARY.md,
# "Level notes"): the scope questions by the interface's name, the source
# by one name, and the governance umbrella in one wording; and phrases of
# the seeds a note must not copy (slide 21 ③, slide 25's quotation of the
# 5th edition, slide 19): (pattern, language, what to say instead).
NOTE_WORDS = [
    (r"範囲の質問", "ja", "name the scope questions as the interface does: 対象範囲の設問"),
    (r"(?<!改定)(?<!総務省の)資料(?:で|の事例|の「)", "ja", "name the source as 改定資料 (or 総務省の資料)"),
    (r"(?<!revision )(?<!MIC's )\bmaterials\b", "en", "name the source as the revision materials"),
    (r"広い記述|broad remark", "both",
     "say the governance and risk management umbrella in the one wording of GLOSSARY.md"),
    (r"最低限確保すべき任務保証|確実に復旧できる|任務保証の考え方を具体化|事業実施場所の確認|各階層の役割と責任を明確",
     "ja", "say it in our own words, not the seeds'"),
]


def check_note_words(where, note, hint, err):
    for pat, lang, want in NOTE_WORDS:
        for l in (("ja", "en") if lang == "both" else (lang,)):
            for kind, t in (("level_note", note.get(l, "")), ("hint", hint.get(l, ""))):
                m = re.search(pat, t)
                # A second mention may be short ("the materials") once the
                # note has named them in full.
                if m and "source" in want and ("改定資料" if l == "ja" else "revision materials") in t[:m.start()]:
                    m = None
                if m:
                    err("%s: the %s %s says %r: %s" % (where, l, kind, m.group(0), want))


def check_news(text, new, old, err):
    """NEWS's section for the new edition against what the files show."""
    ed = new.get("edition", 1)
    m = re.search(r"^## Edition %d\n(.*?)(?=^## Edition |\Z)" % ed, text, re.S | re.M)
    if not m:
        err("NEWS has no section '## Edition %d'" % ed)
        return
    if ed >= 3:
        check_news_more(m.group(1), new, old, err)
    parts = {}
    for h in re.finditer(r"^### (\w+)[^\n]*\n(.*?)(?=^### |\Z)", m.group(1), re.S | re.M):
        parts[h.group(1)] = h.group(2)
    qs = {q["id"]: q for q in new["questions"]}
    olds = {q["id"]: q for q in old["questions"]}
    carried = {}
    for q in new["questions"]:
        for w in q.get("was", []):
            carried.setdefault(w, set()).add(q["id"])

    def news_ids(part):
        return re.findall(r"^- ([0-9][0-9.]*-[a-z]+)\b", parts.get(part, ""), re.M)

    def same_level(qid, lv, where):
        if qid in qs and level_str(qs[qid]) != lv:
            err("NEWS %s: %s [%s], the file says %s" % (where, qid, lv, level_str(qs[qid])))

    split = {}
    for line in re.findall(r"^- (.+)$", parts.get("Split", ""), re.M):
        sm = re.match(r"(\S+) -> (.*?)\s+\(was (%s)\)$" % LEVEL, line)
        if not sm:
            err("NEWS Split: cannot read %r" % line)
            continue
        targets = re.findall(r"(\S+) \[(%s)\]" % LEVEL, sm.group(2))
        split[sm.group(1)] = {t for t, _ in targets}
        for t, lv in targets:
            same_level(t, lv, "Split")
        if sm.group(1) in olds and level_str(olds[sm.group(1)]) != sm.group(3):
            err("NEWS Split: %s (was %s), edition %s says %s" % (sm.group(1), sm.group(3),
                old.get("edition", 1), level_str(olds[sm.group(1)])))
    # Only the ids of the previous edition: an older id a `was` keeps
    # naming was split or merged in the edition that did it.
    for o, ts in carried.items():
        if o in olds and len(ts) > 1 and split.get(o) != ts:
            err("NEWS Split: %s -> %s, the file says %s" % (o, ", ".join(sorted(split.get(o, []))),
                                                       ", ".join(sorted(ts))))
    for o in split:
        if len(carried.get(o, ())) < 2:
            err("NEWS Split lists %s, which the file does not split" % o)

    merged = {}
    for line in re.findall(r"^- (.+)$", parts.get("Merged", ""), re.M):
        mm = re.match(r"(.+?) -> (\S+) \[(%s)\]$" % LEVEL, line)
        if not mm:
            err("NEWS Merged: cannot read %r" % line)
            continue
        merged[mm.group(2)] = set(mm.group(1).split(" + "))
        same_level(mm.group(2), mm.group(3), "Merged")
    for q in new["questions"]:
        if (len(q.get("was", [])) > 1 and any(w in olds for w in q["was"])
                and merged.get(q["id"]) != set(q["was"])):
            err("NEWS Merged: %s should be listed as %s" % (q["id"], " + ".join(q["was"])))
    for i in merged:
        if len(qs.get(i, {}).get("was", [])) < 2:
            err("NEWS Merged lists %s, which merges nothing in the file" % i)

    kept = [i for i in qs if i in olds]
    raised = {i for i in kept if qs[i].get("revision", 1) > olds[i].get("revision", 1)}
    reworded = {i for i in kept if i not in raised and qs[i]["text"] != olds[i]["text"]}
    relevel = {i for i in kept if level_str(qs[i]) != level_str(olds[i])}
    added = {i for i in qs if i not in olds and not any(w in olds for w in qs[i].get("was", []))}
    retired = {r["id"] for r in new.get("retired", [])}
    # "Reworded with a raised revision" and "... without": two headings, one word.
    rw = re.findall(r"^### Reworded with[^\n]*\n(.*?)(?=^### |\Z)", m.group(1), re.S | re.M)
    rwo = re.findall(r"^### Reworded without[^\n]*\n(.*?)(?=^### |\Z)", m.group(1), re.S | re.M)
    ids_with = lead_ids(rw[0] if rw else "")
    ids_without = lead_ids(rwo[0] if rwo else "")
    for i in sorted(raised - ids_with):
        err("NEWS: %s has a raised revision but is not under 'Reworded with a raised revision'" % i)
    for i in sorted(ids_with - raised):
        err("NEWS lists %s as revised, but its revision did not rise" % i)
    for i in sorted(reworded - ids_without):
        err("NEWS: the text of %s changed without a raised revision and is not listed" % i)
    for i in sorted(ids_without & raised):
        err("NEWS lists %s as reworded without a raised revision, but it was raised" % i)
    for i in sorted(ids_without - set(kept)):
        err("NEWS lists %s as reworded, but it is not a kept id" % i)

    lv = {}
    for line in re.findall(r"^- (.+)$", parts.get("Level", ""), re.M):
        lm = re.match(r"(\S+): (%s) -> (%s):" % (LEVEL, LEVEL), line)
        if not lm:
            if not line.startswith("Every ") and not re.match(r"\S+ \(from \S+\): ", line):
                err("NEWS Level: cannot read %r" % line)
            continue
        lv[lm.group(1)] = (lm.group(2), lm.group(3))
    for i in sorted(relevel - set(lv)):
        err("NEWS: the level of %s changed (%s -> %s) and is not listed" % (i, level_str(olds[i]), level_str(qs[i])))
    for i, (a, b) in sorted(lv.items()):
        if i not in relevel:
            err("NEWS lists a level change for %s, which the file does not show" % i)
        elif (a, b) != (level_str(olds[i]), level_str(qs[i])):
            err("NEWS Level: %s %s -> %s, the files say %s -> %s" % (i, a, b, level_str(olds[i]), level_str(qs[i])))

    listed = {}
    for am in re.finditer(r"^- (\S+) \[(%s)\]:" % LEVEL, parts.get("Added", ""), re.M):
        listed[am.group(1)] = am.group(2)
        same_level(am.group(1), am.group(2), "Added")
    for i in sorted(added ^ set(listed)):
        err("NEWS Added: %s %s" % (i, "is added but not listed" if i in added else "is listed but not added"))
    ret_listed = set(news_ids("Retired"))
    if ret_listed != retired:
        err("NEWS Retired lists %s, the file retires %s" % (sorted(ret_listed) or "none", sorted(retired) or "none"))


def check_news_scope(part, new, err):
    """NEWS's Scope section: how many questions name scope questions in
    `applies`, and for each scope question the questions that depend on
    it ("- ot: 2.2-c, 3.4-d"), exactly as the file says."""
    scopes = [x["id"] for x in new.get("scope", [])]
    if not scopes:
        return
    deps = OrderedDict((s_, []) for s_ in scopes)
    napplies = 0
    for q in new["questions"]:
        a = q.get("applies")
        if a is None:
            continue
        a = [a] if isinstance(a, str) else list(a)
        napplies += 1
        for s_ in a:
            deps.setdefault(s_, []).append(q["id"])
    m = re.search(r"(\d+) questions name the ones they apply under", part)
    if not m or int(m.group(1)) != napplies:
        err("NEWS Scope should say '%d questions name the ones they apply under'" % napplies)
    said = {}
    for sm in re.finditer(r"^- ([a-z_][a-z0-9_]*): ((?:[0-9][0-9.]*-[a-z]+(?:,\s*)?)+)$", part, re.M):
        said[sm.group(1)] = re.findall(r"[0-9][0-9.]*-[a-z]+", sm.group(2))
    for s_, ids in deps.items():
        if s_ not in said:
            err("NEWS Scope does not list the questions that depend on '%s' (%s)" % (s_, ", ".join(ids)))
        elif sorted(said[s_]) != sorted(ids):
            err("NEWS Scope: '%s' lists %s, the file says %s" % (s_, ", ".join(said[s_]), ", ".join(ids)))
    for s_ in said:
        if s_ not in deps:
            err("NEWS Scope lists '%s', which is not a scope question of the file" % s_)


def check_news_more(sec, new, old, err):
    """What edition 3 onwards must also say: counts, renames, hints, phase
    and function, level changes through `was`."""
    qs = {q["id"]: q for q in new["questions"]}
    olds = {q["id"]: q for q in old["questions"]}
    nb = sum(1 for q in new["questions"] if q["level"] == "baseline")
    ob = sum(1 for q in old["questions"] if q["level"] == "baseline")
    want = "%d questions (edition %d: %d); %d baseline (%d%%, edition %d: %d, %d%%)" % (
        len(qs), old.get("edition", 1), len(olds), nb, round(100.0 * nb / len(qs)),
        old.get("edition", 1), ob, round(100.0 * ob / len(olds)))
    first = sec.strip().split("\n", 1)[0]
    if not first.startswith(want):
        err("NEWS opening line should start %r, it is %r" % (want, first[:len(want) + 20]))
    parts = {}
    for h in re.finditer(r"^### (\w+)[^\n]*\n(.*?)(?=^### |\Z)", sec, re.S | re.M):
        parts[h.group(1)] = h.group(2)
    check_news_scope(parts.get("Scope", ""), new, err)
    feeds = {}
    for q in new["questions"]:
        for w in q.get("was", []):
            feeds.setdefault(w, []).append(q["id"])
    # Renamed: one old id carried to one question that names only it.
    renamed = {w: ts[0] for w, ts in feeds.items()
               if len(ts) == 1 and len(qs[ts[0]]["was"]) == 1 and w in olds}
    listed = {}
    for line in re.findall(r"^- (.+)$", parts.get("Renamed", ""), re.M):
        rm = re.match(r"(\S+) -> (\S+) \[(%s)\]" % LEVEL, line)
        if not rm:
            err("NEWS Renamed: cannot read %r" % line)
            continue
        listed[rm.group(1)] = rm.group(2)
        if rm.group(2) in qs and level_str(qs[rm.group(2)]) != rm.group(3):
            err("NEWS Renamed: %s [%s], the file says %s" % (rm.group(2), rm.group(3), level_str(qs[rm.group(2)])))
    if listed != renamed:
        err("NEWS Renamed lists %s, the file renames %s" % (sorted(listed.items()), sorted(renamed.items())))

    # What each question is compared with: itself if kept, else the ids it
    # replaces that the previous edition asked.
    def sources(q):
        if q["id"] in olds:
            return [olds[q["id"]]]
        return [olds[w] for w in q.get("was", []) if w in olds]

    hints = set()
    for q in new["questions"]:
        src = sources(q)
        if q["id"] in olds or len(src) == 1 and q["id"] == renamed.get(src[0]["id"]):
            if src and src[0]["hint"] != q["hint"]:
                hints.add(q["id"])
    said = lead_ids(parts.get("Hints", ""))
    for i in sorted(hints - said):
        err("NEWS: the hint of %s changed and is not listed under 'Hints changed'" % i)
    for i in sorted(said - hints):
        err("NEWS lists a hint change for %s, which the files do not show" % i)

    moved = set()
    for q in new["questions"]:
        src = sources(q)
        for key, name in (("phase", "phase"), ("csf", "csf")):
            was = "/".join(sorted({main_value(key, s.get(key, "")) for s in src}))
            now = main_value(key, q.get(key, ""))
            if src and was != now:
                moved.add("%s: %s %s -> %s" % (q["id"], name, was, now))
    said = set()
    for line in re.findall(r"^- (.+)$", parts.get("Phase", ""), re.M):
        pm = re.match(r"(\S+): (.*?)(?: \(|$)", line)
        if not pm:
            err("NEWS Phase: cannot read %r" % line)
            continue
        for c in pm.group(2).split("; "):
            said.add("%s: %s" % (pm.group(1), c))
    for c in sorted(moved - said):
        err("NEWS: %s is not listed under 'Phase or function changed'" % c)
    for c in sorted(said - moved):
        err("NEWS lists '%s', which the files do not show" % c)

    # A question that replaces one old id and has another level: listed
    # under "Level or basis changed" too, as "NEW (from OLD): A -> B".
    through = {}
    for q in new["questions"]:
        if q["id"] in olds:
            continue
        src = sources(q)
        if len(src) == 1 and level_str(src[0]) != level_str(q):
            through[q["id"]] = (src[0]["id"], level_str(src[0]), level_str(q))
    said = {}
    for lm in re.finditer(r"^- (\S+) \(from (\S+)\): (%s) -> (%s):" % (LEVEL, LEVEL), parts.get("Level", ""), re.M):
        said[lm.group(1)] = (lm.group(2), lm.group(3), lm.group(4))
    if said != through:
        err("NEWS Level lists %s through was, the files show %s" % (sorted(said.items()), sorted(through.items())))


def main(argv):
    flags = [a for a in argv[1:] if a.startswith("--")]
    files = [a for a in argv[1:] if not a.startswith("--")]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if not files:
        fixture = os.path.join(root, "tests", "data", "nisc-2023.edition-1.cfg")
        files = [os.path.join(root, QN), fixture if os.path.exists(fixture) else None,
                 os.path.join(root, "questionnaires", "NEWS")]
    if len(files) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    new = load(files[0])
    if files[1] is None:
        try:
            text = subprocess.run(["git", "-C", root, "show", "%s:%s" % (OLD_COMMIT, QN)],
                                  check=True, capture_output=True).stdout.decode("utf-8")
        except (OSError, subprocess.CalledProcessError) as e:
            print("qn-edition-check: cannot read edition 1 from git (%s); pass NEW.cfg OLD.cfg" % e,
                  file=sys.stderr)
            return 2
        old = Parser(text).settings(None)
    else:
        old = load(files[1])
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
    known = {q["id"] for q in old["questions"]}
    history = {w for q in old["questions"] for w in q.get("was", [])} | {r["id"] for r in old.get("retired", [])}
    for w in carried:
        if w not in known and w not in history:
            err("was names %s, which neither the previous edition nor its was or retired entries have" % w)
    for w in sorted(history - set(carried) - set(retired)):
        err("%s, named in a was or retired entry of the previous edition, is no longer in any" % w)

    sections = {s["id"]: s for s in new["sections"]}
    for q in qs:
        if q["section"] not in sections:
            err("%s: unknown section %s" % (q["id"], q["section"]))
        if q.get("level_basis") == "editorial":
            ln = q.get("level_note", {})
            for l in ("ja", "en"):
                if not ln.get(l):
                    err("%s: editorial level without a %s level_note" % (q["id"], l))
        # From edition 3: every level says where it comes from, and a
        # "source" level names its passage in the revision materials.
        if new.get("edition", 1) >= 3:
            ln = q.get("level_note", {})
            if not (ln.get("ja") and ln.get("en")):
                err("%s: no level_note in both languages" % q["id"])
            elif q.get("level_basis") == "source" and not ("改定資料" in ln["ja"] and "revision materials" in ln["en"]):
                err("%s: a source level whose note does not name the revision materials" % q["id"])
            else:
                check_note_words(q["id"], ln, q.get("hint", {}), err)
        h = q.get("hint", {})
        if not h.get("ja", "").startswith(HINT_JA):
            err("%s: ja hint does not start with %s" % (q["id"], HINT_JA))
        if not h.get("en", "").startswith(HINT_EN):
            err("%s: en hint does not start with %r" % (q["id"], HINT_EN))
        for l in ("ja", "en"):
            if not q.get("text", {}).get(l):
                err("%s: no %s text" % (q["id"], l))
    if new.get("edition", 1) >= 3:
        for sid, s in sections.items():
            if s.get("level_note"):
                check_note_words("section " + sid, s["level_note"], {}, err)
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
    if len(files) == 3:
        with open(files[2], encoding="utf-8") as f:
            check_news(f.read(), new, old, err)
    if "--fates" in flags:
        for i, f in fates:
            print("%-12s %s" % (i, f))
    for e in errors:
        print("ERROR: " + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
