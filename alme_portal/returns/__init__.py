"""Returns and exchanges: the wizard's options, declaration, labels, status, withdrawals."""
