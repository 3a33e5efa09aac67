# --report=html through the real binary: a valid, self-contained page in
# both languages, where nothing from a file can turn into markup.
. "${KIJUN_SRCDIR:-.}/tests/cli/lib.sh"
Q="$TESTDATA/mini.cfg"
A="$TESTDATA/mini-answers.cfg"
CHECK="$KIJUN_SRCDIR/tests/tools/htmlcheck.py"

# expect_not_in NAME FILE REGEX: no line of FILE matches the extended REGEX.
expect_not_in() {
  if ! grep -qE -- "$3" "$TMP/$2"; then ok "$1"
  else not_ok "$1" "$2 has: $(grep -oE -- "$3" "$TMP/$2" | head -3 | tr '\n' ' ')"
  fi
}

# htmlcheck NAME FILE: the strict checker accepts FILE.
htmlcheck() {
  if ! command -v python3 >/dev/null 2>&1; then ok "$1 # SKIP python3 is not installed"; return; fi
  if msg=$(python3 "$CHECK" "$2" 2>&1); then ok "$1"; else not_ok "$1" "$msg"; fi
}

# tidy_check NAME FILE: HTML Tidy finds neither errors nor warnings.
tidy_check() {
  if ! command -v tidy >/dev/null 2>&1; then ok "$1 # SKIP tidy is not installed (apt-get install tidy)"; return; fi
  if msg=$(tidy -q -e "$2" 2>&1); then ok "$1"; else not_ok "$1" "$msg"; fi
}

for l in en ja; do
  run "$KIJUN" --lang=$l --report=html "$A" -q "$Q"
  expect_status "$l: html report exits 0" 0
  expect_empty "$l: html report writes nothing on stderr" err
  cp "$TMP/out" "$TMP/$l.html"
  expect_in "$l: the page is HTML5" out '<!DOCTYPE html>'
  expect_in "$l: the page names its language" out "<html lang=\"$l\">"
  expect_in "$l: the page carries its stylesheet" out '<style>'
  expect_in "$l: the page is set for A4" out 'size: A4 portrait'
  expect_in "$l: the charts are inline SVG" out '<svg class="chart"'
  expect_in "$l: the baseline coverage is written out" out '<span class="big">40.0%</span><span class="small">(2/5)</span>'
  expect_in "$l: the figure of a phase bar is written out" out '>100.0% (2/2)</text>'
  expect_in "$l: the figure of an item is written in its cell" out '33.3% (1/3)</td>'
  expect_in "$l: the font stack finds Japanese fonts everywhere" out \
    '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic Medium", "Yu Gothic", YuGothic, Meiryo, "Noto Sans CJK JP"'
  expect_in "$l: Japanese lines break strictly" out 'line-break: strict; word-break: normal'
  # Nothing outside the file: no URL, no fetched source, no script.
  expect_not_in "$l: no http: or https:" out 'https?:'
  expect_not_in "$l: no //-URL" out '(^|[^:])//[A-Za-z0-9]'
  expect_not_in "$l: no src=" out 'src='
  expect_not_in "$l: no href= outside the file" out 'href="[^#]'
  expect_not_in "$l: no url() outside the file" out 'url\( *[^#]'
  expect_not_in "$l: no script" out '<script'
  htmlcheck "$l: the page passes the strict checker" "$TMP/$l.html"
  tidy_check "$l: the page passes HTML Tidy" "$TMP/$l.html"
done
expect_in_file() { if grep -qF -- "$3" "$2"; then ok "$1"; else not_ok "$1" "$2 lacks $3"; fi; }
expect_in_file "en: the verdict" "$TMP/en.html" 'Baseline not met'
expect_in_file "ja: the verdict" "$TMP/ja.html" 'ベースライン未達成'
expect_in_file "ja: a Japanese question text" "$TMP/ja.html" 'バックアップを取得していますか。'

