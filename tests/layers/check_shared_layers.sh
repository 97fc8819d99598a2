#!/bin/sh
# Fails when an include inside shared/ points up its layers, or out of shared/ (issue 22).
# The layers, lowest first; a folder may include its own files and those of strictly lower layers
# only, so two folders of one layer never include each other:
#   0 core                    values and rules every layer shares (dates, money, results, ScanResult)
#   1 ports                   the interfaces to the outside world; they carry core types only
#   2 cards store             card signatures; SQLite tables
#   3 policy                  the subsidy policy: its part of site.toml, its history, one decide (issue 24)
#   4 site                    a site directory: site.toml, keys, the database, the lock
#   5 roster staff donations input peers tally safety menu feedback
#   6 checkin posting         the check-in engine; the monthly posting
#   7 upload eats             the outbox and the county uploader; everyone who eats and the settlement
#   8 backup reports          backup and restore (a backup first freezes due days in the outbox);
#                             what staff and the county read of a day (the tally as it stands, the roster)
# A new folder must be given a layer here. Usage: check_shared_layers.sh <repository root>
root=${1:-.}
cd "$root" || exit 2
# No network library in the core either (shared/ parses URLs and HTTP dates itself).
status=0
if grep -rn --include='*.[ch]pp' '#include <curl/' shared/; then
    echo "shared/ must not include libcurl (it belongs to platform/net)"
    status=1
fi
grep -rn --include='*.[ch]pp' '^#include "\(shared\|platform\|kiosk\)/' shared/ | awk -F: '
BEGIN {
    n = split("core:0 ports:1 cards:2 store:2 policy:3 site:4 roster:5 staff:5 donations:5 input:5 peers:5 tally:5 safety:5 menu:5 feedback:5 checkin:6 posting:6 upload:7 eats:7 backup:8 reports:8", pairs, " ")
    for (i = 1; i <= n; i++) { split(pairs[i], kv, ":"); layer[kv[1]] = kv[2] }
    bad = 0
}
{
    split($1, from, "/")            # shared/<folder>/<file>
    line = $0; sub(/^[^:]*:[^:]*:/, "", line)
    match(line, /"[^"]*"/); target = substr(line, RSTART + 1, RLENGTH - 2)
    split(target, to, "/")          # shared|platform|kiosk/<folder>/<file>
    where = $1 ":" $2 ": " target
    if (!(from[2] in layer)) { print where " (folder shared/" from[2] "/ has no layer in tests/layers/check_shared_layers.sh)"; bad = 1; next }
    if (to[1] != "shared") { print where " (shared/ includes nothing from " to[1] "/)"; bad = 1; next }
    if (to[2] == from[2]) next
    if (!(to[2] in layer)) { print where " (folder shared/" to[2] "/ has no layer in tests/layers/check_shared_layers.sh)"; bad = 1; next }
    if (layer[to[2]] >= layer[from[2]]) {
        print where " (" from[2] " is layer " layer[from[2]] ", " to[2] " is layer " layer[to[2]] ": an include must point down)"
        bad = 1
    }
}
END { exit bad }' || status=1
exit $status
