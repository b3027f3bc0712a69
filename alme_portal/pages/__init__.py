"""Pages: functions that lay out components, registered by the app module."""
