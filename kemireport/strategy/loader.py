"""Loading the strategy definition: a human-editable YAML file, validated on load.

The file is data, not code: a new strategy (Kemi 2026–2029, another municipality's) is a new
file. Loading collects *every* problem with its line in the file before failing, because the
person fixing the file edits it by hand and wants the whole list at once. What the file holds
is described in ``model``.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kemireport.core.names import shown_path
from kemireport.errors import StrategyError
from kemireport.strategy.model import (
    Action,
    Department,
    Goal,
    Indicator,
    Objective,
    Point,
    SdgTable,
    StatusLevel,
    Strategy,
    Value,
)

if TYPE_CHECKING:
    import yaml

DEFAULT_STRATEGY_FILE = "kemi-2022-2025.yaml"
SCHEMA_VERSION = 1

_ID_PATTERN = re.compile(r"^[A-ZÅÄÖ]{1,5}-[A-ZÅÄÖ]{1,5}-\d{2,3}$")
_CODE_PATTERN = re.compile(r"^[A-ZÅÄÖ]{1,5}$")
_COLOR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")
_INDICATOR_ID = re.compile(r"^[A-ZÅÄÖ0-9]+(?:-[A-ZÅÄÖ0-9]+)*$")


# -- loading ----------------------------------------------------------------------------------


def default_strategy_path() -> Path:
    # Beside this module, as pip installs package data (importlib.resources costs ~6 ms of
    # start-up, and its answer was turned into a path all the same).
    return Path(__file__).with_name(DEFAULT_STRATEGY_FILE)


def load_strategy(path: str | Path | None = None) -> Strategy:
    """Load and validate a strategy file; raise ``StrategyError`` listing every problem."""
    file = Path(path) if path is not None else default_strategy_path()
    shown = shown_path(file)
    try:
        text = _read_limited(file, shown).decode("utf-8")
    except FileNotFoundError:
        raise StrategyError(shown, ["tiedostoa ei löydy"]) from None
    except IsADirectoryError:
        raise StrategyError(shown, ["tämä on kansio; anna strategian YAML-tiedosto"]) from None
    except UnicodeDecodeError as exc:
        raise StrategyError(
            shown, [f"tiedosto ei ole UTF-8-tekstiä (tavu {exc.start}); tallenna se UTF-8-muodossa"]
        ) from None
    except OSError as exc:
        raise StrategyError(shown, [f"tiedostoa ei voi lukea: {exc.strerror}"]) from None
    node, data = _parse(text, file, shown)
    checker = _Checker(node)
    strategy = checker.build(data, source=shown)
    if (checker.problems or strategy is None) and node is None:
        # The compiled data has no line numbers for the messages: the YAML has them.
        checker = _Checker(_parse_yaml(text, shown)[0])
        strategy = checker.build(data, source=shown)
    if checker.problems or strategy is None:
        raise StrategyError(shown, checker.problems)
    return strategy


MAX_STRATEGY_BYTES = 5 * 2**20  # the Kemi strategy is ~64 kB of text


def _read_limited(file: Path, shown: str) -> bytes:
    """A regular file's bytes, at most ``MAX_STRATEGY_BYTES``: never a pipe, a device or a
    gigabyte of anything (``--strategy /dev/zero`` must not fill the memory)."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(file, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(file)
        if not stat.S_ISREG(info.st_mode):
            raise StrategyError(shown, [
                "tämä ei ole tavallinen tiedosto (vaan esim. laite tai putki); anna strategian "
                "YAML-tiedosto"])
        data = handle.read(MAX_STRATEGY_BYTES + 1)
    if len(data) > MAX_STRATEGY_BYTES:
        raise StrategyError(shown, [
            f"tiedosto on liian suuri (yli {MAX_STRATEGY_BYTES // 2**20} Mt); strategian "
            "määrittely on tekstiä, tavallisesti alle 100 kt. Tarkista, että annoit oikean "
            "tiedoston"])
    return data


