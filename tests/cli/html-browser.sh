# --report=html in a real browser: headless Chromium prints the report of
# tests/data/mini-answers.cfg to PDF in both languages, and the PDF is
# read back with poppler: A4 pages, the verdict, the coverage figures and
# a Japanese question text on the pages, page numbers, the page count the
# fixture implies; the first page is rendered to PNG for people to look
# at (kept in tests/tmp/).  Then the report and --plan=html of a plan
# with long texts (tests/data/long-plan.cfg), in both languages: printed
# on A4 nothing is cut at the right edge (every word inside the page,
# every question id on it), and in a window 1200 px wide nothing
# overflows (measured in the page by a script added to a copy: the
# page's scroll width, the right edge of every element, and any element
# whose content is wider than its box).  Skipped, saying why, without
# Chromium or poppler-utils (CI installs chromium, fonts-noto-cjk and
# poppler-utils).
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/mini.cfg"
A="$TESTDATA/mini-answers.cfg"

browser=
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
missing=
[ -n "$browser" ] || missing="chromium"
for t in pdftotext pdfinfo pdftoppm pdffonts; do
  command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
done
if [ -n "$missing" ]; then
  echo "1..0 # SKIP not installed:$missing (apt-get install chromium fonts-noto-cjk poppler-utils)"
  exit 0
fi

OUT="${BUILDDIR:-.}/tests/tmp"
mkdir -p "$OUT"

# print HTML PDF: print a page with Chromium, offline: no network service
# reaches a host (every name resolves to nothing), nothing is synced.
print_pdf() {
  profile=$(mktemp -d "$TMP/profile.XXXXXX")
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$profile" \
    --print-to-pdf="$2" --no-pdf-header-footer "file://$1" >"$TMP/browser.log" 2>&1
}

