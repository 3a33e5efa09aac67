#!/usr/bin/python3
"""xlsxcheck: read a workbook kijun wrote with an independent reader
(openpyxl) and compare its cells with the JSON output of the same command.

  xlsxcheck.py report WORKBOOK REPORT.json PLAN.json
  xlsxcheck.py plan WORKBOOK PLAN.json
  xlsxcheck.py aggregate WORKBOOK AGGREGATE.json
  xlsxcheck.py aggcompare WORKBOOK COMPARE.json   (--compare of two aggregates)

Text cells must equal the JSON's text as the text report shows it (control
characters escaped, tabs as spaces); every cell must be a value, never a
formula; percentages are numbers with a percent format; dates are dates.
Prints one line per problem and exits 1 when there is any."""
import datetime
import json
import sys

import openpyxl

problems = []


def problem(msg):
    problems.append(msg)


def shown(s):
    """A string as kijun's text report shows it (txt_sanitize, multi-line)."""
    if s is None:
        return None
    out = []
    for ch in s:
        c = ord(ch)
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif c < 0x20:
            out.append("^" + chr(c + 0x40))
        elif c == 0x7F:
            out.append("^?")
        elif 0x80 <= c <= 0x9F or 0x202A <= c <= 0x202E or 0x2066 <= c <= 0x2069 \
                or c in (0x200E, 0x200F, 0x061C):
            out.append("<U+%04X>" % c)
        else:
            out.append(ch)
    return "".join(out) or None


def local_time(iso):
    """An ISO 8601 time as the wall-clock time of the local zone (TZ)."""
    if iso is None:
        return None
    t = datetime.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return t.astimezone().replace(tzinfo=None)


def date(s):
    if s is None:
        return None
    return datetime.datetime.strptime(s, "%Y-%m-%d")


def same(what, got, want):
    if got != want:
        problem("%s: workbook has %r, JSON says %r" % (what, got, want))


def percent(what, cell, pct):
    if pct is None:
        same(what, cell.value, None)
        return
    if not isinstance(cell.value, (int, float)):
        problem("%s: %r is not a number" % (what, cell.value))
        return
    if "%" not in cell.number_format:
        problem("%s: format %r is not a percentage" % (what, cell.number_format))
    if round(cell.value * 100, 1) != pct:
        problem("%s: %r is not %s%%" % (what, cell.value, pct))


def table(ws, ncols_min):
    """The rows of a table sheet as cells, after checking its frame."""
    if ws.freeze_panes is None or not ws.freeze_panes.endswith("2"):
        problem("%s: the header row is not frozen (%r)" % (ws.title, ws.freeze_panes))
    if not ws.auto_filter.ref:
        problem("%s: no autofilter" % ws.title)
    rows = list(ws.iter_rows())
    if len(rows[0]) < ncols_min:
        problem("%s: %d columns, expected %d" % (ws.title, len(rows[0]), ncols_min))
    for c in rows[0]:
        if c.value is not None and not c.font.b:
            problem("%s: header %r is not bold" % (ws.title, c.value))
    body = []
    for r in rows[1:]:
        if all(c.value is None for c in r):
            break
        body.append(r)
    return body


def no_formulas(wb):
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    problem("%s!%s is a formula: %r" % (ws.title, c.coordinate, c.value))


def check_statuses(pairs):
    """Each JSON status key has one name in the workbook, distinct names."""
    names = {}
    for key, name in pairs:
        if names.setdefault(key, name) != name:
            problem("status %s is shown as %r and %r" % (key, names[key], name))
    if len(set(names.values())) != len(names):
        problem("two statuses share a name: %r" % names)


def check_plan_sheet(ws, pj):
    rows = table(ws, 9)
    items = pj["items"]
    same("plan rows", len(rows), len(items))
    for row, it in zip(rows, items):
        q = it["question"]
        same(q + " id", row[0].value, q)
        same(q + " text", row[2].value, shown(it["text"]))
        same(q + " action", row[5].value, shown(it["action"]))
        same(q + " owner", row[6].value, shown(it["owner"]))
        for col, key in ((7, "due"), (8, "done")):
            same(q + " " + key, row[col].value, date(it[key]))
            if it[key] is not None and not row[col].is_date:
                problem("%s %s is not a date" % (q, key))


