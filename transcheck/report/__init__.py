"""Layer 8, output: text, machine formats (JSON, SARIF, JUnit, GitHub, GitLab), the HTML report and dashboard."""
