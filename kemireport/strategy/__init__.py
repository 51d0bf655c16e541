"""Stage 1, the strategy definition: a human-editable YAML file, validated on load."""

from kemireport.strategy.loader import (
    DEFAULT_STRATEGY_FILE,
    Action,
    Department,
    Goal,
    Objective,
    SdgTable,
    StatusLevel,
    Strategy,
    Value,
    default_strategy_path,
    load_strategy,
)

__all__ = [
    "DEFAULT_STRATEGY_FILE", "Action", "Department", "Goal", "Objective", "SdgTable",
    "StatusLevel", "Strategy", "Value", "default_strategy_path", "load_strategy",
]
