"""Permission policies of the app's own models."""

from wagtail.permission_policies import ModelPermissionPolicy


class ImportRecordPermissionPolicy(ModelPermissionPolicy):
    """Import records are written by the importer only: they can be viewed and deleted."""

    read_only_actions = {"add", "change", "copy"}

    def user_has_permission(self, user, action):
        if action in self.read_only_actions:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(
            user, [action for action in actions if action not in self.read_only_actions]
        )
