"""The package's shape, without a site: layers import downwards only (no cycles, counting imports
made inside functions), controllers are never imported by the layers, and few modules lie at the
root. The demo, the patches and the tests are left aside: they drive the app from outside."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent
PACKAGE = APP.name
OUTSIDE = ("demo", "patches", "tests")
CONTROLLERS = f"{PACKAGE}.{PACKAGE}."  # the module folder: DocTypes, pages, reports


def app_modules() -> dict[str, Path]:
	modules = {}
	for path in APP.rglob("*.py"):
		parts = path.relative_to(APP).with_suffix("").parts
		if parts[0] in OUTSIDE or path.name.startswith("test_"):
			continue
		if parts[-1] == "__init__":
			parts = parts[:-1]
		modules[".".join((PACKAGE, *parts))] = path
	return modules


MODULES = app_modules()


def imports_of(path: Path) -> list[tuple[str, bool]]:
	"""(module imported, inside a function) for each import of the app's own modules."""
	tree = ast.parse(path.read_text())
	in_functions = {
		id(node)
		for function in ast.walk(tree)
		if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
		for node in ast.walk(function)
	}
	found = []
	for node in ast.walk(tree):
		if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PACKAGE):
			names = [f"{node.module}.{alias.name}" for alias in node.names]
			found += [(_module_of(name), id(node) in in_functions) for name in (node.module, *names)]
		elif isinstance(node, ast.Import):
			found += [
				(_module_of(a.name), id(node) in in_functions)
				for a in node.names
				if a.name.startswith(PACKAGE)
			]
	return [(module, local) for module, local in found if module]


def _module_of(dotted: str) -> str | None:
	while dotted and dotted not in MODULES:
		dotted = dotted.rpartition(".")[0]
	return dotted or None


def import_graph() -> dict[str, set[str]]:
	graph = {}
	for name, path in MODULES.items():
		# a package's __init__ re-exporting its own modules is not a cycle with them
		graph[name] = {m for m, _local in imports_of(path) if m != name and not name.startswith(m + ".")}
	return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
	"""Strongly connected components of more than one module (Tarjan)."""
	index, low, stack, on_stack, found = {}, {}, [], set(), []

	def visit(node):
		index[node] = low[node] = len(index)
		stack.append(node)
		on_stack.add(node)
		for target in graph.get(node, ()):
			if target not in index:
				visit(target)
				low[node] = min(low[node], low[target])
			elif target in on_stack:
				low[node] = min(low[node], index[target])
		if low[node] == index[node]:
			component = []
			while True:
				member = stack.pop()
				on_stack.discard(member)
				component.append(member)
				if member == node:
					break
			if len(component) > 1:
				found.append(sorted(component))

	for node in sorted(graph):
		if node not in index:
			visit(node)
	return found


def test_no_import_cycles():
	assert cycles(import_graph()) == []


def test_imports_are_made_at_the_top_of_modules():
	local = sorted(
		f"{path.relative_to(APP)} imports {module}"
		for name, path in MODULES.items()
		for module, inside in imports_of(path)
		if inside
	)
	assert local == []


def test_layers_never_import_a_controller():
	importers = sorted(
		name
		for name, path in MODULES.items()
		if not name.startswith(CONTROLLERS)
		and any(module.startswith(CONTROLLERS) for module, _local in imports_of(path))
	)
	assert importers == []


def test_few_modules_lie_at_the_root():
	root = sorted(path.name for path in APP.glob("*.py"))
	assert root == [
		"__init__.py",
		"doctypes.py",
		"hooks.py",
		"install.py",
		"jobs.py",
		"site_setup.py",
		"validation.py",
		"wsgi.py",
	]


def test_the_layers_are_packages():
	packages = sorted(p.name for p in APP.iterdir() if (p / "__init__.py").exists())
	assert packages == [
		"access",
		"config",  # Frappe's
		"demo",
		"desk",
		"engine",
		"format_isian",
		PACKAGE,
		"laporan",
		"patches",
		"prints",
		"reports",
		"templates",  # Frappe's
		"tests",
		"tindak_lanjut",
		"workflow",
	]
