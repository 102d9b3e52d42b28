"""gunicorn's configuration when ``doingoai serve`` runs the jobs too: a worker thread in each
web process, started once the process has loaded the application (so Django is set up). The
threads of all processes, on all machines, share the queue in the database."""


def post_worker_init(worker):
    from doingoai.jobs.runner import start_worker_thread

    start_worker_thread()
