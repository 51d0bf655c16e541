"""Stage 1, the strategy definition: a human-editable YAML file, validated on load."""

from kemireport.strategy.loader import DEFAULT_STRATEGY_FILE, default_strategy_path, load_strategy
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

__all__ = [
    "DEFAULT_STRATEGY_FILE", "Action", "Department", "Goal", "Indicator", "Objective", "Point",
    "SdgTable", "StatusLevel", "Strategy", "Value", "default_strategy_path", "load_strategy",
]
