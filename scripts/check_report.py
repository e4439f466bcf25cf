#!/usr/bin/env python3
"""Opens an HTML trust report in headless Chromium and checks it over the DevTools protocol.

Fails (exit 1, with the reasons) when the page
  - logs a console error, throws an uncaught exception or reports a CSP violation,
  - requests anything but the file itself, data: or about: URLs (requests are blocked, not only
    recorded, so a broken report cannot reach the network while it is checked),
  - does not reorder the ranked table when the Score header is clicked (ascending after one click,
    descending after a second), or its text filter does not hide rows,
  - without JavaScript, shows controls that cannot work or a table out of rank order.
Saves a PNG screenshot of the top of the report.

Needs Chromium and the `websocket` module (Debian: chromium, python3-websocket).
Usage: check_report.py REPORT.html SCREENSHOT.png [--chromium PATH]
"""

import argparse
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

try:
    import websocket  # Debian: python3-websocket
except ImportError:  # pragma: no cover
    sys.exit("check_report: the Python module 'websocket' is missing (apt-get install python3-websocket)")

TIMEOUT = 60.0

# Rows of the ranked table that are displayed (not filtered out, not past the row cap).
DISPLAYED = ("Array.prototype.filter.call(document.querySelectorAll('#ranking tbody tr'),"
             "function(t){return getComputedStyle(t).display !== 'none'}).length")


class CheckFailed(Exception):
    pass


def find_chromium(explicit):
    candidates = [explicit] if explicit else []
    candidates += ["/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome"]
    for candidate in candidates:
        if candidate and (os.path.isabs(candidate) and os.access(candidate, os.X_OK) or shutil.which(candidate)):
            return candidate if os.path.isabs(candidate) else shutil.which(candidate)
    raise CheckFailed("no Chromium found (apt-get install chromium)")


