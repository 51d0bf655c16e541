"""The strategy definition: a human-editable YAML file, validated on load.

The file is data, not code: a new strategy (Kemi 2026–2029, another municipality's) is a new
file. Loading collects *every* problem with its line in the file before failing, because the
person fixing the file edits it by hand and wants the whole list at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kemireport.core.names import shown_path
from kemireport.errors import StrategyError

DEFAULT_STRATEGY_FILE = "kemi-2022-2025.yaml"
SCHEMA_VERSION = 1

_ID_PATTERN = re.compile(r"^[A-ZÅÄÖ]{1,5}-[A-ZÅÄÖ]{1,5}-\d{2,3}$")
_CODE_PATTERN = re.compile(r"^[A-ZÅÄÖ]{1,5}$")
_COLOR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class StatusLevel:
    name: str
    color: str
    description: str


@dataclass(frozen=True)
class Department:
    code: str
    name: str
    seed_name: str


@dataclass(frozen=True)
class Objective:
    code: str
    text: str


@dataclass(frozen=True)
class Goal:
    code: str
    name: str
    aliases: tuple[str, ...]
    description: tuple[str, ...]
    objectives: tuple[Objective, ...]


@dataclass(frozen=True)
class Value:
    name: str
    text: tuple[str, ...]


@dataclass(frozen=True)
class Action:
    """One action row: the unit that gets a status each half-year."""

    id: str
    goal: str
    department: str
    objectives: tuple[str, ...]
    toimenpiteet: str
    vastuu: str
    mittarit: str
    sdg: tuple[int, ...]
    seed_tavoite: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Strategy:
    id: str
    name: str
    organisation: str
    approved: str
    period_start: int
    period_end: int
    vision: str
    mission: tuple[str, ...]
    values: tuple[Value, ...]
    status_scale: tuple[StatusLevel, ...]
    sdg: dict[int, str]
    departments: tuple[Department, ...]
    goals: tuple[Goal, ...]
    actions: tuple[Action, ...]
    reconstruction_notes: str = ""
    source: str = ""
    _objectives: dict[str, Objective] = field(default_factory=dict, repr=False, compare=False)
    _fingerprints: dict[str | None, str] = field(default_factory=dict, repr=False,
                                                 compare=False)

    def __post_init__(self) -> None:
        self._objectives.update({o.code: o for g in self.goals for o in g.objectives})

    # -- look-ups -----------------------------------------------------------------------------

    def goal(self, code: str) -> Goal:
        return next(g for g in self.goals if g.code == code)

    def department(self, code: str) -> Department:
        return next(d for d in self.departments if d.code == code)

    def objective(self, code: str) -> Objective:
        return self._objectives[code]

    def goal_by_name(self, name: str) -> Goal | None:
        """A goal by its name or an alias, ignoring case and surrounding space."""
        wanted = " ".join(str(name).split()).casefold()
        for goal in self.goals:
            if wanted in {n.casefold() for n in (goal.name, *goal.aliases)}:
                return goal
        return None

    def actions_for(self, department: str, goal: str | None = None) -> list[Action]:
        return [
            a
            for a in self.actions
            if a.department == department and (goal is None or a.goal == goal)
        ]

    def strategy_sdg(self, action: Action) -> tuple[int, ...]:
        """The SDG goals the strategy itself gives an action row."""
        return action.sdg

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    @property
    def status_names(self) -> tuple[str, ...]:
        return tuple(level.name for level in self.status_scale)

    def status_level(self, name: str) -> StatusLevel | None:
        return next((s for s in self.status_scale if s.name == name), None)

    def tavoite(self, action: Action) -> str:
        """The Tavoite cell text of an action row: its objectives' canonical texts."""
        return "\n".join(self.objective(code).text for code in action.objectives)

    def strategy_texts(self, action: Action) -> dict[str, str]:
        """The locked strategy columns of an action row, by header name."""
        return {
            "Tavoite": self.tavoite(action),
            "Toimenpiteet": action.toimenpiteet,
            "Vastuu ja aikataulu": action.vastuu,
            "Mittarit, arviointi": action.mittarit,
        }

    def fingerprint(self, department: str | None = None) -> str:
        """A short hash of the strategy text a department reports on (all, if None).

        A template carries it so that validation can tell when the strategy file was edited
        after the templates were sent.
        """
        cached = self._fingerprints.get(department)
        if cached is not None:  # validation asks once per returned workbook
            return cached
        actions = self.actions if department is None else self.actions_for(department)
        payload = [
            [a.id, a.goal, a.department, self.strategy_texts(a)] for a in actions
        ]
        data = json.dumps([self.id, payload], ensure_ascii=False, sort_keys=True)
        self._fingerprints[department] = hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]
        return self._fingerprints[department]


