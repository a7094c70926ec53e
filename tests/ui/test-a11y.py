#!/usr/bin/python3
# test-a11y.py KLYNGE — what a screen reader hears: every focusable control of
# every area and of the dialogs they open has a name, and no name is a widget
# type ("GtkImage", "GtkMenuButton"); the chart names each clinic's numbers as
# the arrow keys reach it, the same numbers its table shows. Walks the real app
# over AT-SPI; meson runs it inside dbus-run-session, which starts the
# accessibility bus. Prints TAP.
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import time

import pyatspi

APP = sys.argv[1]
TYPE_NAME = re.compile(r'^(Gtk|Adw|Klynge)[A-Z][A-Za-z]*$')
# GTK 4.8 reads a use-underline label with its underscore ("New _Member…
# New Member…"): a screen reader would spell it out.
MNEMONIC = re.compile(r'(^|\w)_\w')

# Area, and the buttons (by their accessible name) whose dialogs are walked
# too; a menu's item after the button that opens the menu. Import File…
# opens GTK's own file chooser, which is not ours to name.
AREAS = [
    ('clusters', ['Edit Cluster…', ('Add a Member or Clinic', 'New Member…'),
                  ('Add a Member or Clinic', 'New Clinic…')]),
    ('meetings', ['Topics and Brainstorm', 'Attendance Overview']),
    ('data', []),
    ('charts', ['Present']),
    ('finances', ['Add Entry']),
]

n = 0
failed = False


def ok(good, what, detail=()):
    global n, failed
    n += 1
    print(('ok' if good else 'not ok') + ' %d - %s' % (n, what))
    for line in detail:
        print('# ' + line)
    failed = failed or not good


def wait_for(condition, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return None


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            pass
    return None


def walk(acc, visit):
    """Calls visit on acc and what it holds, until visit returns True."""
    try:
        if visit(acc):
            return True
        children = [acc.getChildAtIndex(i) for i in range(acc.childCount)]
        # What is hidden (a closed popover, a drop-down's list) is out of a
        # screen reader's reach until it opens, and gets its name then.
        children = [c for c in children if c is not None and c.getState().contains(pyatspi.STATE_VISIBLE)]
    except Exception:
        return False
    return any(walk(child, visit) for child in children)


def unnamed_controls(root):
    bad = []

    def visit(acc):
        if acc.getState().contains(pyatspi.STATE_FOCUSABLE):
            name = (acc.name or '').strip()
            if not name or TYPE_NAME.match(name) or MNEMONIC.search(name):
                path = []
                parent = acc.parent
                while parent is not None and len(path) < 4:
                    if parent.name and not TYPE_NAME.match(parent.name):
                        path.append(parent.name)
                    parent = parent.parent
                bad.append('%s %r (in %s)' % (acc.getRoleName(), name, ' < '.join(path) or 'window'))
    walk(root, visit)
    return bad


def has_focusable(root):
    found = []

    def visit(acc):
        if acc.getState().contains(pyatspi.STATE_FOCUSABLE):
            found.append(acc)
        return bool(found)
    walk(root, visit)
    return bool(found)


def on_screen(acc):
    try:
        return acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS).width > 0
    except Exception:
        return False


def actionable(acc):
    try:
        return acc.queryAction().nActions > 0
    except Exception:
        return False


def shown(acc):
    return acc if acc is not None and on_screen(acc) else None


def find_named(root, name):
    found = []

    def visit(acc):
        if acc.name == name and acc.getRoleName() in ('push button', 'toggle button', 'menu item'):
            found.append(acc)
    walk(root, visit)
    # What is on screen first: a page not shown may hold a button of that
    # name. A menu button's action is its inner toggle's, of the same name.
    found = [acc for acc in found if actionable(acc)]
    found.sort(key=lambda acc: not on_screen(acc))
    return found[0] if found else None


def settled(app):
    # The window is built once the area's page tabs are in the tree.
    return app is not None and app.childCount > 0 and find_named_tab(app)


def find_named_tab(app):
    found = []

    def visit(acc):
        if acc.getRoleName() == 'page tab':
            found.append(acc)
        return bool(found)
    walk(app, visit)
    return bool(found)


def describe(app):
    """The app's windows as the test sees them, then as the app tells after
    the client's cache is dropped: says whether a failed wait was the app's
    tree or a stale copy of it."""
    lines = []
    for i in range(app.childCount):
        try:
            window = app.getChildAtIndex(i)
            seen = (window.name, window.getRoleName(), window.childCount, has_focusable(window))
            window.clearCache()
            lines.append('window %d: %r %s, %d children, focusable %s; without the cache %d children, focusable %s'
                         % ((i,) + seen + (window.childCount, has_focusable(window))))
        except Exception as e:
            # A window closed meanwhile: say so rather than end the test here.
            lines.append('window %d: %r' % (i, e))
    return lines


def launch(area):
    """Starts the app on an area and waits until it is on the bus. An app
    that exits before it appears did not get as far as Klynge's code (a
    loaded X server once refused a connection: "cannot open display"): it is
    started again, at most three times, and the test says so."""
    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env['GTK_A11Y'] = 'atspi'
    for attempt in range(3):
        process = subprocess.Popen([APP, '--demo', '--area', area], env=env)
        app = wait_for(lambda: process.poll() is not None or find_app(process.pid))
        if app is True:
            print('# the app exited with %d before it appeared; starting it again' % process.returncode)
            continue
        return process, app
    return process, None


