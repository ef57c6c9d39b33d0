"""The compiled Chinese translation (zh_CN.qm), shipped inside the package so an installed
wheel or a frozen bundle finds it with importlib.resources. Built from
resources/translations/ by its build.py."""
