#!/usr/bin/env bash
# Appends a `synthetic` column, `true` on every row, to each CSV table given, so that a table
# derived from the synthetic sample says so even when copied, loaded or screenshot on its own.
# A table already marked is left as it is. Each file is replaced atomically.
set -euo pipefail

for table in "$@"; do
    header="$(head -n 1 "$table")"
    if [[ "$header" == *,synthetic ]]; then continue; fi
    temporary="$(mktemp "$table.XXXXXX")"
    # Appending at the end of each line is safe only when no quoted field spans lines: a line
    # with an odd number of quotes would be the start or end of such a field.
    if ! awk -v file="$table" '
        { quotes = gsub(/"/, "\"") }
        quotes % 2 == 1 { printf "%s:%d: a quoted field spans lines; cannot mark this table\n", file, NR > "/dev/stderr"; exit 1 }
        NR == 1 { print $0 ",synthetic"; next }
        { print $0 ",true" }
    ' "$table" > "$temporary"; then
        rm -f "$temporary"
        exit 1
    fi
    mv "$temporary" "$table"
done
