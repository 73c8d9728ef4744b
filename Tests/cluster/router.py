"""A real nginx on 127.0.0.1 that terminates TLS (a self-signed certificate made here) and
routes with deploy/nginx-gavel-routes.conf and deploy/nginx-gavel-websocket.conf, exactly the
files an operator installs. Only the upstreams and the committee map are written per test, as
an operator writes them in nginx-gavel.conf."""

import os
import pathlib
import shutil
import socket
import ssl
import subprocess
import time
import urllib.request

from gavel_harness import REPO, free_port

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)


def make_certificate(folder):
    """A self-signed certificate for 127.0.0.1; returns (cert, key) paths."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    return cert, key


class Router:
    def __init__(self, root):
        self.root = pathlib.Path(root)
        (self.root / "snippets").mkdir(parents=True, exist_ok=True)
        (self.root / "tmp").mkdir(exist_ok=True)
        for name, source in [("gavel-routes.conf", "nginx-gavel-routes.conf"),
                             ("gavel-websocket.conf", "nginx-gavel-websocket.conf")]:
            (self.root / "snippets" / name).symlink_to(REPO / "deploy" / source)
        self.cert, self.key = make_certificate(self.root)
        self.port = free_port()
        self.generation = 0
        self.proc = None
        self.conf = self.root / "nginx.conf"
        tmp = self.root / "tmp"
        user = "user root;\n" if os.geteuid() == 0 else ""
        self.conf.write_text(f"""{user}daemon off;
worker_processes 1;
pid {self.root}/nginx.pid;
error_log {self.root}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {self.root}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include upstreams.conf;
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ''      '';
    }}
    server {{
        listen 127.0.0.1:{self.port} ssl;
        server_name localhost;
        ssl_certificate {self.cert};
        ssl_certificate_key {self.key};
        include generation.conf;
        include snippets/gavel-routes.conf;
    }}
}}
""")
        # Python's default TLS context (the WebSocket clients' and urllib's) trusts this certificate.
        os.environ["SSL_CERT_FILE"] = str(self.cert)
        self.context = ssl.create_default_context(cafile=str(self.cert))

    def route(self, upstreams, committees):
        """upstreams: name → gaveld port ('gavel' is the default host); committees: id → name."""
        self.generation += 1
        lines = [f"upstream {name} {{ server 127.0.0.1:{port}; keepalive 4; }}" for name, port in upstreams.items()]
        lines += ["map $gavel_committee $gavel_upstream {", "    default gavel;"]
        lines += [f"    {cid} {name};" for cid, name in committees.items()]
        lines += ["}"]
        (self.root / "upstreams.conf").write_text("\n".join(lines) + "\n")
        (self.root / "generation.conf").write_text(
            f'location = /router-generation {{ return 200 "{self.generation}"; }}\n')
        if self.proc is None:
            self.check()
            self.proc = subprocess.Popen([NGINX, "-p", f"{self.root}/", "-c", str(self.conf)],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            self._await_generation()
        else:
            old_workers = self._workers()
            self.nginx("-s", "reload")
            self._await_generation()
            self._await_exit(old_workers)

    def _workers(self):
        """The master's child processes (its workers) now."""
        try:
            return set(pathlib.Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split())
        except OSError:
            return set()

    def _await_exit(self, old_workers, timeout=15):
        """An old worker keeps accepting connections for a moment after a reload and routes them
        with the old configuration: wait until every worker from before the reload has gone."""
        deadline = time.monotonic() + timeout
        while old_workers & self._workers():
            if time.monotonic() >= deadline:
                raise TimeoutError(f"nginx workers {sorted(old_workers & self._workers())} outlived the reload")
            time.sleep(0.05)

    def nginx(self, *args):
        out = subprocess.run([NGINX, "-p", f"{self.root}/", "-c", str(self.conf), *args], capture_output=True,
                             text=True, timeout=30)
        assert out.returncode == 0, f"nginx {' '.join(args)}: {out.stderr}"
        return out.stderr

    def check(self):
        return self.nginx("-t")

    def _await_generation(self, timeout=15):
        """nginx reloads asynchronously: wait until new connections get the new configuration."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.proc.stderr.read().decode()} {self.error_log()}")
            try:
                last = self.http("/router-generation")[1]
                if last == str(self.generation):
                    return
            except OSError as error:
                last = error
            time.sleep(0.05)
        raise TimeoutError(f"nginx did not serve generation {self.generation} (last: {last}); {self.error_log()}")

    def error_log(self):
        path = self.root / "error.log"
        return path.read_text() if path.exists() else ""

    def url(self, path):
        return f"wss://127.0.0.1:{self.port}{path}"

    def http(self, path):
        with urllib.request.urlopen(f"https://127.0.0.1:{self.port}{path}", timeout=5, context=self.context) as r:
            return r.status, r.read().decode()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.nginx("-s", "quit")
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def nginx_missing_reason():
    if NGINX is None:
        return "nginx is not installed (apt-get install nginx-light; `make test-cluster` installs it as root)"
    if shutil.which("openssl") is None:
        return "openssl is not installed (needed for the router's test certificate)"
    return None
