import sys


def describe():
    return f"tool in {__name__}"


if __name__ == "__main__":
    print("tool as main", __package__, __spec__.name, sys.argv[1:])
    print(sys.argv[0].endswith("tool.py"), describe())
