"""Reads Front Desk's screens as a screen reader does, through the AT-SPI bus.

Usage: atspi-listing.py ATSPI-SCREENS LISTING

Starts ATSPI-SCREENS (tests/atspi-screens.c) with GTK's AT-SPI bridge on, and for each
screen it announces lists the role, name and description of every object on it that can
take the focus, into LISTING. Fails when one of them has no name of its own (GTK then
gives the type name, "GtkButton") or reads a mnemonic underscore ("_Save Save").
"""

import os
import re
import subprocess
import sys
import time

import pyatspi

APPEAR_TIMEOUT = 60.0
TYPE_NAME = re.compile(r'^(Gtk|Adw|Desk)[A-Z]\w*$')
MNEMONIC = re.compile(r'(^|\s)_[^\s_]')
# What sits inside these, when they take the focus themselves, speaks through them: a
# button's label, a combo row's display of its choice.
SPEAKS_FOR_CHILDREN = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_COMBO_BOX}
# GTK 4.8 gives a scrolled window no name on purpose, as a plain container: a screen
# reader reads what it holds. Anything else that takes the focus needs a name.
NAMELESS_CONTAINERS = {'scroll pane'}


def find_app(child):
    """The application object of @child, polled for until it joins the bus."""
    desktop = pyatspi.Registry.getDesktop(0)
    deadline = time.monotonic() + APPEAR_TIMEOUT
    while time.monotonic() < deadline and child.poll() is None:
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == child.pid:
                    return app
            except Exception:
                pass
        time.sleep(0.1)
    if child.poll() is not None:
        raise SystemExit(f'Bail out! atspi-screens ended with status {child.returncode}')
    raise SystemExit(f'Bail out! the application did not appear on the AT-SPI bus within {APPEAR_TIMEOUT:.0f} s')


def walk(node, found):
    try:
        states = node.getState()
        role = node.getRole()
        # GTK 4.8 marks only windows as showing, and keeps the pages of a stack that are not
        # in view as visible: the whole tree is read, as a screen reader's review would.
        if not states.contains(pyatspi.STATE_VISIBLE):
            return
        if states.contains(pyatspi.STATE_FOCUSABLE):
            found.append((node.getRoleName(), node.name or '', node.description or ''))
        if role in SPEAKS_FOR_CHILDREN and states.contains(pyatspi.STATE_FOCUSABLE):
            return
        children = [node.getChildAtIndex(i) for i in range(node.childCount)]
    except Exception as error:  # an object that went away while being read
        found.append(('(gone)', '', str(error)))
        return
    for child in children:
        if child is not None:
            walk(child, found)


def problem_of(role, name):
    if role == '(gone)':
        return None
    if not name.strip() and role in NAMELESS_CONTAINERS:
        return None
    if not name.strip() or TYPE_NAME.match(name):
        return 'no name'
    if MNEMONIC.search(name):
        return 'reads the mnemonic underscore'
    return None


def read_screen(app, screen, listing):
    found = []
    windows = [app.getChildAtIndex(i) for i in range(app.childCount)]
    for window in windows:
        if window is not None:
            walk(window, found)
    problems = []
    listing.append(f'== {screen}: {len(found)} focusable objects')
    for role, name, description in found:
        problem = problem_of(role, name)
        line = f'{role}\t{name}' + (f'\t({description})' if description else '')
        if problem:
            line += f'\t<-- {problem}'
            problems.append(f'{screen}: {role} "{name}": {problem}')
        listing.append(line)
    return len(found), problems


def main():
    binary, listing_path = sys.argv[1], sys.argv[2]
    env = dict(os.environ)
    # The test environment turns accessibility off; this run is about it.
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)
    # It keeps the session bus, unlike the other UI tests: GTK 4.8 builds its AT-SPI object
    # paths from the application's own D-Bus path, and fails without one.
    child = subprocess.Popen([binary], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             env=env, text=True)
    listing, problems, total, screens = [], [], 0, 0
    try:
        app = None
        for line in child.stdout:
            screen = line.strip().removeprefix('screen ')
            if screen == 'done':
                break
            if app is None:
                app = find_app(child)
            count, found = read_screen(app, screen, listing)
            total += count
            screens += 1
            problems += found
            child.stdin.write('next\n')
            child.stdin.flush()
    finally:
        child.stdin.close()
        status = child.wait(timeout=60)

    with open(listing_path, 'w', encoding='utf-8') as out:
        out.write('\n'.join(listing) + '\n')
    print('\n'.join(listing))
    print(f'# {screens} screens, {total} focusable objects, {len(problems)} without a usable name; '
          f'listing in {listing_path}')
    for problem in problems:
        print(f'# {problem}')
    if status != 0:
        print(f'# atspi-screens ended with status {status}')
    if screens < 6:
        print('# not every screen was shown')
    return 0 if status == 0 and screens == 6 and not problems else 1


if __name__ == '__main__':
    sys.exit(main())
