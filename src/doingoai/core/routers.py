"""Sends reads to a replica when DATABASE_REPLICA_URL is set; writes and migrations stay on
the primary. Reads inside a request that has just written may lag: views that write
redirect before reading (post/redirect/get), which keeps that window out of sight."""


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return "replica"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
