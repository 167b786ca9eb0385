"""The package list and where ``resources/`` goes (pyproject.toml holds the rest).

``resources/`` stays at the top of the source tree (fonts, icons and translations are not
code) and is installed as ``tipdesk/resources`` inside the package, so a wheel is whole:
``tipdesk.paths.resource_path`` finds it in either place.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["tipdesk", "tipdesk.*"]), "tipdesk.resources"],
    package_dir={"tipdesk.resources": "resources"},
    package_data={
        "tipdesk.resources": [
            "README.md",
            "fonts/*.ttf",
            "fonts/README.md",
            "fonts/licences/*",
            "icons/*",
            "i18n/*.ts",
            "i18n/*.qm",
        ]
    },
)
