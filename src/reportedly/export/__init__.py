"""Exports of the ledger to other tools' formats (brat standoff, …)."""
