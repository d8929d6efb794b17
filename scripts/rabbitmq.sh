#!/usr/bin/env bash
# Runs a private RabbitMQ broker on 127.0.0.1 without systemd: scripts/rabbitmq.sh start|stop|status
#
# Everything lives in one temp dir ($RMQ_DIR). We call the unwrapped scripts in /usr/lib/rabbitmq/bin
# because the /usr/sbin wrappers `su rabbitmq` and then cannot use a root-owned dir or our cookie.
# Environment: RMQ_PORT (AMQP, default 5672), RMQ_DIST_PORT (default RMQ_PORT+20000),
#              RMQ_DIR (default /tmp/switchboard-rabbitmq-$RMQ_PORT), RMQ_MANAGEMENT=1 (management API on
#              127.0.0.1:$RMQ_MGMT_PORT, default 15672), RMQ_START_TIMEOUT seconds (default 60).
set -euo pipefail

RMQ_BIN=/usr/lib/rabbitmq/bin
RMQ_PORT=${RMQ_PORT:-5672}
RMQ_DIST_PORT=${RMQ_DIST_PORT:-$((RMQ_PORT + 20000))}
RMQ_DIR=${RMQ_DIR:-/tmp/switchboard-rabbitmq-$RMQ_PORT}
RMQ_MANAGEMENT=${RMQ_MANAGEMENT:-0}
RMQ_MGMT_PORT=${RMQ_MGMT_PORT:-15672}
RMQ_START_TIMEOUT=${RMQ_START_TIMEOUT:-60}
PID_FILE=$RMQ_DIR/server.pid    # pid of the rabbitmq-server shell we started (it traps SIGTERM)

log() { echo "rabbitmq.sh: $*" >&2; }

# The same environment for the server and every CLI call: HOME holds the Erlang cookie.
export_env() {
  export HOME=$RMQ_DIR
  export RABBITMQ_NODENAME=rabbit@localhost
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT=$RMQ_PORT
  export RABBITMQ_DIST_PORT=$RMQ_DIST_PORT
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_MNESIA_BASE=$RMQ_DIR/mnesia
  export RABBITMQ_LOG_BASE=$RMQ_DIR/log
  export RABBITMQ_CONFIG_FILE=$RMQ_DIR/rabbitmq.conf
  export RABBITMQ_ENABLED_PLUGINS_FILE=$RMQ_DIR/enabled_plugins
  export RABBITMQ_PID_FILE=$RMQ_DIR/rabbit.pid
  export RABBITMQ_CONF_ENV_FILE=$RMQ_DIR/rabbitmq-env.conf
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

server_pid() { [[ -s $PID_FILE ]] && cat "$PID_FILE"; }

is_alive() { local pid; pid=$(server_pid) && kill -0 "$pid" 2>/dev/null; }

write_files() {
  mkdir -p "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
  : > "$RABBITMQ_CONF_ENV_FILE"
  {
    echo "listeners.tcp.default = 127.0.0.1:$RMQ_PORT"
    echo "loopback_users.guest = true"
    [[ $RMQ_MANAGEMENT == 1 ]] && echo "management.tcp.ip = 127.0.0.1" && echo "management.tcp.port = $RMQ_MGMT_PORT"
    true
  } > "$RABBITMQ_CONFIG_FILE"
  if [[ $RMQ_MANAGEMENT == 1 ]]; then echo '[rabbitmq_management].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  else echo '[].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"; fi
}

start() {
  [[ -x $RMQ_BIN/rabbitmq-server ]] || { log "$RMQ_BIN/rabbitmq-server not found (apt-get install rabbitmq-server)"; return 2; }
  if is_alive; then log "already running (pid $(server_pid), dir $RMQ_DIR)"; return 1; fi
  local p
  for p in "$RMQ_PORT" "$RMQ_DIST_PORT"; do
    if port_in_use "$p"; then
      log "port 127.0.0.1:$p is already in use (another broker? stop it: /etc/init.d/rabbitmq-server stop, or set RMQ_PORT)"
      return 1
    fi
  done
  rm -rf "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
  write_files
  # Foreground server in the background: `-detached` does not write the pid file in 3.10.
  "$RMQ_BIN/rabbitmq-server" > "$RMQ_DIR/log/console.log" 2>&1 < /dev/null &
  echo $! > "$PID_FILE"
  local deadline=$((SECONDS + RMQ_START_TIMEOUT))
  until "$RMQ_BIN/rabbitmq-diagnostics" -q ping > /dev/null 2>&1; do
    if ! is_alive; then log "broker exited during start; last log lines:"; tail -n 20 "$RMQ_DIR/log/console.log" >&2; rm -f "$PID_FILE"; return 1; fi
    if (( SECONDS >= deadline )); then log "no ping within ${RMQ_START_TIMEOUT}s"; stop; return 1; fi
    sleep 0.5
  done
  if ! "$RMQ_BIN/rabbitmqctl" -q await_startup --timeout "$RMQ_START_TIMEOUT" > /dev/null 2>&1; then
    log "await_startup failed; last log lines:"; tail -n 20 "$RMQ_DIR/log/console.log" >&2; stop; return 1
  fi
  log "running on 127.0.0.1:$RMQ_PORT (pid $(server_pid), dir $RMQ_DIR)"
}

stop() {
  if ! is_alive; then log "not running"; rm -f "$PID_FILE"; return 0; fi
  local pid; pid=$(server_pid)
  kill -TERM "$pid" 2>/dev/null || true     # the server script traps SIGTERM and stops the node gracefully
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid still alive after 30s; killing it and the Erlang VM"
    local vm; vm=$(cat "$RABBITMQ_PID_FILE" 2>/dev/null || true)
    [[ -n $vm ]] && kill -KILL "$vm" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  # epmd outlives the broker; `epmd -kill` refuses while other nodes are still registered.
  command -v epmd > /dev/null && epmd -kill > /dev/null 2>&1 || true
  log "stopped (pid $pid)"
}

status() {
  if is_alive && "$RMQ_BIN/rabbitmq-diagnostics" -q ping > /dev/null 2>&1; then
    echo "running on 127.0.0.1:$RMQ_PORT (pid $(server_pid), dir $RMQ_DIR)"
    return 0
  fi
  echo "not running (dir $RMQ_DIR)"
  return 3
}

export_env
case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
