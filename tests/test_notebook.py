"""The registry tour notebook runs top to bottom on the shared material, so it cannot rot.

It is handed the session's registry of seeds and corpus (CONGVAN_TOUR_REGISTRY) rather than
extracting the corpus a second time; its ingest cell then re-reads every source and adds nothing."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT, needs_shared

NOTEBOOK = ROOT / "notebooks" / "registry_tour.ipynb"


@needs_shared
def test_registry_tour_runs(corpus_registry, monkeypatch):
    path, summary = corpus_registry
    monkeypatch.setenv("CONGVAN_TOUR_REGISTRY", str(path))  # the kernel inherits the environment
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    errors = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])
              if out.get("output_type") == "error"]
    assert not errors
    text = "".join(out.get("text", "") for cell in nb.cells for out in cell.get("outputs", []))
    assert "0 documents added" in text and " 0 quarantined" in text  # every source already known
    assert f"the registry holds {summary.added} documents" in text  # the copy is the whole registry


def test_notebook_is_stored_without_outputs():
    """Outputs are made by running it; a stored copy with outputs would go stale."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__])
