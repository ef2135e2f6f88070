# Sourced by the benchmark scripts: an nginx of their own, under WORK, with one worker.
#   start_nginx WORK 'http-block lines'   (starts it; returns 1 when nginx cannot start)
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
start_nginx() {
  local work=$1 body=$2
  mkdir -p "$work/nginx"
  cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
$body
}
CONF
  [ -x "$NGINX" ] && "$NGINX" -c "$work/nginx.conf" -p "$work/nginx" 2>/dev/null
}
