"""From a report's text to candidate rows: numbers (facts), claims (findings), and the files that onboard a report."""
