def pytest_configure(config):
    config.addinivalue_line(
        "markers", "deploy: runs deploy/ (Caddy in front of gunicorn) in processes of its own"
    )
