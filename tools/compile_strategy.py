"""Compile the built-in strategy's YAML into ``kemireport/strategy/builtin_data.py``.

Run from the repository root after editing ``kemi-2022-2025.yaml``:
``python tools/compile_strategy.py``. (Until then the loader parses the edited YAML itself;
``tests/test_strategy.py`` fails to remind you.)
"""

from __future__ import annotations

from kemireport.strategy.loader import compiled_source, default_strategy_path

if __name__ == "__main__":
    yaml_file = default_strategy_path()
    target = yaml_file.with_name("builtin_data.py")
    source = compiled_source(yaml_file.read_text(encoding="utf-8"))
    if target.exists() and target.read_text(encoding="utf-8") == source:
        print("builtin_data.py oli jo ajan tasalla.")
    else:
        target.write_text(source, encoding="utf-8", newline="\n")
        print("builtin_data.py päivitetty.")
