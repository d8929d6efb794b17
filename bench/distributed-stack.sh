#!/usr/bin/env bash
# Runs the SIP path as separate processes in the FOREGROUND (router, registrar, transaction service, edge), for load
# harnesses that measure a server by the pid they start plus its direct children (../shared/bench/run_anchor.sh).
# Every process is a direct child of this script and is stopped by pid when the script gets TERM/INT or a child dies.
#
#   bench/distributed-stack.sh SIP_PORT DATA_DIR [extra args for the transaction service...]
#
# Ports: SIP on SIP_PORT (UDP+TCP); HTTP/gRPC of the services on 2810x/2820x. Each process runs from its bin
# directory (ASP.NET Core reads the service's appsettings.json from the working directory).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIP=${1:?SIP port}; DATA=${2:?data directory}; shift 2
PIDS=()
stop() { for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done; wait; exit 0; }
trap stop TERM INT
QUIET="--Logging:LogLevel:Default=Warning"
run() { # run PROJECT_DIR ASSEMBLY ARGS...
  local dll=$ROOT/$1/bin/Release/net10.0/$2.dll
  [ -n "${PUBLISHED_DIR:-}" ] && dll=$PUBLISHED_DIR/$2/$2.dll # ReadyToRun builds (bench/sip-load.sh R2R=1)
  (cd "$(dirname "$dll")" && exec dotnet "$dll" "${@:3}") &
  PIDS+=($!)
}
svc() { run "$1" "$2" --Kestrel:Endpoints:http:Url=http://127.0.0.1:$3 --Kestrel:Endpoints:http:Protocols=Http1 \
  --Kestrel:Endpoints:grpc:Url=http://127.0.0.1:$4 --Kestrel:Endpoints:grpc:Protocols=Http2 --Storage:DataDirectory=$DATA $QUIET "${@:5}"; }
wait_http() { for _ in $(seq 1 150); do curl -sf "$1" >/dev/null && return 0; sleep 0.2; done; echo "no answer from $1" >&2; stop; }

svc services/router/Switchboard.Router.Service Switchboard.Router.Service 28104 28204
svc services/registrar/Switchboard.Registrar.Service Switchboard.Registrar.Service 28103 28203
wait_http http://127.0.0.1:28104/health; wait_http http://127.0.0.1:28103/health
svc services/transaction/Switchboard.Transaction.Service Switchboard.Transaction.Service 28102 28202 \
  --Services:router-grpc:Endpoints:0=http://127.0.0.1:28204 --Services:registrar-grpc:Endpoints:0=http://127.0.0.1:28203 "$@"
wait_http http://127.0.0.1:28102/health
run services/edge-transport/Switchboard.EdgeTransport.Service Switchboard.EdgeTransport.Service \
  --EdgeTransport:Udp:0=127.0.0.1:$SIP --EdgeTransport:Tcp:0=127.0.0.1:$SIP \
  --Kestrel:Endpoints:http:Url=http://127.0.0.1:28101 --SipCoreLink:Address=http://127.0.0.1:28202 $QUIET
wait_http http://127.0.0.1:28101/health
# One process gone means the stack is broken: stop the rest rather than measure half a server.
wait -n
stop
