"""Refer a friend: the member's link, the friend's code and the reward (F1-F5)."""
