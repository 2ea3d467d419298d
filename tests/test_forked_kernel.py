"""The warm kernels' kernel class: ipykernel's, with the module list made once in the fork server."""

import inspect
import sys

import nbformat
import papermill

from analysis.execute import KERNEL_ARGUMENTS
from analysis.warm_kernels import WarmKernelManager


def test_ipykernel_still_lists_the_modules_where_the_snapshot_stands_in():
    # ForkedKernel swaps ipykernel.ipkernel's ``sys`` while IPythonKernel.__init__ runs; that helps only
    # as long as __init__ lists them from sys.modules there. If ipykernel changes this, look again.
    from ipykernel.ipkernel import IPythonKernel

    source = inspect.getsource(IPythonKernel.__init__)
    assert "for m in sys.modules.copy().values() if hasattr(m, \"__file__\") and m.__file__" in source


def test_the_snapshot_holds_every_module_file_as_a_copy():
    from analysis import forked_kernel

    count = forked_kernel.snapshot_modules()
    files = {name: m.__file__ for name, m in list(sys.modules.items()) if getattr(m, "__file__", None)}
    snapshot = forked_kernel._server_modules
    assert count == len(snapshot) and set(files) <= set(snapshot)  # taken just now: every module that has a file
    assert all(snapshot[name].__file__ == path and snapshot[name].__file__ is not path for name, path in files.items())


def test_a_warm_kernel_is_a_forked_kernel_listing_the_servers_modules(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import sys, pandas, ipykernel.ipkernel\nkernel = get_ipython().kernel\n"
        "print(type(kernel).__name__, isinstance(kernel, ipykernel.ipkernel.IPythonKernel))\n"
        "print(pandas.__file__ in kernel._kernel_modules, ipykernel.ipkernel.sys is sys)")])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "probe.ipynb")
    out = papermill.execute_notebook(str(tmp_path / "probe.ipynb"), str(tmp_path / "out.ipynb"), kernel_name="python3",
                                     progress_bar=False, extra_arguments=KERNEL_ARGUMENTS, kernel_manager_class=WarmKernelManager)
    assert out.cells[0].outputs[0].text.splitlines() == ["ForkedKernel True", "True True"]