def _parse(text: str, file: Path, shown: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (None when the data comes compiled) and the data of a strategy file.

    The built-in strategy's data comes from ``builtin_data``, compiled from its YAML when it
    was written (``tools/compile_strategy.py``): importing PyYAML and parsing 60 kB of YAML
    is ~15 ms on the path of every command. Only while the file is the very text it was
    compiled from (its SHA-256); an edited file is parsed as any other.
    """
    if file == default_strategy_path():
        from kemireport.strategy import builtin_data

        if _digest(text) == builtin_data.SOURCE_SHA256:
            return None, builtin_data.DATA
    return _parse_yaml(text, shown)


def _parse_yaml(text: str, shown: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers in messages) and the data, from one parse.

    libyaml's loader, where PyYAML was built with it, is ten times faster than the pure-Python
    one: loading the strategy is on the path of every command.
    """
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"rivi {mark.line + 1}, sarake {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise StrategyError(shown, [
            f"{where}YAML-muoto on rikki: tarkista sulut, lainausmerkit, kaksoispisteet ja "
            f"sisennykset tämän kohdan ympäriltä (jäsentimen tekninen kuvaus: {problem})"
        ]) from None
    finally:
        loader.dispose()
    return node, data


def _digest(text: str) -> str:
    """The SHA-256 of a strategy text, whatever its line endings (a Windows checkout may have
    turned them into CRLF; the YAML means the same)."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def compiled_source(text: str) -> str:
    """The source of ``builtin_data`` for the built-in strategy file's ``text``."""
    from pprint import pformat

    data = _parse_yaml(text, DEFAULT_STRATEGY_FILE)[1]
    digest = _digest(text)
    return (
        f'"""The built-in strategy ({DEFAULT_STRATEGY_FILE}) as parsed data: written by\n'
        "``tools/compile_strategy.py``, never by hand (see ``loader._parse``).\"\"\"\n\n"
        "from typing import Any\n\n"
        f'SOURCE_SHA256 = "{digest}"\n\n'
        f"DATA: Any = {pformat(data, width=99, sort_dicts=False)}\n"
    )


