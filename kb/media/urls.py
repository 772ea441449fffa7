app_name = "media"
urlpatterns = []
