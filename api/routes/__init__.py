"""One APIRouter per resource; :mod:`api.app` includes them."""