for l in en ja; do
  "$KIJUN" --lang=$l --report=html "$A" -q "$Q" >"$TMP/$l.html"
  print_pdf "$TMP/$l.html" "$TMP/$l.pdf"
  if [ -s "$TMP/$l.pdf" ]; then ok "$l: Chromium prints the report to PDF"
  else not_ok "$l: Chromium prints the report to PDF" "$(tail -5 "$TMP/browser.log")"; continue
  fi
  pdfinfo "$TMP/$l.pdf" >"$TMP/$l.info"
  pdftotext -layout "$TMP/$l.pdf" "$TMP/$l.txt"
  pages=$(sed -n 's/^Pages: *//p' "$TMP/$l.info")
  expect_in "$l: the pages are A4" $l.info "(A4)"
  # The page count the fixture implies: the summary is page 1 (it ends
  # with a page break); items, status chart, the CSF table, three unmet
  # questions, the improvement plan's section and the method take two
  # pages of body or spill onto a third; the appendix starts on a new
  # page and its eight rows fit on one.  So 3 to 5 pages, never fewer
  # (each forced break shows) nor more.
  if [ "${pages:-0}" -ge 3 ] && [ "$pages" -le 5 ]; then ok "$l: $pages pages, as the fixture implies (3 to 5)"
  else not_ok "$l: the page count is what the fixture implies (3 to 5)" "pages: $pages"
  fi
  expect_in "$l: the baseline coverage is on the page" $l.txt "40.0% (2/5)"
  expect_in "$l: the coverage of a phase is on the page" $l.txt "100.0% (2/2)"
  expect_in "$l: the coverage of an item is on the page" $l.txt "33.3% (1/3)"
  expect_in "$l: the organisation, in Japanese, is on the page" $l.txt "水道局"
  # Chromium draws the @page margin box "N / M"; pdftotext drops the
  # spaces of so short a line.
  if tr -d ' ' <"$TMP/$l.txt" | grep -qx "1/$pages" && tr -d ' ' <"$TMP/$l.txt" | grep -q "^.*$pages/$pages\$"; then
    ok "$l: the pages are numbered (1/$pages .. $pages/$pages)"
  else
    not_ok "$l: the pages are numbered" "$(tr -d ' ' <"$TMP/$l.txt" | grep -E '^[0-9]+/[0-9]+$')"
  fi
  rm -f "$TMP/$l"-1.png
  pdftoppm -png -r 60 -f 1 -l 1 "$TMP/$l.pdf" "$TMP/$l"
  png=$(ls "$TMP/$l"-*1.png 2>/dev/null | head -1)
  if [ -n "$png" ] && [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
    cp "$png" "$OUT/report-$l-page1.png"
    ok "$l: the first page renders to PNG (tests/tmp/report-$l-page1.png)"
  else
    not_ok "$l: the first page renders to PNG"
  fi
done
# ---- A4 and a 1200 px window, with long texts (issue 22, item 6) -----------
L="$TESTDATA/long-plan.cfg"
ids="1.1-a 1.1-b 1.2-a 1.2-b 1.2-c 1.2-d 1.3-a 1.3-b"
plan_ids="1.1-b 1.2-b 1.2-c 1.3-a 1.2-d 1.3-b"

# words_outside PDF: the words of the PDF whose box passes the page's
# right edge (pdftotext -bbox), one a line; none when nothing is cut.
words_outside() {
  pdftotext -bbox "$1" "$TMP/bbox.html"
  python3 - "$TMP/bbox.html" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
for page in re.split(r"<page ", s)[1:]:
    w = float(re.match(r'width="([\d.]+)"', page).group(1))
    for x, t in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', page):
        if float(x) > w:
            print("%s (right edge %s of %s)" % (t, x, w))
PY
}

# probe HTML WIDTH: the page measured in a window WIDTH px wide: the
# line "page=P view=V right=R overflowing=N[:ELEMENTS]".
probe() {
  { sed '/<\/body>/,$d' "$1"; cat <<'JS'; echo '</body></html>'; } >"$TMP/probe.html"
<script>
(function () {
  var de = document.documentElement, right = 0, wide = [];
  var all = document.body.getElementsByTagName("*");
  for (var i = 0; i < all.length; i++) {
    var e = all[i], r = e.getBoundingClientRect();
    if (r.width && r.right > right) right = r.right;
    if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
      wide.push(e.tagName + (e.className ? "." + e.className : ""));
  }
  document.body.setAttribute("data-kijun-probe", "page=" + de.scrollWidth + " view=" + de.clientWidth +
    " right=" + Math.ceil(right) + " overflowing=" + wide.length + (wide.length ? ":" + wide.slice(0, 6).join(",") : ""));
})();
</script>
JS
  profile=$(mktemp -d "$TMP/profile.XXXXXX")
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$profile" \
    --window-size="$2",900 --dump-dom "file://$TMP/probe.html" 2>"$TMP/browser.log" \
    | sed -n 's/.*data-kijun-probe="\([^"]*\)".*/\1/p'
}

# fits LINE: the probe's line says nothing overflows.
fits() {
  set -- $(echo "$1" | sed 's/[a-z]*=//g; s/:.*//')
  [ $# -eq 4 ] && [ "$1" -le "$2" ] && [ "$3" -le "$2" ] && [ "$4" -eq 0 ]
}

# The probe sees an overflow when there is one (else a pass says nothing).
"$KIJUN" --lang=en --plan=html "$L" -q "$Q" | sed 's|<body>|<body><div style="width:1500px">wide</div>|' >"$TMP/wide.html"
m=$(probe "$TMP/wide.html" 1200)
if [ -n "$m" ] && ! fits "$m"; then ok "the 1200 px probe sees a page wider than the window ($m)"
else not_ok "the 1200 px probe sees a page wider than the window" "probe: ${m:-nothing}" "$(tail -3 "$TMP/browser.log")"; fi

for l in en ja; do
  for what in report plan; do
    "$KIJUN" --lang=$l --$what=html "$L" -q "$Q" >"$TMP/long-$what.$l.html"
    print_pdf "$TMP/long-$what.$l.html" "$TMP/long-$what.$l.pdf"
    if [ ! -s "$TMP/long-$what.$l.pdf" ]; then
      not_ok "$l: the $what with long texts prints to PDF" "$(tail -5 "$TMP/browser.log")"; continue
    fi
    pdfinfo "$TMP/long-$what.$l.pdf" >"$TMP/long.info"
    expect_in "$l: the $what with long texts is printed on A4" long.info "(A4)"
    out=$(words_outside "$TMP/long-$what.$l.pdf")
    if [ -z "$out" ]; then ok "$l: A4: no word of the $what passes the right edge"
    else not_ok "$l: A4: no word of the $what passes the right edge" "$(echo "$out" | head -5)"; fi
    pdftotext "$TMP/long-$what.$l.pdf" "$TMP/long.txt"
    [ $what = report ] && want=$ids || want=$plan_ids
    missing=
    for id in $want; do grep -qF -- "$id" "$TMP/long.txt" || missing="$missing $id"; done
    if [ -z "$missing" ]; then ok "$l: A4: every question id of the $what is on the pages"
    else not_ok "$l: A4: every question id of the $what is on the pages" "missing:$missing"; fi
    # The long path in a note (the report shows notes, the plan does not)
    # keeps its end: a cut would drop it.
    if [ $what = plan ]; then :
    elif tr -d ' \n' <"$TMP/long.txt" | grep -qF "version-2.xlsx"; then ok "$l: A4: the long path of the $what is whole"
    else not_ok "$l: A4: the long path of the $what is whole"; fi
    m=$(probe "$TMP/long-$what.$l.html" 1200)
    if [ -n "$m" ] && fits "$m"; then ok "$l: 1200 px: nothing of the $what overflows ($m)"
    else not_ok "$l: 1200 px: nothing of the $what overflows" "probe: ${m:-nothing}" "$(tail -3 "$TMP/browser.log")"; fi
  done
done

# The sector year on year (--compare of two folders), in Japanese, whose
# headers are the longest: it fits 1200 px too (eight long headers in
# one row did not).
mkdir -p "$TMP/y1" "$TMP/y2"
cp "$TESTDATA/cycle-1.cfg" "$TESTDATA/mini-answers.cfg" "$TMP/y1/"
cp "$TESTDATA/cycle-2.cfg" "$TMP/y2/"
"$KIJUN" --lang=ja --compare=html --names -q "$Q" -o "$TMP/sector.html" "$TMP/y1" "$TMP/y2" 2>/dev/null
m=$(probe "$TMP/sector.html" 1200)
if [ -n "$m" ] && fits "$m"; then ok "ja: 1200 px: nothing of the sector comparison overflows ($m)"
else not_ok "ja: 1200 px: nothing of the sector comparison overflows" "probe: ${m:-nothing}"; fi

expect_in "en: the verdict is on the page" en.txt "Baseline not met"
expect_in "ja: the verdict is on the page" ja.txt "ベースライン未達成"
expect_in "ja: a Japanese question text is on the page" ja.txt "バックアップを取得していますか。"
expect_in "ja: the appendix shows a note" ja.txt "委託先の手順で代替"

done_testing
