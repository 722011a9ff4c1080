#!/usr/bin/env bash
# Fill in deploy/nginx/clinician-wellbeing.conf from the environment (see its header) and
# write it to $1, with brotli.conf beside it when nginx has the brotli modules.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$1"
conf_dir="$(dirname "$target")"
mkdir -p "$conf_dir"
export CONF_DIR="$conf_dir"
variables='${SERVER_NAME} ${LISTEN} ${TLS_CERTIFICATE} ${TLS_CERTIFICATE_KEY} ${APP_SERVER} ${PURGE_LISTEN} ${STATIC_ROOT} ${MEDIA_ROOT} ${CACHE_PATH} ${LOG_DIR} ${CONF_DIR}'
for name in $variables; do
  name="${name//[\$\{\}]/}"
  if [ -z "${!name:-}" ]; then
    echo "render-nginx: $name is not set" >&2
    exit 2
  fi
done
envsubst "$variables" < "$here/nginx/clinician-wellbeing.conf" > "$target"
rm -f "$conf_dir/brotli.conf"
if ls /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so >/dev/null 2>&1; then
  cp "$here/nginx/brotli.conf" "$conf_dir/brotli.conf"
fi
