pytest_plugins = ["doingoai.testing"]
