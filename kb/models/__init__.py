from .home import HomePage
from .site_settings import SiteSettings
from .standard import StandardPage

__all__ = ["HomePage", "SiteSettings", "StandardPage"]
