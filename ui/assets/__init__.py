"""Files the app reads at run time (the program icon), shipped inside the package so a
wheel or a frozen bundle finds them with importlib.resources."""
