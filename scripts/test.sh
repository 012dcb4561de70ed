#!/usr/bin/env bash
# Runs every test of the project: framework unit tests, the archetype's generated-project test, and the
# integration tests that deploy the example WAR into Tomcat 11, Tomcat 10.1 and Jetty 12.
# It first installs what the tests need on a Debian machine (as root): Python Flask for the differential tests,
# and Chromium (with chromedriver) for the browser checks of the debug page, a generated project's home page and the
# example's Flaskr visit.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import flask' >/dev/null 2>&1; then
  if ! /usr/bin/python3 -c 'import flask' >/dev/null 2>&1; then need_apt+=(python3-flask); fi
fi
if [ ! -x /usr/bin/chromium ]; then need_apt+=(chromium); fi
# src-it FlaskrBrowserIT drives that Chromium through chromedriver.
if [ ! -x /usr/bin/chromedriver ]; then need_apt+=(chromium-driver); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing test prerequisites: ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
  else
    echo "missing test prerequisites: ${need_apt[*]} (install them with apt-get as root)" >&2
    exit 1
  fi
fi

exec mvn -B -ntp clean install "$@"
