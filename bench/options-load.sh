#!/usr/bin/env bash
# OPTIONS throughput on loopback (the SIP path without a callee: edge -> transaction -> answer), all-in-one or the
# two-process wiring (edge + transaction services; the router/registrar services run too but see no traffic).
# Reports, per rate in RATES, the requests answered and failed and the server's CPU per 1,000 requests; distributed,
# the CPU is summed over the edge and transaction processes and also shown per process with the gRPC stream's
# frames and messages per frame (switchboard_corelink_* metrics).
#
#   bench/options-load.sh                                  # all-in-one, rates 5000 10000 20000 30000
#   WIRING=distributed RATES="5000 10000" bench/options-load.sh
#   WIRING=distributed BATCH_INTERVAL=00:00:00 bench/options-load.sh   # gRPC frames not paced (one per wake-up)
#   NO_BUILD=1 ...                                         # use the Release builds as they are
#   SIP_PORT=27360 SIPP_PORT=27390 HTTP_PORT=27380 ...     # other ports (a second run at the same time)
#
# Bounded: each trial is DURATION seconds (N = rate * DURATION), SIPp runs under -timeout and `timeout`; every process
# started here is stopped by pid on exit. The servers' logs are kept (path printed) when a step or a trial fails.
#
# Each process runs from its bin directory, like the integration tests: ASP.NET Core reads appsettings.json from the
# working directory, and the services' files carry settings the command line does not repeat (without them the
# transaction service's gRPC endpoint is not HTTP/2-only, the edge's h2c stream never opens and SIPp gets no answers).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WIRING=${WIRING:-all-in-one}
RATES=${RATES:-"5000 10000 20000 30000"}
DURATION=${DURATION:-10}
SIP=${SIP_PORT:-27060}
UAC=${SIPP_PORT:-27090}
DATA=$(mktemp -d /tmp/switchboard-options.XXXXXX)
PIDS=()
KEEP=0
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done; sleep 2; for p in "${PIDS[@]}"; do kill -KILL "$p" 2>/dev/null; done
  if [ "$KEEP" = 1 ]; then echo "logs kept in $DATA" >&2; else rm -rf "$DATA"; fi
}
fail() { KEEP=1; echo "$*" >&2; exit 1; }
trap cleanup EXIT
trap "exit 130" INT TERM
HZ=$(getconf CLK_TCK)
bin() { echo "$ROOT/$1/bin/Release/net10.0/$2.dll"; }
cpu_ticks() { local t=0 p f; for p in "$@"; do f=$(cut -d' ' -f14,15 /proc/$p/stat 2>/dev/null) || continue; t=$((t + ${f% *} + ${f#* })); done; echo $t; }
# corelink URL: "frames messages" the process wrote on the edge<->core stream so far (0 0 when not distributed).
corelink() { curl -sf "$1/metrics" | awk '/^switchboard_corelink_frames_total/{f+=$2} /^switchboard_corelink_messages_total/{m+=$2} END{printf "%d %d\n", f, m}'; }
wait_http() { for _ in $(seq 1 150); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done; echo "no answer from $1" >&2; return 1; }
# run NAME PROJECT_DIR ASSEMBLY ARGS...: starts a built host from its bin directory, output to $DATA/NAME.log.
run() {
  local dll; dll=$(bin "$2" "$3")
  (cd "$(dirname "$dll")" && exec dotnet "$dll" "${@:4}") >"$DATA/$1.log" 2>&1 &
  PIDS+=($!)
}
# Only the hosts this wiring starts (the whole solution may be mid-edit elsewhere).
if [ "$WIRING" = all-in-one ]; then
  PROJECTS=(src/Switchboard)
else
  PROJECTS=(services/router/Switchboard.Router.Service services/registrar/Switchboard.Registrar.Service
    services/transaction/Switchboard.Transaction.Service services/edge-transport/Switchboard.EdgeTransport.Service)
fi
[ -n "${NO_BUILD:-}" ] || for p in "${PROJECTS[@]}"; do dotnet build "$ROOT/$p" -c Release -nologo -v:q >"$DATA/build.log" 2>&1 || fail "build failed: $p (see build.log)"; done
QUIET="--Logging:LogLevel:Default=Warning"
EDGE="--EdgeTransport:Udp:0=127.0.0.1:$SIP --EdgeTransport:Tcp:0=127.0.0.1:$SIP"
if [ "$WIRING" = all-in-one ]; then
  run server src/Switchboard Switchboard $EDGE --Kestrel:Endpoints:http:Url=http://127.0.0.1:${HTTP_PORT:-27080} --Storage:DataDirectory=$DATA $QUIET
  wait_http http://127.0.0.1:${HTTP_PORT:-27080}/health || fail "all-in-one host did not start"
  MEASURED=("${PIDS[@]}"); NAMES=(server)
else
  # HTTP/1.1 for /health and the admin API, HTTP/2-only (h2c) for gRPC: Kestrel needs both stated.
  svc() { run "$2" "$1" "$2" --Kestrel:Endpoints:http:Url=http://127.0.0.1:$3 --Kestrel:Endpoints:http:Protocols=Http1 \
    --Kestrel:Endpoints:grpc:Url=http://127.0.0.1:$4 --Kestrel:Endpoints:grpc:Protocols=Http2 --Storage:DataDirectory=$DATA $QUIET "${@:5}"; }
  svc services/router/Switchboard.Router.Service Switchboard.Router.Service 27104 27204
  svc services/registrar/Switchboard.Registrar.Service Switchboard.Registrar.Service 27103 27203
  { wait_http http://127.0.0.1:27104/health && wait_http http://127.0.0.1:27103/health; } || fail "router/registrar did not start"
  svc services/transaction/Switchboard.Transaction.Service Switchboard.Transaction.Service 27102 27202 \
    --Services:router-grpc:Endpoints:0=http://127.0.0.1:27204 --Services:registrar-grpc:Endpoints:0=http://127.0.0.1:27203 \
    ${BATCH_INTERVAL:+--TransactionService:BatchInterval=$BATCH_INTERVAL}
  wait_http http://127.0.0.1:27102/health || fail "transaction service did not start"
  run edge services/edge-transport/Switchboard.EdgeTransport.Service Switchboard.EdgeTransport.Service $EDGE \
    --Kestrel:Endpoints:http:Url=http://127.0.0.1:27101 --SipCoreLink:Address=http://127.0.0.1:27202 $QUIET \
    ${BATCH_INTERVAL:+--SipCoreLink:BatchInterval=$BATCH_INTERVAL}
  wait_http http://127.0.0.1:27101/health || fail "edge did not start"
  # Only the SIP path's processes are measured (router and registrar see no OPTIONS traffic).
  MEASURED=("${PIDS[2]}" "${PIDS[3]}"); NAMES=(transaction edge); HTTP=(http://127.0.0.1:27102 http://127.0.0.1:27101)
fi
# The whole path is up when one OPTIONS gets 200 (the edge's stream to the core connects after its /health).
for i in $(seq 1 30); do
  sipsak -s sip:ping@127.0.0.1:$SIP -H 127.0.0.1 >/dev/null 2>&1 && break
  [ "$i" = 30 ] && fail "no 200 to OPTIONS on $SIP"
  sleep 1
done
# warm-up (JIT, tiered compilation)
timeout 60 sipp 127.0.0.1:$SIP -sf "$ROOT/bench/sipp/options_uac.xml" -i 127.0.0.1 -p $UAC -m 20000 -r 2000 -timeout 30s -timeout_error -nostdin >/dev/null 2>&1
printf "%-12s %-7s %-8s %-8s %-6s %-10s %-12s\n" wiring rate sent ok failed cpu% "cpu_ms/1k"
for rate in $RATES; do
  n=$((rate * DURATION))
  each0=(); link0=(); for i in "${!MEASURED[@]}"; do each0+=("$(cpu_ticks "${MEASURED[$i]}")"); link0+=("$(corelink "${HTTP[$i]:-}")"); done
  t0=$(cpu_ticks "${MEASURED[@]}"); w0=$(date +%s.%N)
  timeout $((DURATION + 40)) sipp 127.0.0.1:$SIP -sf "$ROOT/bench/sipp/options_uac.xml" -i 127.0.0.1 -p $UAC -m $n -r $rate -l 20000 \
    -timeout $((DURATION + 30))s -timeout_error -nostdin -buff_size 4194304 -trace_stat -stf "$DATA/stat.csv" >/dev/null 2>&1
  rc=$?
  t1=$(cpu_ticks "${MEASURED[@]}"); w1=$(date +%s.%N)
  read -r ok failed < <(awk -F';' 'NR==1{for(i=1;i<=NF;i++)h[$i]=i;next}{l=$0}END{split(l,v,";");print v[h["SuccessfulCall(C)"]], v[h["FailedCall(C)"]]}' "$DATA/stat.csv")
  awk -v w="$WIRING" -v r=$rate -v n=$n -v ok="$ok" -v f="$failed" -v d=$((t1 - t0)) -v hz=$HZ -v w0=$w0 -v w1=$w1 'BEGIN{
    cpu=d/hz; printf "%-12s %-7d %-8d %-8d %-6d %-10.0f %-12.3f\n", w, r, n, ok, f, cpu/(w1-w0)*100, (ok>0? cpu*1000/ok*1000 : 0)}'
  if [ "${#MEASURED[@]}" -gt 1 ] && [ "${ok:-0}" -gt 0 ]; then
    for i in "${!MEASURED[@]}"; do
      awk -v name="${NAMES[$i]}" -v d=$(($(cpu_ticks "${MEASURED[$i]}") - each0[i])) -v hz=$HZ -v ok="$ok" \
        -v l0="${link0[$i]}" -v l1="$(corelink "${HTTP[$i]}")" 'BEGIN{split(l0, a, " "); split(l1, b, " "); f=b[1]-a[1]; m=b[2]-a[2]
        printf "  %-12s %.3f cpu_ms/1k, %d frames, %.1f messages/frame\n", name, d/hz*1000/ok*1000, f, (f>0? m/f : 0)}'
    done
  fi
  [ "$rc" = 0 ] || { echo "  (sipp rc=$rc)"; KEEP=1; }
  [ "${failed:-1}" = 0 ] || KEEP=1
  rm -f "$DATA/stat.csv"
done
