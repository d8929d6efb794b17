#!/bin/bash
# Container HEALTHCHECK for images without curl or wget (mcr.microsoft.com/dotnet/aspnet:10.0 is Ubuntu 24.04 with
# bash): one HTTP/1.0 GET over bash's /dev/tcp to 127.0.0.1, healthy when the status is 2xx.
# Usage: healthcheck.sh PORT [PATH]   (PATH defaults to /health). Exit 0 = healthy, 1 = not.
set -u
port="${1:?usage: healthcheck.sh PORT [PATH]}"
path="${2:-/health}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" 2>/dev/null || { echo "cannot connect to 127.0.0.1:${port}"; exit 1; }
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${path}" >&3
if ! IFS= read -r -t 5 status <&3; then
  echo "no answer from 127.0.0.1:${port}${path}"
  exit 1
fi
exec 3>&-
case "${status}" in
  "HTTP/1."?" 2"*) exit 0 ;;
  *) echo "${path}: ${status%$'\r'}"; exit 1 ;;
esac
