#!/bin/sh
# dialog-walk.sh: what a sysadmin would otherwise write: one dialog (or
# whiptail) radiolist per question, answers appended to a file.  The
# benchmark drives it through the same pseudo-terminal as kijun.
#   dialog-walk.sh dialog|whiptail QUESTIONS.tsv ANSWERS-FILE
tool=$1 list=$2 out=$3
: > "$out"
while IFS='	' read -r id level text; do
  if [ "$tool" = whiptail ]; then
    choice=$(whiptail --title "$id [$level]" --radiolist "$text" 18 76 6 \
      1 "Implemented" on 2 "Partially implemented" off 3 "Not implemented" off \
      4 "Alternative measure" off 5 "Not applicable" off 6 "Unknown" off 3>&1 1>&2 2>&3) || exit 1
  else
    choice=$(dialog --stdout --title "$id [$level]" --radiolist "$text" 18 76 6 \
      1 "Implemented" on 2 "Partially implemented" off 3 "Not implemented" off \
      4 "Alternative measure" off 5 "Not applicable" off 6 "Unknown" off) || exit 1
  fi
  printf '%s %s\n' "$id" "$choice" >> "$out"
done < "$list"
