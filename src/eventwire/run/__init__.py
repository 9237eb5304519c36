"""Running the pipeline over inputs: the runner (``runner``), where the work runs
(``executors``: serial, process pool, Ray) and the Parquet copy of a run's events
(``parquet``)."""
