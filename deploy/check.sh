#!/usr/bin/env bash
# make deploy-check: start the production stack on this machine (Debian's nginx in front of
# gunicorn, production settings, a throwaway SQLite database and folders) and check what
# the proxy does: HTML compressed, hashed static files cached for good, originals and
# documents never served raw, anonymous pages served from the page cache, and a publish
# purging the page from the proxy. Needs: nginx-light (or nginx),
# libnginx-mod-http-cache-purge, openssl, curl; brotli modules are used when installed.
#
# deploy/check.sh --serve: the same stack with the whole demo site (load_demo_content),
# kept running until Ctrl-C or SIGTERM, for measuring it (tools/lighthouse.sh). It writes
# the site's address to $DEPLOY_CHECK_URL_FILE when set.
#
# The ports are DEPLOY_CHECK_TLS_PORT, _APP_PORT and _PURGE_PORT (18443, 18000, 18081, or
# free ones when those are taken). Whatever happens, nginx and gunicorn are stopped, waited
# for and the throwaway folder removed when the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
serve=false
[ "${1:-}" = "--serve" ] && serve=true

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {  # pick_port preferred: the preferred port if nothing listens on it, else a free one
  if port_free "$1"; then
    echo "$1"
  else
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  fi
}
TLS_PORT="${DEPLOY_CHECK_TLS_PORT:-$(pick_port 18443)}"
APP_PORT="${DEPLOY_CHECK_APP_PORT:-$(pick_port 18000)}"
PURGE_PORT="${DEPLOY_CHECK_PURGE_PORT:-$(pick_port 18081)}"
work="$(mktemp -d /tmp/cwb-deploy-check.XXXXXX)"
failures=0

alive() {  # alive pid: running (a zombie left for a parent that never reaps it is not)
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null)" && [ -n "$state" ] && [ "${state#Z}" = "$state" ]
}
stop_process() {  # stop_process pidfile: TERM it and its children, wait, then KILL what is left
  local pid children
  [ -f "$1" ] || return 0
  pid="$(cat "$1")"
  children="$(pgrep -P "$pid" 2>/dev/null || true)"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do
    alive "$pid" || break
    sleep 0.2
  done
  for process in $pid $children; do
    if alive "$process"; then kill -9 "$process" 2>/dev/null || true; fi
  done
}
stop() {
  status=$?
  trap - EXIT INT TERM
  [ -n "${sleeper:-}" ] && kill "$sleeper" 2>/dev/null
  stop_process "$work/nginx.pid"
  stop_process "$work/gunicorn.pid"
  rm -rf "$work"
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

check() {  # check "what" command...
  local what="$1"
  shift
  if "$@"; then
    printf '  ok    %s\n' "$what"
  else
    printf '  FAIL  %s\n' "$what"
    failures=$((failures + 1))
  fi
}

for tool in nginx openssl curl envsubst; do
  command -v "$tool" >/dev/null || { echo "deploy-check needs $tool (apt-get install nginx-light libnginx-mod-http-cache-purge openssl curl gettext-base)"; exit 2; }
done
[ -e /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ] || {
  echo "deploy-check needs Debian's libnginx-mod-http-cache-purge"
  exit 2
}

echo "== The production stack in $work"
export DJANGO_SETTINGS_MODULE=config.settings.production
export SECRET_KEY="deploy-check-$(openssl rand -hex 32)"
export SITE_URL="https://localhost:$TLS_PORT"
export ALLOWED_HOSTS=localhost,testserver  # testserver: the demo renders its pages once for their renditions
export DATABASE_URL="sqlite:///$work/site.sqlite3"
export MEDIA_ROOT="$work/media" STATIC_ROOT="$work/static" CACHE_DIR="$work/app-cache"
export TRUSTED_PROXIES=1
export TASKS_BACKEND=immediate  # purges sent at once, not by a worker this check would start
export REDIS_URL="" ELASTICSEARCH_URL=""

"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0
if $serve; then
  "$PY" manage.py load_demo_content -v 0 >/dev/null
else
  "$PY" manage.py shell -v 0 < deploy/check_content.py
fi

# A certificate for localhost (with its subjectAltName, which browsers require).
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost" \
  -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null

# From here on the site purges changed pages from the proxy (not while the content is made).
export FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:$PURGE_PORT"
GUNICORN_BIND="127.0.0.1:$APP_PORT" GUNICORN_PID_FILE="$work/gunicorn.pid" WEB_CONCURRENCY=2 \
  GUNICORN_ACCESS_LOG="$work/gunicorn-access.log" \
  .venv/bin/gunicorn -c deploy/gunicorn.conf.py --daemon --error-logfile "$work/gunicorn.log"

mkdir -p "$work/nginx/logs" "$work/nginx/cache" "$work/nginx/temp"
SERVER_NAME=localhost LISTEN="127.0.0.1:$TLS_PORT" TLS_CERTIFICATE="$work/tls.crt" \
  TLS_CERTIFICATE_KEY="$work/tls.key" APP_SERVER="127.0.0.1:$APP_PORT" \
  PURGE_LISTEN="127.0.0.1:$PURGE_PORT" CACHE_PATH="$work/nginx/cache" \
  LOG_DIR="$work/nginx/logs" deploy/render-nginx.sh "$work/nginx/site/clinician-wellbeing.conf"
modules=""
for module in cache_purge brotli_filter brotli_static; do
  file="/usr/lib/nginx/modules/ngx_http_${module}_module.so"
  [ -e "$file" ] && modules+="load_module $file;"$'\n'
done
# nginx's workers drop to an unprivileged user: they read the static and media folders and
# write their cache and temporary files.
worker_user="$(id -un)"
if [ "$(id -u)" = 0 ]; then
  worker_user=www-data
  chmod 755 "$work"
  chmod -R a+rX "$STATIC_ROOT" "$MEDIA_ROOT"
  chown -R "$worker_user" "$work/nginx/cache" "$work/nginx/temp"
fi
cat > "$work/nginx/nginx.conf" <<CONF
$modules
user $worker_user;
pid $work/nginx.pid;
error_log $work/nginx/logs/error.log warn;
worker_processes 1;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $work/nginx/logs/access.log;
  client_body_temp_path $work/nginx/temp/body;
  proxy_temp_path $work/nginx/temp/proxy;
  fastcgi_temp_path $work/nginx/temp/fastcgi;
  uwsgi_temp_path $work/nginx/temp/uwsgi;
  scgi_temp_path $work/nginx/temp/scgi;
  include $work/nginx/site/clinician-wellbeing.conf;
}
CONF
nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"

