#!/usr/bin/env bash
# Runs every test of the repository and ends with one line: "N passed, M failed[, K skipped]".
#
#   ./test.sh               install missing tools (apt), start RabbitMQ, build once, run every test project
#   ./test.sh --filter X    pass a dotnet test filter (e.g. FullyQualifiedName~Registrar) to every project
#   ./test.sh --no-infra    skip apt and RabbitMQ (quick local runs; broker tests then see no SWITCHBOARD_RABBITMQ)
#
# Counting: each project writes a TRX file; its <Counters> give passed/failed, skipped = total - executed.
# A project that failed to build or run, was aborted (hang/crash) or executed no test adds one failure
# (without --filter; with a filter, a project matching nothing is only noted) and says why.
# Exit code: 0 only when every project ran and no test failed.
set -uo pipefail

# Debian packages the tests use: SIP clients for integration tests, and the broker.
APT_PACKAGES=(sipsak sip-tester rabbitmq-server baresip-core docker-compose kamailio dnsmasq-base)

cd "$(dirname "$0")" || exit 2
ROOT=$PWD
FILTER=""
INFRA=1
while (( $# > 0 )); do
  case "$1" in
    --filter) FILTER=${2:?--filter needs a value}; shift 2 ;;
    --filter=*) FILTER=${1#--filter=}; shift ;;
    --no-infra) INFRA=0; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "test.sh: unknown option $1 (use --filter X, --no-infra)" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
RESULTS=$ROOT/TestResults/test-sh
PASSED=0 FAILED=0 SKIPPED=0
PROBLEMS=()   # one line per project-level failure, repeated at the end
declare -A NOT_BUILT=()   # test projects whose own build failed (already counted; not run)

problem() { PROBLEMS+=("$1"); FAILED=$((FAILED + 1)); echo "test.sh: FAILURE: $1" >&2; }

