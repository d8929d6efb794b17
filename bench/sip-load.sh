#!/usr/bin/env bash
# SIPp load runs against Switchboard, side by side with Kamailio, using the shared harness
# (../shared/bench/run_anchor.sh: same scenarios, same pass criteria, same CPU/RSS accounting).
#
#   bench/sip-load.sh                       # all-in-one: reg, reg_auth, cps, conc
#   TESTS="reg_auth" bench/sip-load.sh      # a subset (harness test names)
#   TESTS="cps" QUICK=1 bench/sip-load.sh   # a short call-rate smoke run (INVITE..BYE through the proxy)
#   WIRING=distributed bench/sip-load.sh    # the services as separate processes (edge + transaction + router + registrar,
#                                           # bench/distributed-stack.sh; CPU and memory summed over the four)
#   KAMAILIO=1 bench/sip-load.sh            # also run the harness against Kamailio in the same session
#   R2R=0 bench/sip-load.sh                 # measure `dotnet build` output instead of ReadyToRun publishes
#
# Provisioning: domain 127.0.0.1 with user0000..user9999 (pwNNNN) and callee/calleepw, imported once through the
# admin API into a fresh data directory; the measured server then starts on that data. Bounded: the harness caps
# every SIPp run in count and time and stops what it starts by pid.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
TESTS=${TESTS:-"reg reg_auth cps conc"}
WIRING=${WIRING:-all-in-one}
PORT=${TARGET_PORT:-26060}
HTTP=${HTTP_PORT:-26080}
DATA=$(mktemp -d /tmp/switchboard-bench.XXXXXX)
trap 'rm -rf "$DATA"' EXIT
trap "exit 130" INT TERM

[ -x "$SHARED/run_anchor.sh" ] || [ -f "$SHARED/run_anchor.sh" ] || { echo "harness not found at $SHARED" >&2; exit 2; }
command -v sipp >/dev/null || { echo "sipp missing: apt-get install -y sip-tester" >&2; exit 2; }
# R2R=1 (default): measure ReadyToRun builds, as the Dockerfiles publish them. The harness starts each server fresh
# and does not warm up; without precompiled code the first trials run while the JIT compiles the hot paths (the
# distributed stack failed its first 1,000/s digest trial at 175 % CPU that way). R2R=0 measures `dotnet build` output.
publish() { # publish PROJECT_DIR ASSEMBLY -> $DATA/published/ASSEMBLY
  dotnet publish "$ROOT/$1" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false \
    -o "$DATA/published/$2" -nologo -v:q >/dev/null
}
SERVICES="router/Switchboard.Router.Service registrar/Switchboard.Registrar.Service transaction/Switchboard.Transaction.Service
  edge-transport/Switchboard.EdgeTransport.Service"
if [ "${R2R:-1}" = 1 ]; then
  publish src/Switchboard Switchboard
  DLL=$DATA/published/Switchboard/Switchboard.dll
  if [ "$WIRING" = distributed ]; then
    for p in $SERVICES; do publish "services/$p" "$(basename "$p")"; done
    export PUBLISHED_DIR=$DATA/published
  fi
else
  dotnet build "$ROOT/src/Switchboard/Switchboard.csproj" -c Release -nologo -v:q >/dev/null
  DLL=$ROOT/src/Switchboard/bin/Release/net10.0/Switchboard.dll
  if [ "$WIRING" = distributed ]; then
    for p in $SERVICES; do dotnet build "$ROOT/services/$p" -c Release -nologo -v:q >/dev/null; done
  fi
fi

# Calls (cps, conc): the harness' uac.xml does not answer a 407, so the proxy trusts 127.0.0.0/8 (no challenge for
# the local callers; the callee's REGISTER is still authenticated) and record-routes every call (Force Relaying), as
# the harness expects of the measured proxy. The proxy's Via/Record-Route ports come from the edge listeners.
# Force Relaying also puts the media relay into every call; EXTRA_ARGS="--Proxy:Media:Enabled=false" measures
# signalling only, as the Kamailio config does (EXTRA_ARGS is appended to the server's command line).
COMMON="--EdgeTransport:Udp:0=127.0.0.1:$PORT --EdgeTransport:Tcp:0=127.0.0.1:$PORT --Kestrel:Endpoints:http:Url=http://127.0.0.1:$HTTP \
 --Storage:DataDirectory=$DATA --Logging:LogLevel:Default=Warning --Proxy:TrustedNetworks:0=127.0.0.0/8 --Proxy:ForceRelaying=true ${EXTRA_ARGS:-}"

# 1. provision accounts (one start of the server, then stopped by pid)
dotnet "$DLL" $COMMON > "$DATA/provision.log" 2>&1 &
PROVISION_PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$HTTP/health" >/dev/null && break; sleep 0.3; done
curl -sf -X POST "http://127.0.0.1:$HTTP/api/router/domains" -H 'Content-Type: application/json' -d '{"name":"127.0.0.1"}' >/dev/null || true
{ echo "user,domain,password"; tail -n +2 "$SHARED/sipp/users.csv" | awk -F';' '{print $1",127.0.0.1,"$2}'; echo "callee,127.0.0.1,calleepw"; } > "$DATA/users.csv"
curl -sf -X POST "http://127.0.0.1:$HTTP/api/router/accounts/import" -H 'Content-Type: text/csv' --data-binary @"$DATA/users.csv"
echo
kill -TERM "$PROVISION_PID"; wait "$PROVISION_PID" || true

# 2. measure
export TARGET_NAME=switchboard-$WIRING TARGET_PORT=$PORT TESTS
if [ "$WIRING" = distributed ]; then
  # The accounts imported above live in $DATA/router.db, which the router service reads.
  SIGNAL="--Proxy:TrustedNetworks:0=127.0.0.0/8 --Proxy:ForceRelaying=true --Proxy:AdvertisedHost=127.0.0.1 --Proxy:UdpPort=$PORT ${EXTRA_ARGS:-}"
  export START_CMD="bash $ROOT/bench/distributed-stack.sh $PORT $DATA $SIGNAL --Signal:RequireAuthentication=false"
  export START_CMD_AUTH="bash $ROOT/bench/distributed-stack.sh $PORT $DATA $SIGNAL --Signal:RequireAuthentication=true"
else
  export START_CMD="dotnet $DLL $COMMON --Signal:RequireAuthentication=false"
  export START_CMD_AUTH="dotnet $DLL $COMMON --Signal:RequireAuthentication=true"
fi
bash "$SHARED/run_anchor.sh"
if [ "${KAMAILIO:-0}" = 1 ]; then
  env -u TARGET_NAME -u TARGET_PORT -u START_CMD -u START_CMD_AUTH TESTS="$TESTS" bash "$SHARED/run_anchor.sh"
fi
