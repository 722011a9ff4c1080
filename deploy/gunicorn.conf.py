"""gunicorn, as production runs it behind nginx (deploy/nginx/): ``gunicorn -c
deploy/gunicorn.conf.py``. Values come from the environment, like the site's settings."""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"  # production settings (config/wsgi.py)
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: nginx buffers slow clients, so a worker is busy only while it renders.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Longer than DATABASE_STATEMENT_TIMEOUT_MS's 30 s, so the database gives up first and the
# visitor gets the designed 503 page rather than a killed worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "40"))
graceful_timeout = 30
keepalive = 5  # nginx keeps connections to the upstream open (keepalive 16)
# A worker is replaced now and then, so a slow leak never grows for long.
max_requests = 2000
max_requests_jitter = 200
# The site reads the scheme and the visitor's address itself (SECURE_PROXY_SSL_HEADER,
# TRUSTED_PROXIES); gunicorn only needs to trust the proxy on this machine.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
pidfile = os.environ.get("GUNICORN_PID_FILE") or None
