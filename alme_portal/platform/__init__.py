"""The ground every domain stands on (no Reflex here).

Settings, the clock, the database, events, the e-mail outbox, the calendar, money and the shared
vocabulary.
"""