def check_report(wb, rj, pj):
    names = wb.sheetnames
    if len(names) != 5:
        problem("sheets: %r" % names)
        return
    cover, answers, phases, items, plan = (wb[n] for n in names)
    # The cover: organisation, verdict, the figures.
    values = [row[1].value for row in cover.iter_rows()]
    if shown(rj["profile"]["organization"]) not in values:
        problem("cover lacks the organisation %r" % rj["profile"]["organization"])
    if rj["answers_file"] is not None and shown(rj["answers_file"]) not in values:
        problem("cover lacks the answers file %r" % rj["answers_file"])
    if rj["verdict_label"] not in values:
        problem("cover lacks the verdict %r" % rj["verdict_label"])
    pcts = [row[1] for row in cover.iter_rows() if isinstance(row[1].value, float) or
            (isinstance(row[1].value, int) and "%" in row[1].number_format)]
    want = [rj["overall"][lvl]["percent"] for lvl in ("baseline", "recommended")]
    want = [w for w in want if w is not None]
    same("cover percentages", [round(c.value * 100, 1) for c in pcts], want)
    # Every answer, in walk order.
    rows = table(answers, 16)
    same("answer rows", len(rows), len(rj["answers"]))
    pairs = []
    for row, a in zip(rows, rj["answers"]):
        q = a["question"]
        same(q + " id", row[0].value, q)
        same(q + " item", row[2].value, a["section"])
        same(q + " text", row[4].value, shown(a["text"]))
        pairs.append((a["status"], row[5].value))
        same(q + " note", row[8].value, shown(a["note"]))
        same(q + " evidence", row[9].value, shown(a["evidence"]))
        same(q + " updated", row[14].value, local_time(a["updated"]))
        same(q + " reconfirm", row[15].value is not None, a["reconfirm"])
        for c in row:
            if isinstance(c.value, str) and c.data_type != "s":
                problem("%s!%s is not text" % (answers.title, c.coordinate))
    check_statuses(pairs)
    plan_of = {it["question"]: it for it in pj["items"]}
    for row, a in zip(rows, rj["answers"]):
        it = plan_of.get(a["question"])
        if it:
            same(a["question"] + " action", row[10].value, shown(it["action"]))
            same(a["question"] + " due", row[12].value, date(it["due"]))
    # Phases and items.
    for ws, key in ((phases, "phases"), (items, "sections")):
        rows = table(ws, 9)
        same(ws.title + " rows", len(rows), len(rj[key]))
        lead = 1 if key == "phases" else 2
        for row, p in zip(rows, rj[key]):
            if key == "sections":
                same(p["id"] + " id", row[0].value, p["id"])
                same(p["id"] + " title", row[1].value, shown(p["title"]))
            for k, lvl in enumerate(("baseline", "recommended")):
                percent("%s %s %s" % (ws.title, p["id"], lvl), row[lead + 3 * k], p[lvl]["percent"])
                same("%s %s %s met" % (ws.title, p["id"], lvl), row[lead + 3 * k + 1].value, p[lvl]["met"])
                same("%s %s %s applicable" % (ws.title, p["id"], lvl), row[lead + 3 * k + 2].value,
                     p[lvl]["applicable"])
    check_plan_sheet(plan, pj)


def check_plan(wb, pj):
    names = wb.sheetnames
    if len(names) != 2:
        problem("sheets: %r" % names)
        return
    values = [row[1].value for row in wb[names[0]].iter_rows()]
    if pj["counts"]["not_met"] not in values:
        problem("plan cover lacks the count %r" % pj["counts"]["not_met"])
    check_plan_sheet(wb[names[1]], pj)