site="https://localhost:$TLS_PORT"
for _ in $(seq 1 60); do
  curl -sk -o /dev/null "$site/healthz" && break
  sleep 0.5
done
curl -sk -o /dev/null --fail "$site/healthz" || {
  echo "== The stack did not start"
  tail -n 20 "$work/nginx/logs/error.log" "$work/gunicorn.log" 2>/dev/null
  exit 1
}

if $serve; then
  echo "== Serving the demo at $site/ (certificate $work/tls.crt); Ctrl-C stops it"
  [ -n "${DEPLOY_CHECK_URL_FILE:-}" ] && cp "$work/tls.crt" "$DEPLOY_CHECK_URL_FILE.crt" \
    && echo "$site" > "$DEPLOY_CHECK_URL_FILE"
  sleep infinity &
  sleeper=$!
  wait "$sleeper"
  exit 0
fi

echo "== Checks"
set +e  # every check runs; the failures are counted
page="/about/"
echo "   GET $site$page: $(curl -sk -o /dev/null -w '%{http_code} %{content_type}' "$site$page")"
page="/about/"
check "HTML arrives gzip-compressed" \
  bash -c "curl -sk -o /dev/null -D - -H 'Accept-Encoding: gzip' '$site$page' | tr -d '\r' | grep -qi '^content-encoding: gzip'"
if [ -f "$work/nginx/site/brotli.conf" ]; then
  check "HTML arrives brotli-compressed to browsers that ask for it" \
    bash -c "curl -sk -o /dev/null -D - -H 'Accept-Encoding: br, gzip' '$site$page' | tr -d '\r' | grep -qi '^content-encoding: br'"
fi
stylesheet="$(curl -sk "$site$page" | grep -o '/static/css/site\.[0-9a-f]\{12\}\.css' | head -n 1)"
check "the page links a hashed stylesheet ($stylesheet)" test -n "$stylesheet"
check "hashed static files are cached for a year, immutable" \
  bash -c "curl -sk -o /dev/null -D - '$site$stylesheet' | tr -d '\r' | grep -qi '^cache-control:.*max-age=31536000.*immutable'"
check "static CSS arrives compressed" \
  bash -c "curl -sk -o /dev/null -D - -H 'Accept-Encoding: gzip' '$site$stylesheet' | tr -d '\r' | grep -qi '^content-encoding: gzip'"

original="$(cd "$MEDIA_ROOT" && find original_images -type f | head -1)"
rendition="$(cd "$MEDIA_ROOT" && find images -type f | head -1)"
document="$(cd "$MEDIA_ROOT" && find documents -type f | head -1)"
status() { curl -sk -o /dev/null -w '%{http_code}' "$1"; }
check "a rendition is served (/media/$rendition)" test "$(status "$site/media/$rendition")" = 200
check "an original image is never served raw (/media/$original)" \
  test "$(status "$site/media/$original")" = 404
check "a document is never served raw (/media/$document)" \
  test "$(status "$site/media/$document")" = 404

curl -sk -o /dev/null "$site$page"
check "an anonymous page is served from the proxy's page cache" \
  bash -c "curl -sk -o /dev/null -D - '$site$page' | tr -d '\r' | grep -qi '^x-proxy-cache: HIT'"
check "a signed-in visitor's request bypasses the proxy's cache" \
  bash -c "curl -sk -o /dev/null -D - -H 'Cookie: sessionid=abc' '$site$page' | tr -d '\r' | grep -qi '^x-proxy-cache: BYPASS'"
app="http://127.0.0.1:$APP_PORT$page"
curl -s -o /dev/null -H 'Host: localhost' -H 'X-Forwarded-Proto: https' "$app"
check "behind it, the app serves the page from its own page cache" \
  bash -c "curl -s -o /dev/null -D - -H 'Host: localhost' -H 'X-Forwarded-Proto: https' '$app' | tr -d '\r' | grep -qi '^x-page-cache: hit'"

"$PY" manage.py shell -v 0 -c "
from wagtail.models import Page
page = Page.objects.get(depth=3, slug='about').specific
page.save_revision().publish()
"
check "publishing the page sends a purge that reaches the proxy" \
  grep -q "\"PURGE $page " "$work/nginx/logs/purge.log"
check "after the purge the proxy fetches the page afresh" \
  bash -c "curl -sk -o /dev/null -D - '$site$page' | tr -d '\r' | grep -qi '^x-proxy-cache: MISS'"

if [ "$failures" -gt 0 ]; then
  echo "== deploy-check: $failures failed"
  tail -n 20 "$work/nginx/logs/error.log" "$work/gunicorn.log" "$work/nginx/logs/access.log"
  exit 1
fi
echo "== deploy-check: all passed"
