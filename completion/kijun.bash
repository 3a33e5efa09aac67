# kijun.bash: bash completion for kijun(1).  The options and whether each
# takes a file come from `kijun --lang=en --help` at completion time, so a
# new option that takes a FILE completes without a change here; an option
# whose argument is a word from a fixed list needs one line in
# _kijun_words.  Installed as "kijun" in bash-completion's completionsdir,
# where bash-completion loads it the first time kijun is completed; it
# also works sourced on its own (it uses nothing of bash-completion).

# _kijun_words OPTION: the words OPTION's argument is chosen from, if any.
_kijun_words()
{
    case $1 in
        --report | -r) echo "text markdown csv excel-csv json html xlsx oscal" ;;
        --plan | --aggregate) echo "text markdown csv excel-csv json html xlsx" ;;
        --compare) echo "text markdown csv excel-csv json html" ;;
        --export) echo "oscal-catalog oscal-mapping oscal-profile oscal-profile-baseline oscal-profile-full" ;;
        --lang | -l) echo "ja en" ;;
        --export-questionnaire) echo "csv xlsx" ;;
        --export-mapping) echo "csv" ;;
    esac
}

# _kijun_options KIJUN: one line for each option in KIJUN's --help, short
# and long, as NAME, a space and its argument: META when required,
# [META when optional, nothing when none ("-c FILE", "--report [FORMAT").
_kijun_options()
{
    local line short long arg re='^ +(-[[:alnum:]], )?(--[a-z][a-z0-9-]*)(\[?=[A-Z][A-Z-]*\]?)?( |$)'
    while IFS= read -r line; do
        [[ $line =~ $re ]] || continue
        short=${BASH_REMATCH[1]%, } long=${BASH_REMATCH[2]} arg=${BASH_REMATCH[3]}
        arg=${arg//=/} arg=${arg%]}
        echo "$long $arg"
        [[ -n $short ]] && echo "$short $arg"
    done < <(LC_ALL=C "$1" --lang=en --help 2>/dev/null)
}

# _kijun_compgen ARGS...: COMPREPLY from compgen ARGS, one candidate a line
# (so that file names with spaces stay whole).
_kijun_compgen()
{
    mapfile -t COMPREPLY < <(compgen "$@")
}

# _kijun_values OPTION META CUR: COMPREPLY for OPTION's argument CUR.
_kijun_values()
{
    local words
    words=$(_kijun_words "$1")
    if [[ -n $words ]]; then
        _kijun_compgen -W "$words" -- "$3"
    elif [[ $2 == *DIR* ]]; then
        compopt -o filenames 2>/dev/null
        _kijun_compgen -d -- "$3"
    elif [[ $2 == *FILE* ]]; then
        compopt -o filenames 2>/dev/null
        _kijun_compgen -f -- "$3"
    fi
}

_kijun()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=${COMP_WORDS[COMP_CWORD - 1]}
    local prev2=""
    ((COMP_CWORD >= 2)) && prev2=${COMP_WORDS[COMP_CWORD - 2]}
    local cmd=${COMP_WORDS[0]} opts name meta i
    COMPREPLY=()
    opts=$(_kijun_options "$cmd")

    # After "--" every word is a file.
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} == -- ]]; then
            compopt -o filenames 2>/dev/null
            _kijun_compgen -f -- "$cur"
            return 0
        fi
    done

    # --opt=value: bash splits it at "=" (the default COMP_WORDBREAKS) into
    # "--opt" "=" "value"; without "=" in COMP_WORDBREAKS it is one word.
    if [[ $cur == = && $prev == --* ]]; then
        name=$prev cur=""
    elif [[ $prev == = && $prev2 == --* ]]; then
        name=$prev2
    elif [[ $cur == --*=* ]]; then
        name=${cur%%=*} cur=${cur#*=}
        meta=$(sed -n "s/^$name \[\{0,1\}//p" <<<"$opts")
        _kijun_values "$name" "$meta" "$cur"
        COMPREPLY=("${COMPREPLY[@]/#/$name=}")
        return 0
    fi
    if [[ -n $name ]]; then
        meta=$(sed -n "s/^$name \[\{0,1\}//p" <<<"$opts")
        _kijun_values "$name" "$meta" "$cur"
        return 0
    fi

    # The word after an option whose argument is required.
    if [[ $prev == -* ]]; then
        meta=$(sed -n "s/^$prev //p" <<<"$opts")
        if [[ -n $meta && $meta != \[* ]]; then
            _kijun_values "$prev" "$meta" "$cur"
            return 0
        fi
    fi

    if [[ $cur == -* ]]; then
        # Long options, with "=" for those that take an argument (and no
        # space after it, so that the argument follows).
        local list
        list=$(sed -n -e 's/^\(--[^ ]*\) \[.*/\1 \1=/p' \
            -e 's/^\(--[^ ]*\) [A-Z].*/\1=/p' -e 's/^\(--[^ ]*\) $/\1/p' <<<"$opts")
        _kijun_compgen -W "$list" -- "$cur"
        [[ ${COMPREPLY[*]} == *= ]] && compopt -o nospace 2>/dev/null
        return 0
    fi

    # ANSWERS-FILE.
    compopt -o filenames 2>/dev/null
    _kijun_compgen -f -- "$cur"
    return 0
}
complete -F _kijun kijun
