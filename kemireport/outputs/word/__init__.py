"""The board's Word report, in parts: the document frame, its content, and its accessibility."""