# The checker is a real check: it fails on what it must refuse.
if command -v python3 >/dev/null 2>&1; then
  head='<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
  n_bad=0
  for body in '<p><div>x</div></p>' '<span><b>x</span></b>' '<table><tr><td>x</td></tr></table>' \
              '<p>open' '<br></br>' '<div/>' '<p>&bogus;</p>' '<p id="a"></p><p id="a"></p>' \
              '<svg><image href="http://example.invalid/x.png"/></svg>' '<p style="background:url(x.png)"></p>'; do
    n_bad=$((n_bad + 1))
    printf '%s%s</body></html>\n' "$head" "$body" > "$TMP/bad$n_bad.html"
    if python3 "$CHECK" "$TMP/bad$n_bad.html" >/dev/null 2>&1; then
      not_ok "the checker refuses $body"
    else
      ok "the checker refuses $body"
    fi
  done
  printf '%s<p>fine</p></body></html>\n' "$head" > "$TMP/good.html"
  htmlcheck "the checker accepts a good page" "$TMP/good.html"
fi

# Notes, evidence and profile text from the file are shown as text only.
sed -e 's|{ question = "1.3-a"; status = "not_implemented"; }|{ question = "1.3-a"; status = "not_implemented"; note = "<script>alert(1)</script>"; evidence = "\\"><img src=x onerror=alert(1)>"; }|' \
    -e 's|organization = "[^;]*;|organization = "<b>bold</b> \&amp; co";|' "$A" > "$TMP/evil.cfg"
if grep -q 'onerror' "$TMP/evil.cfg"; then ok "the hostile fixture is made"; else not_ok "the hostile fixture is made"; fi
run "$KIJUN" --report=html "$TMP/evil.cfg" -q "$Q"
expect_status "a hostile answers file still reports" 0
cp "$TMP/out" "$TMP/evil.html"
expect_in "the script note is shown escaped" out '&lt;script&gt;alert(1)&lt;/script&gt;'
expect_in "the img evidence is shown escaped" out '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'
expect_in "the organisation is shown escaped" out '&lt;b&gt;bold&lt;/b&gt; &amp;amp; co'
expect_not_in "no script element" out '<script'
expect_not_in "no img element" out '<img'
expect_not_in "no b element" out '<b[^a-z]'
htmlcheck "the hostile page passes the strict checker" "$TMP/evil.html"

# The stylesheet is report.css, embedded whole (its opening comment aside),
# with the status colours where its marker stands; the golden reports leave
# it out, so this is where a style change is checked.
CSS="$KIJUN_SRCDIR/src/report/report.css"
run "$KIJUN" --lang=en --report=html "$A" -q "$Q"
sed -n '/^<style>$/,/^<\/style>$/p' "$TMP/out" > "$TMP/style"
awk 'NR == 1, /\*\/$/ { next } !/@status-colours@/' "$CSS" > "$TMP/css"
missing=$(grep -Fxvf "$TMP/style" "$TMP/css" | head -3)
if [ -s "$TMP/css" ] && [ -z "$missing" ]; then ok "the page's stylesheet holds every line of report.css"
else not_ok "the page's stylesheet holds every line of report.css" "missing: $missing"; fi
if grep -q '^\.st-implemented { fill: #' "$TMP/style" && ! grep -q '@status-colours@\|report.css:' "$TMP/style"; then
  ok "the status colours stand in for the marker, and the file's own comment is left out"
else not_ok "the status colours stand in for the marker, and the file's own comment is left out" "$(head -3 "$TMP/style")"; fi
n_css=$(wc -l < "$TMP/css"); n_style=$(grep -vc '^\.st-\|^<' "$TMP/style")
if [ "$n_css" -eq "$n_style" ]; then ok "nothing else is in the stylesheet ($n_css lines)"
else not_ok "nothing else is in the stylesheet" "report.css $n_css lines, page $n_style"; fi
done_testing
