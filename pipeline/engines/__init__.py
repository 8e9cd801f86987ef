"""Where ``servanda run`` processes documents: here (``local``: this process or worker
processes, :class:`servanda.runner.LocalEngine`) or on a Ray cluster (``ray``:
:class:`RayEngine`, extra ``servanda[ray]``). Either way :func:`servanda.runner.run_batch`
collects the inputs and writes, resumes and orders the output, so the engines write the
same files; ``parquet`` turns a finished run into a data-lake dataset.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

ENGINES = ("local", "ray")
INSTALL_RAY = "pip install 'servanda[ray]'"

if TYPE_CHECKING:
    from .ray_engine import RayEngine


class EngineUnavailable(ImportError):
    """The engine's extra is not installed; ``str(err)`` says how to install it."""


def require_ray() -> Any:
    """The ``ray`` module, or :class:`EngineUnavailable` saying how to install it."""
    try:
        import ray
    except ImportError:
        raise EngineUnavailable(f"--engine ray needs Ray, which is not installed: {INSTALL_RAY}") from None
    return ray


def __getattr__(name: str) -> Any:
    # RayEngine imports nothing of Ray's until it starts; it is still loaded lazily so
    # that `servanda run` with the local engine never reads this package's other modules
    if name == "RayEngine":
        from .ray_engine import RayEngine

        return RayEngine
    raise AttributeError(name)


__all__ = ["ENGINES", "INSTALL_RAY", "EngineUnavailable", "RayEngine", "require_ray"]
