"""Completion that forgives, tested through the real shells: the script sco generates for
bash, zsh and fish is loaded in that shell, which then asks the installed sco."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TINY

BIN = str(Path(sys.executable).parent)
SCRIPTS = {
    "bash": 'source <(_SCO_COMPLETE=source_bash sco); COMP_WORDS=({words}); '
            'COMP_CWORD={cword}; _sco_completion sco; printf "%s\\n" "${{COMPREPLY[@]}}"',
    # zsh's completion system needs a line editor; its two entry points are stood in for,
    # and what sco hands them is printed.
    "zsh": 'compdef() {{ :; }}; _arguments() {{ print -r -- "$@"; }}; '
           'source <(_SCO_COMPLETE=source_zsh sco); words=({words}); CURRENT={current}; '
           '_sco_completion',
    "fish": '_SCO_COMPLETE=source_fish sco | source; complete --do-complete "{line}"',
}


def complete(shell: str, line: str) -> list[str]:
    if shutil.which(shell) is None or shutil.which("sco", path=BIN) is None:
        pytest.skip(f"{shell} or the installed sco is not available")
    words = line.split()
    if line.endswith(" "):
        words.append("''")
    script = SCRIPTS[shell].format(words=" ".join(words), cword=len(words) - 1,
                                   current=len(words), line=line)
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", ""),
           "SCO_DATA": str(TINY)}
    result = subprocess.run([shell, "-c", script], capture_output=True, text=True, env=env,
                            timeout=30)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    if shell == "zsh":  # _arguments '*: :(("India" "IND"))'
        out = out.split(":((", 1)[-1].rsplit("))", 1)[0].replace('"', "")
    return [word.split("\t")[0] for word in out.split() if word]


SHELLS = ["bash", "zsh", "fish"]


@pytest.mark.parametrize("shell", SHELLS)
def test_country_names_forgive_case_and_accents(shell: str) -> None:
    assert set(complete(shell, "sco country ru")) == {"Russia", "RUS"}
    # fish filters the candidates again by its own rules, which do not fold accents
    expected = {"Turkey"} if shell == "fish" else {"Türkiye", "Turkey"}
    assert set(complete(shell, "sco country turk")) == expected
    expected = {"Türkiye"} if shell == "fish" else {"Türkiye", "TUR", "Turkey"}
    assert set(complete(shell, "sco country tür")) == expected
    assert set(complete(shell, "sco country ch")) == {"China", "CHN"}


@pytest.mark.parametrize("shell", SHELLS)
def test_names_with_spaces_complete_as_one_word_that_sco_reads(shell: str) -> None:
    found = complete(shell, "sco people recep")
    assert found == ["Recep-Tayyip-Erdoğan"]
    result = subprocess.run([os.path.join(BIN, "sco"), "people", found[0], "--json"],
                            capture_output=True, text=True,
                            env={**os.environ, "SCO_DATA": str(TINY)}, timeout=30)
    assert result.returncode == 0 and '"recep-tayyip-erdogan"' in result.stdout


@pytest.mark.parametrize("shell", SHELLS)
def test_fields_ids_and_years(shell: str) -> None:
    assert complete(shell, "sco summits --fields ci") == ["city"]
    assert complete(shell, "sco summits --fields id,ci") == ["id,city"]
    assert complete(shell, "sco sources be") == ["beta-2019"]
    assert complete(shell, "sco summits 202") == ["2020", "2025"]
    assert complete(shell, "sco summits --council government 202") == ["2025"]