install_packages() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    [[ $(dpkg -s "$p" 2>/dev/null) == *"Status: install ok installed"* ]] || missing+=("$p")
  done
  (( ${#missing[@]} == 0 )) && return 0
  echo "test.sh: installing ${missing[*]}"
  if [[ $(id -u) != 0 ]]; then echo "test.sh: need root for apt-get install ${missing[*]}" >&2; return 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q && apt-get install -y -q "${missing[@]}"
}

RMQ_STARTED=0
stop_infra() {
  if (( RMQ_STARTED )); then
    RMQ_STARTED=0
    scripts/rabbitmq.sh stop || true
    rm -rf "$RMQ_DIR"
  fi
}

start_rabbitmq() {
  # First free AMQP port from RMQ_PORT (default 5672) on, so a developer's own broker does not break the run.
  local port=${RMQ_PORT:-5672} last=$(( ${RMQ_PORT:-5672} + 9 ))
  while (( port <= last )); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && ! (exec 3<>"/dev/tcp/127.0.0.1/$((port + 20000))") 2>/dev/null; then break; fi
    port=$((port + 1))
  done
  (( port <= last )) || { echo "test.sh: no free port for RabbitMQ in ${RMQ_PORT:-5672}..$last" >&2; return 1; }
  export RMQ_PORT=$port
  RMQ_DIR=$(mktemp -d /tmp/switchboard-rabbitmq.XXXXXX); export RMQ_DIR
  RMQ_STARTED=1   # set before start: a half-started broker is still stopped by the trap
  scripts/rabbitmq.sh start || return 1
  export SWITCHBOARD_RABBITMQ="amqp://guest:guest@127.0.0.1:$port/"
  echo "test.sh: SWITCHBOARD_RABBITMQ=$SWITCHBOARD_RABBITMQ (broker pid $(cat "$RMQ_DIR/server.pid"))"
}

find_test_projects() {
  find "$ROOT" \( -name bin -o -name obj -o -name .git -o -name node_modules -o -name TestResults \) -prune -o \
    -type f \( -name '*.Tests.csproj' -o -name '*IntegrationTests.csproj' \) -print | sort -u
}

build_project() {
  if ! dotnet build "$1" -c Release -nologo -v:q "-clp:ErrorsOnly;NoSummary"; then
    problem "build of ${1#"$ROOT"/} failed"
    NOT_BUILT[$1]=1
  fi
}

build() {
  local p
  if [[ ! -f $ROOT/Switchboard.slnx ]]; then
    # No solution: build each test project (its references come along).
    for p in "${PROJECTS[@]}"; do build_project "$p"; done
    return
  fi
  dotnet build "$ROOT/Switchboard.slnx" -c Release -nologo -v:q "-clp:ErrorsOnly;NoSummary" || problem "build of Switchboard.slnx failed"
  # A test project missing from the solution is still a test project: build it on its own, and say so.
  for p in "${PROJECTS[@]}"; do
    if ! grep -qF "\"${p#"$ROOT"/}\"" "$ROOT/Switchboard.slnx"; then
      echo "test.sh: note: ${p#"$ROOT"/} is not in Switchboard.slnx; building it separately"
      build_project "$p"
    fi
  done
}

# attr NAME TRX-COUNTERS-LINE -> the attribute's number
attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<< "$2"; }

run_project() {
  local project=$1 name; name=$(basename "$project" .csproj)
  local trx=$RESULTS/$name.trx args=()
  [[ -n $FILTER ]] && args+=(--filter "$FILTER")
  echo "=== $name"
  if [[ -n ${NOT_BUILT[$project]:-} ]]; then echo "test.sh: $name not run: its build failed"; return; fi
  # timeout: a last guard if the host hangs outside a test (blame only watches tests).
  timeout --kill-after=30s 30m dotnet test "$project" --no-build -c Release -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" \
    --blame-hang-timeout 5m --blame-hang-dump-type none "${args[@]}"
  local rc=$?
  if [[ ! -f $trx ]]; then problem "$name: no results (dotnet test exit $rc; not built, or the test host crashed)"; return; fi
  local counters; counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  local total executed passed failed
  total=$(attr total "$counters"); executed=$(attr executed "$counters")
  passed=$(attr passed "$counters"); failed=$(attr failed "$counters")
  PASSED=$((PASSED + ${passed:-0})); FAILED=$((FAILED + ${failed:-0}))
  SKIPPED=$((SKIPPED + ${total:-0} - ${executed:-0}))
  if (( ${executed:-0} == 0 )); then
    if [[ -n $FILTER ]]; then echo "test.sh: note: $name: no test matched the filter"
    else problem "$name: 0 tests executed (no tests discovered, or all skipped)"; fi
  elif (( rc != 0 && ${failed:-0} == 0 )); then
    problem "$name: dotnet test exit $rc with no failed test (aborted: hang, crash or timeout; see above)"
  fi
}

command -v dotnet > /dev/null || { echo "test.sh: dotnet (the .NET 10 SDK) is not on PATH"; echo "0 passed, 1 failed"; exit 1; }

trap stop_infra EXIT
trap 'exit 130' INT TERM

if (( INFRA )); then
  install_packages || problem "apt-get install ${APT_PACKAGES[*]} failed"
  start_rabbitmq || problem "RabbitMQ did not start (scripts/rabbitmq.sh)"
fi

mapfile -t PROJECTS < <(find_test_projects)
if (( ${#PROJECTS[@]} == 0 )); then problem "no *.Tests.csproj or *IntegrationTests.csproj found"; fi

rm -rf "$RESULTS"; mkdir -p "$RESULTS"
build
for project in "${PROJECTS[@]}"; do run_project "$project"; done

if [[ -n $FILTER && $PASSED -eq 0 && $FAILED -eq 0 ]]; then problem "no test matched --filter $FILTER in any project"; fi

stop_infra   # now, so the count below is the last line of the output

echo
for p in "${PROBLEMS[@]}"; do echo "test.sh: $p"; done
line="$PASSED passed, $FAILED failed"
(( SKIPPED > 0 )) && line+=", $SKIPPED skipped"
echo "$line"
(( FAILED == 0 ))
