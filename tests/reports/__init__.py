"""Tests of the reports: dashboard figures, signals report."""
