"""The investment catalogue: department spreadsheets → validated projects → pages and open data."""
