#!/usr/bin/env bash
# OPTIONS throughput on loopback (the SIP path without a callee: edge -> transaction -> answer), all-in-one or the
# two-process wiring (edge + transaction services; the router/registrar services run too but see no traffic).
# Reports the highest rate with 0 failed requests among RATES and the server's CPU per 1,000 requests.
#
#   bench/options-load.sh                                  # all-in-one, rates 5000 10000 20000 30000
#   WIRING=distributed RATES="5000 10000" bench/options-load.sh
#
# Bounded: each trial is DURATION seconds (N = rate * DURATION), SIPp runs under -timeout and `timeout`; every process
# started here is stopped by pid on exit.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WIRING=${WIRING:-all-in-one}
RATES=${RATES:-"5000 10000 20000 30000"}
DURATION=${DURATION:-10}
SIP=${SIP_PORT:-27060}
DATA=$(mktemp -d /tmp/switchboard-options.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done; sleep 2; for p in "${PIDS[@]}"; do kill -KILL "$p" 2>/dev/null; done; rm -rf "$DATA"; }
trap cleanup EXIT
trap "exit 130" INT TERM
HZ=$(getconf CLK_TCK)
bin() { echo "$ROOT/$1/bin/Release/net10.0/$2.dll"; }
cpu_ticks() { local t=0 p f; for p in "$@"; do f=$(cut -d' ' -f14,15 /proc/$p/stat 2>/dev/null) || continue; t=$((t + ${f% *} + ${f#* })); done; echo $t; }
wait_http() { for _ in $(seq 1 150); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done; echo "no answer from $1" >&2; return 1; }

dotnet build "$ROOT/Switchboard.slnx" -c Release -nologo -v:q >/dev/null || exit 1
QUIET="--Logging:LogLevel:Default=Warning"
EDGE="--EdgeTransport:Udp:0=127.0.0.1:$SIP --EdgeTransport:Tcp:0=127.0.0.1:$SIP"
if [ "$WIRING" = all-in-one ]; then
  dotnet "$(bin src/Switchboard Switchboard)" $EDGE --Kestrel:Endpoints:http:Url=http://127.0.0.1:27080 --Storage:DataDirectory=$DATA $QUIET >"$DATA/server.log" 2>&1 &
  PIDS+=($!); wait_http http://127.0.0.1:27080/health || exit 1
else
  svc() { dotnet "$(bin "$1" "$2")" --Kestrel:Endpoints:http:Url=http://127.0.0.1:$3 --Kestrel:Endpoints:grpc:Url=http://127.0.0.1:$4 --Storage:DataDirectory=$DATA $QUIET "${@:5}" >"$DATA/$2.log" 2>&1 & PIDS+=($!); }
  svc services/router/Switchboard.Router.Service Switchboard.Router.Service 27104 27204
  svc services/registrar/Switchboard.Registrar.Service Switchboard.Registrar.Service 27103 27203
  wait_http http://127.0.0.1:27104/health && wait_http http://127.0.0.1:27103/health || exit 1
  svc services/transaction/Switchboard.Transaction.Service Switchboard.Transaction.Service 27102 27202 \
    --Services:router-grpc:Endpoints:0=http://127.0.0.1:27204 --Services:registrar-grpc:Endpoints:0=http://127.0.0.1:27203
  wait_http http://127.0.0.1:27102/health || exit 1
  dotnet "$(bin services/edge-transport/Switchboard.EdgeTransport.Service Switchboard.EdgeTransport.Service)" $EDGE \
    --Kestrel:Endpoints:http:Url=http://127.0.0.1:27101 --SipCoreLink:Address=http://127.0.0.1:27202 $QUIET >"$DATA/edge.log" 2>&1 &
  PIDS+=($!); wait_http http://127.0.0.1:27101/health || exit 1
fi
sleep 2
# warm-up (JIT, tiered compilation)
timeout 60 sipp 127.0.0.1:$SIP -sf "$ROOT/bench/sipp/options_uac.xml" -i 127.0.0.1 -p 27090 -m 20000 -r 2000 -timeout 30s -timeout_error -nostdin >/dev/null 2>&1
printf "%-12s %-7s %-8s %-8s %-6s %-10s %-12s\n" wiring rate sent ok failed cpu% "cpu_ms/1k"
for rate in $RATES; do
  n=$((rate * DURATION))
  t0=$(cpu_ticks "${PIDS[@]}"); w0=$(date +%s.%N)
  timeout $((DURATION + 40)) sipp 127.0.0.1:$SIP -sf "$ROOT/bench/sipp/options_uac.xml" -i 127.0.0.1 -p 27090 -m $n -r $rate -l 20000 \
    -timeout $((DURATION + 30))s -timeout_error -nostdin -buff_size 4194304 -trace_stat -stf "$DATA/stat.csv" >/dev/null 2>&1
  rc=$?
  t1=$(cpu_ticks "${PIDS[@]}"); w1=$(date +%s.%N)
  read -r ok failed < <(awk -F';' 'NR==1{for(i=1;i<=NF;i++)h[$i]=i;next}{l=$0}END{split(l,v,";");print v[h["SuccessfulCall(C)"]], v[h["FailedCall(C)"]]}' "$DATA/stat.csv")
  awk -v w="$WIRING" -v r=$rate -v n=$n -v ok="$ok" -v f="$failed" -v d=$((t1 - t0)) -v hz=$HZ -v w0=$w0 -v w1=$w1 'BEGIN{
    cpu=d/hz; printf "%-12s %-7d %-8d %-8d %-6d %-10.0f %-12.3f\n", w, r, n, ok, f, cpu/(w1-w0)*100, (ok>0? cpu*1000/ok*1000 : 0)}'
  [ "$rc" = 0 ] || echo "  (sipp rc=$rc)"
  rm -f "$DATA/stat.csv"
done
