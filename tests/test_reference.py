"""The JSON contract in README.md and the format tables in data/README.md are written from the
declarations (sco_cli/reference.py); this test fails when either document drifts. To rewrite
them after a change to the model or the registry:

    python tests/test_reference.py --update
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from sco_cli import reference

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = {
    ROOT / "README.md": ("contract", reference.contract_section),
    ROOT / "data" / "README.md": ("format", reference.format_section),
}


def region(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- {name}: [^\n]*-->\n)(.*?)(<!-- {name}:end -->)", re.S)


def rewritten(path: Path) -> str:
    name, make = SECTIONS[path]
    text = path.read_text(encoding="utf-8")
    assert region(name).search(text), f"{path.name} has no <!-- {name}: --> region"
    return region(name).sub(lambda m: m.group(1) + make() + m.group(3), text)


@pytest.mark.parametrize("path", sorted(SECTIONS), ids=lambda p: str(p.relative_to(ROOT)))
def test_generated_reference_is_current(path: Path) -> None:
    assert path.read_text(encoding="utf-8") == rewritten(path), (
        f"{path.name} is out of date: run python tests/test_reference.py --update")


def test_every_json_key_is_documented() -> None:
    from sco_cli import contract, kinds

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    bullets = re.split(r"\n(?=- \*\*)", text)
    for name, kind in kinds.VIEWS.items():
        line = next(b for b in bullets if b.startswith(f"- **{name}**"))
        for key in contract.fields(kind):
            assert f"`{key}`" in line, f"{name}.{key} missing from the JSON contract"


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    for target in SECTIONS:
        target.write_text(rewritten(target), encoding="utf-8")
        print(f"updated {target.relative_to(ROOT)}")