class _Checker:
    """Walks the parsed YAML, collecting problems as 'rivi N, avain.polku: mitä odotettiin'."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.root = root
        self.problems: list[str] = []

    def _line(self, path: tuple[Any, ...]) -> int | None:
        import yaml

        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for key in path:
            if isinstance(node, yaml.MappingNode):
                found = None
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and str(k.value) == str(key):
                        found = v
                        line = k.start_mark.line + 1
                        break
                node = found
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                node = node.value[key] if key < len(node.value) else None
                if node is not None:
                    line = node.start_mark.line + 1
            else:
                node = None
            if node is None:
                break
        return line

    def problem(self, path: tuple[Any, ...], message: str) -> None:
        dotted = ""
        for key in path:
            dotted += f"[{key}]" if isinstance(key, int) else (f".{key}" if dotted else str(key))
        line = self._line(path)
        where = f"rivi {line}, " if line else ""
        self.problems.append(f"{where}{dotted or 'tiedosto'}: {message}")

    # -- typed getters ------------------------------------------------------------------------

    def mapping(self, data: Any, path: tuple[Any, ...], allowed: set[str],
                required: set[str]) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.problem(path, "odotettiin avain–arvo-rakennetta")
            return {}
        for key in data:
            if str(key) not in allowed:
                self.problem((*path, key), f"tuntematon avain '{key}' (sallitut: "
                             f"{', '.join(sorted(allowed))})")
        for key in sorted(required - {str(k) for k in data}):
            self.problem(path, f"puuttuu pakollinen avain '{key}'")
        return data

    def text(self, data: dict[str, Any], key: str, path: tuple[Any, ...],
             required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required and key in data:
                self.problem((*path, key), "arvo puuttuu; odotettiin tekstiä")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem((*path, key), "odotettiin tekstiä")
            return ""
        text = str(value).strip()
        if required and not text:
            self.problem((*path, key), "teksti on tyhjä")
        return text

    def texts(self, data: dict[str, Any], key: str, path: tuple[Any, ...]) -> tuple[str, ...]:
        value = data.get(key, [])
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem((*path, key), "odotettiin luetteloa tekstejä")
            return ()
        return tuple(v.strip() for v in value)

    def integer(self, data: dict[str, Any], key: str, path: tuple[Any, ...]) -> int:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem((*path, key), "odotettiin kokonaislukua")
            return 0
        return value

    def items(self, data: dict[str, Any], key: str, path: tuple[Any, ...]) -> Iterator[
            tuple[int, dict[str, Any], tuple[Any, ...]]]:
        value = data.get(key)
        if not isinstance(value, list) or not value:
            if key in data:
                self.problem((*path, key), "odotettiin ei-tyhjää luetteloa")
            return
        for index, item in enumerate(value):
            yield index, item, (*path, key, index)

    # -- the document -------------------------------------------------------------------------

    def build(self, data: Any, source: str) -> Strategy | None:
        top = self.mapping(
            data, (),
            allowed={"schema_version", "id", "name", "organisation", "approved", "period_start",
                     "period_end", "vision", "mission", "values", "status_scale", "sdg",
                     "departments", "goals", "actions", "tables", "indicators",
                     "reconstruction_notes"},
            required={"schema_version", "id", "name", "organisation", "status_scale", "sdg",
                      "departments", "goals", "actions"},
        )
        if not top:
            return None
        version = top.get("schema_version")
        if version != SCHEMA_VERSION:
            self.problem(("schema_version",),
                         f"tuntematon versio {version!r}; tämä kemireport lukee versiota "
                         f"{SCHEMA_VERSION}")
        strategy_id = self.text(top, "id", ())
        if strategy_id and not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", strategy_id):
            self.problem(("id",), "tunnisteessa saa olla vain pieniä kirjaimia a–z, numeroita, "
                         "pisteitä, viivoja ja alaviivoja (esim. kemi-2022-2025)")

        values = tuple(
            Value(self.text(v, "name", p), self.texts(v, "text", p))
            for _, item, p in self.items(top, "values", ())
            for v in [self.mapping(item, p, {"name", "text"}, {"name"})]
        )
        scale = self._status_scale(top)
        sdg = self._sdg(top)
        departments = self._departments(top)
        goals = self._goals(top)
        actions = self._actions(top, departments, goals, sdg)
        tables = self._tables(top, departments, goals, actions)
        indicators = self._indicators(top, actions)

        period_start = self.integer(top, "period_start", ()) if "period_start" in top else 0
        period_end = self.integer(top, "period_end", ()) if "period_end" in top else 0
        if period_start and period_end and period_end < period_start:
            self.problem(("period_end",), "päättymisvuosi on ennen alkamisvuotta")

        return Strategy(
            id=strategy_id,
            name=self.text(top, "name", ()),
            organisation=self.text(top, "organisation", ()),
            approved=self.text(top, "approved", (), required=False),
            period_start=period_start,
            period_end=period_end,
            vision=self.text(top, "vision", (), required=False),
            mission=self.texts(top, "mission", ()),
            values=values,
            status_scale=scale,
            sdg=sdg,
            departments=departments,
            goals=goals,
            actions=actions,
            tables=tables,
            indicators=indicators,
            reconstruction_notes=self.text(top, "reconstruction_notes", (), required=False),
            source=source,
        )

    def _status_scale(self, top: dict[str, Any]) -> tuple[StatusLevel, ...]:
        levels: list[StatusLevel] = []
        flagged = {"needs_explanation": False, "completed": False}
        for _, item, path in self.items(top, "status_scale", ()):
            entry = self.mapping(item, path,
                                 {"name", "color", "description", "phrase", *flagged},
                                 {"name", "color"})
            if not entry:
                continue
            flags = {}
            for key in flagged:
                value = entry.get(key, False)
                if not isinstance(value, bool):
                    self.problem((*path, key), "odotettiin arvoa true tai false")
                    value = False
                flags[key] = value
                flagged[key] = flagged[key] or key in entry
            level = StatusLevel(self.text(entry, "name", path), self.text(entry, "color", path),
                                self.text(entry, "description", path, required=False),
                                needs_explanation=flags["needs_explanation"],
                                completed=flags["completed"],
                                phrase=self.text(entry, "phrase", path, required=False))
            if level.color and not _COLOR_PATTERN.match(level.color):
                self.problem((*path, "color"), f"väri '{level.color}' ei ole muotoa #RRGGBB")
            if any(existing.name.casefold() == level.name.casefold() for existing in levels):
                self.problem((*path, "name"), f"tila '{level.name}' on asteikossa kahdesti")
            levels.append(level)
        # A file that says nothing about explanations or completion: the first level is done,
        # the second on schedule, the rest are the deviations, as in the default scale.
        if not flagged["needs_explanation"]:
            levels = [replace(level, needs_explanation=index >= 2)
                      for index, level in enumerate(levels)]
        if not flagged["completed"]:
            levels = [replace(level, completed=index == 0) for index, level in enumerate(levels)]
        return tuple(levels)

    def _sdg(self, top: dict[str, Any]) -> dict[int, str]:
        raw = top.get("sdg")
        if not isinstance(raw, dict):
            if "sdg" in top:
                self.problem(("sdg",), "odotettiin numeroita 1–17 ja niiden nimiä")
            return {}
        sdg: dict[int, str] = {}
        for key, name in raw.items():
            if isinstance(key, bool) or not isinstance(key, int) or not 1 <= key <= 17:
                self.problem(("sdg", key), "SDG-tavoitteen numeron pitää olla 1–17")
            elif not isinstance(name, str) or not name.strip():
                self.problem(("sdg", key), "SDG-tavoitteen nimi puuttuu")
            else:
                sdg[key] = name.strip()
        missing = [n for n in range(1, 18) if n not in sdg]
        if missing and isinstance(raw, dict):
            self.problem(("sdg",), "puuttuvat SDG-tavoitteet: " + ", ".join(map(str, missing)))
        return sdg

    def _departments(self, top: dict[str, Any]) -> tuple[Department, ...]:
        result: list[Department] = []
        for _, item, path in self.items(top, "departments", ()):
            entry = self.mapping(item, path, {"code", "name", "seed_name"}, {"code", "name"})
            if not entry:
                continue
            dept = Department(self.text(entry, "code", path), self.text(entry, "name", path),
                              self.text(entry, "seed_name", path, required=False))
            if dept.code and not _CODE_PATTERN.match(dept.code):
                self.problem((*path, "code"), "toimialan koodi on 1–5 isoa kirjainta (esim. YMP)")
            if any(d.code == dept.code for d in result):
                self.problem((*path, "code"), f"toimialan koodi {dept.code} on jo käytössä")
            result.append(dept)
        return tuple(result)

    def _goals(self, top: dict[str, Any]) -> tuple[Goal, ...]:
        goals: list[Goal] = []
        seen_objectives: set[str] = set()
        for _, item, path in self.items(top, "goals", ()):
            entry = self.mapping(item, path, {"code", "name", "aliases", "description",
                                              "objectives"}, {"code", "name", "objectives"})
            if not entry:
                continue
            code = self.text(entry, "code", path)
            if code and not _CODE_PATTERN.match(code):
                self.problem((*path, "code"), "päämäärän koodi on 1–5 isoa kirjainta (esim. EK)")
            if any(g.code == code for g in goals):
                self.problem((*path, "code"), f"päämäärän koodi {code} on jo käytössä")
            objectives: list[Objective] = []
            for _, obj_item, obj_path in self.items(entry, "objectives", path):
                obj = self.mapping(obj_item, obj_path, {"code", "text"}, {"code", "text"})
                if not obj:
                    continue
                objective = Objective(self.text(obj, "code", obj_path),
                                      self.text(obj, "text", obj_path))
                if objective.code in seen_objectives:
                    self.problem((*obj_path, "code"),
                                 f"tavoitteen koodi {objective.code} on jo käytössä")
                seen_objectives.add(objective.code)
                objectives.append(objective)
            name = self.text(entry, "name", path)
            if len(name) > 31 or any(c in name for c in "[]:*?/\\"):
                self.problem((*path, "name"), "päämäärän nimi on myös Excel-välilehden nimi: "
                             "enintään 31 merkkiä, ei merkkejä [ ] : * ? / \\")
            goals.append(Goal(code, name, self.texts(entry, "aliases", path),
                              self.texts(entry, "description", path), tuple(objectives)))
        return tuple(goals)

    def _actions(self, top: dict[str, Any], departments: tuple[Department, ...],
                 goals: tuple[Goal, ...], sdg: dict[int, str]) -> tuple[Action, ...]:
        dept_codes = {d.code for d in departments}
        goal_codes = {g.code for g in goals}
        objective_goal = {o.code: g.code for g in goals for o in g.objectives}
        actions: list[Action] = []
        seen: set[str] = set()
        for _, item, path in self.items(top, "actions", ()):
            entry = self.mapping(
                item, path,
                {"id", "goal", "department", "objectives", "toimenpiteet", "vastuu", "mittarit",
                 "sdg", "seed_tavoite", "notes"},
                {"id", "goal", "department", "objectives"},
            )
            if not entry:
                continue
            action_id = self.text(entry, "id", path)
            goal = self.text(entry, "goal", path)
            dept = self.text(entry, "department", path)
            if action_id and not _ID_PATTERN.match(action_id):
                self.problem((*path, "id"), f"tunniste '{action_id}' ei ole muotoa "
                             "PÄÄMÄÄRÄ-TOIMIALA-NUMERO (esim. EK-YMP-02)")
            elif action_id and not action_id.startswith(f"{goal}-{dept}-"):
                self.problem((*path, "id"), f"tunnisteen '{action_id}' pitää alkaa "
                             f"'{goal}-{dept}-' (päämäärä ja toimiala)")
            if action_id in seen:
                self.problem((*path, "id"), f"tunniste {action_id} on jo käytössä")
            seen.add(action_id)
            if goal and goal not in goal_codes:
                self.problem((*path, "goal"), f"tuntematon päämäärä '{goal}' "
                             f"(tunnetut: {', '.join(sorted(goal_codes))})")
            if dept and dept not in dept_codes:
                self.problem((*path, "department"), f"tuntematon toimiala '{dept}' "
                             f"(tunnetut: {', '.join(sorted(dept_codes))})")
            objectives = self.texts(entry, "objectives", path)
            if not objectives and "objectives" in entry:
                self.problem((*path, "objectives"), "anna vähintään yksi tavoitteen koodi")
            for code in objectives:
                if code not in objective_goal:
                    self.problem((*path, "objectives"), f"tuntematon tavoite '{code}'")
                elif goal in goal_codes and objective_goal[code] != goal:
                    self.problem((*path, "objectives"),
                                 f"tavoite {code} kuuluu päämäärään {objective_goal[code]}, "
                                 f"ei päämäärään {goal}")
            numbers = self._sdg_numbers(entry, path)
            actions.append(Action(
                id=action_id, goal=goal, department=dept, objectives=objectives,
                toimenpiteet=self.text(entry, "toimenpiteet", path, required=False),
                vastuu=self.text(entry, "vastuu", path, required=False),
                mittarit=self.text(entry, "mittarit", path, required=False),
                sdg=numbers,
                seed_tavoite=self.text(entry, "seed_tavoite", path, required=False),
                notes=self.text(entry, "notes", path, required=False),
            ))
        for department in departments:
            if not any(a.department == department.code for a in actions):
                self.problem(("departments",), f"toimialalla {department.code} ei ole yhtään "
                             "toimenpidettä")
        return tuple(actions)

    def _sdg_numbers(self, entry: dict[str, Any], path: tuple[Any, ...]) -> tuple[int, ...]:
        numbers = entry.get("sdg") or []
        if not isinstance(numbers, list) or not all(
            isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 17 for n in numbers
        ):
            self.problem((*path, "sdg"), "odotettiin luetteloa SDG-numeroita 1–17")
            return ()
        return tuple(sorted(set(numbers)))

    def _tables(self, top: dict[str, Any], departments: tuple[Department, ...],
                goals: tuple[Goal, ...], actions: tuple[Action, ...]) -> tuple[SdgTable, ...]:
        """``tables``: SDG goals of whole department tables (optional; may be an empty list)."""
        raw = top.get("tables")
        if raw is None or raw == []:
            return ()
        if not isinstance(raw, list):
            self.problem(("tables",), "odotettiin luetteloa taulukoita (goal, department, sdg)")
            return ()
        dept_codes = {d.code for d in departments}
        goal_codes = {g.code for g in goals}
        tables: list[SdgTable] = []
        for index, item in enumerate(raw):
            path = ("tables", index)
            entry = self.mapping(item, path, {"goal", "department", "sdg", "notes"},
                                 {"goal", "department", "sdg"})
            if not entry:
                continue
            goal = self.text(entry, "goal", path)
            dept = self.text(entry, "department", path)
            known = True
            if goal and goal not in goal_codes:
                self.problem((*path, "goal"), f"tuntematon päämäärä '{goal}' "
                             f"(tunnetut: {', '.join(sorted(goal_codes))})")
                known = False
            if dept and dept not in dept_codes:
                self.problem((*path, "department"), f"tuntematon toimiala '{dept}' "
                             f"(tunnetut: {', '.join(sorted(dept_codes))})")
                known = False
            numbers = self._sdg_numbers(entry, path)
            if "sdg" in entry and entry["sdg"] in (None, []):
                self.problem((*path, "sdg"), "anna vähintään yksi SDG-numero 1–17")
            if any(t.goal == goal and t.department == dept for t in tables):
                self.problem(path, f"päämäärän {goal} ja toimialan {dept} taulukko on jo "
                             "annettu; yhdistä SDG-numerot yhteen kohtaan")
            elif known and goal and dept and not any(
                    a.goal == goal and a.department == dept for a in actions):
                self.problem(path, f"toimialalla {dept} ei ole toimenpiteitä päämäärän {goal} "
                             "alla, joten taulukon SDG-tavoitteet eivät koskisi mitään riviä")
            tables.append(SdgTable(goal, dept, numbers,
                                   self.text(entry, "notes", path, required=False)))
        return tuple(tables)

    def _indicators(self, top: dict[str, Any],
                    actions: tuple[Action, ...]) -> tuple[Indicator, ...]:
        """``indicators``: quantities that measure actions (optional)."""
        raw = top.get("indicators")
        if raw is None or raw == []:
            return ()
        if not isinstance(raw, list):
            self.problem(("indicators",), "odotettiin luetteloa mittareita (id, action, name, "
                         "unit, direction)")
            return ()
        known = {a.id for a in actions}
        found: list[Indicator] = []
        for index, item in enumerate(raw):
            path = ("indicators", index)
            entry = self.mapping(item, path, {"id", "action", "name", "unit", "direction",
                                              "baseline", "target", "notes"},
                                 {"id", "action", "name", "unit", "direction"})
            if not entry:
                continue
            indicator_id = self.text(entry, "id", path)
            if indicator_id and not _INDICATOR_ID.match(indicator_id):
                self.problem((*path, "id"), f"mittarin tunniste '{indicator_id}' saa sisältää "
                             "vain isoja kirjaimia, numeroita ja viivoja (esim. EK-YMP-07-M1)")
            if any(i.id == indicator_id for i in found):
                self.problem((*path, "id"), f"mittarin tunniste {indicator_id} on jo käytössä")
            action = self.text(entry, "action", path)
            if action and action not in known:
                self.problem((*path, "action"), f"tuntematon toimenpide '{action}'")
            direction = self.text(entry, "direction", path)
            if direction and direction not in ("up", "down"):
                self.problem((*path, "direction"), "parempi suunta on up (kasvu on hyvä) tai "
                             "down (lasku on hyvä)")
                direction = "up"
            found.append(Indicator(
                id=indicator_id, action=action, name=self.text(entry, "name", path),
                unit=self.text(entry, "unit", path),
                direction="down" if direction == "down" else "up",
                baseline=self._point(entry, "baseline", path),
                target=self._point(entry, "target", path),
                notes=self.text(entry, "notes", path, required=False),
            ))
        return tuple(found)

    def _point(self, entry: dict[str, Any], key: str, path: tuple[Any, ...]) -> Point | None:
        """A baseline or a target: ``{value: 29, year: 2021}``; None when not given."""
        if entry.get(key) is None:
            return None
        point = self.mapping(entry[key], (*path, key), {"value", "year"}, {"value", "year"})
        if not point:
            return None
        value, year = point.get("value"), point.get("year")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem((*path, key, "value"), "odotettiin lukua")
            return None
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100:
            self.problem((*path, key, "year"), "odotettiin vuotta, esim. 2021")
            return None
        return Point(float(value), year)
