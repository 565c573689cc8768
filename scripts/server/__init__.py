"""The web server configuration generated with each release: the Content-Security-Policy's hashes
(csp.py), the header and cache rules (headers.py), and the files that carry them: an nginx site file
and a `_headers` file (files.py)."""