class Browser:
    """A headless Chromium with one page, driven over the DevTools protocol."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="check-report-")
        args = [
            binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--metrics-recording-only", "--mute-audio",
            "--hide-scrollbars", "--remote-debugging-port=0", "--remote-allow-origins=*",
            "--user-data-dir=" + self.profile, "--window-size=1280,900", "about:blank",
        ]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = pathlib.Path(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + TIMEOUT
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.process.poll() is not None:
                raise CheckFailed(f"Chromium exited at start (status {self.process.returncode})")
            if time.monotonic() > deadline:
                raise CheckFailed("Chromium did not open its DevTools port")
            time.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t.get("type") == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=TIMEOUT,
                                                  suppress_origin=True)
        self.next_id = 0
        self.events = []
        self.responses = {}

    def close(self):
        try:
            self.socket.close()
        except Exception:
            pass
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def send(self, method, **params):
        self.next_id += 1
        wanted = self.next_id
        self.socket.send(json.dumps({"id": wanted, "method": method, "params": params}))
        # Event handlers may send commands of their own while this one waits: responses are kept
        # by id, so that a nested wait never swallows the answer an outer one waits for.
        while wanted not in self.responses:
            self.receive()
        message = self.responses.pop(wanted)
        if "error" in message:
            raise CheckFailed(f"{method} failed: {message['error']}")
        return message.get("result", {})

    def receive(self):
        message = json.loads(self.socket.recv())
        if "id" in message:
            self.responses[message["id"]] = message
        elif "method" in message:
            self.events.append(message)
            self.on_event(message)
        return message

    def on_event(self, message):
        pass

    def wait_for(self, method):
        deadline = time.monotonic() + TIMEOUT
        seen = len(self.events)
        while time.monotonic() < deadline:
            for event in self.events[seen:]:
                if event["method"] == method:
                    return event
            seen = len(self.events)
            self.receive()
        raise CheckFailed(f"timed out waiting for {method}")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise CheckFailed(f"script failed: {result['exceptionDetails'].get('text')} in {expression[:80]}")
        return result["result"].get("value")


class ReportCheck(Browser):
    def __init__(self, binary, report):
        self.problems = []
        self.requests = []
        self.url = report.resolve().as_uri()
        super().__init__(binary)

    def allowed(self, url):
        return url == self.url or url.split("#")[0] == self.url or url.startswith(("data:", "about:"))

    def on_event(self, message):
        method, params = message["method"], message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            self.problems.append(f"console {params['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text")
            self.problems.append(f"uncaught exception: {text}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.problems.append(f"console error ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}")
        elif method == "Fetch.requestPaused":
            url = params["request"]["url"]
            self.requests.append(url)
            if self.allowed(url):
                self.send("Fetch.continueRequest", requestId=params["requestId"])
            else:
                self.problems.append(f"network request to {url}")
                self.send("Fetch.failRequest", requestId=params["requestId"], errorReason="BlockedByClient")
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not self.allowed(url):
                self.problems.append(f"network request to {url}")

    def run(self, screenshot):
        self.send("Runtime.enable")
        self.send("Log.enable")
        self.send("Page.enable")
        self.send("Network.enable")
        # Every request of every kind passes through here first, also file: ones.
        self.send("Fetch.enable", patterns=[{"urlPattern": "*"}])
        self.send("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        self.send("Page.navigate", url=self.url)
        self.wait_for("Page.loadEventFired")
        rows = self.evaluate("document.querySelectorAll('#ranking tbody tr').length")
        if not rows:
            raise CheckFailed("the ranked table has no rows")
        # Nothing makes the page wider than the window: a long unbroken name, number or review
        # text wraps, and a wide table scrolls inside its own box (black-box review 54 saw a
        # review text widen the page to 5,794 px).
        wide = self.evaluate("document.documentElement.scrollWidth")
        if wide > 1280:
            self.problems.append(f"at 1280 px the page is {wide} px wide")
        if self.evaluate("document.getElementById('controls').hidden"):
            self.problems.append("the filter controls stayed hidden: the script did not run")

        self.save_screenshot(screenshot)

        before = self.scores()
        self.click("#ranking thead th[data-key=score] button")
        after = self.scores()
        if len(after) != len(before):
            raise CheckFailed(f"sorting by Score left {len(after)} of {len(before)} rows in the table")
        self.check_order(before, after, ascending=True)
        self.click("#ranking thead th[data-key=score] button")
        self.check_order(after, self.scores(), ascending=False)
        sort = self.evaluate("document.querySelector('#ranking thead th[data-key=score]').getAttribute('aria-sort')")
        if sort != "descending":
            self.problems.append(f"aria-sort of the Score header is {sort!r} after two clicks, not 'descending'")

        # The text filter: a supplier id keeps its own row only.
        first_id = self.evaluate("(document.querySelector('#ranking tbody tr .sid') || {}).textContent")
        if not first_id:
            raise CheckFailed("the ranked table lost its supplier ids")
        visible = self.evaluate(
            "(function(){var q=document.querySelector('#controls input[name=q]');q.value="
            + json.dumps(first_id)
            + ";q.dispatchEvent(new Event('input',{bubbles:true}));return new Promise(function(r){"
            "requestAnimationFrame(function(){requestAnimationFrame(function(){r(" + DISPLAYED + ")})})})})()")
        if not (1 <= visible < rows):
            self.problems.append(f"filtering by {first_id} left {visible} of {rows} rows visible")
        # Paper shows every matching row, so the page says what the filter kept, in place of the
        # caption that speaks of all.
        printed = self.evaluate("document.getElementById('table-status').getAttribute('data-print')")
        expected = f"Filtered: {visible} of {rows} suppliers (matching \u201c{first_id}\u201d), sorted by Score (descending)."
        if printed != expected:
            self.problems.append(f"the line printed for a filtered ranking is {printed!r}, not {expected!r}")
        if not self.evaluate("document.getElementById('ranking').classList.contains('filtered')"):
            self.problems.append("a filtered ranking is not marked so that its caption stays off paper")

        # Large tables show the first rows of the order and the rest on request.
        self.evaluate("(function(){var q=document.querySelector('#controls input[name=q]');q.value='';"
                      "q.dispatchEvent(new Event('input',{bubbles:true}))})()")
        self.evaluate("new Promise(function(r){requestAnimationFrame(function(){requestAnimationFrame(r)})})")
        if self.evaluate("!!document.getElementById('show-all') && !document.getElementById('show-all').hidden"):
            self.click("#show-all")
            shown = self.evaluate(DISPLAYED)
            if shown != rows:
                self.problems.append(f"'Show all' displays {shown} of {rows} rows")

        # On a phone the ranking turns into one card per supplier: at 320, 360 and 390 px nothing
        # is wider than the screen, nothing scrolls sideways inside the table, no card's name runs
        # into its score, and the sort buttons still work.
        for width in (320, 360, 390):
            self.send("Emulation.setDeviceMetricsOverride", width=width, height=844, deviceScaleFactor=1, mobile=True)
            self.send("Page.navigate", url=self.url)
            self.wait_for("Page.loadEventFired")
            phone = self.evaluate(
                "(function(){var t=document.getElementById('ranking'),w=t.parentNode,rows=t.tBodies[0].rows;"
                "var right=0,overlaps=0;for(var r=0;r<rows.length;r++){var c=rows[r].cells;if(!c[0].offsetParent)continue;"
                "for(var i=0;i<c.length;i++){right=Math.max(right,c[i].getBoundingClientRect().right)}"
                "if(c[1].getBoundingClientRect().right>c[3].getBoundingClientRect().left+0.5)overlaps++}"
                "return {page:document.documentElement.scrollWidth,wrap:w.scrollWidth-w.clientWidth,right:right,"
                "overlaps:overlaps,view:window.innerWidth}})()")
            # Against the screen's width: a mobile viewport widens to fit a page that is too wide.
            if phone["page"] > width or phone["wrap"] > 0 or phone["right"] > width or phone["overlaps"]:
                self.problems.append(
                    f"at {width} px the page is {phone['page']} px wide, the ranking scrolls "
                    f"{phone['wrap']} px sideways, its rows end at {phone['right']:.0f} px and "
                    f"{phone['overlaps']} names run into their scores")
        before = self.scores()
        self.click("#ranking thead th[data-key=score] button")
        self.check_order(before, self.scores(), ascending=True)
        self.send("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)

        # Let late events (console errors from the clicks) arrive.
        self.evaluate("new Promise(function(r){setTimeout(r,100)})")

        # Without JavaScript the table reads in rank order and no dead control shows.
        self.send("Emulation.setScriptExecutionDisabled", value=True)
        self.send("Page.navigate", url=self.url)
        self.wait_for("Page.loadEventFired")
        self.send("Emulation.setScriptExecutionDisabled", value=False)
        state = self.evaluate(
            "({controls: getComputedStyle(document.getElementById('controls')).display,"
            " buttons: document.querySelectorAll('#ranking button').length,"
            " ranks: Array.prototype.map.call(document.querySelectorAll('#ranking tbody tr'),"
            " function(r){return +r.cells[0].textContent})})")
        if state["controls"] != "none" or state["buttons"]:
            self.problems.append("without JavaScript the filter or sort controls show, but cannot work")
        if state["ranks"] != list(range(1, rows + 1)):
            self.problems.append("without JavaScript the table is not in rank order")
        return rows

    def scores(self):
        return self.evaluate(
            "Array.prototype.map.call(document.querySelectorAll('#ranking tbody tr'),"
            "function(r){var v=r.getAttribute('data-score');return v===null||v===''?null:parseFloat(v)})")

    def click(self, selector):
        box = self.evaluate(
            "(function(){var e=document.querySelector(" + json.dumps(selector) + ");if(!e)return null;"
            "e.scrollIntoView({block:'center'});var b=e.getBoundingClientRect();"
            "return {x:b.left+b.width/2,y:b.top+b.height/2}})()")
        if box is None:
            raise CheckFailed(f"nothing to click at {selector} (the sort buttons are missing)")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box["x"], y=box["y"], button="left", clickCount=1)

    def check_order(self, before, after, ascending):
        scored = [s for s in after if s is not None]
        expected = sorted(scored, reverse=not ascending)
        direction = "ascending" if ascending else "descending"
        if scored != expected or after[len(scored):] != [None] * (len(after) - len(scored)):
            self.problems.append(f"clicking Score did not sort the table {direction}: {after[:8]}…")
        elif after == before and len(set(scored)) > 1:
            self.problems.append(f"clicking Score did not reorder the table ({direction} expected)")

    def save_screenshot(self, path):
        result = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                           clip={"x": 0, "y": 0, "width": 1280, "height": 1800, "scale": 1})
        pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(path).write_bytes(base64.b64decode(result["data"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report", type=pathlib.Path)
    parser.add_argument("screenshot", type=pathlib.Path)
    parser.add_argument("--chromium")
    args = parser.parse_args()
    if not args.report.is_file():
        sys.exit(f"check_report: no report at {args.report}")
    check = None
    try:
        check = ReportCheck(find_chromium(args.chromium), args.report)
        rows = check.run(args.screenshot)
    except CheckFailed as failure:
        print(f"check_report: FAILED: {failure}", file=sys.stderr)
        if check:
            for problem in dict.fromkeys(check.problems):
                print(f"  - {problem}", file=sys.stderr)
        return 1
    finally:
        if check:
            check.close()
    if check.problems:
        print(f"check_report: FAILED: {args.report}", file=sys.stderr)
        for problem in dict.fromkeys(check.problems):
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(f"check_report: ok: {args.report} ({rows} rows, no console errors, no network requests, sorts and filters);"
          f" screenshot {args.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
