"""Local carrier simulator: La Poste Suivi v2 and Mondial Relay SOAP on their exact wire formats.

`create_simulator_app()` returns a Starlette app; tests run it with uvicorn on loopback.
"""

from alme_portal.simulator.app import create_simulator_app

__all__ = ["create_simulator_app"]
