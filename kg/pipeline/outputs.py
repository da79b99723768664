"""The outputs of one build as one unit: all of them, or none, replace the
previous build's.

A build writes its outputs (graph.trig, report.json, documents.sqlite,
graph.html, graph.ttl, the graph's stamp) into a fresh folder of its own,
``OUT/.kg-builds/<id>/``, and then switches one pointer, the symbolic link
``OUT/.kg-current``, to it with a single rename. The names readers open,
``OUT/graph.trig`` and the others, are fixed links through that pointer
(``graph.trig -> .kg-current/graph.trig``): whenever a build is stopped
(kill -9, Ctrl-C, a full disk), every name shows the previous build or every
name shows the new one, never an old report beside a new graph. Each file is
synced before the switch, and the folder after it.

A folder written by an earlier version (plain files) is taken over as it
is: its files are hard-linked into a unit of their own and each name turned
into a link to the same file, so a reader sees the same bytes throughout.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable, Optional

from kg.rdf.trig import current_umask, fsync_dir

BUILDS_DIR = ".kg-builds"
CURRENT = ".kg-current"
POINTER_PREFIX = f"{CURRENT}."         # a pointer being made (a build killed then leaves it)


def new_unit(out_dir: Path) -> Path:
    """A fresh folder for a build's outputs, unseen by readers until ``commit``."""
    builds = Path(out_dir) / BUILDS_DIR
    builds.mkdir(parents=True, exist_ok=True)
    unit = Path(tempfile.mkdtemp(prefix="build-", dir=builds))
    os.chmod(unit, 0o777 & ~current_umask())      # mkdtemp makes it 0700; outputs are ordinary files
    return unit


def current_unit(out_dir: Path) -> Optional[Path]:
    """The unit the pointer names, or None (no build yet, or an older layout)."""
    try:
        target = os.readlink(Path(out_dir) / CURRENT)
    except OSError:
        return None
    return Path(out_dir) / target


def commit(out_dir: Path, unit: Path, names: Iterable[str], every_name: Iterable[str]) -> None:
    """Make ``unit`` the build readers see: the files ``names`` of it under
    the same names in ``out_dir``; a name of ``every_name`` this build did not
    write (graph.ttl without --turtle) is taken away after the switch. The
    previous unit is removed."""
    out_dir = Path(out_dir)
    names = list(names)
    _adopt_plain_files(out_dir, every_name)
    previous = current_unit(out_dir)
    fsync_dir(unit)
    fsync_dir(out_dir / BUILDS_DIR)
    for name in names:
        _link(out_dir / name, f"{CURRENT}/{name}")     # dangling until the first switch: "no build yet"
    _point(out_dir, unit)
    for name in set(every_name) - set(names):
        if (out_dir / name).is_symlink():
            (out_dir / name).unlink()
    if previous is not None and previous.resolve() != unit.resolve():
        shutil.rmtree(previous, ignore_errors=True)


def _point(out_dir: Path, unit: Path) -> None:
    """Switch the pointer to ``unit``: one rename, then the folder synced."""
    current = out_dir / CURRENT
    if current.is_dir() and not current.is_symlink():
        # a copy of the folder that followed the pointer (shutil.copytree, cp -L)
        # made it a folder: kept as a unit, so that the rename below can replace it
        os.replace(current, tempfile.mkdtemp(prefix="copied-", dir=out_dir / BUILDS_DIR))
    fd, temporary = tempfile.mkstemp(prefix=POINTER_PREFIX, dir=out_dir)
    os.close(fd)
    os.unlink(temporary)
    os.symlink(f"{BUILDS_DIR}/{unit.name}", temporary)
    os.replace(temporary, out_dir / CURRENT)
    fsync_dir(out_dir)


def _link(path: Path, target: str) -> None:
    """``path`` as a link to ``target``, replaced in one rename unless it is one already."""
    if path.is_symlink() and os.readlink(path) == target:
        return
    temporary = path.with_name(f"{POINTER_PREFIX}{path.name}")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(target, temporary)
    os.replace(temporary, path)


def _adopt_plain_files(out_dir: Path, every_name: Iterable[str]) -> None:
    """Take over the outputs an earlier version wrote as plain files: the
    same files (hard links, else copies) in a unit of their own, the pointer
    on it, then each name a link to its own file."""
    plain = [name for name in every_name if (out_dir / name).is_file() and not (out_dir / name).is_symlink()]
    if not plain:
        return
    unit = current_unit(out_dir) or new_unit(out_dir)
    for name in plain:
        if not (unit / name).exists():
            try:
                os.link(out_dir / name, unit / name)
            except OSError:
                shutil.copy2(out_dir / name, unit / name)
    fsync_dir(unit)
    if current_unit(out_dir) is None:
        _point(out_dir, unit)
    for name in plain:
        _link(out_dir / name, f"{CURRENT}/{name}")
    fsync_dir(out_dir)


def remove_stale_units(out_dir: Path) -> None:
    """The units of builds that never switched (killed, failed), and
    half-made pointers; never the current unit."""
    out_dir = Path(out_dir)
    keep = current_unit(out_dir)
    builds = out_dir / BUILDS_DIR
    if builds.is_dir():
        for unit in builds.iterdir():
            if keep is None or unit.resolve() != keep.resolve():
                shutil.rmtree(unit, ignore_errors=True)
    for path in out_dir.glob(f"{POINTER_PREFIX}*"):
        path.unlink(missing_ok=True)
