"""Test utilities shared by the end-to-end sync tests: a real server process, a
fault-injecting proxy, a scriptable fake HTTP server, an in-memory keyring and replicas."""
