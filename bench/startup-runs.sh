# Shared by bench/startup.sh and bench/packaged-startup.sh (sourced, not run). The caller defines run ROW, which
# starts one process and prints what `milestones` prints for its output.

# the app's (or BareWindow's) STARTUP lines in stdin -> "<first-window ms> <sandbox-ready ms>", "-" for one not reached
milestones() {
  awk '/^STARTUP first-window/ {w=$3} /^STARTUP sandbox-ready/ {r=$3} END {print (w ? w : "-"), (r ? r : "-")}'
}

# interleave RUNS ROW...: RUNS rounds of one run per row, so that load from elsewhere hits every row alike; prints a
# line per round and collects the figures in the associative arrays window[ROW] and ready[ROW]
declare -A window ready
interleave() {
  local runs=$1 i row w r line
  shift
  for i in $(seq "$runs"); do
    line="run $i:"
    for row in "$@"; do
      read -r w r < <(run "$row")
      window[$row]+="$w "
      ready[$row]+="$r "
      line+="  $row $w/$r"
    done
    echo "$line ms"
  done
}

# the numbers in stdin -> "median min max" ("- - -" when there are none)
stats() {
  tr ' ' '\n' | { grep -E '^[0-9]+$' || true; } | sort -n | awk '{a[NR]=$1}
    END {if (NR==0) {print "- - -"} else {m = NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2); print m, a[1], a[NR]}}'
}
