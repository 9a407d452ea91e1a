"""First code a Spark Python worker runs for kjlint: import the package the driver shipped.

Pickled by value (spark.py registers this module with cloudpickle), so unpickling it imports no
kjlint: a worker started in a source checkout would otherwise import `./kjlint` from its working
directory, and one on a cluster node whatever kjlint is installed there. Standard library only.
"""


def run_shipped(items, *, archive: str, func: str, run: str, context, method: str):
    """Unpack `archive` (a zip from SparkContext.addFile) once per node, put it first on sys.path,
    forget any other kjlint already imported, then run kjlint's own task runner."""
    import importlib
    import os
    import sys
    import zipfile

    from pyspark import SparkFiles

    path = SparkFiles.get(archive)
    root = path[: -len(".zip")]
    if not os.path.isdir(root):
        staging = f"{root}.{os.getpid()}.tmp"
        with zipfile.ZipFile(path) as zf:
            zf.extractall(staging)
        try:
            os.rename(staging, root)
        except OSError:  # another worker unpacked it first
            import shutil

            shutil.rmtree(staging, ignore_errors=True)
    if sys.path[:1] != [root]:
        sys.path.insert(0, root)
        for name in [m for m in sys.modules if m == "kjlint" or m.startswith("kjlint.")]:
            del sys.modules[name]
    worker = importlib.import_module("kjlint.engines.spark_tasks")
    return worker.run_partition(items, func=func, run=run, context=context, method=method)