def check_aggregate(wb, aj):
    names = wb.sheetnames
    cover = wb[names[0]]
    values = [row[1].value for row in cover.iter_rows()]
    for key in ("aggregated", "left_out", "duplicates", "baseline_met", "baseline_not_met",
                "not_yet_decided", "awaiting_reconfirmation"):
        if aj["files"][key] not in values:
            problem("aggregate cover lacks %s = %r" % (key, aj["files"][key]))
    if cover["A1"].value != shown(aj["title"]):
        problem("aggregate title %r, JSON %r" % (cover["A1"].value, aj["title"]))
    rows = table(wb[names[1]], 6)
    sectors = aj["sectors"]
    same("sector rows", len(rows), len(sectors) + 1)
    for row, s in zip(rows, sectors):
        same("sector " + str(s["id"]), [c.value for c in row[1:6]],
             [s["files"], s["baseline_met"], s["baseline_not_met"], s["not_yet_decided"],
              s["awaiting_reconfirmation"]])
    rows = table(wb[names[2]], 11)
    scopes = [aj["overall"]] + aj["phases"] + aj["sections"]
    # CSF rows (functions, categories) follow the items.
    if len(rows) < len(scopes):
        problem("distribution rows: %d, expected at least %d" % (len(rows), len(scopes)))
    for row, s in zip(rows, scopes):
        d = s["distribution"]
        same("distribution files", row[3].value, d["files"])
        for k, key in enumerate(("min", "q1", "median", "q3", "max")):
            percent("distribution " + key, row[4 + k], d[key])
        same("distribution left out", row[10].value, d["not_yet_decided_left_out"])
    rows = table(wb[names[3]], 15)
    same("question rows", len(rows), len(aj["questions"]))
    for row, q in zip(rows, aj["questions"]):
        same(q["question"] + " id", row[0].value, q["question"])
        same(q["question"] + " text", row[4].value, shown(q["text"]))
        percent(q["question"] + " share", row[5], q["answers"]["percent"])
        same(q["question"] + " met", row[6].value, q["answers"]["met"])
        same(q["question"] + " applicable", row[7].value, q["answers"]["applicable"])
        same(q["question"] + " unanswered", row[14].value, q["answers"]["unanswered"])
    rows = table(wb[names[4]], 3)
    files = [x["file"] for x in aj["left_out"]] + [x["file"] for x in aj["skipped"]] + [f for d in aj["duplicates"] for f in d["files"]]
    same("files sheet", [shown(r[0].value) for r in rows], [shown(f) for f in files])


def check_aggcompare(wb, cj):
    names = wb.sheetnames
    cover = wb[names[0]]
    if cover["A1"].value != shown(cj["title"]):
        problem("comparison title %r, JSON %r" % (cover["A1"].value, cj["title"]))
    counts = [tuple(c.value for c in row[1:4]) for row in cover.iter_rows()]
    b, a = cj["before"], cj["after"]
    for key in ("files", "baseline_met", "baseline_not_met", "not_yet_decided", "awaiting_reconfirmation"):
        if (b[key], a[key], a[key] - b[key]) not in counts:
            problem("comparison cover lacks %s = %r -> %r" % (key, b[key], a[key]))
    rows = table(wb[names[1]], 8)
    d0, d1 = b["distribution"], a["distribution"]
    for k, key in enumerate(("q1", "median", "q3")):
        percent("overall %s before" % key, rows[0][1 + k], d0[key])
        percent("overall %s after" % key, rows[0][4 + k], d1[key])
    rows = table(wb[names[2]], 9)
    orgs = cj["organizations"] + cj["entered"] + cj["left"]
    same("organisation rows", len(rows), len(orgs))
    for row, o in zip(rows, orgs):
        same("organisation file before", row[2].value, o["file_before"])
        same("organisation file after", row[3].value, o["file_after"])
        if "organization" in o:
            same("organisation name", row[1].value, shown(o["organization"]))
        percent("coverage before", row[6], o["baseline_percent_before"])
        percent("coverage after", row[7], o["baseline_percent_after"])
        same("change in points", row[8].value, o["change"])


def main():
    kind, book = sys.argv[1], sys.argv[2]
    wb = openpyxl.load_workbook(book)
    no_formulas(wb)
    data = [json.load(open(p, encoding="utf-8")) for p in sys.argv[3:]]
    {"report": check_report, "plan": check_plan, "aggregate": check_aggregate,
     "aggcompare": check_aggcompare}[kind](wb, *data)
    for p in problems[:40]:
        print(p)
    sys.exit(1 if problems else 0)


main()
