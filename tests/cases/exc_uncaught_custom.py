class ConfigError(Exception):
    def __init__(self, key, reason):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason
    def __str__(self):
        return f"bad config key {self.key!r}: {self.reason}"

def load(cfg):
    for k, v in cfg.items():
        if v is None:
            raise ConfigError(k, "value is None")
        print("loaded", k, v)

load({"a": 1, "b": None, "c": 3})