def run(area, button=None):
    process, app = launch(area)
    try:
        if app is None or not wait_for(lambda: settled(app)):
            return None, 'the app did not appear on the accessibility bus'
        windows_before = app.childCount
        if button is not None:
            for step, name in enumerate(button if isinstance(button, tuple) else (button,)):
                # A menu's item exists before its popover shows it, and
                # pressed then it does nothing: wait until it is on screen.
                target = wait_for(lambda: shown(find_named(app, name)) if step else find_named(app, name))
                if target is None:
                    return None, 'no button named %r' % name
                target.queryAction().doAction(0)
            if not wait_for(lambda: app.childCount > windows_before):
                return None, '%r opened no window' % (button,)
            root = app.getChildAtIndex(app.childCount - 1)
            if not wait_for(lambda: has_focusable(root)):
                return None, '\n'.join(['%r opened a window without controls' % (button,)] + describe(app))
        else:
            root = app
        return unnamed_controls(root), None
    finally:
        process.terminate()
        process.wait(timeout=10)


def find_chart(root):
    """The chart: an image that takes the focus, its caption its description."""
    found = []

    def visit(acc):
        if acc.getRoleName() == 'image' and acc.getState().contains(pyatspi.STATE_FOCUSABLE) and acc.description:
            found.append(acc)
        return bool(found)
    walk(root, visit)
    return found[0] if found else None


def texts(acc):
    out = []

    def visit(a):
        if a.getRoleName() == 'label' and a.name:
            out.append(a.name)
    walk(acc, visit)
    return out


def table_rows(root, name):
    rows = []
    tables = []

    def visit(acc):
        if acc.name == name:
            tables.append(acc)
        return bool(tables)
    walk(root, visit)

    def visit_row(acc):
        if acc.getRoleName() == 'table row':
            rows.append(acc)
    if tables:
        walk(tables[0], visit_row)
    return rows


def table_numbers(root, name):
    """Each clinic's numerator and denominator as the table lists them."""
    listed = {}
    for row in table_rows(root, name):
        cells = texts(row)
        if len(cells) >= 3 and cells[1].isdigit():
            listed[cells[0]] = (cells[1], cells[2])
    return listed


CLINIC = re.compile(r'^Clinic (\S+): .* \(([\d,.\u00a0 ]+) of ([\d,.\u00a0 ]+)\)')
KEY_RIGHT = 0xff53
KEY_TAB = 0xff09


def chart_numbers():
    """What the chart announces, clinic by clinic, and what its table lists."""
    process, app = launch('charts')
    try:
        if app is None or not wait_for(lambda: settled(app)):
            return None, None, 'the app did not appear on the accessibility bus'
        chart = wait_for(lambda: find_chart(app))
        if chart is None:
            return None, None, 'no chart'
        # Tab to it, as a keyboard does.
        for _ in range(60):
            if wait_for(lambda: chart.getState().contains(pyatspi.STATE_FOCUSED), timeout=1):
                break
            pyatspi.Registry.generateKeyboardEvent(KEY_TAB, None, pyatspi.KEY_SYM)
        else:
            return None, None, 'Tab does not reach the chart'
        announced = {}
        name = chart.name
        while True:
            pyatspi.Registry.generateKeyboardEvent(KEY_RIGHT, None, pyatspi.KEY_SYM)
            previous = name
            name = wait_for(lambda: chart.name if chart.name != previous else None, timeout=5)
            if name is None:
                break  # the last clinic: Right moves no further
            match = CLINIC.match(name)
            if match is None:
                return None, None, 'the chart announced %r' % name
            announced[match.group(1)] = (re.sub(r'\D', '', match.group(2)), re.sub(r'\D', '', match.group(3)))
        toggle = find_named(app, 'Show as Table')
        if toggle is None:
            return None, None, 'no Show as Table'
        toggle.queryAction().doAction(0)
        # The table's rows reach the accessibility tree before their
        # cells' text: wait until it lists as many clinics as were announced.
        def complete():
            found = table_numbers(app, 'The Chart’s Numbers')
            return found if len(found) >= len(announced) else None
        return announced, wait_for(complete) or table_numbers(app, 'The Chart’s Numbers'), None
    finally:
        process.terminate()
        process.wait(timeout=10)


try:
    announced, listed, error = chart_numbers()
except Exception as e:
    announced, listed, error = None, None, repr(e)
if error is not None:
    ok(False, 'charts: the arrow keys announce every clinic', [error])
else:
    ok(len(announced) >= 2, 'charts: the arrow keys announce every clinic (%d)' % len(announced))
    ok(announced == listed, 'charts: the announced numbers are the table\'s',
       ['announced %s' % sorted(announced.items()), 'listed %s' % sorted(listed.items())])

for area, buttons in AREAS:
    for button in [None] + buttons:
        where = area if button is None else '%s: %s' % (area, ' > '.join(button) if isinstance(button, tuple) else button)
        bad, error = run(area, button)
        if error is not None:
            ok(False, where + ' could be walked', error.split('\n'))
        else:
            ok(not bad, '%s: every focusable control has a name' % where, bad[:40])

print('1..%d' % n)
sys.exit(1 if failed else 0)
