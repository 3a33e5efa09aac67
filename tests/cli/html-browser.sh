# --report=html in a real browser: headless Chromium prints the report of
# tests/data/mini-answers.cfg to PDF in both languages, and the PDF is
# read back with poppler: A4 pages, the verdict, the coverage figures and
# a Japanese question text on the pages, page numbers, the page count the
# fixture implies; the first page is rendered to PNG for people to look
# at (kept in tests/tmp/).  Skipped, saying why, without Chromium or
# poppler-utils (CI installs chromium, fonts-noto-cjk and poppler-utils).
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
expect_in "en: the verdict is on the page" en.txt "Baseline not met"
expect_in "ja: the verdict is on the page" ja.txt "ベースライン未達成"
expect_in "ja: a Japanese question text is on the page" ja.txt "バックアップを取得していますか。"
expect_in "ja: the appendix shows a note" ja.txt "委託先の手順で代替"

done_testing
