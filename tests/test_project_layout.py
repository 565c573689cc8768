from scripts.languages import ROOT


def test_every_script_module_is_documented():
    table = (ROOT / "scripts" / "README.md").read_text("utf-8")
    modules = [p for p in (ROOT / "scripts").rglob("*.py") if p.name != "__init__.py"]
    undocumented = [str(p.relative_to(ROOT / "scripts")) for p in modules if f"`{p.relative_to(ROOT / 'scripts').as_posix()}`" not in table]
    assert undocumented == []


def test_readme_starts_with_the_two_commands():
    head = (ROOT / "README.md").read_text("utf-8")[:400]
    assert "./scripts/build" in head and "./scripts/test" in head
