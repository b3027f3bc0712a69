"""Benchmark harness: server control, a raw Socket.IO load client, load runners, page loads.

Method and floor figures: shared/reference/performance-floor.md (§3 wire protocol, §4 method).
"""
