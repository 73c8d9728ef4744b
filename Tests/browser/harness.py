"""A real gaveld and a real headless Chromium for the browser tests and the screenshot script.

Owns: every test gets a fresh temp data dir and its own gaveld on 127.0.0.1:0 (the port is read
from the ready line, protocol.md §1); tokens come from `gavel token issue`; nothing is faked.
"""
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import (ElementClickInterceptedException, NoSuchElementException,
                                        StaleElementReferenceException)
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("GAVEL_BIN", REPO / ".build" / "debug")).resolve()
COMMITTEE = os.environ.get("GAVEL_COMMITTEE", "unsc")
# Generous: CI machines run these next to the Swift build and other test suites.
WAIT = float(os.environ.get("GAVEL_BROWSER_WAIT", "30"))
READY = re.compile(r"gaveld listening on http://([^\s:]+):(\d+)")


def write_config(directory: Path) -> Path:
    """The repo's Config/gaveld.toml (the shipped committees, as an operator runs them) with
    web_root pointing at the repo's web/ and the committee files made absolute, since the temp
    config lives elsewhere and committee paths start at the config file's folder."""
    source = REPO / "Config" / "gaveld.toml"
    text = source.read_text()

    def absolutize(match):
        value = match.group(1)
        path = source.parent / value
        return f'"{path.resolve()}"' if not value.startswith("/") and path.exists() else match.group(0)

    text = re.sub(r'"([^"]+\.toml)"', absolutize, text)
    web_root = f'web_root = "{REPO / "web"}"'
    if re.search(r"^\s*web_root\s*=", text, flags=re.M):
        text = re.sub(r"^\s*web_root\s*=.*$", lambda _: web_root, text, count=1, flags=re.M)
    else:
        text = f"{web_root}\n{text}"
    path = directory / "gaveld.toml"
    path.write_text(text)
    return path


class Gaveld:
    """One gaveld process over a temp data dir; `restart()` keeps the port and the data."""

    def __init__(self, root: Path):
        self.root = root
        self.data = root / "data"
        self.data.mkdir(parents=True, exist_ok=True)
        self.config = write_config(root)
        self.port = 0
        self.proc = None
        self.log = []

    def start(self):
        exe = BIN / "gaveld"
        if not exe.exists():
            raise RuntimeError(f"{exe} not found: build it first (swift build) or set GAVEL_BIN")
        self.proc = subprocess.Popen(
            [str(exe), "--config", str(self.config), "--listen", f"127.0.0.1:{self.port}", "--data", str(self.data)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ready = threading.Event()
        found = {}

        def pump(stream, name):
            for line in stream:
                self.log.append(f"{name}: {line.rstrip()}")
                m = READY.search(line)
                if m and not ready.is_set():
                    found["port"] = int(m.group(2))
                    ready.set()
            ready.set()  # EOF: the process ended

        threading.Thread(target=pump, args=(self.proc.stdout, "out"), daemon=True).start()
        threading.Thread(target=pump, args=(self.proc.stderr, "err"), daemon=True).start()
        if not ready.wait(60) or "port" not in found:
            self.stop()
            raise RuntimeError("gaveld did not report ready:\n" + "\n".join(self.log[-20:]))
        self.port = found["port"]
        return self

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self):
        self.stop()
        return self.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def token(self, role, seat=None):
        cmd = [str(BIN / "gavel"), "token", "issue", "--data", str(self.data), "--committee", COMMITTEE, "--role", role]
        if seat:
            cmd += ["--seat", seat]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise RuntimeError(f"gavel token issue failed: {out.stderr.strip()}")
        return out.stdout.strip()

    def page_url(self, screen, token):
        return f"{self.url}/{screen}#token={token}&committee={COMMITTEE}"


def temp_root():
    return Path(tempfile.mkdtemp(prefix="gavel-browser-"))


def remove_root(root: Path):
    shutil.rmtree(root, ignore_errors=True)


def chromium(width=1920, height=1080):
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows", f"--window-size={width},{height}",
                "--hide-scrollbars"):
        opts.add_argument(arg)
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_window_size(width, height)
    return driver


class Screen:
    """One page (a browser window) with the few helpers the tests need."""

    def __init__(self, driver, handle):
        self.driver = driver
        self.handle = handle

    def focus(self):
        if self.driver.current_window_handle != self.handle:
            self.driver.switch_to.window(self.handle)
        return self

    def css(self, selector):
        self.focus()
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def all(self, selector):
        self.focus()
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def wait(self, predicate, timeout=WAIT, message=""):
        self.focus()
        # Views re-render from state, so an element found a moment ago may have been replaced.
        return WebDriverWait(self.driver, timeout, poll_frequency=0.05,
                             ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
                             ).until(lambda d: predicate(self), message)

    def wait_css(self, selector, timeout=WAIT):
        def found(s):
            els = s.all(selector)
            return els[0] if els and els[0].is_displayed() else False
        return self.wait(found, timeout, f"waiting for {selector}")

    def click(self, selector, timeout=WAIT):
        """Clicks the first match once it is visible and enabled. Finding and clicking happen in one
        attempt, retried when a re-render replaced the element or a notice covered it."""
        def attempt(s):
            els = s.all(selector)
            if not (els and els[0].is_displayed() and els[0].is_enabled()):
                return False
            # Centre it first: the delegate's sticky header would otherwise cover it.
            s.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", els[0])
            els[0].click()
            return els[0]
        self.focus()
        return WebDriverWait(self.driver, timeout, poll_frequency=0.05,
                             ignored_exceptions=(NoSuchElementException, StaleElementReferenceException,
                                                 ElementClickInterceptedException),
                             ).until(lambda d: attempt(self), f"waiting to click {selector}")

    def attrs(self, selector, name):
        """One attribute of every match, read in one step (no stale elements)."""
        return self.js("return [...document.querySelectorAll(arguments[0])].map((e) => e.getAttribute(arguments[1]))",
                       selector, name)

    def js(self, script, *args):
        self.focus()
        return self.driver.execute_script(script, *args)

    def state(self):
        return self.js("return window.gavel && window.gavel.state")

    def live(self, timeout=30):
        return self.wait(lambda s: s.js("return window.gavel && window.gavel.status.kind === 'live' && !!window.gavel.state"),
                         timeout, "waiting for the page to be live")


def open_screen(driver, url, first=False, size=(1920, 1080)):
    if not first:
        driver.switch_to.new_window("window")
    driver.set_window_size(*size)
    driver.get(url)
    screen = Screen(driver, driver.current_window_handle)
    screen.live()
    return screen