# -- loading ----------------------------------------------------------------------------------


def default_strategy_path() -> Path:
    return Path(str(resources.files("kemireport.strategy") / DEFAULT_STRATEGY_FILE))


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
    try:
        node, data = _parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"rivi {mark.line + 1}, sarake {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise StrategyError(shown, [
            f"{where}YAML-muoto on rikki: tarkista sulut, lainausmerkit, kaksoispisteet ja "
            f"sisennykset tämän kohdan ympäriltä (jäsentimen tekninen kuvaus: {problem})"
        ]) from None
    checker = _Checker(node)
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


def _parse_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers in messages) and the data, from one parse.

    libyaml's loader, where PyYAML was built with it, is ten times faster than the pure-Python
    one: loading the strategy is on the path of every command.
    """
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


class _Checker:
    """Walks the parsed YAML, collecting problems as 'rivi N, avain.polku: mitä odotettiin'."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.root = root
        self.problems: list[str] = []

    def _line(self, path: tuple[Any, ...]) -> int | None:
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
                     "departments", "goals", "actions", "reconstruction_notes"},
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
            reconstruction_notes=self.text(top, "reconstruction_notes", (), required=False),
            source=source,
        )

    def _status_scale(self, top: dict[str, Any]) -> tuple[StatusLevel, ...]:
        levels: list[StatusLevel] = []
        for _, item, path in self.items(top, "status_scale", ()):
            entry = self.mapping(item, path, {"name", "color", "description"}, {"name", "color"})
            if not entry:
                continue
            level = StatusLevel(self.text(entry, "name", path), self.text(entry, "color", path),
                                self.text(entry, "description", path, required=False))
            if level.color and not _COLOR_PATTERN.match(level.color):
                self.problem((*path, "color"), f"väri '{level.color}' ei ole muotoa #RRGGBB")
            if any(existing.name.casefold() == level.name.casefold() for existing in levels):
                self.problem((*path, "name"), f"tila '{level.name}' on asteikossa kahdesti")
            levels.append(level)
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
            numbers = entry.get("sdg") or []
            if not isinstance(numbers, list) or not all(
                isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 17 for n in numbers
            ):
                self.problem((*path, "sdg"), "odotettiin luetteloa SDG-numeroita 1–17")
                numbers = []
            actions.append(Action(
                id=action_id, goal=goal, department=dept, objectives=objectives,
                toimenpiteet=self.text(entry, "toimenpiteet", path, required=False),
                vastuu=self.text(entry, "vastuu", path, required=False),
                mittarit=self.text(entry, "mittarit", path, required=False),
                sdg=tuple(sorted(set(numbers))),
                seed_tavoite=self.text(entry, "seed_tavoite", path, required=False),
                notes=self.text(entry, "notes", path, required=False),
            ))
        for department in departments:
            if not any(a.department == department.code for a in actions):
                self.problem(("departments",), f"toimialalla {department.code} ei ole yhtään "
                             "toimenpidettä")
        return tuple(actions)
